/** What the comparison reports: share within target, wait percentiles, utilisation, starvation. */
import type { DayResult, TicketRecord } from './engine';

export interface Stats {
  days: number;
  visitors: number;
  /** Share of visitors first called within their wait target, by complexity and overall. */
  withinGeneral: number;
  withinComplex: number;
  withinAll: number;
  /** Appointment visitors (on time) within target; green-channel p90 wait. */
  withinAppointment: number;
  greenP90: number;
  /** Waiting minutes (first call − max(issue, slot start)), all visitors. */
  p50: number;
  p90: number;
  max: number;
  /** Busy minutes / open minutes over all staffed counters (overtime included). */
  utilisation: number;
  /** Normal tickets (no green channel, no appointment precedence) waiting over 2× their target. */
  starvedShare: number;
  normalMax: number;
  unserved: number;
}

export const waitOf = (t: TicketRecord) => Math.max(0, (t.calledAt ?? Number.POSITIVE_INFINITY) - t.waitStart);
const within = (t: TicketRecord) => waitOf(t) <= t.matter.targetMinutes + 1e-9;

function share(list: readonly TicketRecord[], pred: (t: TicketRecord) => boolean): number {
  return list.length === 0 ? 1 : list.filter(pred).length / list.length;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(days: readonly DayResult[]): Stats {
  const tickets = days.flatMap((d) => d.tickets).filter((t) => t.calledAt !== null);
  const waits = tickets.map(waitOf).sort((a, b) => a - b);
  const normal = tickets.filter((t) => t.candidate.priority === 0 && !t.appointment);
  const green = tickets.filter((t) => t.candidate.priority > 0).map(waitOf).sort((a, b) => a - b);
  const busy = days.reduce((s, d) => s + d.counters.reduce((a, c) => a + c.busyMinutes, 0), 0);
  const open = days.reduce((s, d) => s + d.counters.reduce((a, c) => a + c.openMinutes, 0), 0);
  return {
    days: days.length,
    visitors: tickets.length,
    withinGeneral: share(tickets.filter((t) => t.matter.complexity === 'general'), within),
    withinComplex: share(tickets.filter((t) => t.matter.complexity === 'complex'), within),
    withinAll: share(tickets, within),
    withinAppointment: share(tickets.filter((t) => t.appointment), within),
    greenP90: percentile(green, 0.9),
    p50: percentile(waits, 0.5),
    p90: percentile(waits, 0.9),
    max: waits[waits.length - 1] ?? 0,
    utilisation: open > 0 ? busy / open : 0,
    starvedShare: share(normal, (t) => waitOf(t) > 2 * t.matter.targetMinutes),
    normalMax: normal.reduce((m, t) => Math.max(m, waitOf(t)), 0),
    unserved: days.reduce((s, d) => s + d.unserved, 0),
  };
}
