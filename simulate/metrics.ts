/**
 * What the comparison reports: the share within target (with a 95 % confidence interval over the
 * seeded days), by group — multi-counter matters, where the calling order matters, apart from
 * single-counter desks, where it cannot — the wait percentiles, abandonment, the offered load
 * and the overtime.
 */
import type { DayResult, TicketRecord } from './engine';

export interface Interval {
  mean: number;
  /** Half-width of the 95 % confidence interval of the mean over days (Student t). */
  half: number;
}

export interface Stats {
  days: number;
  tickets: number;
  /** Share of tickets first called within their wait target (waiting = first call − max(issue, slot start)). */
  withinAll: Interval;
  withinPooled: Interval;
  withinSingle: Interval;
  /** Measured visitors at single-counter desks (0: the hall has none, and withinSingle means nothing). */
  singleDeskTickets: number;
  withinGeneral: number;
  withinComplex: number;
  withinAppointment: number;
  withinGreen: number;
  /** Waiting minutes of every measured visitor (a visitor who gave up: until they left). */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Visitors who gave up before being called. */
  abandoned: number;
  /** Expected work ÷ scheduled counter-minutes (the scenario's offered load, realised). */
  demandShare: number;
  /** Busy minutes ÷ scheduled minutes. */
  utilisation: number;
  /** Minutes of work after the scheduled end of sessions, per day, over all counters. */
  overtimePerDay: number;
  unserved: number;
}

/** From the wait start to the first call: how long the ticket waited. */
export const ticketWaitOf = (t: TicketRecord) => Math.max(0, (t.calledAt ?? Number.POSITIVE_INFINITY) - t.waitStart);
/**
 * How long the visitor waited: to the first call, or — for a visitor who gave up — until they
 * left (their patience). The call that later finds them gone is the counter's cost, not their
 * wait: p50/p90/p99 and the longest wait are of visitors' waits.
 */
export const waitOf = (t: TicketRecord) => (t.abandoned ? Math.min(t.visitor.patience, ticketWaitOf(t)) : ticketWaitOf(t));
/** Called within the target. A visitor who gave up never is (their patience is ≥ the target, and they were not there). */
export const withinTarget = (t: TicketRecord) => !t.abandoned && ticketWaitOf(t) <= t.matter.targetMinutes + 1e-9;

function share(list: readonly TicketRecord[], pred: (t: TicketRecord) => boolean): number {
  return list.length === 0 ? 1 : list.filter(pred).length / list.length;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

/** Two-sided 95 % Student t quantiles by degrees of freedom (1 … 30; beyond, 1.96). */
const T95 = [12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23, 2.2, 2.18, 2.16, 2.14, 2.13, 2.12, 2.11, 2.1, 2.09, 2.09, 2.08, 2.07, 2.07, 2.06, 2.06, 2.06, 2.05, 2.05, 2.05, 2.04];

export function interval(values: readonly number[]): Interval {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, n);
  if (n < 2) return { mean, half: 0 };
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, half: (T95[n - 2] ?? 1.96) * (sd / Math.sqrt(n)) };
}

/**
 * The visitors whose wait is measured: every ticket but the walk-in no-shows, who took a ticket and
 * left at once (their call still costs the counter, in the engine). Visitors who gave up waiting
 * stay in: they were there, and they count as outside the target (patience ≥ target).
 */
export const measured = (t: TicketRecord) => !t.visitor.noShow;

export function summarise(allDays: readonly DayResult[], single: ReadonlySet<string>, demandShare: number): Stats {
  const days = allDays.map((d) => ({ ...d, tickets: d.tickets.filter(measured) }));
  const tickets = days.flatMap((d) => d.tickets);
  const waits = tickets.map(waitOf).sort((a, b) => a - b);
  const perDay = (pred: (t: TicketRecord) => boolean) => interval(days.map((d) => share(d.tickets.filter(pred), withinTarget)));
  const busy = days.reduce((s, d) => s + d.counters.reduce((a, c) => a + c.busyMinutes, 0), 0);
  const scheduled = days.reduce((s, d) => s + d.counters.reduce((a, c) => a + c.scheduledMinutes, 0), 0);
  const overtime = days.reduce((s, d) => s + d.counters.reduce((a, c) => a + c.overtimeMinutes, 0), 0);
  return {
    days: days.length,
    tickets: tickets.length,
    withinAll: perDay(() => true),
    withinPooled: perDay((t) => !single.has(t.matter.id)),
    withinSingle: perDay((t) => single.has(t.matter.id)),
    singleDeskTickets: tickets.filter((t) => single.has(t.matter.id)).length,
    withinGeneral: share(tickets.filter((t) => t.matter.complexity === 'general'), withinTarget),
    withinComplex: share(tickets.filter((t) => t.matter.complexity === 'complex'), withinTarget),
    withinAppointment: share(tickets.filter((t) => t.appointment), withinTarget),
    withinGreen: share(tickets.filter((t) => t.candidate.priority > 0), withinTarget),
    p50: percentile(waits, 0.5),
    p90: percentile(waits, 0.9),
    p99: percentile(waits, 0.99),
    max: waits[waits.length - 1] ?? 0,
    abandoned: share(tickets, (t) => t.abandoned),
    demandShare,
    utilisation: scheduled > 0 ? busy / scheduled : 0,
    overtimePerDay: overtime / Math.max(1, days.length),
    unserved: days.reduce((s, d) => s + d.unserved, 0),
  };
}
