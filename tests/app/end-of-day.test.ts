/** End of day: the tickets of a closed service day are closed with the reason day_closed — at the hall's cut-off, and on any later day. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { and, eq } from 'drizzle-orm';
import { halls, ticketEvents, tickets } from '../../db/schema';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { closeEndedDays } from '../../server/app/end-of-day';
import { issueTicket } from '../../server/app/issue-ticket';
import { manualClock } from '../../server/domain/clock';
import { dayCutoff, statusesToClose } from '../../server/domain/day-close';
import { DEFAULT_HALL_SETTINGS } from '../../server/domain/wait-target';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, recordingPublisher, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const DAY1 = new Date('2026-11-23T02:00:00Z'); // Monday 10:00 Shanghai
const clock = manualClock(DAY1);
let db: TestDb;
let hall: DemoHall;
const publisher = recordingPublisher();
const deps = () => testDeps(db.db, clock, publisher);

const rule = suite('day cut-off (pure)');
rule('24:00 is the next local midnight; HH:MM is that hall-local time; anything else falls back to midnight', () => {
  assert.is(dayCutoff('2026-11-23', '24:00', 'Asia/Shanghai').toISOString(), '2026-11-23T16:00:00.000Z');
  assert.is(dayCutoff('2026-11-23', '18:30', 'Asia/Shanghai').toISOString(), '2026-11-23T10:30:00.000Z');
  assert.is(dayCutoff('2026-11-23', '25:00', 'Asia/Shanghai').toISOString(), '2026-11-23T16:00:00.000Z');
});
rule('before the cut-off nothing closes; at it waiting/parked/no-show; an earlier day also a call nobody finished', () => {
  const cut = new Date('2026-11-23T10:30:00Z');
  assert.equal(statusesToClose('2026-11-23', '2026-11-23', new Date(cut.getTime() - 1), cut), []);
  assert.equal(statusesToClose('2026-11-23', '2026-11-23', cut, cut), ['waiting', 'parked', 'no_show']);
  assert.equal(statusesToClose('2026-11-22', '2026-11-23', new Date('2026-11-23T01:00:00Z'), cut), ['waiting', 'called', 'parked', 'no_show']);
  assert.equal(statusesToClose('2026-11-24', '2026-11-23', cut, cut), []);
});
rule.run();

const t = suite('end-of-day job');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

async function statusOf(id: string) {
  const [row] = await db.db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, id));
  return row!.status;
}

t('at the hall cut-off waiting tickets close with a recorded reason; a call at a counter is left; the next day closes it; exactly once', async () => {
  await db.db.update(halls).set({ settings: { ...DEFAULT_HALL_SETTINGS, dayCutoff: '18:30' } }).where(eq(halls.id, hall.hallId));
  const kiosk = await hall.kiosk();
  const matterId = (await hall.matter('企业设立登记')).id;
  const issued = [];
  for (let i = 0; i < 5; i++) issued.push((await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId })).ticket.id);
  const staff = await hall.staff('staff1');
  const counterId = (await hall.counter(1)).id;
  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId });
  const called = (await callNext(deps(), staff, { commandId: cmd(), counterId })).ticket!.id;

  clock.set('2026-11-23T10:29:59Z'); // 18:29:59
  assert.is(await closeEndedDays(deps()), 0, 'nothing before the cut-off');
  clock.set('2026-11-23T10:30:00Z');
  const factsBefore = publisher.facts.length;
  assert.is(await closeEndedDays(deps()), 4);
  for (const id of issued.filter((x) => x !== called)) assert.is(await statusOf(id), 'cancelled');
  assert.is(await statusOf(called), 'called', 'the visitor at the counter is left to staff');
  const facts = publisher.facts.slice(factsBefore);
  assert.is(facts.length, 4);
  assert.ok(facts.every((f) => f.type === 'ticket:cancelled' && f.ticket?.status === 'cancelled'));
  const events = await db.db.select().from(ticketEvents).where(and(eq(ticketEvents.hallId, hall.hallId), eq(ticketEvents.type, 'ticket:cancelled')));
  assert.is(events.length, 4);
  assert.ok(events.every((e) => e.data.reason === 'day_closed' && e.actorType === 'system'), 'reason and actor recorded in the audit log');
  assert.is(await closeEndedDays(deps()), 0, 'twice changes nothing');

  clock.set('2026-11-24T01:00:00Z'); // next morning 09:00
  assert.is(await closeEndedDays(deps()), 1, 'yesterday’s unfinished call is closed the next day');
  assert.is(await statusOf(called), 'cancelled');
});

t('two processes running the job at once close each ticket once', async () => {
  clock.set('2026-11-24T02:00:00Z');
  const kiosk = await hall.kiosk();
  const matterId = (await hall.matter('企业设立登记')).id;
  for (let i = 0; i < 30; i++) await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId });
  clock.set('2026-11-25T01:00:00Z');
  const before = publisher.facts.length;
  const [a, b] = await Promise.all([closeEndedDays(deps()), closeEndedDays(deps())]);
  assert.is(a + b, 30);
  assert.is(publisher.facts.length - before, 30);
  assert.is(new Set(publisher.facts.slice(before).map((f) => f.ticket!.id)).size, 30);
});

t.run();
