/**
 * History reports over hall-local service dates, for managers (their halls) and admins (any hall).
 * Staff may not see reports. Figures only: no ticket numbers, no visitors, no identity numbers.
 */
import { inArray, sql } from 'drizzle-orm';
import { counters, halls, matters, staff, zones } from '../../../db/schema';
import type { ReportGroupBy, ReportQuery, ReportRow, ReportView, TargetShare } from '../../protocol/dashboard';
import { authorize, may, type Actor } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { aggregateAppointments, type AppointmentAggregate, type ReportScope, type TicketAggregate } from './report-sql';
import { aggregateWithRollups } from './rollup';

/** The halls a report may cover: the ones asked for (each checked), or every hall the caller may see. */
export async function reportHalls(deps: AppDeps, actor: Actor, asked: string[] | undefined): Promise<string[]> {
  authorize(actor, 'report:read');
  if (asked && asked.length > 0) {
    for (const id of asked) authorize(actor, 'report:read', { hallId: id });
    return [...new Set(asked)];
  }
  const all = await deps.db.select({ id: halls.id }).from(halls);
  const mine = all.map((h) => h.id).filter((id) => may(actor, 'report:read', { hallId: id }));
  if (mine.length === 0) throw new AppError('forbidden', 'You have no hall to report on');
  return mine;
}

export async function runReport(deps: AppDeps, actor: Actor, hallIds: string[], q: Pick<ReportQuery, 'from' | 'to' | 'groupBy'>): Promise<ReportView> {
  authorize(actor, 'report:read');
  for (const id of hallIds) authorize(actor, 'report:read', { hallId: id });
  const started = performance.now();
  const scope: ReportScope = { hallIds, from: q.from, to: q.to, now: deps.clock.now() };
  // One read-only snapshot: whole past days from the roll-ups, the rest from the tickets (rollup.ts).
  // Percentiles over tickets sort every measured wait, so give the sorts memory instead of
  // spilling to disk (a year with no roll-ups is ~2 M rows: see bench/reports.ts).
  const [aggregates, appointments] = await deps.db.transaction(
    async (tx) => {
      await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
      return [await aggregateWithRollups(tx, scope, q.groupBy), await aggregateAppointments(tx, scope, q.groupBy)] as const;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const labels = await labelsFor(deps, q.groupBy, aggregates.filter((a) => !a.total).map((a) => a.k));
  const appointmentsByKey = new Map((appointments ?? []).map((a) => [keyOf(a.k), a]));
  const rows = aggregates
    .filter((a) => !a.total)
    .map((a) => toRow(keyOf(a.k), labels.get(keyOf(a.k)) ?? labelOf(q.groupBy, a.k), a, appointments ? (appointmentsByKey.get(keyOf(a.k)) ?? ZERO) : null));
  // Groups with appointments but no ticket (all missed or cancelled) still get a row.
  for (const [key, a] of appointmentsByKey) {
    if (!rows.some((r) => r.key === key)) rows.push(toRow(key, (await labelsFor(deps, q.groupBy, [a.k])).get(key) ?? labelOf(q.groupBy, a.k), EMPTY, a));
  }
  const total = aggregates.find((a) => a.total) ?? EMPTY;
  const totals = toRow('', '', total, appointments ? sumAppointments(appointments) : null);
  return {
    hallIds,
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    rows: sortRows(rows, q.groupBy, labels.order),
    totals,
    generatedAt: deps.clock.now().toISOString(),
    tookMs: Math.round(performance.now() - started),
  };
}

const ZERO: AppointmentAggregate = { k: null, booked: 0, kept: 0, missed: 0, cancelled: 0 };
const EMPTY: TicketAggregate = {
  k: null,
  total: true,
  tickets: 0,
  served: 0,
  no_shows: 0,
  cancelled: 0,
  wait_measured: 0,
  wait_within: 0,
  general_measured: 0,
  general_within: 0,
  complex_measured: 0,
  complex_within: 0,
  handling_measured: 0,
  handling_within: 0,
  w50: null,
  w90: null,
  h50: null,
  h90: null,
};

const keyOf = (k: string | number | null): string => (k === null ? '' : typeof k === 'number' ? String(k).padStart(2, '0') : String(k));
const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
const share = (within: number, measured: number): TargetShare => ({ within, measured, share: measured > 0 ? within / measured : null });

function labelOf(groupBy: ReportGroupBy, k: string | number | null): string {
  if (k === null) return '—';
  if (groupBy === 'hour') return `${keyOf(k)}:00`;
  return String(k);
}

function toRow(key: string, label: string, a: TicketAggregate, appt: AppointmentAggregate | null): ReportRow {
  return {
    key,
    label,
    tickets: a.tickets,
    served: a.served,
    noShows: a.no_shows,
    cancelled: a.cancelled,
    waitP50: round1(a.w50),
    waitP90: round1(a.w90),
    handlingP50: round1(a.h50),
    handlingP90: round1(a.h90),
    wait: share(a.wait_within, a.wait_measured),
    waitGeneral: share(a.general_within, a.general_measured),
    waitComplex: share(a.complex_within, a.complex_measured),
    handling: share(a.handling_within, a.handling_measured),
    appointments: appt ? { booked: appt.booked, kept: appt.kept, missed: appt.missed, cancelled: appt.cancelled } : null,
  };
}

function sumAppointments(list: AppointmentAggregate[]): AppointmentAggregate {
  return list.reduce((s, a) => ({ k: null, booked: s.booked + a.booked, kept: s.kept + a.kept, missed: s.missed + a.missed, cancelled: s.cancelled + a.cancelled }), ZERO);
}

type Labels = Map<string, string> & { order: Map<string, number> };

/** Names for the ids in a report (a few small look-ups), and the natural order of zones and counters. */
async function labelsFor(deps: AppDeps, groupBy: ReportGroupBy, keys: (string | number | null)[]): Promise<Labels> {
  const labels = new Map<string, string>() as Labels;
  labels.order = new Map();
  const ids = keys.filter((k): k is string => typeof k === 'string' && /^[0-9a-f-]{36}$/i.test(k));
  if (ids.length === 0) return labels;
  if (groupBy === 'hall') {
    for (const h of await deps.db.select({ id: halls.id, name: halls.name }).from(halls).where(inArray(halls.id, ids))) labels.set(h.id, h.name);
  } else if (groupBy === 'zone') {
    const rows = await deps.db.select({ id: zones.id, name: zones.name, sort: zones.sortOrder }).from(zones).where(inArray(zones.id, ids));
    for (const z of rows) {
      labels.set(z.id, z.name);
      labels.order.set(z.id, z.sort);
    }
  } else if (groupBy === 'matter') {
    for (const m of await deps.db.select({ id: matters.id, name: matters.name }).from(matters).where(inArray(matters.id, ids))) labels.set(m.id, m.name);
  } else if (groupBy === 'counter') {
    const rows = await deps.db.select({ id: counters.id, number: counters.number, name: counters.name }).from(counters).where(inArray(counters.id, ids));
    for (const c of rows) {
      labels.set(c.id, `${c.number} · ${c.name}`);
      labels.order.set(c.id, c.number);
    }
  } else if (groupBy === 'staff') {
    for (const s of await deps.db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, ids))) labels.set(s.id, s.name);
  }
  return labels;
}

function sortRows(rows: ReportRow[], groupBy: ReportGroupBy, order: Map<string, number>): ReportRow[] {
  const last = (r: ReportRow) => (r.key === '' ? 1 : 0); // "not at a counter" goes last
  return rows.sort((a, b) => {
    if (last(a) !== last(b)) return last(a) - last(b);
    if (groupBy === 'hour' || groupBy === 'day') return a.key.localeCompare(b.key);
    const oa = order.get(a.key);
    const ob = order.get(b.key);
    if (oa !== undefined && ob !== undefined && oa !== ob) return oa - ob;
    return a.label.localeCompare(b.label, 'zh-CN');
  });
}
