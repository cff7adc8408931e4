/** Gapless daily numbering under concurrency, and the reset at the hall's local midnight. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { issueTicket } from '../../server/app/issue-ticket';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

let db: TestDb;
let hall: DemoHall;
const t = suite('ticket numbering');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('1,000 concurrent issues → 1,000 distinct consecutive numbers', async () => {
  const clock = manualClock('2026-11-23T02:00:00Z');
  const deps = testDeps(db.db, clock);
  const kiosk = await hall.kiosk();
  const matter = await hall.matter('不动产登记资料查询'); // prefix G, no other test uses it
  const issued = await Promise.all(
    Array.from({ length: 1000 }, () => issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id })),
  );
  const numbers = issued.map((i) => i.ticket.number).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  assert.is(new Set(numbers).size, 1000, 'all distinct');
  assert.equal(numbers, Array.from({ length: 1000 }, (_, i) => `G${String(i + 1).padStart(3, '0')}`), 'G001 … G1000, no gaps');
});

t('prefixes count independently; other matters with the same prefix share the sequence', async () => {
  const clock = manualClock('2026-11-23T03:00:00Z');
  const deps = testDeps(db.db, clock);
  const kiosk = await hall.kiosk();
  const a1 = await issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId: (await hall.matter('企业设立登记')).id });
  const a2 = await issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId: (await hall.matter('营业执照变更登记')).id });
  const e1 = await issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId: (await hall.matter('出入境证件办理')).id });
  assert.equal([a1.ticket.number, a2.ticket.number, e1.ticket.number], ['A001', 'A002', 'E001']);
});

t('numbers reset at the hall’s local midnight; yesterday’s waiting tickets are not called today', async () => {
  const clock = manualClock('2026-11-23T15:59:00Z'); // 23:59 in Shanghai
  const deps = testDeps(db.db, clock);
  const kiosk = await hall.kiosk();
  const matter = await hall.matter('居住证办理'); // prefix D
  const late1 = await issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id });
  const late2 = await issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id });
  assert.equal([late1.ticket.number, late2.ticket.number], ['D001', 'D002']);
  assert.is(late1.ticket.serviceDate, '2026-11-23');
  clock.set('2026-11-23T16:00:30Z'); // 00:00:30 next day in Shanghai (still the 23rd in UTC)
  const early = await issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id });
  assert.is(early.ticket.number, 'D001');
  assert.is(early.ticket.serviceDate, '2026-11-24');

  const staff = await hall.staff('staff1');
  const counter = await hall.counter(6); // authorised for 居住证办理
  await actOnCounter(deps, staff, 'take', { commandId: cmd(), counterId: counter.id });
  const called = await callNext(deps, staff, { commandId: cmd(), counterId: counter.id });
  assert.is(called.ticket?.id, early.ticket.id, 'only today’s ticket is callable');
});

t.run();
