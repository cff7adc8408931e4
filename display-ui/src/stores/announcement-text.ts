/** What the display says for a call: "请 A 零 二 三 号 到 5 号窗口办理", characters read one by one. */
import type { Lang } from '../../../ui-shared/src/i18n';
import { messages } from '../i18n/messages';

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A023 → "A 零 二 三" (zh) or "A 0 2 3" (en): each character on its own, so "023" is never read "twenty-three". */
export function spellTicket(number: string, lang: Lang): string {
  return [...number.trim()]
    .map((ch) => (lang === 'zh-CN' && ch >= '0' && ch <= '9' ? ZH_DIGITS[Number(ch)]! : ch.toUpperCase()))
    .join(' ');
}

export function announcementText(call: { number: string; counterNumber: number }, lang: Lang): string {
  return messages[lang]['voice.text']
    .replace('{ticket}', spellTicket(call.number, lang))
    .replace('{counter}', String(call.counterNumber));
}
