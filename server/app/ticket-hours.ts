/**
 * The kiosk issues walk-in tickets only in the hall's ticket hours (server/domain/opening-hours.ts);
 * outside them it gets `hall_closed` with the reason and the next opening, and nothing is written.
 * Open days: the official working-day calendar (with the admin's overrides), or every day for a
 * hall with `openOnRestDays`. A year the calendar has no data for falls back to Monday–Friday
 * here — refusing a visitor at the door for want of a holiday table would be worse than a guess
 * that only decides when the kiosk says "closed".
 */
import { ticketIssuing, localStamp } from '../domain/opening-hours';
import { effectiveSettings } from '../domain/wait-target';
import type { WorkingDayCalendar } from '../domain/working-days';
import type { HallView } from '../protocol/views';
import type { Db, Tx } from '../../db/client';
import { AppError } from './app-error';
import { isUnknownYear, loadCalendar } from './appointments/calendar';

export function openDayOf(calendar: WorkingDayCalendar, openOnRestDays: boolean): (date: string) => boolean {
  return (date) => {
    if (openOnRestDays) return true;
    try {
      return calendar.isWorkingDay(date);
    } catch (err) {
      if (!isUnknownYear(err)) throw err;
      const day = new Date(`${date}T00:00:00Z`).getUTCDay();
      return day !== 0 && day !== 6;
    }
  };
}

export async function assertKioskIssuing(tx: Db | Tx, hall: HallView, now: Date): Promise<void> {
  const s = effectiveSettings(hall.settings);
  if (s.kioskIssuing === 'always') return;
  const calendar = await loadCalendar(tx);
  const verdict = ticketIssuing(now, { timeZone: hall.timeZone, sessions: hall.sessions, lastTicketMinutes: s.lastTicketMinutes, kioskIssuing: s.kioskIssuing }, openDayOf(calendar, s.openOnRestDays));
  if (verdict.open) return;
  const next = verdict.nextOpening;
  throw new AppError(
    'hall_closed',
    `Tickets are not issued now (${verdict.reason.replaceAll('_', ' ')})${next ? `; the kiosk issues again from ${localStamp(next, hall.timeZone)}` : ''}`,
    { reason: verdict.reason, ...(next && { nextOpening: next.toISOString(), nextOpeningLocal: localStamp(next, hall.timeZone) }) },
  );
}
