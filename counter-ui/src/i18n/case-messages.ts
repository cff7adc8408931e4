/** Every word of the acceptance panel (办件), zh-CN first; follows the workstation's language switch. */
import type { CaseStatus, DeliveryMethod, MaterialForm } from '../../../server/protocol/cases';
import type { Lang } from '../../../ui-shared/src/i18n';
import { i18n } from './messages';

const zh = {
  title: '办件受理',
  none: '当前号码尚未建立办件。',
  open: '建立办件（收件）',
  continue: '继续已有办件',
  queryPlaceholder: '办件编号或身份证号码',
  find: '查找',
  noneFound: '未找到办件',
  resume: '继续办理',
  number: '办件编号',
  status: '状态',
  due: '承诺办结',
  checklist: '材料清单（勾选已收材料）',
  required: '必要',
  optional: '可选',
  tolerable: '可容缺',
  copies: '{form} {n} 份',
  delivery: '领取方式',
  promiseDate: '容缺承诺补交日期',
  reason: '不予受理原因',
  accept: '受理',
  tolerate: '容缺受理',
  notice: '一次性告知',
  notAccept: '不予受理',
  complete: '当场办结',
  print: '打印',
  printed: '已发送打印',
  slip_receipt: '受理回执',
  slip_notice: '一次性告知书',
  slip_not_accepted: '不予受理通知书',
  slip_tolerated: '容缺受理承诺书',
  slip_completed: '办结回执',
  slip_collected: '领取凭证',
  slipHall: '{hall}',
  slipMatter: '事项：{matter}',
  slipCase: '办件编号：{number}',
  slipDate: '日期：{date}',
  slipDue: '承诺办结日期：{date}',
  slipDelivery: '结果领取：{how}',
  slipFollow: '扫描取号单二维码或凭办件编号查询办理进度。',
  slipItems: '请补齐以下材料（一次性告知）：',
  slipDeadline: '请于 {date} 前携带上述材料到 {counter} 号窗口继续办理同一办件；补正期间不计入承诺时限。',
  slipPromise: '申请人承诺于 {date} 前补交：',
  slipReason: '不予受理原因：{reason}',
  slipContact: '咨询电话：{contact}',
  pickupTitle: '统一出件',
  pickupCase: '领取办件 {number} · {matter}',
  pickupId: '核验身份证号码',
  handOver: '核验并交付',
  collected: '已交付，办件已领取',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  title: 'Case intake',
  none: 'No case for this ticket yet.',
  open: 'Open a case',
  continue: 'Continue an existing case',
  queryPlaceholder: 'Case number or ID number',
  find: 'Find',
  noneFound: 'No case found',
  resume: 'Continue',
  number: 'Case number',
  status: 'Status',
  due: 'Promised by',
  checklist: 'Materials (tick what was received)',
  required: 'required',
  optional: 'optional',
  tolerable: 'may follow',
  copies: '{form} ×{n}',
  delivery: 'Delivery',
  promiseDate: 'Promised supply date',
  reason: 'Reason for not accepting',
  accept: 'Accept',
  tolerate: 'Accept on promise',
  notice: 'Notice to supply',
  notAccept: 'Not accepted',
  complete: 'Complete on the spot',
  print: 'Print',
  printed: 'Sent to the printer',
  slip_receipt: 'Acceptance receipt',
  slip_notice: 'Notice to supply materials',
  slip_not_accepted: 'Notice of non-acceptance',
  slip_tolerated: 'Acceptance on promise',
  slip_completed: 'Completion receipt',
  slip_collected: 'Collection slip',
  slipHall: '{hall}',
  slipMatter: 'Matter: {matter}',
  slipCase: 'Case number: {number}',
  slipDate: 'Date: {date}',
  slipDue: 'Promised by: {date}',
  slipDelivery: 'Result: {how}',
  slipFollow: 'Follow progress with the ticket QR code or the case number.',
  slipItems: 'Please bring all of the following:',
  slipDeadline: 'Bring them to counter {counter} by {date}; staff continue the same case. The time does not count against the limit.',
  slipPromise: 'The applicant promises to supply by {date}:',
  slipReason: 'Reason: {reason}',
  slipContact: 'Enquiries: {contact}',
  pickupTitle: 'Result pickup',
  pickupCase: 'Collecting case {number} · {matter}',
  pickupId: 'Check the ID number',
  handOver: 'Check and hand over',
  collected: 'Handed over; the case is collected',
};

const STATUS: Record<Lang, Record<CaseStatus, string>> = {
  'zh-CN': { intake: '收件', notice: '待补正（已一次性告知）', accepted: '已受理', not_accepted: '不予受理', reviewing: '审查中', supplement: '补正中', approved: '准予', refused: '不予许可', producing: '制证中', ready: '待领取', posted: '已寄出', collected: '已领取', closed: '办结', withdrawn: '已撤回' },
  en: { intake: 'Intake', notice: 'Notice given', accepted: 'Accepted', not_accepted: 'Not accepted', reviewing: 'Under review', supplement: 'Supplying', approved: 'Approved', refused: 'Refused', producing: 'Producing', ready: 'Ready', posted: 'Posted', collected: 'Collected', closed: 'Completed', withdrawn: 'Withdrawn' },
};
const DELIVERY: Record<Lang, Record<DeliveryMethod, string>> = {
  'zh-CN': { pickup: '窗口领取', post: '邮寄送达', electronic: '电子证照' },
  en: { pickup: 'Pick up', post: 'By post', electronic: 'Electronic' },
};
const FORM: Record<Lang, Record<MaterialForm, string>> = {
  'zh-CN': { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' },
  en: { original: 'original', copy: 'copy', original_and_copy: 'original + copy' },
};

export function ct(key: Key, params?: Record<string, string | number>): string {
  const text = (i18n.lang.get() === 'en' ? en : zh)[key];
  return params ? text.replace(/\{(\w+)\}/g, (m, n: string) => (n in params ? String(params[n]) : m)) : text;
}
export const caseStatusText = (s: CaseStatus) => STATUS[i18n.lang.get()][s];
export const deliveryText = (d: DeliveryMethod) => DELIVERY[i18n.lang.get()][d];
export const formText = (f: MaterialForm) => FORM[i18n.lang.get()][f];
