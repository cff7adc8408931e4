/** Every word of the desk's staff tools (代取号, 补打, 今日预约), zh-CN first; follows the workstation's language switch. */
import { fillParams } from '../../../ui-shared/src/i18n';
import { i18n } from './messages';

const zh = {
  label: '工作人员操作',
  issue: '代取号',
  reprint: '补打号票',
  appointments: '今日预约',
  issueTitle: '为办事人取号',
  issueHint: '办事人没有手机或身份证也可以取号；不在取号时间内也可由工作人员例外出号。',
  matter: '办理事项',
  matterPick: '请选择事项',
  green: '绿色通道',
  greenNone: '不需要',
  greenDisabled: '残疾人',
  greenMilitary: '军人',
  greenPregnant: '孕妇',
  issueSubmit: '取号',
  issued: '已取号 {number}（{matter}），前面还有 {ahead} 人。请把号码告诉办事人。',
  issuedPrinted: '号票正在取号机打印。',
  matterRequired: '请先选择办理事项',
  reprintTitle: '补打号票',
  reprintHint: '补打的号票标有“补打”，在原取号机上打印。',
  reprintNumber: '号码',
  reprintPick: '请选择要补打的号码',
  reprintSubmit: '补打',
  reprinted: '{number} 已送去补打（标“补打”）。',
  reprintNone: '今天还没有可以补打的号码',
  reprintMayHavePrinted: '{number} 上次打印可能已出票（打印中断或仍在打印）：群众可能已经拿到这张号票。请先确认群众手中没有号票，再补打。',
  reprintConfirm: '确认补打',
  appointmentsTitle: '今日预约 · {date}',
  appointmentsEmpty: '今天没有预约',
  appointmentsLoading: '正在加载…',
  colSlot: '时段',
  colMatter: '事项',
  colCode: '预约码',
  colVisitor: '办事人',
  colStatus: '状态',
  reload: '刷新',
  close: '关闭',
  cancel: '取消',
  'status.booked': '待签到',
  'status.checked_in': '已签到',
  'status.cancelled': '已取消',
  'status.no_show': '爽约',
  'status.late': '迟到（按现场号）',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  label: 'Staff actions',
  issue: 'Issue',
  reprint: 'Reprint',
  appointments: 'Bookings',
  issueTitle: 'Issue a ticket for a visitor',
  issueHint: 'A visitor without a phone or an ID card can always get a ticket; outside ticket hours staff issue by exception.',
  matter: 'Matter',
  matterPick: 'Choose a matter',
  green: 'Green channel',
  greenNone: 'None',
  greenDisabled: 'Disabled',
  greenMilitary: 'Military',
  greenPregnant: 'Pregnant',
  issueSubmit: 'Issue',
  issued: 'Issued {number} ({matter}); {ahead} ahead. Tell the visitor the number.',
  issuedPrinted: 'The ticket is printing at the kiosk.',
  matterRequired: 'Choose a matter first',
  reprintTitle: 'Reprint a ticket',
  reprintHint: 'A reprint is marked “补打 / reprint” and prints on the kiosk that issued the ticket.',
  reprintNumber: 'Number',
  reprintPick: 'Choose the number to reprint',
  reprintSubmit: 'Reprint',
  reprinted: '{number} sent to the printer again (marked reprint).',
  reprintNone: 'No ticket today can be reprinted yet',
  reprintMayHavePrinted: 'The last print of {number} may have come out (it was interrupted or is still printing): the visitor may already hold this ticket. Check that they have no ticket, then reprint.',
  reprintConfirm: 'Confirm reprint',
  appointmentsTitle: "Today's appointments · {date}",
  appointmentsEmpty: 'No appointments today',
  appointmentsLoading: 'Loading…',
  colSlot: 'Slot',
  colMatter: 'Matter',
  colCode: 'Code',
  colVisitor: 'Visitor',
  colStatus: 'Status',
  reload: 'Reload',
  close: 'Close',
  cancel: 'Cancel',
  'status.booked': 'Booked',
  'status.checked_in': 'Checked in',
  'status.cancelled': 'Cancelled',
  'status.no_show': 'No-show',
  'status.late': 'Late (walk-in)',
};

export type StaffToolKey = Key;

export function st(key: Key, params?: Record<string, string | number>): string {
  const text = (i18n.lang.get() === 'en' ? en : zh)[key];
  return fillParams(text, params);
}

/** An appointment status in words; an unknown one as it is. */
export function appointmentStatusText(status: string): string {
  const key = `status.${status}` as Key;
  return key in zh ? st(key) : status;
}
