/** Words of the manager's 作废号码 form, zh-CN first; follows the dashboard's language switch. */
import { fillParams } from '../../../ui-shared/src/i18n';
import { i18n } from './messages';

const zh = {
  open: '作废号码…',
  title: '作废号码',
  hint: '作废后号码离开队列且不再叫号，窗口与大厅屏随即更新。原因会记录在号码的经过中（其中的身份证号、手机号等个人信息会被隐去）。',
  ticket: '号码',
  pick: '请选择号码',
  reason: '原因（必填）',
  reasonMissing: '请选择号码并填写作废原因',
  submit: '作废',
  done: '{number} 已作废',
  action: '作废',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  open: 'Cancel a ticket…',
  title: 'Cancel a ticket',
  hint: 'A cancelled ticket leaves the queue and is never called; counters and the wall display update at once. The reason is kept in the ticket history (identity and phone numbers in it are removed).',
  ticket: 'Ticket',
  pick: 'Choose a ticket',
  reason: 'Reason (required)',
  reasonMissing: 'Choose a ticket and give a reason',
  submit: 'Cancel ticket',
  done: '{number} cancelled',
  action: 'Cancel',
};

export function xt(key: Key, params?: Record<string, string | number>): string {
  const text = (i18n.lang.get() === 'en' ? en : zh)[key];
  return fillParams(text, params);
}
