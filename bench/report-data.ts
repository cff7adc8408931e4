/**
 * A generated history of one hall for report benchmarks and tests: PER_DAY tickets a day
 * (generate_series, in SQL, a month per statement), their event rows (issued, called, started,
 * finished / no-show, cancelled) and appointments. Used by bench/reports.ts and
 * tests/app/report-rollups.test.ts. The trigger-kept counts (server/app/reports/live-counts.ts) are
 * and ticket_closings (0020) are switched off for the bulk insert — a row-level trigger per
 * generated row would triple the generation's time — and recounted from the rows at the end.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { counters, matters, staff } from '../db/schema';
import { recountHall } from '../server/app/reports/live-counts';
import { queryRows } from '../server/app/reports/report-sql';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function generateReportData(db: Db, hallId: string, o: { firstDay: string; days: number; perDay: number; progress?: boolean }): Promise<void> {
  const { firstDay: FIRST_DAY, days: DAYS, perDay: PER_DAY } = o;
  const matterRows = await db.select().from(matters);
  const counterRows = (await db.select().from(counters)).filter((c) => c.type !== 'consultation');
  const staffRows = (await db.select().from(staff)).filter((s) => s.role === 'staff');
  const list = (ids: string[]) => sql.raw(`ARRAY[${ids.map((id) => `'${id}'::uuid`).join(',')}]`);
  const mIds = list(matterRows.map((m) => m.id));
  const zIds = list(matterRows.map((m) => m.zoneId));
  const cx = sql.raw(`ARRAY[${matterRows.map((m) => `'${m.complexity}'`).join(',')}]`);
  const cIds = list(counterRows.map((c) => c.id));
  const sIds = sql.raw(`ARRAY[${staffRows.map((s) => `'${s.id}'`).join(',')}]`);
  const nm = matterRows.length;
  const nc = counterRows.length;
  const ns = staffRows.length;
  let seq = 0;
  await keptCountTriggers(db, 'DISABLE');
  for (let start = 0; start < DAYS; start += 31) {
    const days = Math.min(31, DAYS - start);
    const from = addDays(FIRST_DAY, start);
    // One row per ticket; r picks the outcome (5 % cancelled before a call, 5 % no-show, 90 % served),
    // waits are skewed towards short (random()^2 × 45 min), handling 3–28 min, 8 % from appointments.
    await db.execute(sql`
      INSERT INTO tickets (hall_id, zone_id, matter_id, service_date, prefix, seq_no, number, status, source, counter_id,
                           issued_at, wait_start_at, wait_target_minutes, first_called_at, called_at, started_at, finished_at, token)
      SELECT ${hallId}::uuid, (${zIds})[mi], (${mIds})[mi], to_char(d, 'YYYY-MM-DD'), 'Q', n, 'Q' || lpad(n::text, 5, '0'),
             CASE WHEN r < 0.05 THEN 'cancelled' WHEN r < 0.10 THEN 'no_show' ELSE 'done' END,
             CASE WHEN r2 < 0.08 THEN 'appointment' ELSE 'kiosk' END,
             CASE WHEN r < 0.05 THEN NULL ELSE (${cIds})[1 + (n * 31 + mi) % ${sql.raw(String(nc))}] END,
             issued, issued, CASE WHEN (${cx})[mi] = 'complex' THEN 30 ELSE 10 END,
             CASE WHEN r < 0.05 THEN NULL ELSE issued + make_interval(secs => w * 60) END,
             CASE WHEN r < 0.05 THEN NULL ELSE issued + make_interval(secs => w * 60) END,
             CASE WHEN r < 0.10 THEN NULL ELSE issued + make_interval(secs => w * 60 + 30) END,
             CASE WHEN r < 0.05 THEN issued + interval '20 minutes' WHEN r < 0.10 THEN NULL
                  ELSE issued + make_interval(secs => w * 60 + 30 + h * 60) END,
             md5(d::text || '/' || n::text)
      FROM generate_series(${from}::date, ${from}::date + ${sql.raw(String(days - 1))}, interval '1 day') AS d
      CROSS JOIN generate_series(1, ${sql.raw(String(PER_DAY))}) AS n
      CROSS JOIN LATERAL (
        SELECT 1 + (n * 7919 + extract(doy FROM d)::int) % ${sql.raw(String(nm))} AS mi,
               ((d::date + time '08:30') AT TIME ZONE 'Asia/Shanghai') + make_interval(secs => n::float8 / ${sql.raw(String(PER_DAY))} * 30600) AS issued,
               random() + 0 * n AS r, random() + 0 * n AS r2, power(random() + 0 * n, 2) * 45 AS w, 3 + random() * 25 + 0 * n AS h
      ) x`);
    // The event log: issued, called, started, finished or no-show, cancelled.
    const [last] = await queryRows<{ max: number }>(db, sql`SELECT coalesce(max(seq), 0)::bigint AS max FROM ticket_events WHERE hall_id = ${hallId}`);
    seq = Number(last?.max ?? 0);
    await db.execute(sql`
      INSERT INTO ticket_events (hall_id, seq, type, ticket_id, counter_id, actor_type, actor_id, data, at)
      SELECT ${hallId}::uuid, ${sql.raw(String(seq))} + row_number() OVER (), e.type, t.id, t.counter_id, e.actor_type,
             CASE WHEN e.actor_type = 'staff' THEN (${sIds})[1 + abs(hashtext(t.counter_id::text)) % ${sql.raw(String(ns))}] END,
             jsonb_build_object('status', e.status), e.at
      FROM tickets t
      CROSS JOIN LATERAL (VALUES
        ('ticket:issued', 'device', 'waiting', t.issued_at),
        ('ticket:called', 'staff', 'called', t.first_called_at),
        ('ticket:started', 'staff', 'serving', t.started_at),
        (CASE t.status WHEN 'done' THEN 'ticket:finished' WHEN 'no_show' THEN 'ticket:no-show' ELSE 'ticket:cancelled' END,
         CASE t.status WHEN 'cancelled' THEN 'system' ELSE 'staff' END, t.status,
         coalesce(t.finished_at, t.first_called_at + interval '3 minutes'))
      ) AS e(type, actor_type, status, at)
      WHERE t.hall_id = ${hallId} AND t.service_date BETWEEN ${from} AND ${addDays(from, days - 1)} AND e.at IS NOT NULL`);
    // Appointments: a tenth of a day's tickets, 80 % kept, 12 % missed, 8 % cancelled.
    await db.execute(sql`
      INSERT INTO appointments (hall_id, matter_id, service_date, slot_start, slot_end, status, code, channel,
                                visitor_id_hash, visitor_id_enc, visitor_id_masked, phone_hash, phone_enc, phone_masked, created_at)
      SELECT ${hallId}::uuid, (${mIds})[1 + n % ${sql.raw(String(nm))}], to_char(d, 'YYYY-MM-DD'), s, s + interval '30 minutes',
             CASE WHEN r < 0.08 THEN 'cancelled' WHEN r < 0.20 THEN 'no_show' ELSE 'checked_in' END,
             md5('a' || d::text || '/' || n::text), 'online', md5(n::text), 'x', '110105********002X', md5(n::text), 'x', '138****1234', s - interval '2 days'
      FROM generate_series(${from}::date, ${from}::date + ${sql.raw(String(days - 1))}, interval '1 day') AS d
      CROSS JOIN generate_series(1, ${sql.raw(String(Math.max(1, Math.round(PER_DAY / 10))))}) AS n
      CROSS JOIN LATERAL (SELECT ((d::date + time '09:00') AT TIME ZONE 'Asia/Shanghai') + make_interval(mins => 30 * (n % 14)) AS s, random() + 0 * n AS r) x`);
    if (o.progress) process.stdout.write(`  generated ${addDays(from, days - 1)}\r`);
  }
  await keptCountTriggers(db, 'ENABLE');
  await recountHall(db, hallId);
  await db.execute(sql`UPDATE halls SET event_seq = (SELECT max(seq) FROM ticket_events WHERE hall_id = ${hallId}) WHERE id = ${hallId}`);
  await db.execute(sql`ANALYZE`);
}


/** Switches the kept counts' triggers (migrations 0018, 0020) off or on, for a bulk load followed by recountHall. */
export async function keptCountTriggers(db: Db, how: 'DISABLE' | 'ENABLE'): Promise<void> {
  for (const [table, trigger] of [
    ['tickets', 'hall_day_live_insert_delete'], ['tickets', 'hall_day_live_update'],
    ['appointments', 'report_appointment_counts_insert_delete'], ['appointments', 'report_appointment_counts_update'],
    ['ticket_events', 'ticket_closings_append'],
  ] as const) await db.execute(sql.raw(`ALTER TABLE ${table} ${how} TRIGGER ${trigger}`));
}
