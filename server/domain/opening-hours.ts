/**
 * When the kiosk issues walk-in tickets (DOMAIN §2, issue #16 point 4): on the hall's open days,
 * inside its opening sessions, and not after the last-ticket cut-off (`lastTicketMinutes` before
 * each session ends), so that every ticket issued can be served before the counters close.
 * Pure: the instant and a function giving the sessions a date opens with (none: closed that day;
 * weekly-sessions.ts decides them from the weekday and the calendar) are passed in.
 *
 * A hall with `kioskIssuing: 'always'` (a 24-hour self-service area) issues at any time. Staff
 * can always issue a ticket by exception, and appointment check-ins follow their slot window.
 */
import { instantAt, localParts } from './hall-time';

export interface TicketHours {
  timeZone: string;
  lastTicketMinutes: number;
  kioskIssuing: 'sessions' | 'always';
}

type Session = { start: string; end: string };
/** The sessions a hall-local date opens with; none when the hall is closed that day. */
export type SessionsOn = (date: string) => readonly Session[];

export type ClosedReason = 'rest_day' | 'before_opening' | 'between_sessions' | 'after_last_ticket' | 'after_hours';

export type IssuingVerdict = { open: true } | { open: false; reason: ClosedReason; nextOpening: Date | null };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const MINUTE = 60_000;
/** How far ahead the next opening is looked for (a long holiday is at most ~9 days). */
const LOOK_AHEAD_DAYS = 31;

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function sorted(sessions: readonly Session[]) {
  return [...sessions].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
}

/** The first session start after `now` on an open day, or null within the look-ahead. */
export function nextOpening(now: Date, hours: TicketHours, sessionsOn: SessionsOn): Date | null {
  const today = localParts(now, hours.timeZone).date;
  for (let d = 0; d <= LOOK_AHEAD_DAYS; d++) {
    const date = addDays(today, d);
    for (const s of sorted(sessionsOn(date))) {
      const start = instantAt(date, s.start, hours.timeZone);
      if (start > now) return start;
    }
  }
  return null;
}

export function ticketIssuing(now: Date, hours: TicketHours, sessionsOn: SessionsOn): IssuingVerdict {
  if (hours.kioskIssuing === 'always') return { open: true };
  const local = localParts(now, hours.timeZone);
  const closed = (reason: ClosedReason): IssuingVerdict => ({ open: false, reason, nextOpening: nextOpening(now, hours, sessionsOn) });
  const sessions = sorted(sessionsOn(local.date));
  if (sessions.length === 0) return closed('rest_day');
  const t = minutesOf(local.time) + local.seconds / 60;
  for (const [i, s] of sessions.entries()) {
    const start = minutesOf(s.start);
    const end = minutesOf(s.end);
    if (t < start) return closed(i === 0 ? 'before_opening' : 'between_sessions');
    if (t < end) return t < end - hours.lastTicketMinutes ? { open: true } : closed('after_last_ticket');
  }
  return closed('after_hours');
}

/** The local "YYYY-MM-DD HH:MM" of an instant in the hall's time zone, for messages. */
export function localStamp(at: Date, timeZone: string): string {
  const p = localParts(new Date(Math.ceil(at.getTime() / MINUTE) * MINUTE), timeZone);
  return `${p.date} ${p.time}`;
}
