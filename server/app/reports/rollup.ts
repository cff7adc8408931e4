/**
 * Report roll-ups (docs/performance.md, "Report roll-ups"): whole past service days of a hall summed per grouping
 * into report_day_counts and report_day_bins (db/schema-reports.ts), so a year's report reads
 * ~365 rows per group instead of every ticket.
 *
 * A (hall, day) is covered while its report_days row exists, and its roll-up rows are written and
 * deleted together with that row, in one transaction. A day is built from the tickets with the
 * report's own per-ticket measures (report-sql.ts `ticketBase`), once it is past in the hall and no
 * ticket of it is still waiting (a waiting ticket's figure depends on the hour you look). After
 * that, every fact on a ticket of a covered day (a past day's ticket finished late, the end-of-day
 * job's closes) rebuilds the day in the fact's own transaction (rollupAfterFacts, called from
 * run-command.ts where facts become events) — so a roll-up never disagrees with the tickets.
 * Today is never rolled up: the report reads it from the tickets.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { serviceDate } from '../../domain/hall-time';
import type { ReportGroupBy } from '../../protocol/dashboard';
import { addBin, binSql, percentileWithResolution, type Histogram } from './histogram';
import {
  aggregateTickets,
  COUNT_COLUMNS,
  dimensionOf,
  idList,
  numbers,
  queryRows,
  ticketBase,
  type Reader,
  type ReportScope,
  type TicketAggregate,
  type TicketFilter,
} from './report-sql';

const DAY_MS = 86_400_000;
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Every calendar day from..to (inclusive). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Sorted days folded into inclusive runs of consecutive days. */
export function dayRuns(days: string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const d of [...new Set(days)].sort()) {
    const last = runs[runs.length - 1];
    if (last && addDays(last[1], 1) === d) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}

/** `col` in the runs of the days, as index-friendly ranges. */
// A one-day run is an equality: the planner estimates it from the column's distinct values, where a
// range past the statistics' last bound (today, before the next ANALYZE) would be estimated at one row.
const inDays = (col: SQL, days: string[]): SQL =>
  sql`(${sql.join(dayRuns(days).map(([a, b]) => (a === b ? sql`${col} = ${a}` : sql`${col} BETWEEN ${a} AND ${b}`)), sql` OR `)})`;

/** Tickets of the given days of the given halls. */
function daysFilter(byHall: Map<string, string[]>, now: Date): TicketFilter | null {
  const halls = [...byHall].filter(([, days]) => days.length > 0);
  if (halls.length === 0) return null;
  return {
    where: (a) => sql`(${sql.join(halls.map(([hallId, days]) => sql`(${a}.hall_id = ${hallId}::uuid AND ${inDays(sql`${a}.service_date`, days)})`), sql` OR `)})`,
    now,
  };
}

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const monthDays = (month: string) => daysBetween(month, addDays(addDays(month, 32).slice(0, 7) + '-01', -1));

// ---------------------------------------------------------------------------------------------
// Building

/** The groupings that are not staff, in one GROUPING SETS pass: which set a row belongs to, and its key. */
const SET_DIM = sql`CASE WHEN GROUPING(zone_id) = 0 THEN 'zone' WHEN GROUPING(matter_id) = 0 THEN 'matter'
      WHEN GROUPING(counter_id) = 0 THEN 'counter' WHEN GROUPING(hr) = 0 THEN 'hour' ELSE 'hall' END`;
const SET_KEY = sql`CASE WHEN GROUPING(zone_id) = 0 THEN zone_id::text WHEN GROUPING(matter_id) = 0 THEN matter_id::text
      WHEN GROUPING(counter_id) = 0 THEN coalesce(counter_id::text, '') WHEN GROUPING(hr) = 0 THEN hr::text ELSE hall_id::text END`;
const sets = (extra: SQL) =>
  sql`GROUPING SETS ((hall_id, service_date${extra}), (hall_id, service_date, zone_id${extra}), (hall_id, service_date, matter_id${extra}),
      (hall_id, service_date, counter_id${extra}), (hall_id, service_date, hr${extra}))`;

const COUNT_TARGET = sql`(hall_id, dim, grain, service_date, key, tickets, served, no_shows, cancelled, wait_measured, wait_within,
      general_measured, general_within, complex_measured, complex_within, handling_measured)`;
const MEASURES = sql`SELECT *, 'wait' AS measure, ${binSql(sql`w`)} AS ub FROM base WHERE w IS NOT NULL
      UNION ALL SELECT *, 'handling', ${binSql(sql`hd`)} FROM base WHERE hd IS NOT NULL`;

/**
 * Writes the roll-up rows of the filter's tickets (the days must have no rows yet): two statements,
 * each reading the tickets once for both tables (a data-modifying WITH writes the counts, the
 * statement itself the bins).
 */
async function writeRollups(tx: Reader, f: TicketFilter): Promise<void> {
  await tx.execute(sql`WITH base AS MATERIALIZED (${ticketBase(f, false)}),
    counts AS (INSERT INTO report_day_counts ${COUNT_TARGET}
      SELECT hall_id, ${SET_DIM}, 'day', service_date, ${SET_KEY}, ${COUNT_COLUMNS} FROM base GROUP BY ${sets(sql``)}),
    m AS (${MEASURES})
    INSERT INTO report_day_bins (hall_id, dim, grain, service_date, key, measure, ub, n)
    SELECT hall_id, ${SET_DIM}, 'day', service_date, ${SET_KEY}, measure, ub, count(*)::int FROM m GROUP BY ${sets(sql`, measure, ub`)}`);
  await tx.execute(sql`WITH base AS MATERIALIZED (${ticketBase(f, true)}),
    counts AS (INSERT INTO report_day_counts ${COUNT_TARGET}
      SELECT hall_id, 'staff', 'day', service_date, actor_id, ${COUNT_COLUMNS} FROM base GROUP BY hall_id, service_date, actor_id),
    m AS (${MEASURES})
    INSERT INTO report_day_bins (hall_id, dim, grain, service_date, key, measure, ub, n)
    SELECT hall_id, 'staff', 'day', service_date, actor_id, measure, ub, count(*)::int FROM m GROUP BY hall_id, service_date, actor_id, measure, ub`);
}

/**
 * Covers the given past days of a hall that can be covered: claims each day's report_days row
 * (a day another process is building, or has built, is skipped) and writes its roll-ups. A day
 * with a waiting ticket is left to the tickets. Returns the days built.
 */
export async function buildDays(tx: Reader, hallId: string, days: string[], now: Date): Promise<string[]> {
  if (days.length === 0) return [];
  const runs = dayRuns(days);
  const inRuns = sql.join(runs.map(([a, b]) => sql`(service_date BETWEEN ${a} AND ${b})`), sql` OR `);
  const open = await queryRows<{ d: string }>(
    tx,
    sql`SELECT DISTINCT service_date AS d FROM tickets WHERE hall_id = ${hallId}::uuid AND status = 'waiting' AND (${inRuns})`,
  );
  const skip = new Set(open.map((r) => r.d));
  const wanted = [...new Set(days)].filter((d) => !skip.has(d));
  if (wanted.length === 0) return [];
  const claimed = await queryRows<{ d: string }>(
    tx,
    sql`INSERT INTO report_days (hall_id, service_date, built_at)
        SELECT ${hallId}::uuid, d, ${now.toISOString()}::timestamptz FROM unnest(${`{${wanted.join(',')}}`}::text[]) AS d
        ON CONFLICT DO NOTHING RETURNING service_date AS d`,
  );
  const built = claimed.map((r) => r.d);
  const f = daysFilter(new Map([[hallId, built]]), now);
  if (f) await writeRollups(tx, f);
  await buildMonths(tx, hallId, built, now);
  return built.sort();
}

/** The stored counts (handling_within is counted from the bins at report time). */
const STORED_COUNTS = () => COUNT_KEYS.filter((c) => c !== 'handling_within');
const COUNT_SUMS = () => sql.join(STORED_COUNTS().map((c) => sql`sum(${sql.identifier(c)})::int`), sql`, `);

/** Month rows for the months of these days that are now covered on every day: sums of the day rows. */
async function buildMonths(tx: Reader, hallId: string, days: string[], now: Date): Promise<void> {
  for (const month of [...new Set(days.map(monthOf))]) {
    const all = monthDays(month);
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM report_days WHERE hall_id = ${hallId}::uuid AND service_date BETWEEN ${all[0]!} AND ${all[all.length - 1]!}`,
    );
    if (Number(row?.n) !== all.length) continue;
    const claimed = await queryRows<{ m: string }>(
      tx,
      sql`INSERT INTO report_months (hall_id, month, built_at) VALUES (${hallId}::uuid, ${month}, ${now.toISOString()}::timestamptz) ON CONFLICT DO NOTHING RETURNING month AS m`,
    );
    if (claimed.length === 0) continue;
    const range = sql`hall_id = ${hallId}::uuid AND grain = 'day' AND service_date BETWEEN ${all[0]!} AND ${all[all.length - 1]!}`;
    await tx.execute(sql`INSERT INTO report_day_counts ${COUNT_TARGET}
      SELECT hall_id, dim, 'month', ${month}, key, ${COUNT_SUMS()} FROM report_day_counts WHERE ${range} GROUP BY hall_id, dim, key`);
    await tx.execute(sql`INSERT INTO report_day_bins (hall_id, dim, grain, service_date, key, measure, ub, n)
      SELECT hall_id, dim, 'month', ${month}, key, measure, ub, sum(n)::int FROM report_day_bins WHERE ${range} GROUP BY hall_id, dim, key, measure, ub`);
  }
}

/** Drops the roll-ups of some days of a hall (they are read from the tickets again). Returns the days that were covered. */
export async function dropDays(tx: Reader, hallId: string, days: string[]): Promise<string[]> {
  if (days.length === 0) return [];
  const list = sql.join(days.map((d) => sql`${d}`), sql`, `);
  const dropped = await queryRows<{ d: string }>(
    tx,
    sql`DELETE FROM report_days WHERE hall_id = ${hallId}::uuid AND service_date IN (${list}) RETURNING service_date AS d`,
  );
  if (dropped.length === 0) return [];
  const gone = dropped.map((r) => r.d);
  const months = [...new Set(gone.map(monthOf))];
  const monthList = sql.join(months.map((m) => sql`${m}`), sql`, `);
  await tx.execute(sql`DELETE FROM report_months WHERE hall_id = ${hallId}::uuid AND month IN (${monthList})`);
  const rows = sql`hall_id = ${hallId}::uuid AND ((grain = 'day' AND service_date IN (${sql.join(gone.map((d) => sql`${d}`), sql`, `)}))
      OR (grain = 'month' AND service_date IN (${monthList})))`;
  await tx.execute(sql`DELETE FROM report_day_counts WHERE ${rows}`);
  await tx.execute(sql`DELETE FROM report_day_bins WHERE ${rows}`);
  return gone;
}

/**
 * The write-path hook: after a command's facts are appended, rebuild every covered past day whose
 * tickets the facts touched, in the same transaction. Today's tickets (nearly every fact) cost nothing.
 */
export async function rollupAfterFacts(tx: Tx, hallId: string, timeZone: string, ticketDays: (string | undefined)[], now: Date): Promise<void> {
  const today = serviceDate(now, timeZone);
  const past = [...new Set(ticketDays.filter((d): d is string => d !== undefined && d < today))];
  if (past.length === 0) return;
  const dropped = await dropDays(tx, hallId, past);
  await buildDays(tx, hallId, dropped, now);
}

/**
 * Covers a hall's past days that are not covered yet: the days after its last covered day (or from
 * its first ticket's day) and any gap in the last 31 days (a day that had a waiting ticket when it
 * was last looked at), up to yesterday, oldest first, one transaction per calendar month — so a
 * backfill of a long history never holds one long transaction. With `months`, it stops after that
 * many months: the end-of-day job covers a history a month per hall and run, and the next run goes
 * on after the last covered day (uncovered days are read from the tickets meanwhile). The end-of-day
 * job calls it after closing the hall's days; the first calls on an installation with history are
 * the backfill.
 */
export async function sealPastDays(db: Db, hallId: string, timeZone: string, now: Date, opts: { months?: number } = {}): Promise<string[]> {
  const yesterday = addDays(serviceDate(now, timeZone), -1);
  const recent = addDays(yesterday, -30);
  const [row] = await queryRows<{ last: string | null; first: string | null; covered: string[] | null }>(
    db,
    sql`SELECT (SELECT max(service_date) FROM report_days WHERE hall_id = ${hallId}::uuid) AS last,
               (SELECT min(service_date) FROM tickets WHERE hall_id = ${hallId}::uuid) AS first,
               (SELECT array_agg(service_date) FROM report_days WHERE hall_id = ${hallId}::uuid AND service_date BETWEEN ${recent} AND ${yesterday}) AS covered`,
  );
  if (!row?.first) return [];
  const after = row.last ? addDays(row.last, 1) : row.first;
  const start = [after, recent > row.first ? recent : row.first].sort()[0]!;
  if (start > yesterday) return [];
  const covered = new Set(row.covered ?? []);
  const byMonth = new Map<string, string[]>();
  for (const d of daysBetween(start, yesterday).filter((day) => !covered.has(day))) byMonth.set(monthOf(d), [...(byMonth.get(monthOf(d)) ?? []), d]);
  const built: string[] = [];
  for (const days of [...byMonth.values()].slice(0, opts.months ?? Infinity)) {
    // buildDays claims each day's report_days row: a day another process covered meanwhile is skipped.
    built.push(...(await db.transaction((tx) => buildDays(tx, hallId, days, now))));
  }
  return built;
}

/** Drops and rebuilds every past day of a hall (the rebuild command): days with a waiting ticket stay uncovered. */
export async function rebuildHall(db: Db, hallId: string, timeZone: string, now: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM report_day_counts WHERE hall_id = ${hallId}::uuid`);
    await tx.execute(sql`DELETE FROM report_day_bins WHERE hall_id = ${hallId}::uuid`);
    await tx.execute(sql`DELETE FROM report_days WHERE hall_id = ${hallId}::uuid`);
    await tx.execute(sql`DELETE FROM report_months WHERE hall_id = ${hallId}::uuid`);
    const [row] = await queryRows<{ first: string | null }>(tx, sql`SELECT min(service_date) AS first FROM tickets WHERE hall_id = ${hallId}::uuid`);
    const yesterday = addDays(serviceDate(now, timeZone), -1);
    if (!row?.first || row.first > yesterday) return [];
    return buildDays(tx, hallId, daysBetween(row.first, yesterday), now);
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

type Counts = Omit<TicketAggregate, 'k' | 'total' | 'w50' | 'w90' | 'h50' | 'h90'>;
interface Group extends Counts {
  k: string | number | null;
  wait: Histogram;
  handling: Histogram;
}

/** Every count of an aggregate, in order. */
export const COUNT_KEYS = [
  'tickets', 'served', 'no_shows', 'cancelled', 'wait_measured', 'wait_within', 'general_measured', 'general_within',
  'complex_measured', 'complex_within', 'handling_measured', 'handling_within',
] as const satisfies readonly (keyof Counts)[];

const emptyGroup = (k: string | number | null): Group => ({
  k, ...(Object.fromEntries(COUNT_KEYS.map((c) => [c, 0])) as Counts), wait: new Map(), handling: new Map(),
});

/** The report's aggregates over whole covered days from the roll-ups and the rest from the tickets. */
/** An aggregate from roll-ups also says how far each percentile may be off the exact one (minutes; histogram.ts). */
export type RolledAggregate = TicketAggregate & { resolution?: Record<'w50' | 'w90' | 'h50' | 'h90', number> };

export async function aggregateWithRollups(db: Reader, scope: ReportScope, groupBy: ReportGroupBy): Promise<RolledAggregate[]> {
  const covered = await queryRows<{ hall_id: string; service_date: string }>(
    db,
    sql`SELECT hall_id, service_date FROM report_days WHERE hall_id IN (${idList(scope.hallIds)}) AND service_date BETWEEN ${scope.from} AND ${scope.to}`,
  );
  // Nothing covered (today, a fresh installation): the exact percentiles of the tickets, as ever.
  if (covered.length === 0) return aggregateTickets(db, scope, groupBy);

  const groups = new Map<string, Group>();
  const group = (k: string | number | null) => {
    const key = k === null ? '' : String(k);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = emptyGroup(k)));
    return g;
  };
  const addCounts = (g: Group, r: Partial<Counts>) => {
    for (const c of COUNT_KEYS) g[c] += Number(r[c] ?? 0);
  };

  // Per hall: whole covered months from the month rows (not for a by-day report), other covered
  // days from the day rows, the rest from the tickets, binned the same way.
  const months = groupBy === 'day' ? [] : await queryRows<{ hall_id: string; month: string }>(
    db,
    sql`SELECT hall_id, month FROM report_months WHERE hall_id IN (${idList(scope.hallIds)}) AND month BETWEEN ${monthOf(scope.from)} AND ${monthOf(scope.to)}`,
  );
  const isCovered = new Set(covered.map((c) => `${c.hall_id}/${c.service_date}`));
  const all = daysBetween(scope.from, scope.to);
  const uncovered = new Map<string, string[]>();
  const rolled: SQL[] = [];
  for (const hallId of scope.hallIds) {
    const whole = months.filter((m) => m.hall_id === hallId && m.month >= scope.from && monthDays(m.month).at(-1)! <= scope.to).map((m) => m.month);
    const inWhole = new Set(whole);
    uncovered.set(hallId, all.filter((d) => !isCovered.has(`${hallId}/${d}`)));
    const dayRows = all.filter((d) => isCovered.has(`${hallId}/${d}`) && !inWhole.has(monthOf(d)));
    const parts: SQL[] = [];
    if (whole.length > 0) parts.push(sql`(grain = 'month' AND service_date IN (${sql.join(whole.map((m) => sql`${m}`), sql`, `)}))`);
    if (dayRows.length > 0) parts.push(sql`(grain = 'day' AND ${inDays(sql`service_date`, dayRows)})`);
    if (parts.length > 0) rolled.push(sql`(hall_id = ${hallId}::uuid AND (${sql.join(parts, sql` OR `)}))`);
  }
  const raw = daysFilter(uncovered, scope.now);
  const dimName = groupBy === 'day' ? 'hall' : groupBy;
  const norm = (key: string | number | null): string | number | null => (key === '' || key === null ? null : groupBy === 'hour' ? Number(key) : key);
  if (raw) {
    // The tickets' part in one pass: the counts per group, then the bins per group (rows of `part` 'bins').
    const dim = dimensionOf(groupBy);
    const nulls = sql.join(COUNT_KEYS.map((c) => sql`NULL::int AS ${sql.identifier(c)}`), sql`, `);
    for (const r of await queryRows<Counts & { part: string; k: string | null; measure: string; ub: number; n: number }>(
      db,
      sql`WITH base AS MATERIALIZED (${ticketBase(raw, groupBy === 'staff')}), m AS (${MEASURES})
          SELECT 'counts' AS part, ${dim}::text AS k, ${COUNT_COLUMNS}, count(*) FILTER (WHERE hd <= hd_target)::int AS handling_within,
                 NULL::text AS measure, NULL::int AS ub, NULL::int AS n
          FROM base GROUP BY ${dim}
          UNION ALL
          SELECT 'bins', ${dim}::text, ${nulls}, measure, ub, count(*)::int FROM m GROUP BY ${dim}, measure, ub`,
    )) {
      if (r.part === 'counts') addCounts(group(norm(r.k)), r);
      else addBin(group(norm(r.k))[r.measure === 'wait' ? 'wait' : 'handling'], Number(r.ub), Number(r.n));
    }
  }

  // The covered part: sums of the roll-up rows. Days group the hall rows by date.
  const k = groupBy === 'day' ? sql`service_date` : sql`key`;
  const where = sql`dim = ${dimName} AND (${sql.join(rolled, sql` OR `)})`;
  for (const r of await queryRows<Counts & { k: string }>(
    db,
    sql`SELECT ${k} AS k, ${sql.join(STORED_COUNTS().map((c) => sql`sum(${sql.identifier(c)})::int AS ${sql.identifier(c)}`), sql`, `)}
        FROM report_day_counts WHERE ${where} GROUP BY 1`,
  )) addCounts(group(norm(r.k)), r);
  // The bins, and handling within the hall's target as it is now counted from them: exact for whole-minute targets (histogram.ts).
  for (const r of await queryRows<{ k: string; measure: string; ub: number; n: number; within: number }>(
    db,
    sql`SELECT ${k} AS k, measure, ub, sum(n)::int AS n,
          coalesce(sum(n) FILTER (WHERE measure = 'handling' AND ub <= coalesce((h.settings ->> 'counterHandlingTargetMinutes')::int, 20)), 0)::int AS within
        FROM report_day_bins b JOIN halls h ON h.id = b.hall_id WHERE ${where} GROUP BY 1, 2, 3`,
  )) {
    const g = group(norm(r.k));
    addBin(g[r.measure === 'wait' ? 'wait' : 'handling'], Number(r.ub), Number(r.n));
    g.handling_within += Number(r.within);
  }

  const total = emptyGroup(null);
  for (const g of groups.values()) {
    addCounts(total, g);
    for (const [ub, n] of g.wait) addBin(total.wait, ub, n);
    for (const [ub, n] of g.handling) addBin(total.handling, ub, n);
  }
  const finish = (g: Group, isTotal: boolean): RolledAggregate => {
    const { k: key, wait, handling, ...counts } = g;
    const [w50, w90, h50, h90] = [percentileWithResolution(wait, 0.5), percentileWithResolution(wait, 0.9), percentileWithResolution(handling, 0.5), percentileWithResolution(handling, 0.9)];
    return {
      k: isTotal ? null : key,
      total: isTotal,
      ...numbers({ ...counts, w50: w50?.value ?? null, w90: w90?.value ?? null, h50: h50?.value ?? null, h90: h90?.value ?? null }),
      resolution: { w50: w50?.resolution ?? 0, w90: w90?.resolution ?? 0, h50: h50?.resolution ?? 0, h90: h90?.resolution ?? 0 },
    };
  };
  // A group seen only in bins or counts of zero tickets is not a group (the tickets path would not show it).
  return [...[...groups.values()].filter((g) => g.tickets > 0).map((g) => finish(g, false)), finish(total, true)];
}
