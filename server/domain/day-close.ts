/**
 * End of day (docs/end-of-day.md). Pure: the instant is passed in.
 *
 * A hall's service day closes at its cut-off, the hall setting `dayCutoff` (hall-local HH:MM;
 * '24:00', the default, is midnight). From then on, tickets of that day no one will serve are
 * closed with the recorded reason `day_closed`: at the cut-off those still waiting, parked or
 * missed (a visitor at a counter is being served: staff finish that one); for any earlier day,
 * every open ticket the state machine may cancel (a server that was down at the cut-off catches up
 * when it comes back).
 */
import type { TicketStatus } from '../protocol/views';
import { instantAt } from './hall-time';

export const DAY_CLOSED_REASON = 'day_closed';

/** Closed at the cut-off of today: nobody is at a counter with these. */
export const CLOSED_AT_CUTOFF: readonly TicketStatus[] = ['waiting', 'parked', 'no_show'];
/** Closed on any later day: also a call nobody finished. */
export const CLOSED_AFTER_THE_DAY: readonly TicketStatus[] = ['waiting', 'called', 'parked', 'no_show'];

const CUTOFF = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function isValidCutoff(value: string): boolean {
  return CUTOFF.test(value);
}

/** The instant a hall's service day `day` closes ('24:00' → the next local midnight). */
export function dayCutoff(day: string, cutoff: string, timeZone: string): Date {
  return instantAt(day, isValidCutoff(cutoff) ? cutoff : '24:00', timeZone);
}

/** Which statuses of a ticket of `ticketDay` are to be closed now (empty: none yet). */
export function statusesToClose(ticketDay: string, today: string, now: Date, cutoffToday: Date): readonly TicketStatus[] {
  if (ticketDay < today) return CLOSED_AFTER_THE_DAY;
  if (ticketDay === today && now >= cutoffToday) return CLOSED_AT_CUTOFF;
  return [];
}
