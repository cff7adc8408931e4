/**
 * Report roll-ups (docs/performance.md, "Report roll-ups") against the tickets, on a generated history of one hall
 * (bench/report-data.ts), on PGlite and, with DATABASE_URL, on PostgreSQL: every report grouping
 * from the tickets alone and through the roll-ups must give equal counts and percentiles within
 * the histogram's bin width; a fact on a covered day's ticket rebuilds that day in its transaction.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { and, eq, sql } from 'drizzle-orm';
import { tickets } from '../../db/schema';
import { reportDays, reportMonths } from '../../db/schema-reports';
import { closeEndedDays } from '../../server/app/end-of-day';
import { binOf, binWidth, percentileOf } from '../../server/app/reports/histogram';
import { aggregateTickets, queryRows, type ReportScope } from '../../server/app/reports/report-sql';
import { addDays, aggregateWithRollups, daysBetween, rebuildHall, sealPastDays } from '../../server/app/reports/rollup';
import { checkRollups } from '../../server/app/reports/rollup-check';
import { runReport } from '../../server/app/reports/run-report';
import { manualClock } from '../../server/domain/clock';
import { instantAt } from '../../server/domain/hall-time';
import { generateReportData } from '../../bench/report-data';
import { createTestDb, type TestDb } from '../_support/db';
import { seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const TZ = 'Asia/Shanghai';
const FIRST = '2026-02-01';
const DAYS = 48;
const TODAY = addDays(FIRST, DAYS - 1); // 2026-03-20: generated too, read from the tickets
const CALLED_DAY = '2026-02-10'; // one ticket left called: covered (February gets month rows), then closed by the end-of-day job
const WAITING_DAY = '2026-03-12'; // one ticket left waiting: not covered until it is closed
const LONG_DAY = '2026-02-05'; // a few long waits and handlings, in the coarse bins

const clock = manualClock(instantAt(TODAY, '12:00', TZ));
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock);
const scope = (from = FIRST, to = TODAY): ReportScope => ({ hallIds: [hall.hallId], from, to, now: clock.now() });

const h = suite('report histogram (pure)');
h('bins: whole minutes to 120, then 5, 15 and 60 minutes wide; a value sits in (ub − width, ub]', () => {
  assert.equal([0, 0.01, 1, 1.5, 120, 120.2, 240, 241, 1440, 1441].map(binOf), [0, 1, 1, 2, 120, 125, 240, 255, 1440, 1500]);
  assert.equal([0, 1, 120, 125, 255, 1500].map(binWidth), [0, 1, 1, 5, 15, 60]);
});
h('percentiles from bins stay within the bin of the exact value', () => {
  const values = [0, 0.5, 3.2, 3.9, 7, 12.5, 44, 130, 300];
  const bins = new Map<number, number>();
  for (const v of values) bins.set(binOf(v), (bins.get(binOf(v)) ?? 0) + 1);
  const exact = (p: number) => {
    const r = p * (values.length - 1);
    const lo = Math.floor(r);
    return values[lo]! + (r - lo) * ((values[lo + 1] ?? values[lo]!) - values[lo]!);
  };
  for (const p of [0.5, 0.9]) {
    const est = percentileOf(bins, p)!;
    assert.ok(Math.abs(est - exact(p)) <= Math.max(binWidth(binOf(exact(p))), binWidth(binOf(est))), `p${p * 100}: ${est} vs ${exact(p)}`);
  }
  assert.is(percentileOf(new Map(), 0.5), null);
});
h.run();

const t = suite('report roll-ups against the tickets');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
  await generateReportData(db.db, hall.hallId, { firstDay: FIRST, days: DAYS, perDay: 60 });
  const pick = async (day: string, n: number) =>
    (await queryRows<{ id: string }>(db.db, sql`SELECT id FROM tickets WHERE service_date = ${day} AND status = 'done' ORDER BY seq_no LIMIT ${n}`)).map((r) => r.id);
  const [called] = await pick(CALLED_DAY, 1);
  await db.db.update(tickets).set({ status: 'called', startedAt: null, finishedAt: null }).where(eq(tickets.id, called!));
  const [waiting] = await pick(WAITING_DAY, 1);
  await db.db.update(tickets).set({ status: 'waiting', counterId: null, firstCalledAt: null, calledAt: null, startedAt: null, finishedAt: null }).where(eq(tickets.id, waiting!));
  for (const id of await pick(LONG_DAY, 6)) {
    await db.db.execute(sql`UPDATE tickets SET first_called_at = wait_start_at + interval '150 minutes', started_at = wait_start_at + interval '151 minutes',
      finished_at = wait_start_at + interval '400 minutes' WHERE id = ${id}`);
  }
  // Today: a few still waiting, past their target by noon (a miss counted from the tickets).
  await db.db.execute(sql`UPDATE tickets SET status = 'waiting', counter_id = NULL, first_called_at = NULL, called_at = NULL, started_at = NULL, finished_at = NULL
    WHERE service_date = ${TODAY} AND seq_no <= 5`);
});
t.after(async () => db.close());

t('before any roll-up the report reads the tickets; sealing covers every past day without a waiting ticket', async () => {
  const before = await runReport(deps(), await hall.staff('manager'), [hall.hallId], { from: FIRST, to: TODAY, groupBy: 'counter' });
  assert.equal(await aggregateWithRollups(db.db, scope(), 'matter'), await aggregateTickets(db.db, scope(), 'matter'));
  // With a limit (the end-of-day job's), a month per call, oldest first; the next call goes on from there.
  const february = await sealPastDays(db.db, hall.hallId, TZ, clock.now(), { months: 1 });
  assert.equal(february, daysBetween('2026-02-01', '2026-02-28'));
  const built = [...february, ...(await sealPastDays(db.db, hall.hallId, TZ, clock.now()))];
  assert.is(built.length, DAYS - 2, 'every past day but the one with a waiting ticket');
  assert.not.ok(built.includes(WAITING_DAY));
  assert.not.ok(built.includes(TODAY));
  assert.equal(await sealPastDays(db.db, hall.hallId, TZ, clock.now()), [], 'nothing twice');
  assert.equal((await db.db.select().from(reportMonths)).map((m) => m.month), ['2026-02-01'], 'February is whole; March is not over');
  const after = await runReport(deps(), await hall.staff('manager'), [hall.hallId], { from: FIRST, to: TODAY, groupBy: 'counter' });
  assert.equal(after.totals.tickets, before.totals.tickets);
  assert.equal(after.rows.map((r) => [r.key, r.tickets, r.served, r.noShows, r.cancelled, r.wait, r.handling]), before.rows.map((r) => [r.key, r.tickets, r.served, r.noShows, r.cancelled, r.wait, r.handling]));
});

t('every grouping agrees: the whole range, one covered day, a range with the uncovered day and today', async () => {
  const ranges = [[FIRST, TODAY], ['2026-02-01', '2026-02-28'], ['2026-02-10', '2026-03-02'], [CALLED_DAY, CALLED_DAY], [LONG_DAY, LONG_DAY], ['2026-03-11', '2026-03-13'], [addDays(TODAY, -1), TODAY]] as const;
  for (const [from, to] of ranges) {
    assert.equal(await checkRollups(db.db, scope(from, to)), [], `${from}…${to}`);
  }
  // The check can fail: a covered day's ticket changed behind the roll-ups' back is seen.
  await db.db.execute(sql`UPDATE tickets SET status = 'cancelled' WHERE id = (SELECT id FROM tickets WHERE service_date = '2026-02-03' AND status = 'done' LIMIT 1)`);
  for (const [from, to] of [[FIRST, TODAY], ['2026-02-03', '2026-02-03']]) {
    const diffs = await checkRollups(db.db, scope(from, to));
    assert.ok(diffs.some((d) => d.figure === 'cancelled' && d.groupBy === 'hall'), `${from}…${to}: ${JSON.stringify(diffs.slice(0, 3))}`);
  }
  await rebuildHall(db.db, hall.hallId, TZ, clock.now());
  assert.equal(await checkRollups(db.db, scope()), [], 'after the rebuild');
});

t('the end-of-day job closes past days in their roll-ups: the called ticket’s day is rebuilt in the same transaction, the waiting one’s covered', async () => {
  clock.advance(60_000);
  const later = new Date(clock.now().getTime());
  assert.ok(await closeEndedDays(deps()) >= 2);
  assert.equal(await checkRollups(db.db, scope()), []);
  const [rebuilt] = await db.db.select().from(reportDays).where(and(eq(reportDays.hallId, hall.hallId), eq(reportDays.serviceDate, CALLED_DAY)));
  assert.is(rebuilt?.builtAt.getTime(), later.getTime(), 'rebuilt by the close');
  const [month] = await db.db.select().from(reportMonths).where(and(eq(reportMonths.hallId, hall.hallId), eq(reportMonths.month, '2026-02-01')));
  assert.is(month?.builtAt.getTime(), later.getTime(), 'its month too');
  const [sealed] = await db.db.select().from(reportDays).where(and(eq(reportDays.hallId, hall.hallId), eq(reportDays.serviceDate, WAITING_DAY)));
  assert.ok(sealed, 'the formerly waiting day is covered once closed');
});

t.run();
