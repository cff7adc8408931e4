/**
 * Today's within-target shares count a ticket still waiting past its target as a miss (a
 * dashboard must not say 100 % beside "2 overdue"); one still inside its target is not measured yet.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { issueTicket } from '../../server/app/issue-ticket';
import { todayStats } from '../../server/app/reports/today-stats';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const MIN = 60_000;
const start = new Date('2026-11-23T01:30:00Z'); // Monday 09:30 in Shanghai
const clock = manualClock(start);
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock);

const t = suite("today's shares with overdue waiting tickets");
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('called in time 1, waiting past target 2, waiting within target 1 → general 1/3', async () => {
  const kiosk = await hall.kiosk();
  const general = await hall.matter('社保登记'); // general: 10 minutes
  const staff = await hall.staff('staff1');
  const counter = await hall.counter(4);
  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: counter.id });
  for (let i = 0; i < 3; i++) await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: general.id });
  clock.set(new Date(start.getTime() + 3 * MIN));
  await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id }); // waited 3 min: within
  clock.set(new Date(start.getTime() + 8 * MIN));
  await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: general.id }); // will have waited 7 min
  clock.set(new Date(start.getTime() + 15 * MIN)); // the two others have waited 15 min > 10

  const stats = await todayStats(deps(), await hall.staff('manager'), hall.hallId);
  assert.equal([stats.totals.waitGeneral.within, stats.totals.waitGeneral.measured], [1, 3]);
  assert.is(stats.totals.waitGeneral.share, 1 / 3);
  assert.equal([stats.totals.wait.within, stats.totals.wait.measured], [1, 3]);
});

t.run();
