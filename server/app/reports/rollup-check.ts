/**
 * The roll-up check: every report grouping over a range, once from the tickets alone and once
 * through the roll-ups, compared figure by figure. Counts must be equal; percentiles may differ by
 * at most the width of the histogram bins of the ranks they interpolate (histogram.ts): 1 minute
 * up to two hours. Used by
 * `npm run reports:rollup -- --check` and by tests/app/report-rollups.test.ts.
 */
import { REPORT_GROUPS, type ReportGroupBy } from '../../protocol/dashboard';
import { aggregateAppointments, aggregateTickets, countAppointments, type AppointmentAggregate, type Reader, type ReportScope, type TicketAggregate } from './report-sql';
import { aggregateWithRollups, COUNT_KEYS, type RolledAggregate } from './rollup';

const PERCENTILES = ['w50', 'w90', 'h50', 'h90'] as const;


export interface RollupDifference {
  groupBy: ReportGroupBy;
  key: string;
  figure: string;
  tickets: number | null;
  rollups: number | null;
}

export function compareAggregates(groupBy: ReportGroupBy, raw: TicketAggregate[], rolled: RolledAggregate[]): RollupDifference[] {
  const keyOf = (a: TicketAggregate) => (a.total ? '(total)' : String(a.k ?? ''));
  const byKey = new Map(rolled.map((a) => [keyOf(a), a]));
  const out: RollupDifference[] = [];
  const seen = new Set<string>();
  for (const a of raw) {
    const key = keyOf(a);
    seen.add(key);
    const b = byKey.get(key);
    if (!b) {
      out.push({ groupBy, key, figure: 'row', tickets: a.tickets, rollups: null });
      continue;
    }
    for (const c of COUNT_KEYS) if (a[c] !== b[c]) out.push({ groupBy, key, figure: c, tickets: a[c], rollups: b[c] });
    for (const p of PERCENTILES) {
      const x = a[p];
      const y = b[p];
      if (x === null || y === null ? x !== y : Math.abs(x - y) > (b.resolution?.[p] ?? 0) + 1e-9) out.push({ groupBy, key, figure: p, tickets: x, rollups: y });
    }
  }
  for (const [key, b] of byKey) if (!seen.has(key)) out.push({ groupBy, key, figure: 'row', tickets: null, rollups: b.tickets });
  return out;
}

/** Appointment figures, counted from the appointments against the trigger-kept counts. */
export function compareAppointments(groupBy: ReportGroupBy, counted: AppointmentAggregate[] | null, kept: AppointmentAggregate[] | null): RollupDifference[] {
  const keyOf = (a: AppointmentAggregate) => String(a.k ?? '');
  const byKey = new Map((kept ?? []).map((a) => [keyOf(a), a]));
  const out: RollupDifference[] = [];
  for (const a of counted ?? []) {
    const b = byKey.get(keyOf(a));
    byKey.delete(keyOf(a));
    for (const c of ['booked', 'kept', 'missed', 'cancelled'] as const) {
      if (a[c] !== (b?.[c] ?? null)) out.push({ groupBy, key: keyOf(a), figure: `appointments.${c}`, tickets: a[c], rollups: b?.[c] ?? null });
    }
  }
  for (const [key, b] of byKey) out.push({ groupBy, key, figure: 'appointments.row', tickets: null, rollups: b.booked });
  return out;
}

/** Every grouping of a scope, tickets (and appointments) against roll-ups (and kept counts). Empty when they agree. */
export async function checkRollups(db: Reader, scope: ReportScope): Promise<RollupDifference[]> {
  const out: RollupDifference[] = [];
  for (const groupBy of REPORT_GROUPS) {
    out.push(...compareAggregates(groupBy, await aggregateTickets(db, scope, groupBy), await aggregateWithRollups(db, scope, groupBy)));
    out.push(...compareAppointments(groupBy, await countAppointments(db, scope, groupBy), await aggregateAppointments(db, scope, groupBy)));
  }
  return out;
}
