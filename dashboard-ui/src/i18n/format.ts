/** Words for event types, and number/time formatting, in the dashboard's current language. */
import type { Lang } from '../../../ui-shared/src/i18n';
import { i18n, t } from './messages';

/** Fact types as words in the ticket history. */
const EVENT_WORDS: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    'ticket:issued': '取号', 'ticket:called': '叫号', 'ticket:recalled': '重呼', 'ticket:started': '开始办理',
    'ticket:finished': '服务完成', 'ticket:no-show': '过号', 'ticket:reactivated': '过号激活', 'ticket:transferred': '转移',
    'ticket:parked': '挂起', 'ticket:called-back': '挂起后叫回', 'ticket:cancelled': '取消', 'ticket:at-risk': '即将超时预警',
    'ticket:breached': '超时预警', 'ticket:handling-overdue': '办理超时预警', 'print:status': '打印',
  },
  en: {
    'ticket:issued': 'Issued', 'ticket:called': 'Called', 'ticket:recalled': 'Recalled', 'ticket:started': 'Service started',
    'ticket:finished': 'Finished', 'ticket:no-show': 'No-show', 'ticket:reactivated': 'Reactivated', 'ticket:transferred': 'Moved',
    'ticket:parked': 'Parked', 'ticket:called-back': 'Called back', 'ticket:cancelled': 'Cancelled', 'ticket:at-risk': 'At-risk alert',
    'ticket:breached': 'Over-target alert', 'ticket:handling-overdue': 'Handling overdue alert', 'print:status': 'Printing',
  },
};

export const eventWord = (type: string) => EVENT_WORDS[i18n.lang.get()][type] ?? type;

const PRINT_WORDS: Record<Lang, { print: string; reprint: string; status: Record<string, string> }> = {
  'zh-CN': { print: '打印号票', reprint: '补打号票', status: { pending: '等待打印', printing: '打印中', printed: '已打印', failed: '打印失败' } },
  en: { print: 'Ticket print', reprint: 'Reprint', status: { pending: 'waiting', printing: 'printing', printed: 'printed', failed: 'failed' } },
};

/** A folded print entry of the ticket history: "打印号票 · 已打印", "补打号票 · 打印失败（…）". */
export function printWord(p: { status: string; reprint: boolean; lastError: string | null }): string {
  const w = PRINT_WORDS[i18n.lang.get()];
  const status = w.status[p.status] ?? p.status;
  return `${p.reprint ? w.reprint : w.print} · ${status}${p.status === 'failed' && p.lastError ? (i18n.lang.get() === 'en' ? ` (${p.lastError})` : `（${p.lastError}）`) : ''}`;
}

/** 12.4 → "12"; null → "—". */
export const minutes = (v: number | null | undefined) => (v === null || v === undefined ? t('none') : t('unit.min', { n: Math.floor(v) }));
export const percent = (share: number | null | undefined) => (share === null || share === undefined ? t('none') : `${(share * 100).toFixed(1)}%`);
export const timeOf = (iso: string, timeZone?: string) =>
  new Intl.DateTimeFormat(i18n.lang.get(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone && { timeZone }) }).format(new Date(iso));
