/**
 * The city roll-up (GET /api/city/live, server/app/reports/city-live.ts): every hall the caller may
 * see with today's live figures from one set-based read, on PGlite and, with DATABASE_URL,
 * PostgreSQL. The demo hall's figures must be what its own snapshot and today figures say.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { counters, halls, matters, staff, zones } from '../../db/schema';
import type { StaffActor } from '../../server/app/actor';
import { AppError } from '../../server/app/app-error';
import { staffActor } from '../../server/app/auth';
import { cityLive } from '../../server/app/reports/city-live';
import { todayStats } from '../../server/app/reports/today-stats';
import { hallSnapshot } from '../../server/app/snapshot';
import { manualClock } from '../../server/domain/clock';
import { instantAt, serviceDate } from '../../server/domain/hall-time';
import { loadHall, insertWaitingTickets } from '../_support/bulk';
import { createTestDb, type TestDb } from '../_support/db';
import { seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const TZ = 'Asia/Shanghai';
const DAY = '2026-11-24';
const clock = manualClock(instantAt(DAY, '09:00', TZ));
let db: TestDb;
let hall: DemoHall;
let street: string;
const deps = () => testDeps(db.db, clock);
const actorOf = async (role: 'admin' | 'manager' | 'staff', hallIds: string[]): Promise<StaffActor> => {
  const [s] = await db.db.insert(staff).values({ username: `${role}-${hallIds.length}-${Math.random().toString(36).slice(2, 8)}`, displayName: role, role, hallIds, passwordHash: 'x' }).returning();
  return staffActor(s!);
};

const t = suite('city roll-up');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
  await loadHall(deps(), hall.hallId, [1, 2, 3], { waitingPerCounter: 2 });
  // A street centre under the district centre: one zone, one matter, a closed counter, 4 waiting since 08:40.
  const [demo] = await db.db.select().from(halls).where(eq(halls.id, hall.hallId));
  const [s] = await db.db
    .insert(halls)
    .values({ code: 'XH-JD1', name: '西湖街道便民服务中心', sessions: demo!.sessions, settings: demo!.settings, level: 'street_centre', parentHallId: hall.hallId })
    .returning();
  street = s!.id;
  const [z] = await db.db.insert(zones).values({ hallId: street, code: 'A', name: '综合区' }).returning();
  const [m] = await db.db
    .insert(matters)
    .values({ hallId: street, zoneId: z!.id, code: 'M1', name: '居住证办理', department: '公安', complexity: 'general', ticketPrefix: 'J', flags: {} as never })
    .returning();
  await db.db.insert(counters).values({ hallId: street, zoneId: z!.id, number: 1, name: '1号窗口', type: 'comprehensive' });
  await insertWaitingTickets(db.db, { hallId: street, zoneId: z!.id, matterId: m!.id, prefix: 'J' }, DAY, instantAt(DAY, '08:40', TZ), 4);
  // A service point with nothing today.
  await db.db.insert(halls).values({ code: 'XH-JD1-1', name: '社区服务站', sessions: demo!.sessions, settings: demo!.settings, level: 'service_point', parentHallId: street });
  clock.set(instantAt(DAY, '09:30', TZ));
});
t.after(async () => db.close());

t('an administrator sees every hall; the demo hall agrees with its snapshot and its today figures', async () => {
  const admin = await actorOf('admin', []);
  const view = await cityLive(deps(), admin);
  assert.equal(view.halls.map((h) => h.code), ['XH-JD1', 'XH-JD1-1', 'XH-ZX']);
  const demo = view.halls.find((h) => h.hallId === hall.hallId)!;
  const snap = await hallSnapshot(deps(), admin, hall.hallId);
  const today = await todayStats(deps(), admin, hall.hallId);
  const count = (status: string) => snap.tickets.filter((x) => x.status === status).length;
  assert.is(demo.serviceDate, serviceDate(clock.now(), TZ));
  assert.is(demo.waiting, count('waiting'));
  assert.is(demo.called, count('called'));
  assert.is(demo.serving, count('serving'));
  assert.is(demo.waiting, 6);
  assert.is(demo.called, 3);
  assert.is(demo.issued, today.totals.tickets);
  assert.equal(demo.wait, today.totals.wait);
  assert.is(demo.countersOpen, snap.counters.filter((c) => c.status === 'open').length);
  assert.is(demo.counters, snap.counters.length);
  assert.ok(demo.longestWaitMinutes !== null && demo.longestWaitMinutes >= 30, `longest ${demo.longestWaitMinutes}`);

  const jd = view.halls.find((h) => h.hallId === street)!;
  assert.equal(
    { level: jd.level, parent: jd.parentHallId, issued: jd.issued, waiting: jd.waiting, serving: jd.serving, open: jd.countersOpen, counters: jd.counters },
    { level: 'street_centre', parent: hall.hallId, issued: 4, waiting: 4, serving: 0, open: 0, counters: 1 },
  );
  // Waiting since 08:40:01 (the first) at 09:30: 49.98 minutes; all four past their 10-minute target.
  assert.is(jd.longestWaitMinutes, 50);
  assert.equal(jd.wait, { within: 0, measured: 4, share: 0 });

  const point = view.halls.find((h) => h.code === 'XH-JD1-1')!;
  assert.equal(
    { issued: point.issued, waiting: point.waiting, longest: point.longestWaitMinutes, wait: point.wait, counters: point.counters },
    { issued: 0, waiting: 0, longest: null, wait: { within: 0, measured: 0, share: null }, counters: 0 },
  );
});

t('a manager sees only their halls; staff may not read it', async () => {
  const manager = await actorOf('manager', [street]);
  assert.equal((await cityLive(deps(), manager)).halls.map((h) => h.hallId), [street]);
  const none = await actorOf('manager', []);
  assert.equal((await cityLive(deps(), none)).halls, []);
  const clerk = await actorOf('staff', [hall.hallId]);
  try {
    await cityLive(deps(), clerk);
    assert.unreachable('staff read the city roll-up');
  } catch (err) {
    assert.instance(err, AppError);
    assert.is((err as AppError).code, 'forbidden');
  }
});

t.run();
