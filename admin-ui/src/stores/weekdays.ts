/** Opening sessions as people say them: "周一至周五 09:00–12:00". Pure, tested in Node. */
import type { OpeningSession } from '../../../server/protocol/views';
import type { Lang } from '../../../ui-shared/src/i18n';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const ZH = ['', '一', '二', '三', '四', '五', '六', '日'];
const EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function weekdayName(d: number, lang: Lang): string {
  return lang === 'zh-CN' ? `周${ZH[d]}` : EN[d]!;
}

/** [1,2,3,4,5] → 周一至周五; [1,3] → 周一、周三; absent → 工作日 (a session without days runs on working days). */
export function daysLabel(days: readonly number[] | undefined, lang: Lang): string {
  const zh = lang === 'zh-CN';
  if (!days) return zh ? '工作日' : 'Working days';
  if (days.length === 7) return zh ? '每天' : 'Every day';
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const d of sorted) {
    const last = runs.at(-1);
    if (last && last.at(-1) === d - 1) last.push(d);
    else runs.push([d]);
  }
  const name = (d: number) => weekdayName(d, lang);
  return runs.map((r) => (r.length >= 3 ? `${name(r[0]!)}${zh ? '至' : '–'}${name(r.at(-1)!)}` : r.map(name).join(zh ? '、' : ', '))).join(zh ? '、' : ', ');
}

export function sessionsLabel(sessions: readonly OpeningSession[], lang: Lang): string {
  return sessions.map((s) => `${daysLabel(s.days, lang)} ${s.start}–${s.end}`).join(lang === 'zh-CN' ? '；' : '; ');
}
