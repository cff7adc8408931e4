/** Appointment seats from the staffing plan: peak half hours of the forecast are capped for booking; the rest keep the default. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingCalendar } from '../../server/app/appointments/availability';
import { bookAppointment } from '../../server/app/appointments/book';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';
import { insertHistory, testVisitor } from '../_support/history';

const clock = manualClock('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai; booking for Tuesday 11-24
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock);
let people = 0;
const person = () => testVisitor(++people);

const t = suite('planned appointment seats');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('no history: every slot has the configured seats', async () => {
  const matter = (await hall.matter('不动产抵押登记')).id;
  const cal = await bookingCalendar(deps(), hall.hallId, matter);
  const tuesday = cal.days.find((d) => d.date === '2026-11-24')!;
  assert.ok(tuesday.slots.every((s) => s.capacity === 4));
});

t('a 不动产 10:00 peak on past Tuesdays caps that slot (booking refused when full); quiet slots keep 4 seats', async () => {
  const m = await hall.matter('不动产抵押登记');
  for (const date of ['2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17']) {
    for (const hhmm of ['09:30', '10:00', '10:30']) await insertHistory(db.db, m, date, hhmm, 12, { bookedEvery: 3 });
  }
  const cal = await bookingCalendar(deps(), hall.hallId, m.id);
  const tuesday = cal.days.find((d) => d.date === '2026-11-24')!;
  const at = (start: string) => tuesday.slots.find((s) => s.start === start)!;
  assert.ok(at('10:00').capacity < 4, `10:00 capacity ${at('10:00').capacity}`);
  assert.is(at('14:00').capacity, 4);

  const cap = at('10:00').capacity;
  for (let i = 0; i < cap; i++) await bookAppointment(deps(), null, hall.hallId, { commandId: cmd(), matterId: m.id, date: '2026-11-24', slotStart: '10:00', ...person() });
  let code = '';
  try {
    await bookAppointment(deps(), null, hall.hallId, { commandId: cmd(), matterId: m.id, date: '2026-11-24', slotStart: '10:00', ...person() });
  } catch (err) {
    code = (err as { code?: string }).code ?? '';
  }
  assert.is(code, 'slot_full');
  const ok = await bookAppointment(deps(), null, hall.hallId, { commandId: cmd(), matterId: m.id, date: '2026-11-24', slotStart: '14:00', ...person() });
  assert.ok(ok);
});

t.run();
