/**
 * The kiosk issues walk-in tickets only in the hall's ticket hours (server/domain/opening-hours.ts);
 * outside them it gets `hall_closed` with the reason and the next opening, and nothing is written.
 * A date's sessions: its weekday's, as the official working-day calendar (with the admin's overrides)
 * classifies the date (server/domain/weekly-sessions.ts). A year the calendar has no data for falls back to Monday–Friday
 * here — refusing a visitor at the door for want of a holiday table would be worse than a guess
 * that only decides when the kiosk says "closed".
 */
import { ticketIssuing, localStamp, type SessionsOn } from '../domain/opening-hours';
import { dayKindOf, isoWeekday, sessionsOn, type DayKind } from '../domain/weekly-sessions';
import { effectiveSettings } from '../domain/wait-target';
import type { WorkingDayCalendar } from '../domain/working-days';
import type { HallView } from '../protocol/views';
import type { Db, Tx } from '../../db/client';
import { AppError } from './app-error';
import { isUnknownYear, loadCalendar } from './appointments/calendar';

/** What the calendar says a date is, for its sessions; a year without data is taken as Monday–Friday working. */
export function dayKindIn(calendar: WorkingDayCalendar, date: string): DayKind {
  try {
    return dayKindOf(calendar.describeDay(date));
  } catch (err) {
    if (!isUnknownYear(err)) throw err;
    return isoWeekday(date) <= 5 ? 'working' : 'weekend';
  }
}

/** The sessions each date of a hall opens with (server/domain/weekly-sessions.ts). */
export function hallSessionsOn(calendar: WorkingDayCalendar, hall: Pick<HallView, 'sessions'>, openOnRestDays: boolean): SessionsOn {
  return (date) => sessionsOn(date, hall.sessions, dayKindIn(calendar, date), openOnRestDays);
}

export async function assertKioskIssuing(tx: Db | Tx, hall: HallView, now: Date): Promise<void> {
  const s = effectiveSettings(hall.settings);
  if (s.kioskIssuing === 'always') return;
  const calendar = await loadCalendar(tx);
  const verdict = ticketIssuing(now, { timeZone: hall.timeZone, lastTicketMinutes: s.lastTicketMinutes, kioskIssuing: s.kioskIssuing }, hallSessionsOn(calendar, hall, s.openOnRestDays));
  if (verdict.open) return;
  const next = verdict.nextOpening;
  throw new AppError(
    'hall_closed',
    `Tickets are not issued now (${verdict.reason.replaceAll('_', ' ')})${next ? `; the kiosk issues again from ${localStamp(next, hall.timeZone)}` : ''}`,
    { reason: verdict.reason, ...(next && { nextOpening: next.toISOString(), nextOpeningLocal: localStamp(next, hall.timeZone) }) },
  );
}
