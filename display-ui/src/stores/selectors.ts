/** Pure selectors from the public snapshot to what the screen shows. No Lit, no DOM. */
import type { CallView, PublicCounterView, PublicHallSnapshot, ZoneView } from '../../../server/protocol/views';

/** Which part of the hall a screen shows: everything, or one zone. */
export interface Scope {
  zoneId: string | null;
}

export const WHOLE_HALL: Scope = { zoneId: null };

export function findZone(snap: PublicHallSnapshot, code: string): ZoneView | null {
  const c = code.trim().toLowerCase();
  return snap.zones.find((z) => z.code.toLowerCase() === c || z.id === code) ?? null;
}

/** The zone a call belongs to: its counter's zone, else its ticket's zone. */
function zoneOfCall(snap: PublicHallSnapshot, call: CallView): string | null {
  const counter = snap.counters.find((c) => c.number === call.counterNumber);
  if (counter?.zoneId) return counter.zoneId;
  return snap.tickets.find((t) => t.id === call.ticketId)?.zoneId ?? null;
}

export function callInScope(snap: PublicHallSnapshot, scope: Scope, call: CallView): boolean {
  return scope.zoneId === null || zoneOfCall(snap, call) === scope.zoneId;
}

/** Calls newest first (the snapshot keeps them that way; sorted again so a reordering cannot fool the screen). */
export function callsInScope(snap: PublicHallSnapshot, scope: Scope): CallView[] {
  return snap.recentCalls.filter((c) => callInScope(snap, scope, c)).sort((a, b) => b.seq - a.seq);
}

export function latestCall(snap: PublicHallSnapshot, scope: Scope): CallView | null {
  return callsInScope(snap, scope)[0] ?? null;
}

/**
 * The call on the big panel: the one the voice is announcing (so screen and voice agree while a
 * burst of calls is read out one by one), else the newest. An announced call outside the scope is ignored.
 */
export function shownCall(snap: PublicHallSnapshot, scope: Scope, announcing: CallView | null): CallView | null {
  if (announcing && callInScope(snap, scope, announcing)) return announcing;
  return latestCall(snap, scope);
}

/** The calls under the big one: the shown call's ticket is left out, a ticket appears once (its newest call). */
export function previousCalls(snap: PublicHallSnapshot, scope: Scope, limit: number, shown: CallView | null = latestCall(snap, scope)): CallView[] {
  const seen = new Set<string>();
  if (shown) seen.add(shown.ticketId);
  const out: CallView[] = [];
  for (const c of callsInScope(snap, scope)) {
    if (seen.has(c.ticketId)) continue;
    seen.add(c.ticketId);
    out.push(c);
    if (out.length >= limit) break;
  }
  return out;
}

/** Counters staffed now (open or paused), by number. Closed counters are not shown on the hall screen. */
export function visibleCounters(snap: PublicHallSnapshot, scope: Scope): PublicCounterView[] {
  return snap.counters
    .filter((c) => c.status !== 'closed' && (scope.zoneId === null || c.zoneId === scope.zoneId))
    .sort((a, b) => a.number - b.number);
}

export interface ZoneCount {
  zoneId: string;
  name: string;
  count: number;
}

export function waitingCounts(snap: PublicHallSnapshot, scope: Scope): ZoneCount[] {
  return [...snap.zones]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
    .filter((z) => scope.zoneId === null || z.id === scope.zoneId)
    .map((z) => ({ zoneId: z.id, name: z.name, count: snap.waitingByZone[z.id] ?? 0 }));
}

export function totalWaiting(counts: readonly ZoneCount[]): number {
  return counts.reduce((sum, z) => sum + z.count, 0);
}

export type CounterScreenState =
  | { kind: 'missing'; number: number }
  | { kind: 'closed'; counter: PublicCounterView }
  | { kind: 'paused'; counter: PublicCounterView; reason: string | null }
  | { kind: 'idle'; counter: PublicCounterView }
  | { kind: 'called'; counter: PublicCounterView; ticketNumber: string; matterName: string | null }
  | { kind: 'serving'; counter: PublicCounterView; ticketNumber: string; matterName: string | null };

/** The per-counter screen (窗口屏): its current ticket, or why it is not serving. */
export function counterScreenState(snap: PublicHallSnapshot, number: number): CounterScreenState {
  const counter = snap.counters.find((c) => c.number === number);
  if (!counter) return { kind: 'missing', number };
  if (counter.status === 'closed') return { kind: 'closed', counter };
  if (counter.status === 'paused') return { kind: 'paused', counter, reason: counter.pauseReason?.trim() || null };
  const ticketNumber = counter.currentTicketNumber;
  const ticket = ticketNumber
    ? snap.tickets.find((t) => t.number === ticketNumber && (t.counterId === counter.id || t.counterNumber === counter.number))
    : undefined;
  if (ticketNumber && (!ticket || ticket.status === 'called' || ticket.status === 'serving')) {
    return { kind: ticket?.status === 'serving' ? 'serving' : 'called', counter, ticketNumber, matterName: ticket?.matterName ?? null };
  }
  return { kind: 'idle', counter };
}
