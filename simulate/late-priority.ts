/**
 * Why green-channel and appointment visitors missed their target: each late one classified by
 * what their matter's counters were doing when their wait began. Under strict priority (they are
 * always called first) what is left is capacity at that time and place, not the order.
 */
import type { DayResult, TicketRecord } from './engine';
import { measured, withinTarget } from './metrics';
import { table } from './report';
import type { Scenario } from './scenario';

export type LateCause =
  | 'no counter of the matter on duty'
  | 'single desk, busy'
  | 'pool, one or more on a break'
  | 'pool, all on duty and busy';

export interface LateRow {
  cause: LateCause;
  green: number;
  appointments: number;
}

const onDutyAt = (s: Scenario, ids: readonly string[], t: number) =>
  s.counters.filter((c) => ids.includes(c.id) && c.duties.some((d) => d.start <= t && t < d.end)).length;

export function lateCause(s: Scenario, t: TicketRecord): LateCause {
  const ids = s.counters.filter((c) => c.matterIds.has(t.matter.id) || c.duties.some((d) => d.matterIds.has(t.matter.id))).map((c) => c.id);
  const on = onDutyAt(s, ids, t.waitStart);
  if (on === 0) return 'no counter of the matter on duty';
  if (ids.length === 1) return 'single desk, busy';
  return on < ids.length ? 'pool, one or more on a break' : 'pool, all on duty and busy';
}

/** Late green-channel and appointment visitors (a visitor who is both counts as green) by cause. */
export function latePriority(s: Scenario, days: readonly DayResult[]): { rows: LateRow[]; green: number; appointments: number } {
  const causes: LateCause[] = ['no counter of the matter on duty', 'single desk, busy', 'pool, one or more on a break', 'pool, all on duty and busy'];
  const rows = causes.map((cause) => ({ cause, green: 0, appointments: 0 }));
  let green = 0;
  let appointments = 0;
  for (const d of days)
    for (const t of d.tickets.filter(measured)) {
      const isGreen = t.candidate.priority > 0;
      if (!isGreen && !t.appointment) continue;
      if (isGreen) green++;
      else appointments++;
      if (withinTarget(t)) continue;
      const row = rows.find((r) => r.cause === lateCause(s, t))!;
      if (isGreen) row.green++;
      else row.appointments++;
    }
  return { rows, green, appointments };
}

export function latePriorityTable(s: Scenario, days: readonly DayResult[]): string {
  const { rows, green, appointments } = latePriority(s, days);
  const lateG = rows.reduce((a, r) => a + r.green, 0);
  const lateA = rows.reduce((a, r) => a + r.appointments, 0);
  return table(
    ['when their wait began', `green late (of ${green})`, `appointments late (of ${appointments})`],
    [...rows.map((r) => [r.cause, String(r.green), String(r.appointments)]), ['all', String(lateG), String(lateA)]],
  );
}
