/** Taking a counter while still holding another: a clear code with the counter to release, nothing changed. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { counters } from '../../db/schema';
import { toErrorBody } from '../../server/app/app-error';
import { actOnCounter } from '../../server/app/counter-actions';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const clock = manualClock('2026-11-23T01:30:00Z');
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock);

const t = suite('take a second counter');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('staff_at_other_counter names counter 4; after releasing it, counter 5 can be taken', async () => {
  const staff = await hall.staff('staff1');
  const c4 = await hall.counter(4);
  const c5 = await hall.counter(5);
  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: c4.id });
  let body: ReturnType<typeof toErrorBody> | null = null;
  try {
    await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: c5.id });
  } catch (err) {
    body = toErrorBody(err);
  }
  assert.ok(body, 'refused');
  assert.is(body!.code, 'staff_at_other_counter');
  assert.equal(body!.detail, { counterId: c4.id, counterNumber: 4 });
  const [still5] = await db.db.select().from(counters).where(eq(counters.id, c5.id));
  assert.is(still5!.status, 'closed', 'counter 5 untouched');

  await actOnCounter(deps(), staff, 'release', { commandId: cmd(), counterId: c4.id });
  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: c5.id });
  const [now5] = await db.db.select().from(counters).where(eq(counters.id, c5.id));
  assert.is(now5!.staffId, staff.id);
});

t.run();
