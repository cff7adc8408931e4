/**
 * The trigger-kept counts (migration 0018; docs/performance.md §City roll-up, §Report roll-ups):
 * `hall_day_live` (per hall and service day: tickets by status, called, called within target) and
 * `report_appointment_counts` (per hall, day and matter or hour: appointments by outcome). A
 * deferred trigger applies every ticket or appointment row change to them at commit, in the
 * writing transaction; this module recounts them from the rows themselves, to check them (tests,
 * `npm run bench:reports -- --check`) and to rebuild them after a bulk load that bypassed the
 * triggers (bench/report-data.ts). Likewise `ticket_closings` (migration 0020: each ticket's latest
 * closing event, kept by a trigger on ticket_events as events are appended), recounted from the events.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Reader } from './report-sql';

export const LIVE_COLUMNS = ['issued', 'waiting', 'called', 'serving', 'served', 'no_shows', 'cancelled', 'call_measured', 'wait_within'] as const;
export const APPOINTMENT_COLUMNS = ['booked', 'kept', 'missed', 'cancelled'] as const;

/** hall_day_live's rows as a recount of the tickets (alias-free, grouped by hall and day). */
const liveRecount = (where: SQL) => sql`SELECT hall_id, service_date, count(*)::int AS issued,
    count(*) FILTER (WHERE status = 'waiting')::int AS waiting, count(*) FILTER (WHERE status = 'called')::int AS called,
    count(*) FILTER (WHERE status = 'serving')::int AS serving, count(*) FILTER (WHERE status = 'done')::int AS served,
    count(*) FILTER (WHERE status = 'no_show')::int AS no_shows, count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
    count(first_called_at)::int AS call_measured,
    count(*) FILTER (WHERE first_called_at <= wait_start_at + make_interval(mins => wait_target_minutes))::int AS wait_within
  FROM tickets WHERE ${where} GROUP BY hall_id, service_date`;

/** report_appointment_counts' rows as a recount of the appointments. */
const appointmentRecount = (where: SQL) => sql`SELECT a.hall_id, a.service_date, d.dim, d.key, count(*)::int AS booked,
    count(*) FILTER (WHERE a.status = 'checked_in')::int AS kept, count(*) FILTER (WHERE a.status IN ('no_show', 'late'))::int AS missed,
    count(*) FILTER (WHERE a.status = 'cancelled')::int AS cancelled
  FROM appointments a JOIN halls h ON h.id = a.hall_id
  CROSS JOIN LATERAL (VALUES ('matter', a.matter_id::text), ('hour', extract(hour FROM a.slot_start AT TIME ZONE h.time_zone)::int::text)) AS d(dim, key)
  WHERE ${where} GROUP BY 1, 2, 3, 4`;

/**
 * ticket_closings' rows as a recount of the events: per ticket its latest ticket:finished or
 * ticket:no-show, the status it closes with, the staff member who did it (NULL if not staff).
 */
const closingRecount = (where: SQL) => sql`SELECT DISTINCT ON (e.ticket_id) e.hall_id, t.service_date, e.ticket_id, e.seq,
    CASE e.type WHEN 'ticket:finished' THEN 'done' ELSE 'no_show' END AS status,
    CASE WHEN e.actor_type = 'staff' THEN e.actor_id END AS staff_id
  FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id AND t.hall_id = e.hall_id
  WHERE e.type IN ('ticket:finished', 'ticket:no-show') AND ${where}
  ORDER BY e.ticket_id, e.seq DESC`;

export interface CountDifference {
  table: 'hall_day_live' | 'report_appointment_counts' | 'ticket_closings';
  row: string;
  column: string;
  kept: number;
  recount: number;
}

/** Rows of a kept table that differ from the recount (a missing row counts as zeros). Empty when they agree. */
async function differences(db: Reader, table: CountDifference['table'], keys: string[], columns: readonly string[], recount: SQL): Promise<CountDifference[]> {
  const id = (c: string) => sql.identifier(c);
  const on = sql.join(keys.map((k) => sql`k.${id(k)} = r.${id(k)}`), sql` AND `);
  const rows = await queryRows<Record<string, string | number | null>>(
    db,
    sql`WITH r AS (${recount})
        SELECT ${sql.join(keys.map((k) => sql`coalesce(k.${id(k)}::text, r.${id(k)}::text) AS ${id(k)}`), sql`, `)},
               ${sql.join(columns.map((c) => sql`coalesce(k.${id(c)}, 0)::int AS ${id(`k_${c}`)}, coalesce(r.${id(c)}, 0)::int AS ${id(`r_${c}`)}`), sql`, `)}
        FROM ${id(table)} k FULL JOIN r ON ${on}
        WHERE ${sql.join(columns.map((c) => sql`coalesce(k.${id(c)}, 0) <> coalesce(r.${id(c)}, 0)`), sql` OR `)}`,
  );
  return rows.flatMap((r) =>
    columns
      .filter((c) => Number(r[`k_${c}`]) !== Number(r[`r_${c}`]))
      .map((c) => ({ table, row: keys.map((k) => r[k]).join('/'), column: c, kept: Number(r[`k_${c}`]), recount: Number(r[`r_${c}`]) })),
  );
}

/** ticket_closings rows that differ from the recount of the events (a row missing on either side too). */
async function closingDifferences(db: Reader): Promise<CountDifference[]> {
  const rows = await queryRows<{ ticket: string; k_seq: string | null; r_seq: string | null; k: string | null; r: string | null }>(
    db,
    sql`WITH r AS (${closingRecount(sql`true`)})
        SELECT coalesce(k.ticket_id, r.ticket_id)::text AS ticket, k.seq::text AS k_seq, r.seq::text AS r_seq,
               concat_ws('/', k.hall_id, k.service_date, k.status, k.staff_id) AS k, concat_ws('/', r.hall_id, r.service_date, r.status, r.staff_id) AS r
        FROM ticket_closings k FULL JOIN r ON k.ticket_id = r.ticket_id
        WHERE k.ticket_id IS NULL OR r.ticket_id IS NULL OR k.seq <> r.seq OR k.hall_id <> r.hall_id OR k.service_date <> r.service_date
           OR k.status <> r.status OR k.staff_id IS DISTINCT FROM r.staff_id
        LIMIT 1000`,
  );
  return rows.map((r) => ({ table: 'ticket_closings', row: `${r.ticket}: ${r.k ?? '(none)'} vs ${r.r ?? '(none)'}`, column: 'seq', kept: Number(r.k_seq ?? 0), recount: Number(r.r_seq ?? 0) }));
}

/** Every difference between the kept counts and a recount, all three tables, every hall. */
export async function keptCountDifferences(db: Reader): Promise<CountDifference[]> {
  return [
    ...(await closingDifferences(db)),
    ...(await differences(db, 'hall_day_live', ['hall_id', 'service_date'], LIVE_COLUMNS, liveRecount(sql`true`))),
    ...(await differences(db, 'report_appointment_counts', ['hall_id', 'service_date', 'dim', 'key'], APPOINTMENT_COLUMNS, appointmentRecount(sql`true`))),
  ];
}

/**
 * Replaces a hall's kept counts with a recount (after a bulk load with the triggers off, or the
 * rebuild command). Commands committing meanwhile in that hall could be counted twice or not at
 * all: run it with no server writing (bench, tests, `reports:rollup -- --rebuild` with the server stopped).
 */
export async function recountHall(db: Reader, hallId: string): Promise<void> {
  await db.execute(sql`DELETE FROM hall_day_live WHERE hall_id = ${hallId}::uuid`);
  await db.execute(sql`INSERT INTO hall_day_live (hall_id, service_date, ${sql.join(LIVE_COLUMNS.map((c) => sql.identifier(c)), sql`, `)})
    ${liveRecount(sql`hall_id = ${hallId}::uuid`)}`);
  await db.execute(sql`DELETE FROM report_appointment_counts WHERE hall_id = ${hallId}::uuid`);
  await db.execute(sql`INSERT INTO report_appointment_counts (hall_id, service_date, dim, key, ${sql.join(APPOINTMENT_COLUMNS.map((c) => sql.identifier(c)), sql`, `)})
    ${appointmentRecount(sql`a.hall_id = ${hallId}::uuid`)}`);
  await db.execute(sql`DELETE FROM ticket_closings WHERE hall_id = ${hallId}::uuid`);
  // In key order: a day of the hall in a few pages, as the trigger's appends in time order leave it (migration 0020).
  await db.execute(sql`INSERT INTO ticket_closings (hall_id, service_date, ticket_id, seq, status, staff_id)
    SELECT * FROM (${closingRecount(sql`e.hall_id = ${hallId}::uuid`)}) c ORDER BY hall_id, service_date, ticket_id`);
}
