import type { CaseDocumentKind, CaseDelivery, TicketLanguage } from './types';

/** Fixed wording of the case documents (受理回执, 一次性告知书, 不予受理通知书). Names come from the data. */
export interface CaseDocumentLabels {
  title: Record<CaseDocumentKind, string>;
  reprint: string;
  caseNumber: (n: string) => string;
  matter: (name: string) => string;
  department: (name: string) => string;
  date: (date: string, time: string) => string;
  counter: (n: number) => string;
  due: (date: string) => string;
  onTheSpot: string;
  result: (name: string) => string;
  delivery: (how: CaseDelivery) => string;
  promise: (date: string) => string;
  noticeIntro: string;
  noticeDeadline: (date: string, counter: number | null) => string;
  noticeSameCase: string;
  reason: (text: string) => string;
  refusalAdvice: string;
  contact: (text: string) => string;
  hotline: (text: string) => string;
  follow: string;
  scanHint: string;
}

const DELIVERY_ZH: Record<CaseDelivery, string> = {
  pickup: '窗口领取：办结后凭本回执或身份证件到出件窗口领取（取号时选“领取证照”）',
  post: '邮寄送达：办结后寄往您登记的地址，可在进度页查看运单号',
  electronic: '电子送达：办结后可在进度页查看电子证照',
};
const DELIVERY_EN: Record<CaseDelivery, string> = {
  pickup: 'Pickup: when ready, collect it at the pickup counter with this receipt or your ID (take a "collect" ticket)',
  post: 'By post: sent to your registered address when ready; the tracking number appears on the progress page',
  electronic: 'Electronic: the e-licence appears on the progress page when ready',
};

const zhCN: CaseDocumentLabels = {
  title: { case_receipt: '受理回执', case_notice: '一次性告知书', case_refusal: '不予受理通知书' },
  reprint: '【补打】',
  caseNumber: (n) => `办件编号：${n}`,
  matter: (name) => `办理事项：${name}`,
  department: (name) => `承办部门：${name}`,
  date: (d, t) => `日期：${d} ${t}`,
  counter: (n) => `受理窗口：${n}号窗口`,
  due: (d) => `承诺办结日期：${d}`,
  onTheSpot: '已当场办结',
  result: (name) => `办理结果：${name}`,
  delivery: (how) => `送达方式：${DELIVERY_ZH[how]}`,
  promise: (d) => `容缺受理：您已书面承诺于${d}前补交以下材料：`,
  noticeIntro: '您申请的事项尚缺以下材料，现一次性告知，请补齐后再来办理：',
  noticeDeadline: (d, c) => `请于${d}前携带上述材料${c === null ? '' : `到${c}号窗口`}继续办理，无需重新申请，补正期间不计入承诺时限。`,
  noticeSameCase: '再次办理时请出示本告知书或报办件编号、身份证号。',
  reason: (text) => `不予受理理由：${text}`,
  refusalAdvice: '如有异议，可向承办部门咨询或依法申请行政复议、提起行政诉讼。',
  contact: (text) => `咨询电话：${text}`,
  hotline: (text) => `服务热线：${text}`,
  follow: '查询进度：微信或手机扫描下方二维码，办理进度、领取通知均在此页。',
  scanHint: '扫码查看办件进度',
};

const en: CaseDocumentLabels = {
  title: { case_receipt: 'Acceptance receipt 受理回执', case_notice: 'Notice of missing materials 一次性告知书', case_refusal: 'Notice of non-acceptance 不予受理通知书' },
  reprint: '[REPRINT 补打]',
  caseNumber: (n) => `Case no.: ${n}`,
  matter: (name) => `Service: ${name}`,
  department: (name) => `Department: ${name}`,
  date: (d, t) => `Date: ${d} ${t}`,
  counter: (n) => `Counter: ${n}`,
  due: (d) => `Promised completion: ${d}`,
  onTheSpot: 'Completed on the spot',
  result: (name) => `Result: ${name}`,
  delivery: (how) => `Delivery: ${DELIVERY_EN[how]}`,
  promise: (d) => `Accepted on your written promise to supply by ${d}:`,
  noticeIntro: 'The following materials are missing. This notice lists all of them at once:',
  noticeDeadline: (d, c) => `Please bring them by ${d}${c === null ? '' : ` to counter ${c}`}; the same case continues and the wait does not count against the time limit.`,
  noticeSameCase: 'When you come back, show this notice or give the case number or your ID number.',
  reason: (text) => `Reason: ${text}`,
  refusalAdvice: 'You may ask the department, or apply for administrative review or litigation according to law.',
  contact: (text) => `Enquiries: ${text}`,
  hotline: (text) => `Hotline: ${text}`,
  follow: 'Track progress: scan the QR code below; progress and pickup notices appear there.',
  scanHint: 'Scan to follow your case',
};

export function caseDocumentLabels(language: TicketLanguage = 'zh-CN'): CaseDocumentLabels {
  return language === 'en' ? en : zhCN;
}
