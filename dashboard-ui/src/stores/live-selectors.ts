/**
 * The live view, computed from the hall snapshot and the (server-corrected) time, every second.
 * Pure functions: no Lit, no I/O. Targets follow docs/domain.md §3 and the server's target scanner:
 * a waiting ticket is at risk at 80 % of its waitTargetMinutes (since waitStartAt) and in breach at 100 %.
 */
import type { HourCount } from '../../../server/protocol/dashboard';
import type { CounterView, HallSnapshot, OpeningSession, TicketView } from '../../../server/protocol/views';
import { AT_RISK_SHARE } from '../../../server/protocol/rules';

export { AT_RISK_SHARE };

const MINUTE = 60_000;

export type Risk = 'ok' | 'at_risk' | 'breached';

export function riskOfRatio(ratio: number): Risk {
  return ratio >= 1 ? 'breached' : ratio >= AT_RISK_SHARE ? 'at_risk' : 'ok';
}

/** Share of its wait target a waiting ticket has used up (0 for tickets not waiting). */
export function waitRatio(t: TicketView, now: number): number {
  if (t.status !== 'waiting') return 0;
  return Math.max(0, now - Date.parse(t.waitStartAt)) / (t.waitTargetMinutes * MINUTE);
}

export const minutesSince = (iso: string, now: number): number => Math.max(0, (now - Date.parse(iso)) / MINUTE);

const worse = (a: Risk, b: Risk): Risk => (a === 'breached' || b === 'breached' ? 'breached' : a === 'at_risk' || b === 'at_risk' ? 'at_risk' : 'ok');

/** What the server's scanner said about a ticket: its alertLevel, or an alert fact received since. */
export function serverRisk(t: TicketView, alerts: ReadonlyMap<string, Risk>): Risk {
  const level: Risk = t.alertLevel === 'breached' ? 'breached' : t.alertLevel === 'at_risk' ? 'at_risk' : 'ok';
  return worse(level, alerts.get(t.id) ?? 'ok');
}

export interface QueueRow {
  id: string;
  name: string;
  waiting: number;
  /** Minutes the longest-waiting ticket has waited, and that ticket's target. */
  longestMinutes: number | null;
  longestTargetMinutes: number | null;
  atRisk: number;
  breached: number;
  /** The worst share of target used by any waiting ticket here (for sorting and colour). */
  worstRatio: number;
}

function queueRows(snap: HallSnapshot, now: number, keyOf: (t: TicketView) => string, groups: { id: string; name: string }[]): QueueRow[] {
  const rows = new Map(groups.map((g) => [g.id, { id: g.id, name: g.name, waiting: 0, longestMinutes: null, longestTargetMinutes: null, atRisk: 0, breached: 0, worstRatio: 0 } as QueueRow]));
  for (const t of snap.tickets) {
    if (t.status !== 'waiting') continue;
    const row = rows.get(keyOf(t));
    if (!row) continue;
    row.waiting++;
    const waited = minutesSince(t.waitStartAt, now);
    if (row.longestMinutes === null || waited > row.longestMinutes) {
      row.longestMinutes = waited;
      row.longestTargetMinutes = t.waitTargetMinutes;
    }
    const ratio = waitRatio(t, now);
    row.worstRatio = Math.max(row.worstRatio, ratio);
    const risk = riskOfRatio(ratio);
    if (risk === 'breached') row.breached++;
    else if (risk === 'at_risk') row.atRisk++;
  }
  return [...rows.values()];
}

export function zoneRows(snap: HallSnapshot, now: number): QueueRow[] {
  return queueRows(snap, now, (t) => t.zoneId, snap.zones);
}

/** Matters with someone waiting, the most urgent first. */
export function matterRows(snap: HallSnapshot, now: number): QueueRow[] {
  return queueRows(snap, now, (t) => t.matterId, snap.matters)
    .filter((r) => r.waiting > 0)
    .sort((a, b) => b.worstRatio - a.worstRatio || b.waiting - a.waiting);
}

export interface RiskRow {
  ticket: TicketView;
  risk: Risk;
  waitedMinutes: number;
  ratio: number;
  /** The server's scanner flagged it too (shown as a mark). */
  flagged: Risk;
}

/** Waiting tickets at risk or in breach (by the live clock, or flagged by the server), the worst first. */
export function riskRows(snap: HallSnapshot, now: number, alerts: ReadonlyMap<string, Risk> = new Map()): RiskRow[] {
  const rows: RiskRow[] = [];
  for (const t of snap.tickets) {
    if (t.status !== 'waiting') continue;
    const ratio = waitRatio(t, now);
    const flagged = serverRisk(t, alerts);
    const risk = worse(riskOfRatio(ratio), flagged);
    if (risk === 'ok') continue;
    rows.push({ ticket: t, risk, waitedMinutes: minutesSince(t.waitStartAt, now), ratio, flagged });
  }
  return rows.sort((a, b) => b.ratio - a.ratio);
}

export type CounterState = 'serving' | 'called' | 'paused' | 'idle' | 'closed' | 'offline';

export interface CounterRow {
  counter: CounterView;
  state: CounterState;
  ticketNumber: string | null;
  /** Minutes in the current state's clock: serving since start, called since the call. */
  minutes: number | null;
  /** Serving longer than the hall's counter handling target. */
  overTarget: boolean;
}

/**
 * `online`: counters whose workstation is connected. A counter that is taken (open or paused)
 * with no workstation connected shows as offline, keeping its ticket and clock.
 */
export function counterRows(snap: HallSnapshot, now: number, online?: ReadonlySet<string>): CounterRow[] {
  const rows = counterStates(snap, now);
  if (!online) return rows;
  return rows.map((r) => (r.state !== 'closed' && !online.has(r.counter.id) ? { ...r, state: 'offline' } : r));
}

function counterStates(snap: HallSnapshot, now: number): CounterRow[] {
  const byId = new Map(snap.tickets.map((t) => [t.id, t]));
  const target = snap.hall.settings.counterHandlingTargetMinutes;
  return snap.counters.map((counter) => {
    const t = counter.currentTicketId ? byId.get(counter.currentTicketId) : undefined;
    if (counter.status === 'closed') return { counter, state: 'closed', ticketNumber: null, minutes: null, overTarget: false };
    if (t && t.status === 'serving' && t.startedAt) {
      const minutes = minutesSince(t.startedAt, now);
      return { counter, state: 'serving', ticketNumber: t.number, minutes, overTarget: minutes > target };
    }
    if (t && t.status === 'called') {
      return { counter, state: 'called', ticketNumber: t.number, minutes: t.calledAt ? minutesSince(t.calledAt, now) : null, overTarget: false };
    }
    return { counter, state: counter.status === 'paused' ? 'paused' : 'idle', ticketNumber: null, minutes: null, overTarget: false };
  });
}

export interface HallSummary {
  hallId: string;
  name: string;
  waiting: number;
  longestMinutes: number | null;
  atRisk: number;
  breached: number;
  counters: Record<CounterState, number>;
  overTarget: number;
}

export function hallSummary(
  snap: HallSnapshot,
  now: number,
  alerts: ReadonlyMap<string, Risk> = new Map(),
  online?: ReadonlySet<string>,
): HallSummary {
  const risks = riskRows(snap, now, alerts);
  const waiting = snap.tickets.filter((t) => t.status === 'waiting');
  const longest = waiting.reduce<number | null>((m, t) => Math.max(m ?? 0, minutesSince(t.waitStartAt, now)), null);
  const counters: Record<CounterState, number> = { serving: 0, called: 0, paused: 0, idle: 0, closed: 0, offline: 0 };
  let overTarget = 0;
  for (const c of counterRows(snap, now, online)) {
    counters[c.state]++;
    if (c.overTarget) overTarget++;
  }
  return {
    hallId: snap.hall.id,
    name: snap.hall.name,
    waiting: waiting.length,
    longestMinutes: longest,
    atRisk: risks.filter((r) => r.risk === 'at_risk').length,
    breached: risks.filter((r) => r.risk === 'breached').length,
    counters,
    overTarget,
  };
}

/** Sum of several halls (a manager's roll-up). */
export function rollUp(list: HallSummary[]): Omit<HallSummary, 'hallId' | 'name'> {
  const counters: Record<CounterState, number> = { serving: 0, called: 0, paused: 0, idle: 0, closed: 0, offline: 0 };
  for (const s of list) for (const k of Object.keys(counters) as CounterState[]) counters[k] += s.counters[k];
  return {
    waiting: list.reduce((n, s) => n + s.waiting, 0),
    longestMinutes: list.reduce<number | null>((m, s) => (s.longestMinutes === null ? m : Math.max(m ?? 0, s.longestMinutes)), null),
    atRisk: list.reduce((n, s) => n + s.atRisk, 0),
    breached: list.reduce((n, s) => n + s.breached, 0),
    counters,
    overTarget: list.reduce((n, s) => n + s.overTarget, 0),
  };
}

/** Counters that may take a ticket of this matter (for moving a ticket), open ones first. */
export function countersForMatter(snap: HallSnapshot, matterId: string): CounterView[] {
  const rank = (c: CounterView) => (c.status === 'open' ? 0 : c.status === 'paused' ? 1 : 2);
  return snap.counters.filter((c) => c.matterIds.includes(matterId)).sort((a, b) => rank(a) - rank(b) || a.number - b.number);
}

/** Every hour from the first opening session (or the first ticket) to now (or the last ticket), gaps as zeros. */
export function hourSeries(byHour: HourCount[], sessions: OpeningSession[], nowHour: string | number): HourCount[] {
  const open = sessions.map((s) => Number(s.start.slice(0, 2)));
  const hours = byHour.map((h) => h.hour);
  const first = Math.min(...open, ...hours);
  const last = Math.min(23, Math.max(Number(nowHour), ...hours));
  if (!Number.isFinite(first) || !Number.isFinite(last)) return byHour;
  const out: HourCount[] = [];
  for (let h = first; h <= last; h++) out.push(byHour.find((x) => x.hour === h) ?? { hour: h, issued: 0, served: 0 });
  return out;
}
