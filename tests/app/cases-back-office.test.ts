/**
 * After acceptance: the back office scoped to its departments (审查 → 补正 → 准予 → 制证 → 待领取),
 * the notifier told after commit, a pickup ticket at the kiosk by case number, the identity check
 * at the pickup counter, 已领取; posting with a tracking number; the scanner's 80 % / overdue and
 * 容缺 promise alerts, each raised once.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema-cases';
import { decideIntake } from '../../server/app/cases/intake-outcome';
import { caseReport } from '../../server/app/cases/case-report';
import { caseDetail, listCases } from '../../server/app/cases/list-cases';
import { openCase } from '../../server/app/cases/open-case';
import { handOver, issuePickupTicket } from '../../server/app/cases/pickup';
import { reviewCase } from '../../server/app/cases/review-case';
import { scanCases } from '../../server/app/cases/case-scanner';
import type { CaseNotice } from '../../server/app/cases/case-notifier';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { ticketProgress } from '../../server/app/progress';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { materialIds, ticketAtCounter } from '../_support/cases';
import { cmd, recordingPublisher, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const ID = '11010519491231002X';
let db: TestDb;
let hall: DemoHall;
const clock = manualClock('2025-09-01T02:00:00Z'); // Mon
const publisher = recordingPublisher();
const told: CaseNotice[] = [];
const deps = () => ({ ...testDeps(db.db, clock, publisher), notifier: { notify: async (n: CaseNotice) => void told.push(n) } });

async function rejects(p: Promise<unknown>, code: string): Promise<void> {
  try {
    await p;
  } catch (e) {
    assert.is((e as { code?: string }).code, code, String(e));
    return;
  }
  assert.unreachable(`expected ${code}`);
}

async function acceptedCase(matterName: string, counterNumber: number, staffName: string, extra: { delivery?: 'pickup' | 'post' } = {}) {
  const d = deps();
  const staff = await hall.staff(staffName);
  const v = await ticketAtCounter(d, hall, staff, counterNumber, matterName, ID);
  const opened = await openCase(d, staff, { commandId: cmd(), counterId: v.counterId, ticketId: v.ticketId });
  const all = [...(await materialIds(db.db, opened.case.matterId)).values()];
  const accepted = await decideIntake(d, staff, { commandId: cmd(), counterId: v.counterId, caseId: opened.case.id, outcome: 'accept', received: all, defects: [], ...extra });
  return { ...accepted.case, token: v.token };
}

const t = suite('cases in the back office and at pickup');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('reviewer scope, 审查 → 补正 (clock stops) → 准予 → 制证 → 待领取 → pickup ticket → identity check → 已领取', async () => {
  const d = deps();
  const c = await acceptedCase('食品经营许可', 1, 'staff1'); // 区市场监督管理局, promised 5 working days
  assert.is(c.dueDate, '2025-09-08');
  const r1 = await hall.staff('reviewer1');
  const r2 = await hall.staff('reviewer2');
  const staff1 = await hall.staff('staff1');
  await rejects(reviewCase(d, r2, c.id, { commandId: cmd(), action: 'start_review' }), 'forbidden');
  await rejects(reviewCase(d, staff1, c.id, { commandId: cmd(), action: 'start_review' }), 'forbidden');
  assert.equal((await listCases(d, r2, hall.hallId, { status: 'open' })).map((x) => x.id), [], 'reviewer2 sees none of the market department');
  assert.equal((await listCases(d, r1, hall.hallId, { status: 'back_office' })).map((x) => x.id), [c.id]);
  await rejects(reviewCase(d, r1, c.id, { commandId: cmd(), action: 'approve' }), 'invalid_transition');

  await reviewCase(d, r1, c.id, { commandId: cmd(), action: 'start_review' });
  clock.set('2025-09-02T02:00:00Z');
  const asked = await reviewCase(d, r1, c.id, { commandId: cmd(), action: 'request_supplement', reason: '经营场所平面图未标明设备布局' });
  assert.is(asked.status, 'supplement');
  assert.is(asked.dueDate, null, 'the clock stops during 补正');
  clock.set('2025-09-04T02:00:00Z');
  const supplied = await reviewCase(d, r1, c.id, { commandId: cmd(), action: 'supplied' });
  assert.is(supplied.dueDate, '2025-09-10', '09-03 and 09-04 do not count');
  await reviewCase(d, r1, c.id, { commandId: cmd(), action: 'approve' });
  await rejects(reviewCase(d, r1, c.id, { commandId: cmd(), action: 'post', trackingNumber: 'SF100200300' }), 'invalid_transition');
  await reviewCase(d, r1, c.id, { commandId: cmd(), action: 'produce' });
  const kiosk = await hall.kiosk();
  await rejects(issuePickupTicket(d, kiosk, hall.hallId, { commandId: cmd(), caseNumber: c.number }), 'case_not_ready');
  const ready = await reviewCase(d, r1, c.id, { commandId: cmd(), action: 'ready' });
  assert.is(ready.status, 'ready');
  await new Promise((r) => setTimeout(r, 0));
  assert.is(told.length, 1, 'the visitor is told once');
  assert.is(told[0]!.event, 'case.ready');
  assert.is(told[0]!.caseNumber, c.number);
  assert.is(told[0]!.pickupCounter, '10 号统一出件窗口');
  assert.ok(told[0]!.progressUrl?.startsWith('http://test/p/'));
  assert.not.ok(JSON.stringify(told).includes(ID), 'no identity number in the notice');

  const progress = await ticketProgress(d, c.token);
  assert.is(progress.case?.status, 'ready');
  assert.is(progress.case?.pickup?.counterNumber, 10);

  await rejects(issuePickupTicket(d, kiosk, hall.hallId, { commandId: cmd(), caseNumber: '209901010001' }), 'not_found');
  const pickupCmd = cmd();
  const issued = await issuePickupTicket(d, kiosk, hall.hallId, { commandId: pickupCmd, caseNumber: c.number });
  const again = await issuePickupTicket(d, kiosk, hall.hallId, { commandId: pickupCmd, caseNumber: c.number });
  assert.is(again.ticket.id, issued.ticket.id, 'a replayed command is the same ticket');
  assert.is(issued.caseNumber, c.number);
  assert.match(issued.ticket.number, /^Q\d{3}$/);
  await rejects(issuePickupTicket(d, kiosk, hall.hallId, { commandId: cmd(), idNumber: ID }), 'conflict');
  const pickupProgress = await ticketProgress(d, issued.token);
  assert.is(pickupProgress.case?.number, c.number, 'the pickup ticket shows the case');

  const staff4 = await hall.staff('staff4');
  const counter10 = await hall.counter(10);
  await actOnCounter(d, staff4, 'take', { commandId: cmd(), counterId: counter10.id });
  const called = await callNext(d, staff4, { commandId: cmd(), counterId: counter10.id });
  assert.is(called.ticket?.id, issued.ticket.id, 'the pickup counter calls the pickup ticket');
  await rejects(handOver(d, staff4, { commandId: cmd(), counterId: counter10.id, caseId: c.id, idNumber: '440524188001010014' }), 'case_identity_mismatch');
  await rejects(handOver(d, staff4, { commandId: cmd(), counterId: counter10.id, caseId: c.id, idNumber: '110105194912310021' }), 'validation_failed');
  const collected = await handOver(d, staff4, { commandId: cmd(), counterId: counter10.id, caseId: c.id, idNumber: ID });
  assert.is(collected.status, 'collected');
  await rejects(handOver(d, staff4, { commandId: cmd(), counterId: counter10.id, caseId: c.id, idNumber: ID }), 'case_not_ready');
  const detail = await caseDetail(d, r1, c.id);
  assert.equal(detail.steps.map((s) => s.status), ['intake', 'accepted', 'reviewing', 'supplement', 'reviewing', 'approved', 'producing', 'ready', 'collected']);
  const final = await ticketProgress(d, c.token);
  assert.is(final.case?.status, 'collected');
});

t('post with a tracking number, then delivered; 80 % / overdue / promise alerts raised once each', async () => {
  clock.set('2025-09-15T02:00:00Z'); // Mon
  const d = deps();
  const posted = await acceptedCase('营业执照变更登记', 2, 'staff2', { delivery: 'post' });
  const r1 = await hall.staff('reviewer1');
  for (const action of ['start_review', 'approve'] as const) await reviewCase(d, r1, posted.id, { commandId: cmd(), action });
  await rejects(reviewCase(d, r1, posted.id, { commandId: cmd(), action: 'ready' }), 'invalid_transition');
  await rejects(reviewCase(d, r1, posted.id, { commandId: cmd(), action: 'post' }), 'validation_failed');
  const p = await reviewCase(d, r1, posted.id, { commandId: cmd(), action: 'post', trackingNumber: 'SF1002003004' });
  assert.is(p.trackingNumber, 'SF1002003004');
  assert.is((await reviewCase(d, r1, posted.id, { commandId: cmd(), action: 'deliver' })).status, 'closed');

  const slow = await acceptedCase('人力资源服务许可', 1, 'staff1'); // promised 10 working days; Sunday 09-28 is a 调休 working day
  assert.is(slow.dueDate, '2025-09-28');
  const before = publisher.facts.length;
  clock.set('2025-09-25T02:00:00Z'); // 8 working days elapsed = 80 %
  assert.equal(await scanCases(d, () => {}), { atRisk: 1, overdue: 0, promiseOverdue: 0 });
  assert.equal(await scanCases(d, () => {}), { atRisk: 0, overdue: 0, promiseOverdue: 0 }, 'raised once');
  clock.set('2025-09-30T02:00:00Z');
  assert.equal(await scanCases(d, () => {}), { atRisk: 0, overdue: 1, promiseOverdue: 0 });
  const alerts = publisher.facts.slice(before).filter((f) => f.type === 'case:at-risk' || f.type === 'case:overdue');
  assert.equal(alerts.map((f) => [f.type, f.case?.number]), [['case:at-risk', slow.number], ['case:overdue', slow.number]]);
  const [row] = await db.db.select().from(cases).where(eq(cases.id, slow.id));
  assert.is(row!.alertLevel, 2);
  const listed = await listCases(d, await hall.staff('manager'), hall.hallId, { status: 'alerts' });
  assert.equal(listed.map((x) => [x.number, x.alertLevel]), [[slow.number, 'overdue']]);
});

t('a 容缺 promise past its date raises case:promise-overdue once', async () => {
  clock.set('2025-10-13T02:00:00Z');
  const d = deps();
  const staff3 = await hall.staff('staff3');
  const v = await ticketAtCounter(d, hall, staff3, 7, '不动产转移登记', ID);
  const opened = await openCase(d, staff3, { commandId: cmd(), counterId: v.counterId, ticketId: v.ticketId });
  const ids = await materialIds(db.db, opened.case.matterId);
  const received = [...ids.entries()].filter(([n]) => n !== '完税凭证').map(([, id]) => id);
  await decideIntake(d, staff3, { commandId: cmd(), counterId: v.counterId, caseId: opened.case.id, outcome: 'tolerate', received, defects: [], promiseDate: '2025-10-15' });
  clock.set('2025-10-16T02:00:00Z');
  const report = await scanCases(d, () => {});
  assert.is(report.promiseOverdue, 1);
  assert.is((await scanCases(d, () => {})).promiseOverdue, 0);
  const r2 = await hall.staff('reviewer2');
  const kept = await reviewCase(d, r2, opened.case.id, { commandId: cmd(), action: 'fulfil_promise' });
  assert.ok(kept.promiseKept);
  assert.not.ok(kept.promiseOverdue);
});

t('managers see the figures per department: accepted, 容缺, 一次性通过率, within limit, overdue', async () => {
  const d = deps();
  await rejects(caseReport(d, await hall.staff('reviewer1'), hall.hallId, { from: '2025-09-01', to: '2025-10-31', by: 'department' }), 'forbidden');
  const figures = await caseReport(d, await hall.staff('manager'), hall.hallId, { from: '2025-09-01', to: '2025-10-31', by: 'department' });
  assert.equal(figures, [
    { key: '区不动产登记中心', opened: 1, accepted: 1, notice: 0, tolerated: 1, notAccepted: 0, firstVisitPassRate: 1, withinLimitShare: null, overdue: 0, onTheSpotShare: 0 },
    { key: '区人力资源和社会保障局', opened: 1, accepted: 1, notice: 0, tolerated: 0, notAccepted: 0, firstVisitPassRate: 1, withinLimitShare: null, overdue: 1, onTheSpotShare: 0 },
    { key: '区市场监督管理局', opened: 2, accepted: 2, notice: 0, tolerated: 0, notAccepted: 0, firstVisitPassRate: 1, withinLimitShare: 1, overdue: 0, onTheSpotShare: 0 },
  ]);
  // The dashboard's totals: the same cases as one row for the whole hall.
  const hallRow = await caseReport(d, await hall.staff('manager'), hall.hallId, { from: '2025-09-01', to: '2025-10-31', by: 'hall' });
  assert.equal(hallRow, [{ key: 'all', opened: 4, accepted: 4, notice: 0, tolerated: 1, notAccepted: 0, firstVisitPassRate: 1, withinLimitShare: 1, overdue: 1, onTheSpotShare: 0 }]);
});

t.run();
