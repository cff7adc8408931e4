/** A repeated commandId (double click, retry after a lost ack) returns the first result and changes nothing. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq, sql } from 'drizzle-orm';
import { ticketEvents, tickets } from '../../db/schema';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { issueTicket } from '../../server/app/issue-ticket';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, recordingPublisher, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

let db: TestDb;
let hall: DemoHall;
const clock = manualClock('2026-11-23T02:00:00Z');
const publisher = recordingPublisher();
const count = async (table: typeof tickets | typeof ticketEvents) =>
  (await db.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

const t = suite('idempotent commands');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('issuing twice with one commandId gives one ticket, one event, one broadcast', async () => {
  const deps = testDeps(db.db, clock, publisher);
  const kiosk = await hall.kiosk();
  const matter = await hall.matter('社保登记');
  const id = cmd();
  const first = await issueTicket(deps, kiosk, hall.hallId, { commandId: id, matterId: matter.id });
  const factsAfterFirst = publisher.facts.length;
  const [ticketsBefore, eventsBefore] = [await count(tickets), await count(ticketEvents)];
  const again = await issueTicket(deps, kiosk, hall.hallId, { commandId: id, matterId: matter.id });
  assert.equal(again, first);
  assert.is(await count(tickets), ticketsBefore);
  assert.is(await count(ticketEvents), eventsBefore);
  assert.is(publisher.facts.length, factsAfterFirst, 'a replay publishes nothing');
});

t('concurrent repeats of one command apply once', async () => {
  const deps = testDeps(db.db, clock, publisher);
  const kiosk = await hall.kiosk();
  const matter = await hall.matter('社保登记');
  const id = cmd();
  const before = await count(tickets);
  const results = await Promise.all(Array.from({ length: 8 }, () => issueTicket(deps, kiosk, hall.hallId, { commandId: id, matterId: matter.id })));
  assert.is(new Set(results.map((r) => r.ticket.id)).size, 1);
  assert.is(await count(tickets), before + 1);
});

t('a double-clicked call-next calls one ticket', async () => {
  const deps = testDeps(db.db, clock, publisher);
  const staff = await hall.staff('staff1');
  const counter = await hall.counter(4);
  await actOnCounter(deps, staff, 'take', { commandId: cmd(), counterId: counter.id });
  const id = cmd();
  const [a, b] = await Promise.all([
    callNext(deps, staff, { commandId: id, counterId: counter.id }),
    callNext(deps, staff, { commandId: id, counterId: counter.id }),
  ]);
  assert.equal(a, b);
  const called = await db.db.select().from(tickets).where(eq(tickets.status, 'called'));
  assert.is(called.length, 1);
  const c = await callNext(deps, staff, { commandId: id, counterId: counter.id });
  assert.equal(c, a, 'a later retry still returns the first result');
});

t('a commandId reused for another command is refused', async () => {
  const deps = testDeps(db.db, clock, publisher);
  const staff = await hall.staff('staff2');
  const counter = await hall.counter(5);
  const id = cmd();
  await actOnCounter(deps, staff, 'take', { commandId: id, counterId: counter.id });
  try {
    await actOnCounter(deps, staff, 'release', { commandId: id, counterId: counter.id });
    assert.unreachable();
  } catch (err) {
    assert.is((err as { code: string }).code, 'conflict');
  }
});

t('a failed command can be retried with its commandId once the cause is fixed', async () => {
  const deps = testDeps(db.db, clock, publisher);
  const staff = await hall.staff('staff3');
  const counter = await hall.counter(7);
  const id = cmd();
  let code = '';
  try {
    await callNext(deps, staff, { commandId: id, counterId: counter.id });
  } catch (err) {
    code = (err as { code: string }).code;
  }
  assert.is(code, 'counter_not_open');
  await actOnCounter(deps, staff, 'take', { commandId: cmd(), counterId: counter.id });
  await issueTicket(deps, await hall.kiosk(), hall.hallId, { commandId: cmd(), matterId: (await hall.matter('不动产抵押登记')).id });
  const r = await callNext(deps, staff, { commandId: id, counterId: counter.id });
  assert.is(r.ticket?.status, 'called');
});

t.run();
