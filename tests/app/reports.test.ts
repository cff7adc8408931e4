/**
 * Report figures against a small dataset computed by hand (see the table below), on PGlite and,
 * with DATABASE_URL, on PostgreSQL. Times are hall-local (Asia/Shanghai).
 *
 *  #  day  matter        issued  wait start  called  started  finished  status     counter  closed by  wait  handling
 *  1  D1   general  FR   09:00   09:00       09:05   09:06    09:16     done       1        staff1      5    10
 *  2  D1   general  FR   09:10   09:10       09:30   09:31    09:56     done       2        staff2     20    25
 *  3  D1   complex  FR   10:00   10:00       10:25   10:26    10:41     done       1        staff1     25    15
 *  4  D1   general  FR   10:05   10:05       10:20   —        —         no_show    2        staff2     15     —
 *  5  D1   general  FR   11:00   11:00       —       —        11:30     cancelled  —        —           —     —
 *  6  D2   general  ZR   09:00   09:00       09:08   09:10    09:30     done       4        staff1      8    20
 *  7  D2   general  FR   08:50   09:00 slot  09:12   09:12    09:20     done       1        staff3     12     8
 *  8  D0 (outside the range)                                             done
 *  9  D3   general  FR   09:00   09:00       09:05   —        —         no_show    1        staff1       5     —
 *     (#9: no-show by staff2 at counter 2 at 09:10, reactivated 09:20, called again by staff1 at
 *     counter 1 09:25, no-show by staff1 09:30; only reported in its own range D3…D3)
 *
 * Waits 5 8 12 15 20 25 → p50 13.5, p90 22.5; within target (10 general / 30 complex): #1 #3 #6 → 3/6;
 * general 2/5 (#1 #6), complex 1/1. Handling 8 10 15 20 25 → p50 15, p90 23; ≤ 20 min: 4/5.
 * Appointments D1: checked in, no-show, late, cancelled; D2: booked → 5 booked, 1 kept, 2 missed, 1 cancelled.
 */
import { randomBytes } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { appointments } from '../../db/schema-appointments';
import { ticketEvents, tickets } from '../../db/schema';
import { reportCsv } from '../../server/app/reports/report-csv';
import { runReport } from '../../server/app/reports/run-report';
import { todayStats } from '../../server/app/reports/today-stats';
import { manualClock } from '../../server/domain/clock';
import { instantAt } from '../../server/domain/hall-time';
import type { ReportRow } from '../../server/protocol/dashboard';
import { createTestDb, type TestDb } from '../_support/db';
import { seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const TZ = 'Asia/Shanghai';
const D0 = '2026-03-01';
const D1 = '2026-03-02';
const D2 = '2026-03-03';
const D3 = '2026-03-04';
const at = (day: string, hhmm: string | null) => (hhmm ? instantAt(day, hhmm, TZ) : null);

const clock = manualClock(instantAt(D2, '12:00', TZ));
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock);
const staffId: Record<string, string> = {};

interface Spec {
  day: string;
  matter: 'general' | 'complex' | 'zr';
  issued: string;
  slot?: string;
  called?: string;
  started?: string;
  finished?: string;
  status: 'done' | 'no_show' | 'cancelled';
  counter?: number;
  by?: string;
}

const SPECS: Spec[] = [
  { day: D1, matter: 'general', issued: '09:00', called: '09:05', started: '09:06', finished: '09:16', status: 'done', counter: 1, by: 'staff1' },
  { day: D1, matter: 'general', issued: '09:10', called: '09:30', started: '09:31', finished: '09:56', status: 'done', counter: 2, by: 'staff2' },
  { day: D1, matter: 'complex', issued: '10:00', called: '10:25', started: '10:26', finished: '10:41', status: 'done', counter: 1, by: 'staff1' },
  { day: D1, matter: 'general', issued: '10:05', called: '10:20', status: 'no_show', counter: 2, by: 'staff2' },
  { day: D1, matter: 'general', issued: '11:00', finished: '11:30', status: 'cancelled' },
  { day: D2, matter: 'zr', issued: '09:00', called: '09:08', started: '09:10', finished: '09:30', status: 'done', counter: 4, by: 'staff1' },
  { day: D2, matter: 'general', issued: '08:50', slot: '09:00', called: '09:12', started: '09:12', finished: '09:20', status: 'done', counter: 1, by: 'staff3' },
  { day: D0, matter: 'general', issued: '09:00', called: '09:01', started: '09:01', finished: '09:02', status: 'done', counter: 1, by: 'staff1' },
];

const r = suite('reports: figures from a hand-computed dataset');

r.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
  for (const u of ['staff1', 'staff2', 'staff3']) staffId[u] = (await hall.staff(u)).id;
  const matters = { general: await hall.matter('企业设立登记'), complex: await hall.matter('企业注销登记'), zr: await hall.matter('社会保障卡补换') };
  let seq = 100_000;
  for (const [i, s] of SPECS.entries()) {
    const m = matters[s.matter];
    const counterId = s.counter ? (await hall.counter(s.counter)).id : null;
    const issuedAt = at(s.day, s.issued)!;
    const slotStart = at(s.day, s.slot ?? null);
    const [row] = await db.db
      .insert(tickets)
      .values({
        hallId: hall.hallId,
        zoneId: m.zoneId,
        matterId: m.id,
        serviceDate: s.day,
        prefix: m.ticketPrefix,
        seqNo: i + 1,
        number: `${m.ticketPrefix}${String(i + 1).padStart(3, '0')}`,
        status: s.status,
        source: s.slot ? 'appointment' : 'kiosk',
        counterId,
        slotStart,
        slotEnd: slotStart && new Date(slotStart.getTime() + 30 * 60_000),
        issuedAt,
        waitStartAt: slotStart ?? issuedAt,
        waitTargetMinutes: s.matter === 'complex' ? 30 : 10,
        firstCalledAt: at(s.day, s.called ?? null),
        calledAt: at(s.day, s.called ?? null),
        startedAt: at(s.day, s.started ?? null),
        finishedAt: at(s.day, s.finished ?? null),
        token: randomBytes(18).toString('base64url'),
      })
      .returning();
    if (s.by) {
      const type = s.status === 'done' ? 'ticket:finished' : 'ticket:no-show';
      const when = at(s.day, s.finished ?? s.called!)!;
      // A call event by someone else must not count: only the closing action names the staff member.
      await db.db.insert(ticketEvents).values([
        { hallId: hall.hallId, seq: seq++, type: 'ticket:called', ticketId: row!.id, counterId, actorType: 'staff', actorId: staffId.staff3!, data: {}, at: at(s.day, s.called!)! },
        { hallId: hall.hallId, seq: seq++, type, ticketId: row!.id, counterId, actorType: 'staff', actorId: staffId[s.by]!, data: { status: s.status }, at: when },
      ]);
    }
  }
  // #9: a no-show twice. Only the last closing event (staff1's) names who closed it.
  {
    const m = matters.general;
    const [c1, c2] = [await hall.counter(1), await hall.counter(2)];
    const [t9] = await db.db
      .insert(tickets)
      .values({
        hallId: hall.hallId,
        zoneId: m.zoneId,
        matterId: m.id,
        serviceDate: D3,
        prefix: m.ticketPrefix,
        seqNo: 1,
        number: `${m.ticketPrefix}001`,
        status: 'no_show',
        source: 'kiosk',
        counterId: c1.id,
        issuedAt: at(D3, '09:00')!,
        waitStartAt: at(D3, '09:00')!,
        waitTargetMinutes: 10,
        firstCalledAt: at(D3, '09:05'),
        calledAt: at(D3, '09:25'),
        finishedAt: at(D3, '09:30'),
        token: randomBytes(18).toString('base64url'),
      })
      .returning();
    const ev = (type: string, hhmm: string, counterId: string, by: string) =>
      ({ hallId: hall.hallId, seq: seq++, type, ticketId: t9!.id, counterId, actorType: 'staff', actorId: staffId[by]!, data: {}, at: at(D3, hhmm)! }) as const;
    await db.db.insert(ticketEvents).values([
      ev('ticket:called', '09:05', c2.id, 'staff2'),
      ev('ticket:no-show', '09:10', c2.id, 'staff2'),
      ev('ticket:reactivated', '09:20', c2.id, 'staff2'),
      ev('ticket:called', '09:25', c1.id, 'staff1'),
      ev('ticket:no-show', '09:30', c1.id, 'staff1'),
    ]);
  }
  const appt = (day: string, status: 'checked_in' | 'no_show' | 'late' | 'cancelled' | 'booked', n: number) => ({
    hallId: hall.hallId,
    matterId: matters.general.id,
    serviceDate: day,
    slotStart: at(day, '09:00')!,
    slotEnd: at(day, '09:30')!,
    status,
    code: `CODE${n}XYZ`,
    channel: 'online' as const,
    visitorIdHash: `h${n}`,
    visitorIdEnc: 'x',
    visitorIdMasked: '110105********002X',
    phoneHash: `p${n}`,
    phoneEnc: 'x',
    phoneMasked: '138****1234',
    createdAt: at(D0, '08:00')!,
  });
  await db.db.insert(appointments).values([appt(D1, 'checked_in', 1), appt(D1, 'no_show', 2), appt(D1, 'late', 3), appt(D1, 'cancelled', 4), appt(D2, 'booked', 5)]);
});
r.after(async () => db.drop());

const manager = () => hall.staff('manager');
const report = async (groupBy: Parameters<typeof runReport>[3]['groupBy']) => runReport(deps(), await manager(), [hall.hallId], { from: D1, to: D2, groupBy });
const row = (rows: ReportRow[], label: string) => {
  const found = rows.find((x) => x.label === label || x.key === label);
  if (!found) throw new Error(`no row ${label} in ${rows.map((x) => x.label).join(', ')}`);
  return found;
};

r('totals: counts, wait and handling percentiles, shares within target, appointments', async () => {
  const { totals } = await report('hall');
  assert.equal([totals.tickets, totals.served, totals.noShows, totals.cancelled], [7, 5, 1, 1]);
  assert.equal([totals.waitP50, totals.waitP90], [13.5, 22.5]);
  assert.equal([totals.handlingP50, totals.handlingP90], [15, 23]);
  assert.equal(totals.wait, { within: 3, measured: 6, share: 0.5 });
  assert.equal(totals.waitGeneral, { within: 2, measured: 5, share: 0.4 });
  assert.equal(totals.waitComplex, { within: 1, measured: 1, share: 1 });
  assert.equal(totals.handling, { within: 4, measured: 5, share: 0.8 });
  assert.equal(totals.appointments, { booked: 5, kept: 1, missed: 2, cancelled: 1 });
});

r('by zone and by matter', async () => {
  const zones = await report('zone');
  assert.equal(zones.rows.map((x) => [x.label, x.tickets]), [['法人服务区', 6], ['自然人服务区', 1]]);
  assert.equal(row(zones.rows, '法人服务区').appointments, { booked: 5, kept: 1, missed: 2, cancelled: 1 });
  assert.equal(row(zones.rows, '自然人服务区').handling, { within: 1, measured: 1, share: 1 }); // exactly 20 min is within
  const matters = await report('matter');
  const general = row(matters.rows, '企业设立登记');
  assert.equal([general.tickets, general.served, general.noShows, general.cancelled], [5, 3, 1, 1]);
  assert.equal([general.waitP50, general.waitP90], [13.5, 18.5]); // waits 5 12 15 20
  assert.equal(row(matters.rows, '企业注销登记').waitComplex, { within: 1, measured: 1, share: 1 });
  assert.is(row(matters.rows, '企业注销登记').appointments?.booked, 0);
});

r('by counter: a never-called ticket is in the "not at a counter" row, last', async () => {
  const { rows } = await report('counter');
  assert.equal(rows.map((x) => [x.key === '' ? '' : x.label.split(' · ')[0], x.tickets]), [['1', 3], ['2', 2], ['4', 1], ['', 1]]);
  assert.is(rows[0]!.appointments, null);
  assert.equal([rows[0]!.handlingP50, rows[0]!.waitP90], [10, 22.4]); // handling 8 10 15; waits 5 12 25
});

r('by staff: whoever closed the ticket (finish or no-show), not whoever called it', async () => {
  const { rows, totals } = await report('staff');
  const s1 = row(rows, '李娜'); // staff1
  assert.equal([s1.tickets, s1.served, s1.noShows], [3, 3, 0]);
  const s2 = row(rows, '张伟');
  assert.equal([s2.tickets, s2.served, s2.noShows, s2.wait.within], [2, 1, 1, 0]);
  assert.equal([row(rows, '刘洋').tickets], [1]);
  assert.is(totals.tickets, 6); // the cancelled ticket was closed by no one
});

r('by staff: a ticket that was a no-show twice counts once, for whoever closed it last', async () => {
  const { rows, totals } = await runReport(deps(), await manager(), [hall.hallId], { from: D3, to: D3, groupBy: 'staff' });
  assert.equal(
    rows.map((x) => [x.label, x.tickets, x.served, x.noShows, x.wait.within, x.wait.measured]),
    [['李娜', 1, 0, 1, 1, 1]], // staff1; wait 09:00 → 09:05 = 5 ≤ 10
  );
  assert.equal([totals.tickets, totals.noShows], [1, 1]);
});

r('by hour (hall-local hour of issue) and by day', async () => {
  const hours = await report('hour');
  assert.equal(hours.rows.map((x) => [x.label, x.tickets]), [['08:00', 1], ['09:00', 3], ['10:00', 2], ['11:00', 1]]);
  assert.equal(row(hours.rows, '09:00').appointments, { booked: 5, kept: 1, missed: 2, cancelled: 1 }); // slots at 09:00
  const days = await report('day');
  assert.equal(days.rows.map((x) => [x.key, x.tickets, x.appointments?.booked]), [[D1, 5, 4], [D2, 2, 1]]);
});

r('a range with nothing in it answers zeros and nulls', async () => {
  const view = await runReport(deps(), await manager(), [hall.hallId], { from: '2025-01-01', to: '2025-01-31', groupBy: 'matter' });
  assert.equal(view.rows, []);
  assert.equal([view.totals.tickets, view.totals.waitP50, view.totals.wait.share], [0, null, null]);
});

r('staff may not see reports; managers of other halls neither', async () => {
  const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);
  assert.is(await code(runReport(deps(), await hall.staff('staff1'), [hall.hallId], { from: D1, to: D2, groupBy: 'day' })), 'forbidden');
  const outsider = { ...(await manager()), hallIds: [] };
  assert.is(await code(runReport(deps(), outsider, [hall.hallId], { from: D1, to: D2, groupBy: 'day' })), 'forbidden');
});

r("today's stats: totals of the hall's service day and throughput per hall-local hour", async () => {
  const stats = await todayStats(deps(), await manager(), hall.hallId);
  assert.is(stats.serviceDate, D2);
  assert.is(stats.counterHandlingTargetMinutes, 20);
  assert.equal([stats.totals.tickets, stats.totals.served, stats.totals.wait.within], [2, 2, 1]);
  assert.equal(stats.byHour, [{ hour: 8, issued: 1, served: 0 }, { hour: 9, issued: 1, served: 2 }]);
});

r('CSV: UTF-8 with BOM, Chinese headers, a totals row, formula-looking labels defused', async () => {
  const view = await report('zone');
  const csv = reportCsv({ ...view, rows: [...view.rows, { ...view.rows[0]!, key: 'x', label: '=HYPERLINK("x")' }] }, 'zh-CN');
  assert.ok(csv.startsWith('\uFEFF分组,取号数,办结数'));
  const lines = csv.slice(1).trimEnd().split('\r\n');
  assert.is(lines[1], '法人服务区,6,4,1,1,15.0,23.0,12.5,22.0,40.0,25.0,100.0,75.0,5,1,2,1');
  assert.is(lines[3], `"'=HYPERLINK(""x"")",6,4,1,1,15.0,23.0,12.5,22.0,40.0,25.0,100.0,75.0,5,1,2,1`);
  assert.ok(lines[4]!.startsWith('合计,7,5,1,1,13.5,22.5,15.0,23.0,50.0,40.0,100.0,80.0,5,1,2,1'));
  assert.ok(reportCsv(view, 'en').startsWith('\uFEFFGroup,Tickets,Served'));
});

r.run();
