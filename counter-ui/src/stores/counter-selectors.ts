/**
 * Pure selectors over the hall snapshot, from the point of view of one counter. No Lit, no I/O,
 * no clock of their own: every time-dependent answer takes `nowMs` (server-corrected).
 */
import type { CounterView, HallSnapshot, TicketView } from '../../../server/protocol/views';

/** green below 80 % of the target, amber from 80 % to 100 %, red past the target. */
export type TimeLevel = 'ok' | 'warn' | 'over';

export const WARN_RATIO = 0.8;

export function timeLevel(elapsedMs: number, targetMinutes: number): TimeLevel {
  if (targetMinutes <= 0) return 'over';
  const ratio = elapsedMs / (targetMinutes * 60_000);
  if (ratio > 1) return 'over';
  return ratio >= WARN_RATIO ? 'warn' : 'ok';
}

export function elapsedSince(iso: string | null, nowMs: number): number {
  if (!iso) return 0;
  return Math.max(0, nowMs - Date.parse(iso));
}

export function findCounter(snap: HallSnapshot | null, counterId: string | null): CounterView | null {
  if (!snap || !counterId) return null;
  return snap.counters.find((c) => c.id === counterId) ?? null;
}

/** May this counter serve this waiting ticket? Its matters, and not transferred to another counter. */
export function isForCounter(ticket: TicketView, counter: CounterView): boolean {
  return (
    ticket.status === 'waiting' &&
    counter.matterIds.includes(ticket.matterId) &&
    (ticket.targetCounterId === null || ticket.targetCounterId === counter.id)
  );
}

/** Priority tickets first, then by how long they have waited (oldest first), then by number. */
export function compareWaiting(a: TicketView, b: TicketView): number {
  const pa = a.priority > 0 ? 1 : 0;
  const pb = b.priority > 0 ? 1 : 0;
  if (pa !== pb) return pb - pa;
  const byWait = Date.parse(a.waitStartAt) - Date.parse(b.waitStartAt);
  return byWait !== 0 ? byWait : a.number.localeCompare(b.number);
}

export function waitingForCounter(snap: HallSnapshot | null, counter: CounterView | null): TicketView[] {
  if (!snap || !counter) return [];
  return snap.tickets.filter((t) => isForCounter(t, counter)).sort(compareWaiting);
}

export function currentTicket(snap: HallSnapshot | null, counterId: string | null): TicketView | null {
  if (!snap || !counterId) return null;
  return snap.tickets.find((t) => t.counterId === counterId && (t.status === 'called' || t.status === 'serving')) ?? null;
}

function heldWithStatus(snap: HallSnapshot | null, counterId: string | null, status: TicketView['status']): TicketView[] {
  if (!snap || !counterId) return [];
  return snap.tickets
    .filter((t) => t.counterId === counterId && t.status === status)
    .sort((a, b) => Date.parse(a.calledAt ?? a.issuedAt) - Date.parse(b.calledAt ?? b.issuedAt));
}

export const parkedTickets = (snap: HallSnapshot | null, counterId: string | null) => heldWithStatus(snap, counterId, 'parked');

/** Tickets this counter marked as no-show today (they may be reactivated). */
export const missedTickets = (snap: HallSnapshot | null, counterId: string | null) => heldWithStatus(snap, counterId, 'no_show');

export interface WaitingRow {
  ticket: TicketView;
  waitMs: number;
  level: TimeLevel;
}

export function waitingRows(tickets: readonly TicketView[], nowMs: number): WaitingRow[] {
  return tickets.map((ticket) => {
    const waitMs = elapsedSince(ticket.waitStartAt, nowMs);
    return { ticket, waitMs, level: timeLevel(waitMs, ticket.waitTargetMinutes) };
  });
}

export interface CurrentTicketClock {
  /** 'called': the visitor is on the way (time since the last call); 'serving': handling time. */
  phase: 'called' | 'serving';
  elapsedMs: number;
  /** Handling is measured against the hall's counter target; a called ticket has no level yet. */
  level: TimeLevel | null;
  targetMinutes: number;
}

export function currentTicketClock(ticket: TicketView, nowMs: number, handlingTargetMinutes: number): CurrentTicketClock {
  if (ticket.status === 'serving') {
    const elapsedMs = elapsedSince(ticket.startedAt, nowMs);
    return { phase: 'serving', elapsedMs, level: timeLevel(elapsedMs, handlingTargetMinutes), targetMinutes: handlingTargetMinutes };
  }
  return { phase: 'called', elapsedMs: elapsedSince(ticket.calledAt, nowMs), level: null, targetMinutes: handlingTargetMinutes };
}

/** Is this counter held by the signed-in staff member? By staff id: two people may share a display name. */
export function heldBy(counter: CounterView | null, staffId: string): boolean {
  return !!counter && counter.status !== 'closed' && counter.staffId === staffId;
}

/** Counters of the hall a staff member may take, in number order. */
export function counterChoices(snap: HallSnapshot | null, staffId: string) {
  if (!snap) return [];
  return [...snap.counters]
    .sort((a, b) => a.number - b.number)
    .map((counter) => ({
      counter,
      mine: heldBy(counter, staffId),
      takenByOther: counter.status !== 'closed' && counter.staffId !== staffId,
    }));
}

/** Counters a ticket could be transferred to: every other counter authorised for the matter. */
export function transferCounters(snap: HallSnapshot | null, fromCounterId: string, matterId: string): CounterView[] {
  if (!snap) return [];
  return snap.counters.filter((c) => c.id !== fromCounterId && c.matterIds.includes(matterId)).sort((a, b) => a.number - b.number);
}

export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Hall-local wall-clock time "HH:MM" of an instant. */
export function formatClockTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
}

/**
 * The counter's breaks scheduled for today (休息安排), for the reminder on its screen; `nowHHMM` is
 * the hall's local time: a break under way is marked, one that is over is left out.
 */
export function breakReminder(snap: HallSnapshot | null, counterId: string | null, nowHHMM: string): { from: string; to: string; now: boolean }[] {
  const times = snap?.scheduledBreaks?.find((b) => b.counterId === counterId)?.times ?? [];
  return times.filter((t) => t.to > nowHHMM).map((t) => ({ ...t, now: t.from <= nowHHMM }));
}
