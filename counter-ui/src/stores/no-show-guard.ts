/**
 * 过号 too early is a mistake more often than not (the visitor is still walking up): within the
 * first NO_SHOW_MIN_SECONDS after the call, F5 only asks — "press F5 again to confirm" — and a
 * second press within CONFIRM_WINDOW_MS marks the no-show. After that F5 acts at once. Pure.
 */
export const NO_SHOW_MIN_SECONDS = 60;
export const CONFIRM_WINDOW_MS = 8_000;

export interface ArmedNoShow {
  ticketId: string;
  until: number;
}

export type NoShowDecision = { kind: 'send' } | { kind: 'ask'; armed: ArmedNoShow; secondsSinceCall: number };

export function decideNoShow(ticket: { id: string; calledAt: string | null }, now: number, armed: ArmedNoShow | null): NoShowDecision {
  const calledAt = ticket.calledAt ? Date.parse(ticket.calledAt) : Number.NaN;
  const since = Number.isFinite(calledAt) ? (now - calledAt) / 1000 : Infinity;
  if (since >= NO_SHOW_MIN_SECONDS) return { kind: 'send' };
  if (armed && armed.ticketId === ticket.id && now <= armed.until) return { kind: 'send' };
  return { kind: 'ask', armed: { ticketId: ticket.id, until: now + CONFIRM_WINDOW_MS }, secondsSinceCall: Math.max(0, Math.floor(since)) };
}
