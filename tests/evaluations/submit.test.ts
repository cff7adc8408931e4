/** 一次一评 through the real use cases and database: pad, QR, the race between them, and bad input. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { and, eq, sql } from 'drizzle-orm';
import { tickets } from '../../db/schema';
import { badReviews, badReviewSteps, evaluations } from '../../db/schema-evaluations';
import { padState, submitFromPad } from '../../server/app/evaluations/pad';
import { qrEvaluationState, submitByToken } from '../../server/app/evaluations/qr';
import { manualClock } from '../../server/domain/clock';
import { decideIntake } from '../../server/app/cases/intake-outcome';
import { openCase } from '../../server/app/cases/open-case';
import { actOnTicketAtCounter } from '../../server/app/ticket-actions';
import { materialIds } from '../_support/cases';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';
import { codeOf, padActor, serveOne } from './_support';

const clock = manualClock('2026-11-23T01:30:00Z'); // Monday 09:30 in Shanghai
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock);
const count = async () => (await db.db.select({ n: sql<number>`count(*)::int` }).from(evaluations))[0]!.n;

const t = suite('evaluation submissions');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('the pad idles, offers the service just finished at its counter (no visitor data), then idles again', async () => {
  const pad = await padActor(db.db, 'dv_demo-pad-1');
  const staff1 = await hall.staff('staff1');
  const idle = await padState(deps(), pad);
  assert.is(idle.counter?.number, 1);
  assert.is(idle.pending, null);
  const served = await serveOne(deps(), hall, { staff: staff1, counterNumber: 1, matter: '企业设立登记', idNumber: '11010519491231002X' });
  const offered = await padState(deps(), pad);
  assert.is(offered.pending?.serviceId, served.ticketId);
  assert.equal(offered.staff, { displayName: '李娜', staffNo: 'staff1' });
  const json = JSON.stringify(offered);
  for (const secret of ['11010519491231002X', '002X', served.token, served.number]) assert.not.ok(json.includes(secret), `pad state must not carry ${secret}`);
  const done = await submitFromPad(deps(), pad, { commandId: cmd(), serviceId: served.ticketId, level: 5 });
  assert.is(done.level, 5);
  assert.is(done.badReview, false);
  assert.is((await padState(deps(), pad)).pending, null, 'rated: back to idle');
  // The window passes with nothing submitted: idle, and no record appears by itself.
  clock.advance(60_000);
  const other = await serveOne(deps(), hall, { staff: staff1, counterNumber: 1, matter: '企业设立登记' });
  assert.is((await padState(deps(), pad)).pending?.serviceId, other.ticketId);
  clock.advance(5 * 60_000);
  assert.is((await padState(deps(), pad)).pending, null, 'prompt window over: idle');
  const [row] = await db.db.select().from(evaluations).where(eq(evaluations.ticketId, other.ticketId));
  assert.is(row, undefined, 'never an automatic submission');
});

t('a second submission for the same service answers already_evaluated, by pad or by QR', async () => {
  const pad = await padActor(db.db, 'dv_demo-pad-1');
  const served = await serveOne(deps(), hall, { staff: await hall.staff('staff1'), counterNumber: 1, matter: '企业设立登记' });
  const commandId = cmd();
  const first = await submitFromPad(deps(), pad, { commandId, serviceId: served.ticketId, level: 4 });
  // The same command again (a network retry) returns the first result and writes nothing.
  const before = await count();
  assert.equal(await submitFromPad(deps(), pad, { commandId, serviceId: served.ticketId, level: 4 }), first);
  assert.is(await codeOf(submitFromPad(deps(), pad, { commandId: cmd(), serviceId: served.ticketId, level: 3 })), 'already_evaluated');
  assert.is(await codeOf(submitByToken(deps(), served.token, { commandId: cmd(), level: 1, reasons: ['slow'] })), 'already_evaluated');
  assert.is(await count(), before);
  const state = await qrEvaluationState(deps(), served.token);
  assert.is(state.status, 'evaluated');
  assert.is(state.evaluation?.level, 4);
  assert.is(state.evaluation?.channel, 'pad');
});

t('pad and QR at the same instant: exactly one record, the other answers already_evaluated', async () => {
  const pad = await padActor(db.db, 'dv_demo-pad-1');
  for (let round = 0; round < 5; round++) {
    const served = await serveOne(deps(), hall, { staff: await hall.staff('staff1'), counterNumber: 1, matter: '企业设立登记' });
    const outcomes = await Promise.all([
      codeOf(submitFromPad(deps(), pad, { commandId: cmd(), serviceId: served.ticketId, level: 5 })),
      codeOf(submitByToken(deps(), served.token, { commandId: cmd(), level: 2, reasons: ['slow'] })),
    ]);
    assert.equal([...outcomes].sort(), ['already_evaluated', 'ok'], `round ${round}: ${outcomes}`);
    const rows = await db.db.select().from(evaluations).where(eq(evaluations.ticketId, served.ticketId));
    assert.is(rows.length, 1);
    const reviews = await db.db.select().from(badReviews).where(eq(badReviews.evaluationId, rows[0]!.id));
    assert.is(reviews.length, rows[0]!.level <= 2 ? 1 : 0, 'a bad review only for the winner, if it was bad');
  }
});

t('QR: the phone page sees no visitor data; a bad rating opens a handling record with its open step', async () => {
  const served = await serveOne(deps(), hall, { staff: await hall.staff('staff1'), counterNumber: 1, matter: '企业设立登记', idNumber: '44052419500101001X' });
  const state = await qrEvaluationState(deps(), served.token);
  assert.is(state.status, 'open');
  assert.is(state.staff?.staffNo, 'staff1');
  assert.not.ok(JSON.stringify(state).includes('001X'), 'no identity number, masked or not');
  const r = await submitByToken(deps(), served.token, { commandId: cmd(), level: 1, reasons: ['attitude'], text: '态度生硬' });
  assert.is(r.badReview, true);
  const [e] = await db.db.select().from(evaluations).where(eq(evaluations.id, r.id));
  assert.is(e!.realName, true);
  assert.is(e!.channel, 'qr');
  const [review] = await db.db.select().from(badReviews).where(eq(badReviews.evaluationId, r.id));
  assert.is(review!.state, 'pending_contact');
  assert.equal(review!.deadlineDays, { contactDays: 1, replyDays: 3, closeDays: 1, alertShare: 0.8 });
  const steps = await db.db.select().from(badReviewSteps).where(eq(badReviewSteps.badReviewId, review!.id));
  assert.is(steps.length, 1);
  assert.is(steps[0]!.action, 'open');
});

t('bad input: clear codes and nothing written', async () => {
  const pad1 = await padActor(db.db, 'dv_demo-pad-1');
  const pad4 = await padActor(db.db, 'dv_demo-pad-4');
  const staff1 = await hall.staff('staff1');
  const before = await count();
  const served = await serveOne(deps(), hall, { staff: staff1, counterNumber: 1, matter: '企业设立登记' });
  const unfinished = await serveOne(deps(), hall, { staff: staff1, counterNumber: 1, matter: '企业设立登记', finish: false });
  const unknown = '00000000-0000-4000-8000-000000000000';
  const cases: [string, () => Promise<unknown>, string][] = [
    ['unknown service (pad)', () => submitFromPad(deps(), pad1, { commandId: cmd(), serviceId: unknown, level: 5 }), 'not_found'],
    ['unknown token (QR)', () => submitByToken(deps(), 'x'.repeat(24), { commandId: cmd(), level: 5 }), 'not_found'],
    ['malformed token (QR)', () => submitByToken(deps(), '../../etc', { commandId: cmd(), level: 5 }), 'not_found'],
    ['unfinished service (pad)', () => submitFromPad(deps(), pad1, { commandId: cmd(), serviceId: unfinished.ticketId, level: 5 }), 'service_not_finished'],
    ['unfinished service (QR)', () => submitByToken(deps(), unfinished.token, { commandId: cmd(), level: 5 }), 'service_not_finished'],
    ['level 2 without a reason', () => submitFromPad(deps(), pad1, { commandId: cmd(), serviceId: served.ticketId, level: 2 }), 'evaluation_reason_required'],
    ['level 1 with blank text', () => submitByToken(deps(), served.token, { commandId: cmd(), level: 1, text: '   ' }), 'evaluation_reason_required'],
    ['level 0', () => submitFromPad(deps(), pad1, { commandId: cmd(), serviceId: served.ticketId, level: 0 }), 'evaluation_level_invalid'],
    ['level 6', () => submitByToken(deps(), served.token, { commandId: cmd(), level: 6 }), 'evaluation_level_invalid'],
    ['level 4.5', () => submitByToken(deps(), served.token, { commandId: cmd(), level: 4.5 }), 'evaluation_level_invalid'],
    ['a pad of another counter', () => submitFromPad(deps(), pad4, { commandId: cmd(), serviceId: served.ticketId, level: 5 }), 'wrong_counter'],
    ['a staff member is not a pad', () => submitFromPad(deps(), staff1, { commandId: cmd(), serviceId: served.ticketId, level: 5 }), 'forbidden'],
  ];
  for (const [name, run, code] of cases) assert.is(await codeOf(run()), code, name);
  assert.is(await count(), before, 'nothing written');
  const nothing = await db.db.select().from(badReviews);
  assert.ok(nothing.every((r) => r.evaluationId), 'no orphan handling record');
});

t('a service on which a case was opened is linked to that case', async () => {
  const staff2 = await hall.staff('staff2');
  clock.advance(60_000);
  const served = await serveOne(deps(), hall, { staff: staff2, counterNumber: 2, matter: '企业设立登记', finish: false });
  const counter = await hall.counter(2);
  const opened = await openCase(deps(), staff2, { commandId: cmd(), counterId: counter.id, ticketId: served.ticketId });
  await actOnTicketAtCounter(deps(), staff2, 'finish', { commandId: cmd(), counterId: counter.id, ticketId: served.ticketId });
  const r = await submitByToken(deps(), served.token, { commandId: cmd(), level: 4 });
  const [row] = await db.db.select().from(evaluations).where(eq(evaluations.id, r.id));
  assert.is(row!.caseId, opened.case.id);
});

t('the pad offers the rating when the counter accepts a case; the record links the case and who accepted it', async () => {
  const staff1 = await hall.staff('staff1');
  const pad1 = await padActor(db.db, 'dv_demo-pad-1');
  // dv_demo-pad-1 is paired to counter 1: accept there, the visitor still at the counter.
  clock.advance(10 * 60_000);
  const counter = await hall.counter(1);
  // The bad-input test left a ticket in service at counter 1: finish it first.
  for (const left of await db.db.select().from(tickets).where(and(eq(tickets.counterId, counter.id), eq(tickets.status, 'serving')))) {
    await actOnTicketAtCounter(deps(), staff1, 'finish', { commandId: cmd(), counterId: counter.id, ticketId: left.id });
  }
  clock.advance(10 * 60_000);
  const served = await serveOne(deps(), hall, { staff: staff1, counterNumber: 1, matter: '企业设立登记', finish: false });
  const opened = await openCase(deps(), staff1, { commandId: cmd(), counterId: counter.id, ticketId: served.ticketId });
  assert.is((await padState(deps(), pad1)).pending, null, 'a case in intake is not yet a service to rate');
  assert.is(await codeOf(submitByToken(deps(), served.token, { commandId: cmd(), level: 5 })), 'service_not_finished');
  assert.is((await qrEvaluationState(deps(), served.token)).status, 'not_finished');

  const received = [...(await materialIds(db.db, opened.case.matterId)).values()];
  await decideIntake(deps(), staff1, { commandId: cmd(), counterId: counter.id, caseId: opened.case.id, outcome: 'accept', received, defects: [] });
  const offered = await padState(deps(), pad1);
  assert.is(offered.pending?.serviceId, served.ticketId, 'offered while the ticket is still being served');
  assert.equal(offered.staff, { displayName: '李娜', staffNo: 'staff1' });
  assert.is((await qrEvaluationState(deps(), served.token)).status, 'open', 'the QR page offers it too, once');
  const r = await submitFromPad(deps(), pad1, { commandId: cmd(), serviceId: served.ticketId, level: 4 });
  const [row] = await db.db.select().from(evaluations).where(eq(evaluations.id, r.id));
  assert.is(row!.caseId, opened.case.id);
  assert.is(row!.staffId, staff1.id, 'the staff member who accepted the case');
  assert.is(row!.counterId, counter.id);
  assert.is((await padState(deps(), pad1)).pending, null, 'rated: idle while the counter finishes');

  // Finishing the ticket afterwards offers nothing more: one rating per service.
  await actOnTicketAtCounter(deps(), staff1, 'finish', { commandId: cmd(), counterId: counter.id, ticketId: served.ticketId });
  assert.is((await padState(deps(), pad1)).pending, null);
  assert.is(await codeOf(submitByToken(deps(), served.token, { commandId: cmd(), level: 5 })), 'already_evaluated');
  assert.is((await db.db.select().from(evaluations).where(eq(evaluations.ticketId, served.ticketId))).length, 1);
});

t('records are append-only: UPDATE and DELETE are refused by the database', async () => {
  const [any] = await db.db.select().from(evaluations).limit(1);
  assert.ok(any);
  let refused = 0;
  for (const attempt of [
    () => db.db.update(evaluations).set({ level: 1 }).where(eq(evaluations.id, any!.id)),
    () => db.db.delete(evaluations).where(eq(evaluations.id, any!.id)),
    () => db.db.update(badReviewSteps).set({ note: 'changed' }),
    () => db.db.delete(badReviewSteps),
  ]) {
    try {
      await attempt();
    } catch (err) {
      if (/append-only/.test(String((err as Error).message) + String((err as { cause?: Error }).cause?.message ?? ''))) refused++;
    }
  }
  assert.is(refused, 4);
  const [again] = await db.db.select().from(evaluations).where(eq(evaluations.id, any!.id));
  assert.is(again!.level, any!.level);
});

t.run();
