/**
 * Report timings on a year of data (docs/performance.md, "Report roll-ups"). Bulk-generates a year of
 * one hall into a fresh database (bench/report-data.ts), times the year from the tickets alone,
 * covers the past days with roll-ups as the end-of-day job does (timed: the backfill), then times
 * every report grouping over a day, a month and the whole year through runReport(), and today's
 * stats; then seeds a city of --city halls and times the city roll-up (cityLive()). Prints medians
 * and the machine's load.
 *
 *   npm run bench:reports                                     # PostgreSQL at BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 *   npm run bench:reports -- --pglite                         # embedded PGlite in a temp folder
 *   --reuse=yc_bench_reports_… (PostgreSQL) runs on a database an earlier --keep run left, without generating
 *   options: --per-day=5500 (tickets a day; 365 × 5500 ≈ 2.0 M) --days=365 --runs=5 --keep --explain (per grouping of the year: statements, rows, buffers, database ms; PostgreSQL only)
 *            --raw (every grouping from the tickets alone too) --check (tickets vs roll-ups, every grouping;
 *            the trigger-kept live and appointment counts and ticket closings vs a recount, after the city's tickets too)
 *            --city=1000 (halls for the city roll-up; 0 skips it) --city-tickets=150 (tickets per hall today)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { openDb, type OpenedDb } from '../db/client';
import { halls, staff } from '../db/schema';
import { aggregateAppointments, queryRows, type ReportScope } from '../server/app/reports/report-sql';
import { runReport } from '../server/app/reports/run-report';
import { todayStats } from '../server/app/reports/today-stats';
import type { StaffActor } from '../server/app/actor';
import { manualClock } from '../server/domain/clock';
import { instantAt, serviceDate } from '../server/domain/hall-time';
import { REPORT_GROUPS, type ReportGroupBy } from '../server/protocol/dashboard';
import { cityLive, cityLiveQuery } from '../server/app/reports/city-live';
import { aggregateWithRollups, sealPastDays } from '../server/app/reports/rollup';
import { checkRollups } from '../server/app/reports/rollup-check';
import { keptCountDifferences } from '../server/app/reports/live-counts';
import { seedDemo } from '../server/seed/seed-demo';
import { generateReportData } from './report-data';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const flag = (name: string) => process.argv.includes(`--${name}`);
const PER_DAY = Number(arg('per-day', '5500'));
const DAYS = Number(arg('days', '365'));
const RUNS = Number(arg('runs', '5'));
const CITY = Number(arg('city', '1000'));
const CITY_TICKETS = Number(arg('city-tickets', '150'));
const FIRST_DAY = '2025-01-01';
/** A database kept by an earlier --keep run: no seeding or generation (its history and city are used as they are). */
const REUSE = process.argv.find((a) => a.startsWith('--reuse='))?.split('=')[1];
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const LAST_DAY = addDays(FIRST_DAY, DAYS - 1);

async function open(): Promise<{ opened: OpenedDb; kind: string; cleanup(): Promise<void> }> {
  if (flag('pglite')) {
    const dir = mkdtempSync(join(tmpdir(), 'yc-bench-reports-'));
    const opened = await openDb(`file://${dir}`);
    return { opened, kind: 'PGlite (file)', cleanup: async () => void (await opened.close(), flag('keep') || rmSync(dir, { recursive: true, force: true })) };
  }
  const name = REUSE ?? `yc_bench_reports_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  if (!REUSE) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const opened = await openDb(url.toString());
  if (flag('keep')) console.log(`database ${name} (kept)`);
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version;
  return {
    opened,
    kind: `PostgreSQL ${version}`,
    async cleanup() {
      await opened.close();
      if (!flag('keep') && !REUSE) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
};

/**
 * The city roll-up: CITY more halls (one zone, one matter, 10 counters: 6 open, 2 paused, 2 closed)
 * with CITY_TICKETS tickets each today (70 % served, 5 % serving, 3 % called, the rest waiting),
 * inserted set-based, then cityLive() for an administrator (every hall), median of RUNS.
 */
async function benchCity(opened: OpenedDb, deps: Parameters<typeof cityLive>[0], median: (xs: number[]) => number): Promise<void> {
  const db = opened.db;
  const [demo] = await db.select().from(halls).limit(1);
  const today = LAST_DAY;
  const T = CITY_TICKETS;
  const city = sql`(SELECT id FROM halls WHERE code LIKE 'CITY-%')`;
  const seeded = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM halls WHERE code LIKE 'CITY-%'`))[0]!.n > 0;
  const [, seedMs] = await timed(async () => {
    if (seeded) return;
    await db.execute(sql`INSERT INTO halls (code, name, sessions, settings, level, parent_hall_id)
      SELECT 'CITY-' || lpad(i::text, 4, '0'), '城市大厅' || i, ${JSON.stringify(demo!.sessions)}::jsonb, ${JSON.stringify(demo!.settings)}::jsonb,
             CASE WHEN i % 13 = 1 THEN 'district_centre' ELSE 'street_centre' END, NULL
      FROM generate_series(1, ${sql.raw(String(CITY))}) AS i`);
    await db.execute(sql`INSERT INTO zones (hall_id, code, name) SELECT id, 'A', '综合区' FROM halls WHERE id IN ${city}`);
    await db.execute(sql`INSERT INTO matters (hall_id, zone_id, code, name, department, complexity, ticket_prefix, flags)
      SELECT hall_id, id, 'M1', '综合事项', '综合', 'general', 'A', '{}'::jsonb FROM zones WHERE hall_id IN ${city}`);
    await db.execute(sql`INSERT INTO counters (hall_id, zone_id, number, name, type, status)
      SELECT z.hall_id, z.id, c, c || '号窗口', 'comprehensive', CASE WHEN c <= 6 THEN 'open' WHEN c <= 8 THEN 'paused' ELSE 'closed' END
      FROM zones z CROSS JOIN generate_series(1, 10) AS c WHERE z.hall_id IN ${city}`);
    await db.execute(sql`INSERT INTO tickets (hall_id, zone_id, matter_id, service_date, prefix, seq_no, number, status, source,
                                              issued_at, wait_start_at, wait_target_minutes, first_called_at, called_at, started_at, finished_at, token)
      SELECT m.hall_id, m.zone_id, m.id, ${today}, 'A', n, 'A' || lpad(n::text, 4, '0'), x.st, 'kiosk', x.issued, x.issued, 10,
             CASE WHEN x.st <> 'waiting' THEN x.issued + make_interval(secs => x.w * 60) END,
             CASE WHEN x.st <> 'waiting' THEN x.issued + make_interval(secs => x.w * 60) END,
             CASE WHEN x.st IN ('done', 'serving') THEN x.issued + make_interval(secs => x.w * 60 + 30) END,
             CASE WHEN x.st = 'done' THEN x.issued + make_interval(secs => x.w * 60 + 600) END,
             md5(m.id::text || '/' || n::text)
      FROM matters m CROSS JOIN generate_series(1, ${sql.raw(String(T))}) AS n
      CROSS JOIN LATERAL (
        SELECT ((${today}::date + time '08:30') AT TIME ZONE 'Asia/Shanghai') + make_interval(secs => n::float8 / ${sql.raw(String(T))} * 27000) AS issued,
               CASE WHEN n <= ${sql.raw(String(T))} * 0.70 THEN 'done' WHEN n <= ${sql.raw(String(T))} * 0.75 THEN 'serving'
                    WHEN n <= ${sql.raw(String(T))} * 0.78 THEN 'called' ELSE 'waiting' END AS st,
               random() * 30 + 0 * n AS w
      ) x
      WHERE m.hall_id IN ${city}`);
    await db.execute(sql`ANALYZE`);
  });
  if (flag('check')) {
    const kept = await keptCountDifferences(db);
    console.log(`check (the city's live rows vs a recount of today's tickets): ${kept.length === 0 ? 'agree' : `${kept.length} differences`}`);
  }
  const admin: StaffActor = { kind: 'staff', id: randomUUID(), role: 'admin', hallIds: [], displayName: 'bench', username: 'bench-admin' };
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < RUNS; i++) {
    const [view, ms] = await timed(() => cityLive(deps, admin));
    times.push(ms);
    n = view.halls.length;
  }
  if (flag('explain')) {
    const all = await db.select({ id: halls.id, tz: halls.timeZone }).from(halls);
    const now = deps.clock.now();
    const [plan] = await queryRows<{ 'QUERY PLAN': [{ Plan: { 'Actual Rows': number; 'Shared Hit Blocks': number; 'Shared Read Blocks': number }; 'Execution Time': number }] }>(
      db,
      sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${cityLiveQuery(all.map((h) => h.id), all.map((h) => serviceDate(now, h.tz)), now)}`,
    );
    const p = plan!['QUERY PLAN'][0];
    console.log(`city statement: ${p.Plan['Actual Rows']} rows, ${p.Plan['Shared Hit Blocks'] + p.Plan['Shared Read Blocks']} buffers, ${p['Execution Time'].toFixed(0)} ms in the database (EXPLAIN ANALYZE)`);
  }
  console.log(`city roll-up: ${n} halls (${CITY} × ${T} tickets today + the year's hall, seeded in ${(seedMs / 1000).toFixed(0)} s): cityLive() ${median(times).toFixed(0)} ms (median of ${RUNS}; runs ${times.map((t) => t.toFixed(0)).join(' ')})`);
}

/**
 * --explain: the statements of the year's report per grouping (what runReport runs in its snapshot:
 * roll-ups, today's tickets, appointment counts), captured through a recording reader, then each
 * run again under EXPLAIN (ANALYZE, BUFFERS): statements, rows they return, buffers they touch —
 * figures that do not depend on the machine's load — and the database's own execution time.
 */
async function explainYear(db: OpenedDb['db'], scope: ReportScope): Promise<void> {
  console.log('-- the year by grouping: statements, rows returned, buffers touched (shared hit + read), execution ms (EXPLAIN ANALYZE)');
  for (const groupBy of REPORT_GROUPS) {
    const captured: SQL[] = [];
    const recorder = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'execute') return (q: SQL) => (captured.push(q), target.execute(q));
        return Reflect.get(target, prop, receiver);
      },
    });
    await aggregateWithRollups(recorder, scope, groupBy);
    await aggregateAppointments(recorder, scope, groupBy);
    let buffers = 0;
    let ms = 0;
    let rows = 0;
    const parts: string[] = [];
    for (const q of captured) {
      const [plan] = await queryRows<{ 'QUERY PLAN': [{ Plan: { 'Actual Rows': number; 'Shared Hit Blocks': number; 'Shared Read Blocks': number }; 'Execution Time': number }] }>(
        db,
        sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q}`,
      );
      const p = plan!['QUERY PLAN'][0];
      const b = p.Plan['Shared Hit Blocks'] + p.Plan['Shared Read Blocks'];
      buffers += b;
      ms += p['Execution Time'];
      rows += p.Plan['Actual Rows'];
      parts.push(`${p.Plan['Actual Rows']}r/${b}b/${p['Execution Time'].toFixed(0)}ms`);
    }
    console.log(`${groupBy.padEnd(8)} ${captured.length} statements, ${rows} rows, ${buffers} buffers, ${ms.toFixed(0)} ms in the database  [${parts.join(' ')}]`);
  }
}

async function main() {
  const { opened, kind, cleanup } = await open();
  try {
    if (!REUSE) await seedDemo(opened.db);
    const [hall] = await opened.db.select().from(halls).where(sql`code NOT LIKE 'CITY-%'`).limit(1);
    const [mgr] = (await opened.db.select().from(staff)).filter((s) => s.role === 'manager');
    const actor: StaffActor = { kind: 'staff', id: mgr!.id, role: 'manager', hallIds: mgr!.hallIds, displayName: mgr!.displayName, username: mgr!.username };
    console.log(`${kind}: generating ${DAYS} days × ${PER_DAY} tickets …`);
    const [, genMs] = REUSE ? [null, 0] : await timed(() => generateReportData(opened.db, hall!.id, { firstDay: FIRST_DAY, days: DAYS, perDay: PER_DAY, progress: true }));
    const counts = await queryRows<{ t: number; e: number; a: number }>(
      opened.db,
      sql`SELECT (SELECT count(*) FROM tickets)::int AS t, (SELECT count(*) FROM ticket_events)::int AS e, (SELECT count(*) FROM appointments)::int AS a`,
    );
    console.log(`generated ${counts[0]!.t} tickets, ${counts[0]!.e} events, ${counts[0]!.a} appointments in ${(genMs / 1000).toFixed(0)} s`);

    const mid = addDays(FIRST_DAY, Math.floor(DAYS / 2));
    const ranges = [
      { name: 'day', from: mid, to: mid },
      { name: 'month', from: mid, to: addDays(mid, 29) },
      { name: 'year', from: FIRST_DAY, to: LAST_DAY },
    ];
    // "Now" is the afternoon of the last generated day: that day is today (read from the tickets),
    // every earlier day is a past day the end-of-day job rolls up.
    const deps = { db: opened.db, clock: manualClock(instantAt(LAST_DAY, '16:00', 'Asia/Shanghai')), publisher: { publish() {} }, piiKey: Buffer.alloc(32), publicBaseUrl: '' };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const table = async (label: string, groups: readonly ReportGroupBy[], rangeList: typeof ranges, runs: number) => {
      console.log(`-- ${label} (median of ${runs} run${runs === 1 ? '' : 's'}, runReport() end to end incl. label look-ups)`);
      for (const groupBy of groups) {
        const cells: string[] = [];
        for (const range of rangeList) {
          const times: number[] = [];
          let rows = 0;
          for (let i = 0; i < runs; i++) {
            const [view, ms] = await timed(() => runReport(deps, actor, [hall!.id], { from: range.from, to: range.to, groupBy }));
            times.push(ms);
            rows = view.rows.length;
          }
          cells.push(`${range.name}: ${median(times).toFixed(0)} ms (${rows} rows)`.padEnd(28));
        }
        console.log(groupBy.padEnd(8), cells.join(''));
      }
    };
    // The tickets alone (no roll-ups yet): all groupings with --raw, else the year by day as the reference.
    if (!REUSE) await table('tickets only', flag('raw') ? REPORT_GROUPS : ['day'], flag('raw') ? ranges : ranges.slice(2), flag('raw') ? RUNS : 1);

    const [built, sealMs] = await timed(() => sealPastDays(opened.db, hall!.id, 'Asia/Shanghai', deps.clock.now()));
    // What autovacuum does after the inserts on an installation: the past days' roll-up pages become
    // all-visible, so a report reads their bins by an index-only scan (migration 0019).
    await opened.db.execute(sql`VACUUM (ANALYZE) report_day_bins, report_day_counts`);
    const [sizes] = await queryRows<{ c: number; b: number }>(opened.db, sql`SELECT (SELECT count(*) FROM report_day_counts)::int AS c, (SELECT count(*) FROM report_day_bins)::int AS b`);
    console.log(`roll-ups: ${built.length} past days covered in ${(sealMs / 1000).toFixed(1)} s (${sizes!.c} count rows, ${sizes!.b} bin rows)`);
    if (flag('check')) {
      const [diffs, checkMs] = await timed(() => checkRollups(opened.db, { hallIds: [hall!.id], from: FIRST_DAY, to: LAST_DAY, now: deps.clock.now() }));
      console.log(`check (every grouping over the year, tickets vs roll-ups): ${diffs.length === 0 ? 'agree' : `${diffs.length} differences`} (${(checkMs / 1000).toFixed(0)} s)`);
      for (const d of diffs.slice(0, 10)) console.log('  ', JSON.stringify(d));
      const kept = await keptCountDifferences(opened.db);
      console.log(`check (live counts, appointment counts and ticket closings vs a recount of the rows): ${kept.length === 0 ? 'agree' : `${kept.length} differences`}`);
      for (const d of kept.slice(0, 10)) console.log('  ', JSON.stringify(d));
    }
    await table('with roll-ups', REPORT_GROUPS, ranges, RUNS);

    const todays: number[] = [];
    for (let i = 0; i < RUNS; i++) todays.push((await timed(() => todayStats(deps, actor, hall!.id)))[1]);
    console.log(`today's stats (one day of ${PER_DAY} tickets): ${median(todays).toFixed(0)} ms`);
    if (flag('explain')) await explainYear(opened.db, { hallIds: [hall!.id], from: FIRST_DAY, to: LAST_DAY, now: deps.clock.now() });
    if (CITY > 0) await benchCity(opened, deps, median);
    console.log(`(${kind}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores)`);
  } finally {
    await cleanup();
  }
}

await main();
