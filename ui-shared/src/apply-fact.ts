/** Pure reducers: a snapshot plus the next fact gives the next snapshot. */
import type { HallFact, PublicHallFact } from '../../server/protocol/events';
import type { CallView, HallSnapshot, PublicHallSnapshot, PublicTicketView, TicketView } from '../../server/protocol/views';
import { countWaiting } from './waiting-counts';

const GONE = new Set(['done', 'cancelled']);
const MAX_CALLS = 10;

function upsertTicket<T extends PublicTicketView>(list: T[], ticket: T | undefined): T[] {
  if (!ticket) return list;
  const rest = list.filter((t) => t.id !== ticket.id);
  return GONE.has(ticket.status) ? rest : [...rest, ticket];
}

function pushCall(calls: CallView[], call: CallView | undefined): CallView[] {
  return call ? [call, ...calls].slice(0, MAX_CALLS) : calls;
}

export function applyHallFact(snap: HallSnapshot, fact: HallFact): HallSnapshot | null {
  if (fact.type === 'hall:configured') return null; // configuration changed: take a fresh snapshot
  return {
    ...snap,
    seq: fact.seq,
    tickets: upsertTicket<TicketView>(snap.tickets, fact.ticket),
    counters: fact.counter ? snap.counters.map((c) => (c.id === fact.counter!.id ? fact.counter! : c)) : snap.counters,
    recentCalls: pushCall(snap.recentCalls, fact.call),
  };
}

export function applyPublicFact(snap: PublicHallSnapshot, fact: PublicHallFact): PublicHallSnapshot | null {
  if (fact.type === 'hall:configured') return null;
  const tickets = upsertTicket(snap.tickets, fact.ticket);
  const waitingByZone = countWaiting(tickets, 'zoneId', snap.zones.map((z) => z.id));
  let counters = snap.counters;
  if (fact.counter) counters = counters.map((c) => (c.id === fact.counter!.id ? fact.counter! : c));
  // A ticket leaving a counter clears that counter's current number.
  if (fact.ticket && fact.ticket.status !== 'called' && fact.ticket.status !== 'serving') {
    const number = fact.ticket.number;
    counters = counters.map((c) => (c.currentTicketNumber === number && c.id !== fact.counter?.id ? { ...c, currentTicketNumber: null } : c));
  }
  return { ...snap, seq: fact.seq, tickets, counters, waitingByZone, recentCalls: pushCall(snap.recentCalls, fact.call) };
}
