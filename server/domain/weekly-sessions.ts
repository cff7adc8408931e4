/**
 * Opening sessions per weekday (docs/opening-hours.md). A session names the ISO weekdays it runs
 * on (1 = Monday … 7 = Sunday), or none for every day. Which of them a date opens with depends on
 * what the working-day calendar says the date is:
 * - a working day (including a 调休 Saturday or Sunday worked in exchange for a holiday): the sessions
 *   of its weekday; a worked weekend day runs like a Monday, as a working day is meant to;
 * - an ordinary Saturday or Sunday: only the sessions that name that weekday (a Saturday-morning
 *   service); sessions for "every day" are the working week's and do not open a weekend;
 * - a public holiday or a rest-day override: closed;
 * and a hall open on rest days (`openOnRestDays`) opens every date with its weekday's sessions.
 * Pure.
 */
import type { OpeningSession } from '../protocol/views';

export type DayKind = 'working' | 'weekend' | 'holiday';

/** 1 = Monday … 7 = Sunday, for a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const runsOn = (s: OpeningSession, weekday: number) => !s.days || s.days.includes(weekday);

/** The calendar's verdict on a date as the sessions need it. */
export function dayKindOf(day: { date: string; working: boolean; source: 'override' | 'bundled' | 'weekday' }): DayKind {
  if (day.working) return 'working';
  return day.source === 'weekday' ? 'weekend' : 'holiday';
}

export function sessionsOn(date: string, sessions: readonly OpeningSession[], kind: DayKind, openOnRestDays: boolean): OpeningSession[] {
  const weekday = isoWeekday(date);
  if (openOnRestDays) return sessions.filter((s) => runsOn(s, weekday));
  if (kind === 'holiday') return [];
  if (kind === 'weekend') return sessions.filter((s) => s.days?.includes(weekday));
  return sessions.filter((s) => runsOn(s, weekday <= 5 ? weekday : 1));
}
