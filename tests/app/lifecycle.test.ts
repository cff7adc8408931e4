/** The ticket lifecycle through the real use cases and database. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { asc, eq } from 'drizzle-orm';
import { ticketEvents } from '../../db/schema';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { issueTicket } from '../../server/app/issue-ticket';
import { cancelTicket, reactivateTicket } from '../../server/app/ticket-admin-actions';
import { actOnTicketAtCounter } from '../../server/app/ticket-actions';
import { transferTicket } from '../../server/app/transfer-ticket';
import { hallSnapshot } from '../../server/app/snapshot';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { codeOf, cmd, recordingPublisher, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const clock = manualClock('2026-11-23T01:30:00Z'); // 09:30 in Shanghai
let db: TestDb;
let hall: DemoHall;
const publisher = recordingPublisher();
const deps = () => testDeps(db.db, clock, publisher);

const t = suite('ticket lifecycle (use cases + database)');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('issue → call next → recall ×2 → start → finish, with events in seq order', async () => {
  const kiosk = await hall.kiosk();
  const staff = await hall.staff('staff1');
  const matter = await hall.matter('企业设立登记');
  const counter = await hall.counter(1);
  const issued = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id });
  assert.is(issued.ticket.number, 'A001');
  assert.is(issued.ticket.status, 'waiting');
  assert.is(issued.peopleAhead, 0);
  assert.ok(issued.token.length >= 22, 'token carries at least 128 bits');

  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: counter.id });
  clock.advance(60_000);
  const called = await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id });
  assert.is(called.ticket?.id, issued.ticket.id);
  assert.is(called.ticket?.status, 'called');
  assert.is(called.ticket?.counterNumber, 1);
  assert.is(called.counter?.currentTicketId, issued.ticket.id);

  for (const n of [1, 2]) {
    const r = await actOnTicketAtCounter(deps(), staff, 'recall', { commandId: cmd(), counterId: counter.id, ticketId: issued.ticket.id });
    assert.is(r.ticket?.recallCount, n);
  }
  await actOnTicketAtCounter(deps(), staff, 'start', { commandId: cmd(), counterId: counter.id, ticketId: issued.ticket.id });
  clock.advance(5 * 60_000);
  const done = await actOnTicketAtCounter(deps(), staff, 'finish', { commandId: cmd(), counterId: counter.id, ticketId: issued.ticket.id });
  assert.is(done.ticket?.status, 'done');
  assert.is(done.counter?.currentTicketId, null);

  const events = await db.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, issued.ticket.id)).orderBy(asc(ticketEvents.seq));
  assert.equal(
    events.map((e) => e.type),
    ['ticket:issued', 'ticket:called', 'ticket:recalled', 'ticket:recalled', 'ticket:started', 'ticket:finished'],
  );
  const seqs = publisher.facts.map((f) => f.seq);
  assert.equal(seqs, seqs.map((_, i) => seqs[0]! + i), 'published seqs are contiguous');
});

t('counter errors: busy, paused, not signed in, not authorised, nothing waiting', async () => {
  const kiosk = await hall.kiosk();
  const staff = await hall.staff('staff1');
  const other = await hall.staff('staff2');
  const counter = await hall.counter(1);
  const matter = await hall.matter('营业执照变更登记');
  const a = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id });
  const b = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id });
  assert.is(await codeOf(callNext(deps(), other, { commandId: cmd(), counterId: counter.id })), 'forbidden');
  await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id });
  assert.is(await codeOf(callNext(deps(), staff, { commandId: cmd(), counterId: counter.id })), 'counter_busy');
  assert.is(await codeOf(actOnCounter(deps(), staff, 'pause', { commandId: cmd(), counterId: counter.id, reason: '午休' })), 'counter_busy');
  assert.is(
    await codeOf(actOnTicketAtCounter(deps(), staff, 'finish', { commandId: cmd(), counterId: counter.id, ticketId: a.ticket.id })),
    'invalid_transition',
  );
  await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter.id, ticketId: a.ticket.id });
  await actOnCounter(deps(), staff, 'pause', { commandId: cmd(), counterId: counter.id, reason: '午休' });
  assert.is(await codeOf(callNext(deps(), staff, { commandId: cmd(), counterId: counter.id })), 'counter_not_open');
  await actOnCounter(deps(), staff, 'resume', { commandId: cmd(), counterId: counter.id });

  const property = await hall.matter('不动产转移登记');
  const c = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: property.id });
  assert.is(
    await codeOf(actOnTicketAtCounter(deps(), staff, 'call', { commandId: cmd(), counterId: counter.id, ticketId: c.ticket.id })),
    'matter_not_served',
  );
  const specific = await actOnTicketAtCounter(deps(), staff, 'call', { commandId: cmd(), counterId: counter.id, ticketId: b.ticket.id });
  assert.is(specific.ticket?.status, 'called');
  await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter.id, ticketId: b.ticket.id });
  assert.is(await codeOf(callNext(deps(), staff, { commandId: cmd(), counterId: counter.id })), 'queue_empty');
});

t('no-show → reactivate → called again; park → call back; cancel', async () => {
  const kiosk = await hall.kiosk();
  const staff = await hall.staff('staff3');
  const counter = await hall.counter(4);
  const matter = await hall.matter('社保登记');
  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: counter.id });
  const x = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id });
  await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id });
  await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter.id, ticketId: x.ticket.id });
  const re = await reactivateTicket(deps(), staff, { commandId: cmd(), ticketId: x.ticket.id });
  assert.is(re.ticket?.status, 'waiting');
  const again = await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id });
  assert.is(again.ticket?.id, x.ticket.id);
  await actOnTicketAtCounter(deps(), staff, 'start', { commandId: cmd(), counterId: counter.id, ticketId: x.ticket.id });
  const parked = await actOnTicketAtCounter(deps(), staff, 'park', { commandId: cmd(), counterId: counter.id, ticketId: x.ticket.id });
  assert.is(parked.ticket?.status, 'parked');
  assert.is(parked.counter?.currentTicketId, null, 'a parked ticket frees the counter');
  const back = await actOnTicketAtCounter(deps(), staff, 'call_back', { commandId: cmd(), counterId: counter.id, ticketId: x.ticket.id });
  assert.is(back.ticket?.status, 'called');
  const cancelled = await cancelTicket(deps(), staff, { commandId: cmd(), ticketId: x.ticket.id, reason: '办事人离开' });
  assert.is(cancelled.ticket?.status, 'cancelled');
  assert.is(await codeOf(reactivateTicket(deps(), staff, { commandId: cmd(), ticketId: x.ticket.id })), 'invalid_transition');
});

t('transfer keeps the original clock: the transferred visitor goes ahead of later arrivals', async () => {
  const kiosk = await hall.kiosk();
  const s1 = await hall.staff('staff1');
  const s2 = await hall.staff('staff2');
  const c1 = await hall.counter(1);
  const c2 = await hall.counter(2);
  const setUp = await hall.matter('企业设立登记');
  const cancelReg = await hall.matter('企业注销登记');
  await actOnCounter(deps(), s2, 'take', { commandId: cmd(), counterId: c2.id });
  // Clear anything left by earlier tests at counter 1 (cancelling a waiting ticket is a manager's call).
  const manager = await hall.staff('manager');
  const snap = await hallSnapshot(deps(), s1, hall.hallId);
  for (const tk of snap.tickets.filter((x) => x.status === 'waiting')) await cancelTicket(deps(), manager, { commandId: cmd(), ticketId: tk.id });

  const early = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: setUp.id });
  clock.advance(10 * 60_000);
  const later = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: cancelReg.id });
  await callNext(deps(), s1, { commandId: cmd(), counterId: c1.id });
  const moved = await transferTicket(deps(), s1, {
    commandId: cmd(),
    ticketId: early.ticket.id,
    counterId: c1.id,
    toMatterId: cancelReg.id,
    toCounterId: c2.id,
    reason: '办事人实际办理注销',
  });
  assert.is(moved.ticket?.status, 'waiting');
  assert.is(moved.ticket?.matterId, cancelReg.id);
  assert.is(moved.ticket?.waitStartAt, early.ticket.waitStartAt, 'original clock kept');
  assert.is(moved.ticket?.transferCount, 1);
  const next = await callNext(deps(), s2, { commandId: cmd(), counterId: c2.id });
  assert.is(next.ticket?.id, early.ticket.id, 'transferred ticket is not sent to the back');
  void later;
  const history = await db.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, early.ticket.id)).orderBy(asc(ticketEvents.seq));
  const transferEvent = history.find((e) => e.type === 'ticket:transferred');
  assert.is(transferEvent?.data.reason, '办事人实际办理注销');
  assert.is(await codeOf(transferTicket(deps(), s2, { commandId: cmd(), ticketId: later.ticket.id, toCounterId: c1.id, reason: 'x' })), 'forbidden');
});

t('green channel: an elderly visitor’s ID gives priority; an invalid ID is refused with a clear message', async () => {
  const kiosk = await hall.kiosk();
  const matter = await hall.matter('居住证办理');
  const plain = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id });
  const elderly = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id, idNumber: '11010519491231002X' });
  assert.is(elderly.ticket.priority, 1);
  assert.is(elderly.ticket.priorityReason, 'elderly');
  assert.is(elderly.ticket.visitorIdMasked, '110105********002X');
  assert.is(elderly.peopleAhead, 0, 'priority goes ahead of the plain ticket');
  assert.is(plain.ticket.priority, 0);
  try {
    await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id, idNumber: '110105194912310021' });
    assert.unreachable('invalid id accepted');
  } catch (err) {
    const e = err as { code: string; message: string; fields?: Record<string, string> };
    assert.is(e.code, 'validation_failed');
    assert.match(e.fields?.idNumber ?? '', '校验');
  }
});

t('the event log is append-only: UPDATE and DELETE are refused by the database', async () => {
  const refusal = async (run: () => Promise<unknown>) => {
    try {
      await run();
      return 'allowed';
    } catch (err) {
      return String((err as { cause?: unknown }).cause ?? err);
    }
  };
  const before = (await db.db.select().from(ticketEvents)).length;
  assert.ok(before > 0);
  assert.match(await refusal(() => db.db.update(ticketEvents).set({ type: 'tampered' })), 'append-only');
  assert.match(await refusal(() => db.db.delete(ticketEvents)), 'append-only');
  assert.is((await db.db.select().from(ticketEvents)).length, before);
});

t.run();
