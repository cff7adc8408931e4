/**
 * 好差评 figures against a dataset computed by hand (runs on PGlite and on PostgreSQL):
 *
 *   day 2026-11-23  staff1 · counter 1 · 企业设立登记 (FR, 区市场监督管理局): 5, 4, 1 (bad → closed the same day: on time)
 *                   staff2 · counter 4 · 居住证办理 (ZR, 区公安分局):          3, 2 (bad → stays open)
 *   day 2026-11-24  staff1 · counter 1 · 企业设立登记:                         5, 2 (bad → contacted late, closed: not on time)
 *
 *   all: 7 ratings, good (3–5) 4, bad (1–2) 3 → 好评率 4/7, 差评率 3/7; bad reviews 3, closed 2, on time 1.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { takeBadReviewStep, evaluationToday, listBadReviews } from '../../server/app/evaluations/bad-reviews';
import { evaluationReport, evaluationReportCsv } from '../../server/app/evaluations/evaluation-report';
import { submitByToken } from '../../server/app/evaluations/qr';
import { createStaff } from '../../server/app/admin/devices-and-staff';
import { staffActor } from '../../server/app/auth';
import { reportHalls } from '../../server/app/reports/run-report';
import { manualClock } from '../../server/domain/clock';
import type { EvaluationReportRow } from '../../server/protocol/evaluations';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';
import { codeOf, serveOne } from './_support';
import { staff as staffTable } from '../../db/schema';
import { eq } from 'drizzle-orm';

const clock = manualClock('2026-11-23T01:30:00Z');
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock);
const q = (groupBy: 'hall' | 'zone' | 'matter' | 'department' | 'counter' | 'staff' | 'day') => ({ from: '2026-11-23', to: '2026-11-24', groupBy });

const t = suite('evaluation report figures (hand-computed)');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
  const staff1 = await hall.staff('staff1');
  const staff2 = await hall.staff('staff2');
  const manager = await hall.staff('manager');
  const rate = async (s: typeof staff1, counterNumber: number, matter: string, level: number) => {
    clock.advance(60_000);
    const served = await serveOne(deps(), hall, { staff: s, counterNumber, matter });
    const r = await submitByToken(deps(), served.token, { commandId: cmd(), level, ...(level <= 2 && { reasons: ['slow'] }) });
    return r;
  };
  await rate(staff1, 1, '企业设立登记', 5);
  await rate(staff1, 1, '企业设立登记', 4);
  await rate(staff1, 1, '企业设立登记', 1);
  await rate(staff2, 4, '居住证办理', 3);
  await rate(staff2, 4, '居住证办理', 2);
  const walk = async (reviewId: string, actions: ('contact' | 'rectify' | 'reply' | 'close')[]) => {
    for (const action of actions) {
      clock.advance(60_000);
      await takeBadReviewStep(deps(), manager, reviewId, { commandId: cmd(), action, note: action });
    }
  };
  const firstDay = await listBadReviews(deps(), manager, hall.hallId, { open: true });
  const level1 = firstDay.find((b) => b.level === 1)!;
  await walk(level1.id, ['contact', 'rectify', 'reply', 'close']); // same day: on time

  clock.set('2026-11-24T02:00:00Z'); // Tuesday 10:00
  await rate(staff1, 1, '企业设立登记', 5);
  await rate(staff1, 1, '企业设立登记', 2);
  const late = (await listBadReviews(deps(), manager, hall.hallId, { open: true })).find((b) => b.serviceDate === '2026-11-24')!;
  assert.is(late.deadlines?.dueDates.contact, '2026-11-25');
  clock.set('2026-11-26T02:00:00Z'); // Thursday: contact was due by the end of Wednesday
  assert.is((await listBadReviews(deps(), manager, hall.hallId, { open: true })).find((b) => b.id === late.id)?.alert, 'overdue');
  await walk(late.id, ['contact', 'rectify', 'reply', 'close']);
});
t.after(async () => db.drop());

const pick = (r: EvaluationReportRow) => [r.label, r.total, r.good, r.bad, r.badReviews, r.closed, r.closedOnTime];

t('per hall and totals: 7 ratings, 好评率 4/7, 差评率 3/7, 3 bad reviews, 2 closed, 1 on time', async () => {
  const manager = await hall.staff('manager');
  const v = await evaluationReport(deps(), manager, await reportHalls(deps(), manager, [hall.hallId]), q('hall'));
  assert.equal(v.rows.map(pick), [['徐汇区行政服务中心', 7, 4, 3, 3, 2, 1]]);
  assert.equal(v.totals.byLevel, { '1': 1, '2': 2, '3': 1, '4': 1, '5': 2 });
  assert.is(v.totals.goodRate, 4 / 7);
  assert.is(v.totals.badRate, 3 / 7);
  assert.match(v.definition, '好评率 = 3–5 级');
});

t('per staff, day, zone, matter, department and counter', async () => {
  const manager = await hall.staff('manager');
  const halls = [hall.hallId];
  const run = async (g: Parameters<typeof q>[0]) => (await evaluationReport(deps(), manager, halls, q(g))).rows.map(pick);
  // Labels sort in zh-CN (pinyin) order: 李 li before 张 zhang.
  assert.equal(await run('staff'), [
    ['李娜（staff1）', 5, 3, 2, 2, 2, 1],
    ['张伟（staff2）', 2, 1, 1, 1, 0, 0],
  ]);
  assert.equal(await run('day'), [
    ['2026-11-23', 5, 3, 2, 2, 1, 1],
    ['2026-11-24', 2, 1, 1, 1, 1, 0],
  ]);
  assert.equal(await run('zone'), [
    ['法人服务区', 5, 3, 2, 2, 2, 1],
    ['自然人服务区', 2, 1, 1, 1, 0, 0],
  ]);
  assert.equal(await run('department'), [
    ['区公安分局', 2, 1, 1, 1, 0, 0],
    ['区市场监督管理局', 5, 3, 2, 2, 2, 1],
  ]);
  assert.equal(await run('matter'), [
    ['居住证办理', 2, 1, 1, 1, 0, 0],
    ['企业设立登记', 5, 3, 2, 2, 2, 1],
  ]);
  assert.equal((await run('counter')).map((r) => [r[0], r[1]]), [
    ['1号 法人综合受理窗口', 5],
    ['4号 自然人综合受理窗口', 2],
  ]);
});

t('CSV: BOM, headers, the rates in per cent and the definition', async () => {
  const manager = await hall.staff('manager');
  const v = await evaluationReport(deps(), manager, [hall.hallId], q('staff'));
  const csv = evaluationReportCsv(v, 'zh-CN');
  assert.ok(csv.startsWith('\uFEFF分组,评价数,非常满意'));
  assert.ok(csv.includes('李娜（staff1）,5,2,1,0,1,1,60.0,40.0,2,2,1,0\r\n'), csv);
  assert.ok(csv.includes('合计,7,2,1,1,2,1,57.1,42.9,3,2,1,0\r\n'), csv);
  assert.ok(csv.includes('差评率 = 1–2 级'));
});

t('only the manager’s halls; staff get no report', async () => {
  const admin = await hall.staff('admin');
  const other = await createStaff(deps(), admin, { username: 'manager9', displayName: '外馆主任', role: 'manager', hallIds: [], password: 'long-enough-1' });
  const [row] = await db.db.select().from(staffTable).where(eq(staffTable.id, other.id));
  const outsider = staffActor(row!);
  assert.is(await codeOf(reportHalls(deps(), outsider, [hall.hallId])), 'forbidden');
  assert.is(await codeOf(evaluationReport(deps(), outsider, [hall.hallId], q('hall'))), 'forbidden');
  assert.is(await codeOf(evaluationToday(deps(), outsider, hall.hallId)), 'forbidden');
  assert.is(await codeOf(evaluationReport(deps(), await hall.staff('staff1'), [hall.hallId], q('hall'))), 'forbidden');
});

t('live figures today (Thursday 2026-11-26): no rating yet, one open bad review', async () => {
  const manager = await hall.staff('manager');
  const today = await evaluationToday(deps(), manager, hall.hallId);
  assert.is(today.serviceDate, '2026-11-26');
  assert.is(today.ratings.total, 0);
  assert.is(today.ratings.goodRate, null);
  assert.is(today.openBadReviews.length, 1);
  assert.is(today.openBadReviews[0]!.level, 2);
  // Opened Monday 11-23 09:3x: contact was due Tuesday 24:00 → overdue now.
  assert.is(today.openBadReviews[0]!.alert, 'overdue');
  assert.equal(today.alerts, { atRisk: 0, overdue: 1 });
});

t.run();
