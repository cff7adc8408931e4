/**
 * Counter commands in fewer statements (server/app/call-next.ts, ticket-actions.ts): the counter's
 * lock brings its hall, holder and links; call-next's candidates read returns nothing while the
 * counter has a ticket in hand; its claim writes the priority streak; the views acked are built from
 * the locked rows. What each command acks and publishes is what a later read of the committed rows
 * gives, calls at one counter at once still give it one ticket, and the errors keep their order.
 * On both databases.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { and, eq, inArray } from 'drizzle-orm';
import { counters, tickets } from '../../db/schema';
import { callNext } from '../../server/app/call-next';
import { enableCommandTiming, takeCommandSamples, timeCommand } from '../../server/app/command-timing';
import { actOnCounter } from '../../server/app/counter-actions';
import { issueTicket } from '../../server/app/issue-ticket';
import { counterView, ticketView } from '../../server/app/loaders';
import { actOnTicketAtCounter, type CounterTicketAction } from '../../server/app/ticket-actions';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { codeOf, cmd, recordingPublisher, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const clock = manualClock('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai
let db: TestDb;
let hall: DemoHall;
const publisher = recordingPublisher();
const deps = () => testDeps(db.db, clock, publisher);

const streakOf = async (counterId: string) => (await db.db.select({ s: counters.priorityStreak }).from(counters).where(eq(counters.id, counterId)))[0]!.s;

const t = suite('counter command statements');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('the ack and the published fact are the committed rows; the streak counts priority calls and resets', async () => {
  const staff = await hall.staff('staff1');
  const matter = await hall.matter('企业设立登记');
  const counter = await hall.counter(1);
  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: counter.id });
  // Two green-channel tickets and one plain one: the green channel is called first.
  for (const greenChannel of ['pregnant', 'disabled', undefined] as const) {
    await issueTicket(deps(), staff, hall.hallId, { commandId: cmd(), matterId: matter.id, ...(greenChannel && { greenChannel }) });
  }
  const streaks: number[] = [];
  const priorities: number[] = [];
  for (let i = 0; i < 3; i++) {
    publisher.facts.length = 0;
    const r = await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id });
    assert.equal(r.ticket, await ticketView(db.db, r.ticket!.id), 'ticket acked = ticket read back');
    assert.equal(r.counter, await counterView(db.db, counter.id), 'counter acked = counter read back (current ticket, holder, links)');
    assert.is(r.counter!.currentTicketId, r.ticket!.id);
    const [fact] = publisher.facts;
    assert.is(fact?.type, 'ticket:called');
    assert.equal(fact?.counter, r.counter, 'published counter = acked counter');
    assert.equal(fact?.ticket, r.ticket, 'published ticket = acked ticket');
    priorities.push((await db.db.select({ p: tickets.priority }).from(tickets).where(eq(tickets.id, r.ticket!.id)))[0]!.p);
    streaks.push(await streakOf(counter.id));
    await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter.id, ticketId: r.ticket!.id });
  }
  assert.equal(priorities, [1, 1, 0], 'green channel called first');
  assert.equal(streaks, [1, 2, 0], 'streak +1 per priority call, 0 after a plain one');
});

t('a counter with a ticket in hand is busy, whether or not anyone waits; a refused call changes nothing', async () => {
  const staff = await hall.staff('staff2');
  const counter = await hall.counter(5);
  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: counter.id });
  const matterId = (await counterView(db.db, counter.id)).matterIds[0]!;
  const kiosk = await hall.kiosk();
  await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId });
  await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId });
  const first = await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id });
  const streak = await streakOf(counter.id);
  const waitingNow = () => db.db.select().from(tickets).where(and(eq(tickets.hallId, hall.hallId), eq(tickets.matterId, matterId), eq(tickets.status, 'waiting')));
  const before = await waitingNow();
  assert.ok(before.length >= 1, 'someone still waits');
  assert.is(await codeOf(callNext(deps(), staff, { commandId: cmd(), counterId: counter.id })), 'counter_busy', 'busy with someone waiting');
  assert.equal((await waitingNow()).map((r) => r.id), before.map((r) => r.id), 'the refused call claimed nothing');
  assert.is(await streakOf(counter.id), streak, 'the refused call left the streak');
  for (const r of before) await db.db.update(tickets).set({ status: 'cancelled' }).where(eq(tickets.id, r.id));
  assert.is(await codeOf(callNext(deps(), staff, { commandId: cmd(), counterId: counter.id })), 'counter_busy', 'busy with no one waiting');
  await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter.id, ticketId: first.ticket!.id });
  assert.is(await codeOf(callNext(deps(), staff, { commandId: cmd(), counterId: counter.id })), 'queue_empty', 'free and no one waiting');
});

t('calls at one counter at once: one ticket, the others are told the counter is busy', async () => {
  const staff = await hall.staff('staff3');
  const counter = await hall.counter(2);
  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: counter.id });
  const matterId = (await counterView(db.db, counter.id)).matterIds[0]!;
  const kiosk = await hall.kiosk();
  for (let i = 0; i < 10; i++) await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId });
  const codes = await Promise.all(Array.from({ length: 8 }, () => codeOf(callNext(deps(), staff, { commandId: cmd(), counterId: counter.id }))));
  assert.is(codes.filter((c) => c === 'ok').length, 1, `one call succeeded (${codes.join(', ')})`);
  assert.is(codes.filter((c) => c === 'counter_busy').length, 7, 'the rest: counter_busy');
  const inHand = await db.db.select().from(tickets).where(and(eq(tickets.counterId, counter.id), inArray(tickets.status, ['called', 'serving'])));
  assert.is(inHand.length, 1, 'the counter holds one ticket');
});

t('a closed counter, someone else’s counter, an unknown counter: the same errors as before', async () => {
  const staff = await hall.staff('staff4');
  const other = await hall.staff('staff1');
  const counter = await hall.counter(3);
  assert.is(await codeOf(callNext(deps(), staff, { commandId: cmd(), counterId: counter.id })), 'counter_not_open');
  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: counter.id });
  assert.is(await codeOf(callNext(deps(), other, { commandId: cmd(), counterId: counter.id })), 'forbidden');
  assert.is(await codeOf(callNext(deps(), staff, { commandId: cmd(), counterId: '00000000-0000-4000-8000-000000000000' })), 'not_found');
});

/** Statement counting on, one ticket issued that the counter serves, the samples so far dropped. */
async function timedWithOneTicket(staffName: string, counterNumber: number) {
  await enableCommandTiming();
  const staff = await hall.staff(staffName);
  const counter = await hall.counter(counterNumber);
  const matterId = (await counterView(db.db, counter.id)).matterIds[0]!;
  const ticketId = (await issueTicket(deps(), await hall.kiosk(), hall.hallId, { commandId: cmd(), matterId })).ticket.id;
  takeCommandSamples();
  return { staff, counter, ticketId };
}

t('six statements a call (claim of the commandId, lock, candidates, claim, ticket view, facts)', async () => {
  const { staff, counter } = await timedWithOneTicket('staff4', 3);
  await timeCommand('ticket:call-next', () => callNext(deps(), staff, { commandId: cmd(), counterId: counter.id }));
  const [sample] = takeCommandSamples();
  assert.is(sample?.queries, 6);
});

t('recall, start, finish, no-show, park, call-back, call a chosen ticket: ack and fact = the committed rows', async () => {
  const staff = await hall.staff('staff1');
  const counter = await hall.counter(1);
  const matterId = (await counterView(db.db, counter.id)).matterIds[0]!;
  const kiosk = await hall.kiosk();
  const act = async (action: CounterTicketAction, ticketId: string) => {
    publisher.facts.length = 0;
    const r = await actOnTicketAtCounter(deps(), staff, action, { commandId: cmd(), counterId: counter.id, ticketId });
    assert.equal(r.ticket, await ticketView(db.db, ticketId), `${action}: ticket acked = ticket read back`);
    assert.equal(r.counter, await counterView(db.db, counter.id), `${action}: counter acked = counter read back`);
    assert.equal(publisher.facts.map((f) => [f.ticket, f.counter]), [[r.ticket, r.counter]], `${action}: published = acked`);
    return r;
  };
  const a = (await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId })).ticket.id;
  const b = (await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId })).ticket.id;
  const c = (await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId })).ticket.id;
  assert.is((await act('call', b)).counter!.currentTicketId, b, 'a chosen ticket called');
  await act('recall', b);
  await act('park', b);
  assert.is((await act('call_back', b)).counter!.currentTicketId, b);
  await act('start', b);
  assert.is((await act('finish', b)).counter!.currentTicketId, null);
  await act('call', a);
  assert.is((await act('no_show', a)).ticket!.status, 'no_show');
  await act('call', c);
  assert.is(await codeOf(act('call', a)), 'counter_busy', 'a chosen call with a ticket in hand');
  await act('no_show', c);
});

t('start and finish in five statements, a chosen call in seven', async () => {
  const { staff, counter, ticketId: id } = await timedWithOneTicket('staff1', 1);
  for (const action of ['call', 'start', 'finish'] as const) {
    await timeCommand(action, () => actOnTicketAtCounter(deps(), staff, action, { commandId: cmd(), counterId: counter.id, ticketId: id }));
  }
  assert.equal(takeCommandSamples().map((s) => [s.name, s.queries]), [['call', 7], ['start', 5], ['finish', 5]]);
});

t.run();
