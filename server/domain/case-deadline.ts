/**
 * A case's promised limit in working days (docs/domain.md, "Cases and their limits"), on the hall's working-day calendar:
 *  - the clock starts the day after acceptance (the acceptance day itself is day 0), and counts
 *    only working days (public holidays off, 调休 make-up days on);
 *  - the time the applicant spends supplying materials (补正) does not count: a pause from date F
 *    to date T removes the working days d with F < d ≤ T (an open pause removes every day after F);
 *  - at risk from 80 % of the limit (elapsed × 5 ≥ limit × 4, limit > 0), overdue once today is
 *    after the due date.
 * A date in a year without calendar data throws CalendarError('calendar_year_unknown'), never a guess.
 */
import { reachedAtRisk } from '../protocol/rules';
import type { WorkingDayCalendar } from './working-days';

/** A 补正 period, hall-local dates: materials asked for on `from`, supplied on `to` (null: still waiting). */
export interface CasePause {
  from: string;
  to: string | null;
}

export interface CaseClock {
  /** Hall-local date of acceptance (受理). */
  acceptedDate: string;
  /** Promised limit in working days (0 = the same day). */
  limitDays: number;
  pauses: readonly CasePause[];
}

export type CaseTimeLevel = 'ok' | 'at_risk' | 'overdue' | 'paused';

export interface CaseTime {
  /** Null while a pause is open: the due date is not known until the materials come in. */
  dueDate: string | null;
  /** Working days counted so far (pauses excluded). */
  elapsedDays: number;
  level: CaseTimeLevel;
}

function paused(date: string, pauses: readonly CasePause[]): boolean {
  return pauses.some((p) => date > p.from && (p.to === null || date <= p.to));
}

function hasOpenPause(pauses: readonly CasePause[]): boolean {
  return pauses.some((p) => p.to === null);
}

/** The promised completion date: the limitDays-th counted working day after acceptance. */
export function caseDueDate(calendar: WorkingDayCalendar, clock: CaseClock): string | null {
  if (!Number.isInteger(clock.limitDays) || clock.limitDays < 0) throw new RangeError(`limit must be a whole number of days, got ${clock.limitDays}`);
  if (hasOpenPause(clock.pauses)) return null;
  calendar.describeDay(clock.acceptedDate); // refuses a date the calendar cannot classify
  let day = clock.acceptedDate;
  let counted = 0;
  while (counted < clock.limitDays) {
    day = calendar.addWorkingDays(day, 1);
    if (!paused(day, clock.pauses)) counted++;
  }
  return day;
}

/** Counted working days d with acceptedDate < d ≤ today. */
export function elapsedWorkingDays(calendar: WorkingDayCalendar, clock: CaseClock, today: string): number {
  let day = clock.acceptedDate;
  let counted = 0;
  for (;;) {
    const next = calendar.addWorkingDays(day, 1);
    if (next > today) return counted;
    if (!paused(next, clock.pauses)) counted++;
    day = next;
  }
}

export function caseTime(calendar: WorkingDayCalendar, clock: CaseClock, today: string): CaseTime {
  const elapsedDays = today <= clock.acceptedDate ? 0 : elapsedWorkingDays(calendar, clock, today);
  const dueDate = caseDueDate(calendar, clock);
  if (dueDate === null) return { dueDate, elapsedDays, level: 'paused' };
  if (today > dueDate) return { dueDate, elapsedDays, level: 'overdue' };
  if (clock.limitDays > 0 && reachedAtRisk(elapsedDays, clock.limitDays)) return { dueDate, elapsedDays, level: 'at_risk' };
  return { dueDate, elapsedDays, level: 'ok' };
}

/** Was a case finished on `finishedDate` within its promised limit? */
export function finishedWithinLimit(calendar: WorkingDayCalendar, clock: CaseClock, finishedDate: string): boolean {
  const due = caseDueDate(calendar, { ...clock, pauses: clock.pauses.map((p) => ({ from: p.from, to: p.to ?? finishedDate })) });
  return due !== null && finishedDate <= due;
}
