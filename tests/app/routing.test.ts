/** The routing policy through call-next and the queue forecast on the database. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { issueTicket } from '../../server/app/issue-ticket';
import { actOnTicketAtCounter } from '../../server/app/ticket-actions';
import { transferTicket } from '../../server/app/transfer-ticket';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const T0 = new Date('2026-11-23T02:00:00Z');
const clock = manualClock(T0);
const at = (min: number) => clock.set(new Date(T0.getTime() + min * 60_000));
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock);

const t = suite('routing on the database');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

async function drain(username: string, counterNumber: number) {
  const staff = await hall.staff(username);
  const counter = await hall.counter(counterNumber);
  for (;;) {
    try {
      const c = await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id });
      await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter.id, ticketId: c.ticket!.id });
    } catch {
      return;
    }
  }
}

t('a transferred ticket keeps its clock and is not sent to the back of the new matter’s line', async () => {
  const kiosk = await hall.kiosk();
  const staff = await hall.staff('staff1');
  const counter = await hall.counter(1);
  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: counter.id });
  const setUp = (await hall.matter('企业设立登记')).id;
  const change = (await hall.matter('营业执照变更登记')).id;
  at(0);
  const x = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: setUp });
  at(2);
  assert.is((await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id })).ticket?.id, x.ticket.id);
  await actOnTicketAtCounter(deps(), staff, 'start', { commandId: cmd(), counterId: counter.id, ticketId: x.ticket.id });
  const later = [];
  for (const m of [3, 4, 5]) {
    at(m);
    later.push(await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: change }));
  }
  at(6);
  const moved = await transferTicket(deps(), staff, { commandId: cmd(), ticketId: x.ticket.id, counterId: counter.id, toMatterId: change, reason: '应办理变更登记' });
  assert.is(moved.ticket?.waitStartAt, x.ticket.waitStartAt, 'original clock');
  at(6.5);
  const newcomer = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: change });
  assert.is(newcomer.peopleAhead, 4, 'the newcomer is behind the transferred ticket too');
  at(7);
  const order = [];
  for (let i = 0; i < 5; i++) {
    const c = await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id });
    order.push(c.ticket!.id);
    await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter.id, ticketId: c.ticket!.id });
  }
  assert.equal(order, [x.ticket.id, ...later.map((l) => l.ticket.id), newcomer.ticket.id], 'first, ahead of the three who came after it');
});

t('a general ticket close to its target is called before an older complex ticket with slack', async () => {
  const kiosk = await hall.kiosk();
  const staff = await hall.staff('staff1');
  const counter = await hall.counter(1);
  at(20);
  const old = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: (await hall.matter('企业注销登记')).id }); // complex, 30
  at(27);
  const young = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: (await hall.matter('公章刻制备案')).id }); // general, 10
  at(35); // old: deadline 50; young: deadline 37 — the earlier deadline first
  const first = await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id });
  assert.is(first.ticket?.id, young.ticket.id);
  await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter.id, ticketId: young.ticket.id });
  await drain('staff1', 1);
  void old;
});

t('the professional counter prefers its own matter on a near-tie, but not over a clearly more urgent ticket', async () => {
  const kiosk = await hall.kiosk();
  const staff = await hall.staff('staff2');
  const counter = await hall.counter(3); // prefers 食品经营许可 (complex, 30), also serves 企业设立登记 (general, 10)
  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: counter.id });
  const setUp = (await hall.matter('企业设立登记')).id;
  const foodMatter = (await hall.matter('食品经营许可')).id;
  at(40);
  const food = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: foodMatter });
  at(54);
  const general = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: setUp });
  // At 57: general's deadline is 64; food's is 70, brought forward by a quarter of 30 min to 62.5 → food.
  at(57);
  assert.is((await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id })).ticket?.id, food.ticket.id);
  await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter.id, ticketId: food.ticket.id });
  at(57.5);
  const food2 = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: foodMatter });
  at(58); // general 64; food2 87.5 − 7.5 = 80 → general
  assert.is((await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id })).ticket?.id, general.ticket.id);
  await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter.id, ticketId: general.ticket.id });
  await drain('staff2', 3);
  void food2;
});

t('people ahead and the estimated wait come from the open counters draining the ranked queue at the recent service rate', async () => {
  const kiosk = await hall.kiosk();
  const s1 = await hall.staff('staff1');
  const s3 = await hall.staff('staff3');
  const c1 = await hall.counter(1);
  const c2 = await hall.counter(2);
  await actOnCounter(deps(), s3, 'take', { commandId: cmd(), counterId: c2.id });
  const matter = (await hall.matter('发票申领')).id; // general, counters 1 and 2
  at(60);
  // Three visits of 4 minutes each at counter 1 give the matter a recent mean of 4 minutes.
  for (let i = 0; i < 3; i++) {
    const x = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: matter });
    await callNext(deps(), s1, { commandId: cmd(), counterId: c1.id });
    await actOnTicketAtCounter(deps(), s1, 'start', { commandId: cmd(), counterId: c1.id, ticketId: x.ticket.id });
    clock.advance(4 * 60_000);
    await actOnTicketAtCounter(deps(), s1, 'finish', { commandId: cmd(), counterId: c1.id, ticketId: x.ticket.id });
  }
  const issued = [];
  for (let i = 0; i < 5; i++) issued.push(await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: matter }));
  // Two idle counters: #1 and #2 now, #3 and #4 after one visit (4 min), #5 after two (8 min).
  assert.equal(issued.map((i) => [i.peopleAhead, i.estimatedWaitMinutes]), [[0, 0], [1, 0], [2, 4], [3, 4], [4, 8]]);
  // A green-channel visitor arriving now goes first: forecast, like the calling rule, puts them ahead.
  const elderly = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: matter, idNumber: '11010519491231002X' }); // born 1949: elderly from the identity number
  assert.equal([elderly.peopleAhead, elderly.estimatedWaitMinutes], [0, 0]);
  await drain('staff1', 1);
  await drain('staff3', 2);
});

t.run();
