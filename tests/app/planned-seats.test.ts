/** Appointment seats from the staffing plan: peak half hours of the forecast are capped for booking; the rest keep the default. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { tickets } from '../../db/schema';
import { bookingCalendar } from '../../server/app/appointments/availability';
import { bookAppointment } from '../../server/app/appointments/book';
import { manualClock } from '../../server/domain/clock';
import { idNumberCheckChar } from '../../server/domain/identity-number';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const clock = manualClock('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai; booking for Tuesday 11-24
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock);
let people = 0;
function person() {
  people++;
  const first17 = `110105198003${String((people % 28) + 1).padStart(2, '0')}${String(people).padStart(3, '0')}`;
  return { idNumber: first17 + idNumberCheckChar(first17), phone: `1380000${String(people).padStart(4, '0')}` };
}

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
  let seq = 0;
  for (const date of ['2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17']) {
    for (const hhmm of ['09:30', '10:00', '10:30']) {
      const rows = Array.from({ length: 12 }, (_, i) => {
        const issued = new Date(new Date(`${date}T${hhmm}:00+08:00`).getTime() + i * 120_000);
        const booked = i % 3 === 0;
        seq++;
        return {
          hallId: hall.hallId, zoneId: m.zoneId, matterId: m.id, serviceDate: date, prefix: 'H', seqNo: seq, number: `H${seq}`, status: 'done' as const,
          source: (booked ? 'appointment' : 'kiosk') as 'appointment' | 'kiosk', issuedAt: issued, waitStartAt: issued, waitTargetMinutes: 10,
          slotStart: booked ? new Date(`${date}T${hhmm}:00+08:00`) : null, slotEnd: booked ? new Date(new Date(`${date}T${hhmm}:00+08:00`).getTime() + 1_800_000) : null,
          firstCalledAt: issued, calledAt: issued, startedAt: issued, finishedAt: new Date(issued.getTime() + 10 * 60_000), token: randomBytes(18).toString('base64url'),
        };
      });
      await db.db.insert(tickets).values(rows);
    }
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
