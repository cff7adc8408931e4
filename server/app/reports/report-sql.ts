/**
 * The report aggregations, one SQL pass each: tickets grouped by a dimension (with a grand total
 * through GROUPING SETS, since percentiles do not add up), appointments grouped the same way.
 * Works unchanged on PGlite and PostgreSQL (percentile_cont, FILTER, GROUPING SETS).
 *
 * Definitions (docs/domain.md §3):
 *   wait     = first call − wait start (max(issue, appointment slot start)); measured on called tickets
 *   handling = finish − start; measured on finished tickets that were started
 *   within target: wait ≤ the ticket's waitTargetMinutes; handling ≤ the hall's counterHandlingTargetMinutes
 *   staff: the staff member whose action closed the ticket (ticket:finished → served, ticket:no-show → no-show)
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';

/** A connection or a transaction. */
export type Reader = Db | Tx;
import type { ReportGroupBy } from '../../protocol/dashboard';

export interface TicketAggregate {
  /** null on the grand-total row. */
  k: string | number | null;
  total: boolean;
  tickets: number;
  served: number;
  no_shows: number;
  cancelled: number;
  wait_measured: number;
  wait_within: number;
  general_measured: number;
  general_within: number;
  complex_measured: number;
  complex_within: number;
  handling_measured: number;
  handling_within: number;
  w50: number | null;
  w90: number | null;
  h50: number | null;
  h90: number | null;
}

export interface AppointmentAggregate {
  k: string | number | null;
  booked: number;
  kept: number;
  missed: number;
  cancelled: number;
}

export interface ReportScope {
  hallIds: string[];
  from: string;
  to: string;
  /** The moment the report is made: a ticket still waiting past its target by then is a miss. */
  now: Date;
}

/** drizzle's execute answers rows (postgres.js) or { rows } (PGlite). */
export async function queryRows<T>(db: Reader, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

export const idList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

const TICKET_DIMENSION: Record<Exclude<ReportGroupBy, 'staff'>, SQL> = {
  hall: sql`hall_id`,
  zone: sql`zone_id`,
  matter: sql`matter_id`,
  counter: sql`counter_id`,
  hour: sql`hr`,
  day: sql`service_date`,
};

/** A ticket (alias t) called within its wait target. */
export const WAIT_OK = sql`(t.first_called_at <= t.wait_start_at + make_interval(mins => t.wait_target_minutes))`;

/** A ticket (alias t) not called yet but already past its target: a miss now, whenever it is called. */
export const waitMiss = (now: Date): SQL =>
  sql`(t.first_called_at IS NULL AND t.status = 'waiting' AND ${now.toISOString()}::timestamptz > t.wait_start_at + make_interval(mins => t.wait_target_minutes))`;

/** Which tickets a pass reads: a condition on an alias with hall_id and service_date (tickets t, ticket_closings e). */
export interface TicketFilter {
  where: (alias: SQL) => SQL;
  now: Date;
}

/** The report's tickets in a scope: its halls over its service dates. */
export function scopeFilter(scope: ReportScope): TicketFilter {
  return { where: (a) => sql`${a}.hall_id IN (${idList(scope.hallIds)}) AND ${a}.service_date BETWEEN ${scope.from} AND ${scope.to}`, now: scope.now };
}

/**
 * One row per ticket with the measures every report figure is made of (the definitions above);
 * with `staff`, only tickets a staff member closed, with that member as actor_id.
 * Shared by the report and the roll-ups (server/app/reports/rollup.ts), so both count the same.
 */
export function ticketBase(f: TicketFilter, staff: boolean): SQL {
  // The closing event: the ticket's LATEST finish or no-show, and only if it matches the final
  // status — a no-show that was reactivated and then served counts once, as served, for the staff
  // member who finished it; a ticket that was a no-show twice counts once, for the last one.
  // ticket_closings holds that event per ticket (trigger-kept, migration 0020; live-counts.ts checks
  // it against the events): the same halls and days read as one range and hash-joined
  // (docs/performance.md §Year report by staff), not one look-up of the ticket's events per ticket.
  const closing = staff
    ? sql`JOIN ticket_closings e ON e.hall_id = t.hall_id AND e.service_date = t.service_date AND e.ticket_id = t.id
            AND e.staff_id IS NOT NULL AND e.status = t.status AND ${f.where(sql.raw('e'))}`
    : sql``;
  return sql`SELECT t.hall_id, t.zone_id, t.matter_id, t.counter_id, t.service_date, t.status, m.complexity,
             ${staff ? sql`e.staff_id` : sql`NULL::text`} AS actor_id,
             extract(hour FROM t.issued_at AT TIME ZONE h.time_zone)::int AS hr,
             CASE WHEN t.first_called_at IS NOT NULL
                  THEN greatest(0, extract(epoch FROM t.first_called_at - t.wait_start_at) / 60)::float8 END AS w,
             ${WAIT_OK} AS w_ok,
             ${waitMiss(f.now)} AS w_miss,
             CASE WHEN t.status = 'done' AND t.started_at IS NOT NULL
                  THEN greatest(0, extract(epoch FROM t.finished_at - t.started_at) / 60)::float8 END AS hd,
             coalesce((h.settings ->> 'counterHandlingTargetMinutes')::int, 20) AS hd_target
      FROM tickets t
      JOIN halls h ON h.id = t.hall_id
      JOIN matters m ON m.id = t.matter_id
      ${closing}
      WHERE ${f.where(sql.raw('t'))}`;
}

/** The counts over `base` that add up across days (handling_within is left out: it is against today's target). */
export const COUNT_COLUMNS = sql`count(*)::int AS tickets,
      count(*) FILTER (WHERE status = 'done')::int AS served,
      count(*) FILTER (WHERE status = 'no_show')::int AS no_shows,
      count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
      count(*) FILTER (WHERE w IS NOT NULL OR w_miss)::int AS wait_measured,
      count(*) FILTER (WHERE w_ok)::int AS wait_within,
      count(*) FILTER (WHERE (w IS NOT NULL OR w_miss) AND complexity = 'general')::int AS general_measured,
      count(*) FILTER (WHERE w_ok AND complexity = 'general')::int AS general_within,
      count(*) FILTER (WHERE (w IS NOT NULL OR w_miss) AND complexity = 'complex')::int AS complex_measured,
      count(*) FILTER (WHERE w_ok AND complexity = 'complex')::int AS complex_within,
      count(hd)::int AS handling_measured`;

/** The grouping column of `base` for a report grouping. */
export const dimensionOf = (groupBy: ReportGroupBy): SQL => (groupBy === 'staff' ? sql`actor_id` : TICKET_DIMENSION[groupBy]);

export async function aggregateTickets(db: Reader, scope: ReportScope, groupBy: ReportGroupBy): Promise<TicketAggregate[]> {
  const dim = dimensionOf(groupBy);
  const rows = await queryRows<Omit<TicketAggregate, 'total'> & { g: number }>(
    db,
    sql`WITH base AS (${ticketBase(scopeFilter(scope), groupBy === 'staff')})
    SELECT ${dim} AS k, GROUPING(${dim}) AS g,
      ${COUNT_COLUMNS},
      count(*) FILTER (WHERE hd <= hd_target)::int AS handling_within,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY w) AS w50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY w) AS w90,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY hd) AS h50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY hd) AS h90
    FROM base
    GROUP BY GROUPING SETS ((${dim}), ())`,
  );
  return rows.map(({ g, k, ...r }) => ({ k, total: Number(g) === 1, ...numbers(r) }));
}

/** postgres.js and PGlite agree on int and float8, but be strict about what leaves this module. */
export function numbers(r: Omit<TicketAggregate, 'total' | 'k'>): Omit<TicketAggregate, 'total' | 'k'> {
  const out = { ...r } as Record<string, unknown>;
  for (const [key, v] of Object.entries(r)) out[key] = v === null ? null : Number(v);
  return out as Omit<TicketAggregate, 'total' | 'k'>;
}

const APPOINTMENT_DIMENSION: Partial<Record<ReportGroupBy, SQL>> = {
  hall: sql`a.hall_id`,
  zone: sql`m.zone_id`,
  matter: sql`a.matter_id`,
  hour: sql`extract(hour FROM a.slot_start AT TIME ZONE h.time_zone)::int`,
  day: sql`a.service_date`,
};

/** The kept counts' grouping for a report grouping (report_appointment_counts: matter rows, hour rows). */
const KEPT_APPOINTMENT_DIMENSION: Partial<Record<ReportGroupBy, { dim: 'matter' | 'hour'; k: SQL }>> = {
  hall: { dim: 'matter', k: sql`c.hall_id` },
  zone: { dim: 'matter', k: sql`m.zone_id` },
  matter: { dim: 'matter', k: sql`c.key::uuid` },
  hour: { dim: 'hour', k: sql`c.key::int` },
  day: { dim: 'matter', k: sql`c.service_date` },
};

const toAppointments = (rows: AppointmentAggregate[]): AppointmentAggregate[] =>
  rows.map((r) => ({ k: r.k, booked: Number(r.booked), kept: Number(r.kept), missed: Number(r.missed), cancelled: Number(r.cancelled) }));

/**
 * Appointments kept (checked in) and missed (no-show, or too late to keep the slot). Null for counter/staff.
 * Read from the trigger-kept counts (live-counts.ts): a day and matter (or hour) per row, exact for every day, today included.
 */
export async function aggregateAppointments(db: Reader, scope: ReportScope, groupBy: ReportGroupBy): Promise<AppointmentAggregate[] | null> {
  const g = KEPT_APPOINTMENT_DIMENSION[groupBy];
  if (!g) return null;
  return toAppointments(
    await queryRows<AppointmentAggregate>(
      db,
      sql`SELECT ${g.k} AS k, sum(c.booked)::int AS booked, sum(c.kept)::int AS kept, sum(c.missed)::int AS missed, sum(c.cancelled)::int AS cancelled
        FROM report_appointment_counts c
        ${groupBy === 'zone' ? sql`JOIN matters m ON m.id = c.key::uuid` : sql``}
        WHERE c.hall_id IN (${idList(scope.hallIds)}) AND c.dim = ${g.dim} AND c.service_date BETWEEN ${scope.from} AND ${scope.to}
        GROUP BY 1 HAVING sum(c.booked) > 0`,
    ),
  );
}

/** The same figures counted from the appointments themselves: what the kept counts are checked against (rollup-check.ts). */
export async function countAppointments(db: Reader, scope: ReportScope, groupBy: ReportGroupBy): Promise<AppointmentAggregate[] | null> {
  const dim = APPOINTMENT_DIMENSION[groupBy];
  if (!dim) return null;
  return toAppointments(
    await queryRows<AppointmentAggregate>(
      db,
      sql`SELECT ${dim} AS k,
        count(*)::int AS booked,
        count(*) FILTER (WHERE a.status = 'checked_in')::int AS kept,
        count(*) FILTER (WHERE a.status IN ('no_show', 'late'))::int AS missed,
        count(*) FILTER (WHERE a.status = 'cancelled')::int AS cancelled
      FROM appointments a
      JOIN halls h ON h.id = a.hall_id
      JOIN matters m ON m.id = a.matter_id
      WHERE a.hall_id IN (${idList(scope.hallIds)}) AND a.service_date BETWEEN ${scope.from} AND ${scope.to}
      GROUP BY 1`,
    ),
  );
}

export interface HourAggregate {
  hr: number;
  issued: number;
  served: number;
}

/** Tickets issued and served per hall-local hour of one service day. */
export async function aggregateHours(db: Reader, hallId: string, day: string, timeZone: string): Promise<HourAggregate[]> {
  const rows = await queryRows<HourAggregate>(
    db,
    sql`SELECT hr, sum(issued)::int AS issued, sum(served)::int AS served FROM (
        SELECT extract(hour FROM issued_at AT TIME ZONE ${timeZone})::int AS hr, 1 AS issued, 0 AS served
          FROM tickets WHERE hall_id = ${hallId} AND service_date = ${day}
        UNION ALL
        SELECT extract(hour FROM finished_at AT TIME ZONE ${timeZone})::int, 0, 1
          FROM tickets WHERE hall_id = ${hallId} AND service_date = ${day} AND status = 'done'
      ) x GROUP BY hr ORDER BY hr`,
  );
  return rows.map((r) => ({ hr: Number(r.hr), issued: Number(r.issued), served: Number(r.served) }));
}
