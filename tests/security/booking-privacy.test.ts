/**
 * Anonymous booking cannot be replayed by someone else, a booking-code look-up does not tell
 * whether a code exists, and a kiosk check-in by code alone answers with no personal data
 * (issue #11 §7).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bookAppointment } from '../../server/app/appointments/book';
import { checkInAppointment } from '../../server/app/appointments/check-in';
import { cancelByVisitor, lookupBooking } from '../../server/app/appointments/manage';
import { manualClock } from '../../server/domain/clock';
import { idNumberCheckChar } from '../../server/protocol/identity-number';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const clock = manualClock('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai
let db: TestDb;
let hall: DemoHall;
let matterId = '';
const deps = () => testDeps(db.db, clock);
const person = (n: number) => {
  const first17 = `1101051980010${n}${String(100 + n)}`;
  return { idNumber: first17 + idNumberCheckChar(first17), phone: `1390000${String(1000 + n)}` };
};

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
    return { code: 'ok', message: '' };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { code: e.code ?? String(err), message: e.message ?? '' };
  }
}

const t = suite('booking privacy');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
  matterId = (await hall.matter('企业设立登记')).id;
});
t.after(() => db.drop());

t('a commandId reused by a second visitor is a conflict, never the first visitor’s booking; the first visitor’s retry replays', async () => {
  const commandId = cmd();
  const a = person(1);
  const b = person(2);
  const first = await bookAppointment(deps(), null, hall.hallId, { commandId, matterId, date: '2026-11-24', slotStart: '09:00', ...a });
  const stolen = await errorOf(bookAppointment(deps(), null, hall.hallId, { commandId, matterId, date: '2026-11-24', slotStart: '09:00', ...b }));
  assert.is(stolen.code, 'conflict');
  assert.not.ok(stolen.message.includes(first.appointment.code));
  const sameSlotOtherPhone = await errorOf(bookAppointment(deps(), null, hall.hallId, { commandId, matterId, date: '2026-11-24', slotStart: '09:00', ...a, phone: b.phone }));
  assert.is(sameSlotOtherPhone.code, 'conflict', 'knowing the identity number is not enough either');
  const retry = await bookAppointment(deps(), null, hall.hallId, { commandId, matterId, date: '2026-11-24', slotStart: '09:00', ...a });
  assert.is(retry.appointment.code, first.appointment.code);
  assert.is(retry.appointment.id, first.appointment.id);
});

t('a visitor’s cancel commandId cannot be replayed by another visitor', async () => {
  const a = person(3);
  const b = person(4);
  const ra = await bookAppointment(deps(), null, hall.hallId, { commandId: cmd(), matterId, date: '2026-11-25', slotStart: '09:00', ...a });
  const rb = await bookAppointment(deps(), null, hall.hallId, { commandId: cmd(), matterId, date: '2026-11-25', slotStart: '09:30', ...b });
  const commandId = cmd();
  const cancelled = await cancelByVisitor(deps(), { commandId, code: ra.appointment.code, idNumber: a.idNumber });
  assert.is(cancelled.status, 'cancelled');
  const replay = await errorOf(cancelByVisitor(deps(), { commandId, code: rb.appointment.code, idNumber: b.idNumber }));
  assert.is(replay.code, 'conflict', 'B gets neither A’s appointment view nor a cancellation');
  const look = await lookupBooking(deps(), { code: rb.appointment.code, idNumber: b.idNumber });
  assert.is(look.appointment.status, 'booked');
});

t('look-ups: unknown code, wrong identity number and a malformed one answer exactly alike', async () => {
  const a = person(5);
  const r = await bookAppointment(deps(), null, hall.hallId, { commandId: cmd(), matterId, date: '2026-11-26', slotStart: '09:00', ...a });
  const unknownCode = await errorOf(lookupBooking(deps(), { code: 'ABCDEFGH', idNumber: a.idNumber }));
  const wrongId = await errorOf(lookupBooking(deps(), { code: r.appointment.code, idNumber: person(6).idNumber }));
  const malformedKnown = await errorOf(lookupBooking(deps(), { code: r.appointment.code, idNumber: '110105194912310021' }));
  const malformedUnknown = await errorOf(lookupBooking(deps(), { code: 'ABCDEFGH', idNumber: 'not-an-id' }));
  for (const e of [unknownCode, wrongId, malformedKnown, malformedUnknown]) assert.equal(e, unknownCode);
  assert.is(unknownCode.code, 'not_found');
  const cancelUnknown = await errorOf(cancelByVisitor(deps(), { commandId: cmd(), code: 'ABCDEFGH', idNumber: a.idNumber }));
  const cancelMalformed = await errorOf(cancelByVisitor(deps(), { commandId: cmd(), code: r.appointment.code, idNumber: '110105194912310021' }));
  assert.equal(cancelMalformed, cancelUnknown);
});

t('kiosk check-in by code alone returns no personal data, not even masked', async () => {
  const a = person(7);
  const r = await bookAppointment(deps(), null, hall.hallId, { commandId: cmd(), matterId, date: '2026-11-24', slotStart: '10:00', ...a });
  clock.set('2026-11-24T01:55:00Z'); // 09:55 on the day
  const result = await checkInAppointment(deps(), await hall.kiosk(), hall.hallId, { commandId: cmd(), code: r.appointment.code });
  const text = JSON.stringify(result);
  assert.is(result.appointment.code, r.appointment.code);
  assert.not.ok('idMasked' in result.appointment);
  assert.not.ok('phoneMasked' in result.appointment);
  assert.is(result.issued.ticket.visitorIdMasked, null);
  for (const leak of [a.idNumber, a.phone, a.idNumber.slice(0, 6) + '*', '****']) assert.not.ok(text.includes(leak), leak);
  clock.set('2026-11-23T02:00:00Z');
});

t.run();
