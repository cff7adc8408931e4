/**
 * Appointments through the use cases on the database: slots, the booking horizon on the
 * working-day calendar (docs/domain.md §6 vectors), limits keyed on identity number AND phone,
 * cancellation cut-off, no-shows and the ban, and check-in (on time, late, retried, refused).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { dayCounters, halls, matters, ticketEvents, tickets, zones } from '../../db/schema';
import { DEFAULT_HALL_SETTINGS } from '../../server/domain/wait-target';
import { appointments } from '../../db/schema-appointments';
import { bookableMatters, bookingCalendar } from '../../server/app/appointments/availability';
import { bookAppointment } from '../../server/app/appointments/book';
import { declareCalendarYear, setCalendarOverride } from '../../server/app/appointments/calendar';
import { checkInAppointment } from '../../server/app/appointments/check-in';
import { cancelByStaff, cancelByVisitor, listAppointments, lookupBooking } from '../../server/app/appointments/manage';
import { saveMatterBookingRule } from '../../server/app/appointments/matter-rules';
import { markNoShows } from '../../server/app/appointments/no-show-job';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { issueTicket } from '../../server/app/issue-ticket';
import { ticketView } from '../../server/app/loaders';
import { decryptField } from '../../server/app/pii';
import { manualClock } from '../../server/domain/clock';
import { idNumberCheckChar } from '../../server/protocol/identity-number';
import type { BookingCreate } from '../../server/protocol/appointments';
import { createTestDb, type TestDb } from '../_support/db';
import { codeOf, cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const clock = manualClock('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock);

let people = 0;
/** A fresh visitor: a valid identity number (born 1980) and a mobile number nobody else uses. */
function person() {
  people++;
  const first17 = `110105198001${String((people % 28) + 1).padStart(2, '0')}${String(people).padStart(3, '0')}`;
  return { idNumber: first17 + idNumberCheckChar(first17), phone: `1390000${String(people).padStart(4, '0')}` };
}

let general: string; // 企业设立登记
let complex: string; // 食品经营许可
function booking(who: { idNumber: string; phone: string }, date: string, slotStart = '09:00', matterId = general): BookingCreate {
  return { commandId: cmd(), matterId, date, slotStart, ...who };
}
const book = (b: BookingCreate) => bookAppointment(deps(), null, hall.hallId, b);

const setup = async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
  general = (await hall.matter('企业设立登记')).id;
  complex = (await hall.matter('食品经营许可')).id;
};

// ─────────────────────────────────────────────────────────────────────────────
const slots = suite('appointments: slots and the booking horizon');
slots.before(setup);
slots.after(() => db.drop());

slots('slots are laid from the hall’s sessions; the horizon is 1 to 5 working days ahead', async () => {
  clock.set('2026-11-23T02:00:00Z');
  const cal = await bookingCalendar(deps(), hall.hallId, general);
  assert.is(cal.today, '2026-11-23');
  assert.equal(cal.days.map((d) => d.date), ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30'], 'weekend skipped');
  const day = cal.days[0]!;
  assert.is(day.slots.length, 6 + 7, '09:00–12:00 and 13:30–17:00 in 30-minute slots');
  assert.equal([day.slots[0]!.start, day.slots[5]!.end, day.slots[6]!.start, day.slots[12]!.end], ['09:00', '12:00', '13:30', '17:00']);
  assert.is(day.slots[0]!.startAt, '2026-11-24T01:00:00.000Z');
  assert.is(day.slots[0]!.remaining, 4);
  assert.is(cal.calendarUnknownFrom, null);
  const matters = await bookableMatters(deps(), hall.hallId);
  assert.ok(matters.some((m) => m.id === general && m.slotMinutes === 30 && m.waitTargetMinutes === 10));
});

slots('per-matter slot length and capacity override the hall defaults; a matter can be closed to booking', async () => {
  const admin = await hall.staff('admin');
  await saveMatterBookingRule(deps(), admin, hall.hallId, complex, { slotMinutes: 60, slotCapacity: 2 });
  const cal = await bookingCalendar(deps(), hall.hallId, complex);
  assert.equal(cal.days[0]!.slots.map((s) => s.start), ['09:00', '10:00', '11:00', '13:30', '14:30', '15:30'], 'a 60-minute grid; no slot overruns a session');
  assert.is(cal.days[0]!.slots[0]!.capacity, 2);
  const consult = (await hall.matter('政务服务咨询')).id;
  await saveMatterBookingRule(deps(), admin, hall.hallId, consult, { bookable: false });
  assert.is(await codeOf(bookingCalendar(deps(), hall.hallId, consult)), 'booking_not_open');
  assert.not.ok((await bookableMatters(deps(), hall.hallId)).some((m) => m.id === consult));
  assert.is(await codeOf(book(booking(person(), '2026-11-24', '09:00', consult))), 'booking_not_open');
  assert.is(await codeOf(saveMatterBookingRule(deps(), await hall.staff('staff1'), hall.hallId, consult, { bookable: true })), 'forbidden');
});

slots('outside the horizon, off the grid, or not a working day → booking_not_open', async () => {
  clock.set('2026-11-23T02:00:00Z');
  const p = person();
  assert.is(await codeOf(book(booking(p, '2026-11-23', '15:00'))), 'booking_not_open', 'same day: from 1 day ahead');
  assert.is(await codeOf(book(booking(p, '2026-12-01'))), 'booking_not_open', '6th working day');
  assert.is(await codeOf(book(booking(p, '2026-11-28'))), 'booking_not_open', 'Saturday');
  assert.is(await codeOf(book(booking(p, '2026-11-24', '09:15'))), 'booking_not_open', 'not a slot start');
  assert.is(await codeOf(book(booking(p, '2026-11-24', '12:00'))), 'booking_not_open', 'lunch break');
  assert.is(await codeOf(book(booking(p, '2026-11-30'))), 'ok', '5th working day');
});

// ─────────────────────────────────────────────────────────────────────────────
const calendar = suite('appointments: working-day vectors (docs/domain.md §6) in the booking context');
calendar.before(setup);
calendar.after(() => db.drop());

calendar('on 2025-09-30 the first bookable day is 2025-10-09 (1 working day after); 2025-10-08 is a holiday', async () => {
  clock.set('2025-09-30T02:00:00Z');
  const cal = await bookingCalendar(deps(), hall.hallId, general);
  assert.is(cal.days[0]!.date, '2025-10-09');
  assert.equal(cal.days.map((d) => d.date), ['2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13', '2025-10-14']);
  assert.is(cal.days[2]!.note, '国庆节', '2025-10-11 is a make-up working day (Saturday)');
  assert.is(await codeOf(book(booking(person(), '2025-10-08'))), 'booking_not_open');
  assert.is(await codeOf(book(booking(person(), '2025-10-09'))), 'ok');
});

calendar('2025-01-26 (Sunday, 调休) can be booked; the Saturday before cannot', async () => {
  clock.set('2025-01-24T02:00:00Z');
  assert.is(await codeOf(book(booking(person(), '2025-01-26'))), 'ok');
  assert.is(await codeOf(book(booking(person(), '2025-01-25'))), 'booking_not_open');
});

calendar('2026-02-14 (Saturday, 调休) is a working day; 2026-10-07 is a holiday', async () => {
  clock.set('2026-02-13T02:00:00Z');
  assert.is(await codeOf(book(booking(person(), '2026-02-14'))), 'ok');
  clock.set('2026-09-30T02:00:00Z');
  assert.is(await codeOf(book(booking(person(), '2026-10-07'))), 'booking_not_open');
  const cal = await bookingCalendar(deps(), hall.hallId, general);
  assert.is(cal.days[0]!.date, '2026-10-08', '10-01…10-07 are holidays');
});

calendar('a year without data is refused loudly (calendar_year_unknown), never guessed, until an admin declares it', async () => {
  clock.set('2026-12-28T02:00:00Z');
  const cal = await bookingCalendar(deps(), hall.hallId, general);
  assert.equal(cal.days, [], 'from 12-25 on, 2026 dates depend on the 2027 notice');
  assert.is(cal.calendarUnknownFrom, '2026-12-29');
  assert.is(await codeOf(book(booking(person(), '2026-12-29'))), 'calendar_year_unknown');
  assert.is(await codeOf(book(booking(person(), '2027-01-04'))), 'calendar_year_unknown');

  const admin = await hall.staff('admin');
  await setCalendarOverride(deps(), admin, '2027-01-01', { working: false, note: '元旦' });
  assert.is(await codeOf(book(booking(person(), '2027-01-04'))), 'calendar_year_unknown', 'overrides alone do not make a year known');
  await declareCalendarYear(deps(), admin, 2027);
  const after = await bookingCalendar(deps(), hall.hallId, general);
  assert.is(after.calendarUnknownFrom, null);
  assert.equal(after.days.map((d) => d.date), ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04', '2027-01-05']);
  assert.is(await codeOf(book(booking(person(), '2027-01-04'))), 'ok');
  assert.is(await codeOf(declareCalendarYear(deps(), await hall.staff('manager'), 2028)), 'forbidden');
});

// ─────────────────────────────────────────────────────────────────────────────
const limits = suite('appointments: capacity, one per person per day, identity, cut-off');
limits.before(async () => {
  await setup();
  clock.set('2026-11-23T02:00:00Z');
});
limits.after(() => db.drop());

limits('identity number and phone are validated; stored sealed and hashed, shown masked', async () => {
  const p = { idNumber: '11010519491231002X', phone: '138 1234 1234' };
  assert.is(await codeOf(book(booking({ ...p, idNumber: '110105194912310021' }, '2026-11-24'))), 'validation_failed', 'check character');
  assert.is(await codeOf(book(booking({ ...p, idNumber: '110105194902300012' }, '2026-11-24'))), 'validation_failed', '02-30');
  assert.is(await codeOf(book(booking({ ...p, phone: '1381234123' }, '2026-11-24'))), 'validation_failed', 'phone');
  const r = await book(booking(p, '2026-11-24', '10:00'));
  assert.is(r.appointment.idMasked, '110105********002X');
  assert.is(r.appointment.phoneMasked, '138****1234');
  assert.match(r.appointment.code, /^[A-HJ-NP-Z2-9]{8}$/);
  assert.ok(r.qrSvg.startsWith('<svg'), 'a QR code as SVG');
  const [row] = await db.db.select().from(appointments).where(eq(appointments.id, r.appointment.id));
  const stored = JSON.stringify(row);
  assert.not.ok(stored.includes('11010519491231002X') || stored.includes('13812341234'), 'no plaintext personal data in the row');
  assert.is(decryptField(Buffer.alloc(32, 7), row!.visitorIdEnc), '11010519491231002X');
  assert.is(decryptField(Buffer.alloc(32, 7), row!.phoneEnc), '13812341234');
  assert.is(r.appointment.cancelUntil, '2026-11-24T00:00:00.000Z', '2 hours before 10:00');
  assert.is(r.appointment.checkInUntil, '2026-11-24T02:45:00.000Z', 'slot end + 15 minutes');
  const again = await lookupBooking(deps(), { code: r.appointment.code, idNumber: '11010519491231002x' });
  assert.is(again.appointment.id, r.appointment.id);
  assert.is(await codeOf(lookupBooking(deps(), { code: r.appointment.code, idNumber: '440524188001010014' })), 'not_found', 'the code alone is not enough');
});

limits('a repeated commandId books once', async () => {
  const b = booking(person(), '2026-11-25', '14:00');
  const first = await book(b);
  const second = await book(b);
  assert.is(second.appointment.id, first.appointment.id);
  const rows = await db.db.select().from(appointments).where(eq(appointments.id, first.appointment.id));
  assert.is(rows.length, 1);
});

limits('a slot takes at most its capacity, also under concurrent bookings', async () => {
  const admin = await hall.staff('admin');
  const matter = (await hall.matter('公章刻制备案')).id;
  await saveMatterBookingRule(deps(), admin, hall.hallId, matter, { slotCapacity: 2 });
  const results = await Promise.all(Array.from({ length: 6 }, () => codeOf(book(booking(person(), '2026-11-26', '09:30', matter)))));
  assert.equal(results.filter((r) => r === 'ok').length, 2);
  assert.equal(results.filter((r) => r === 'slot_full').length, 4);
  const cal = await bookingCalendar(deps(), hall.hallId, matter);
  assert.is(cal.days.find((d) => d.date === '2026-11-26')!.slots.find((s) => s.start === '09:30')!.remaining, 0);
});

limits('one booking per person per day, keyed on identity number AND phone', async () => {
  const p = person();
  const q = person();
  await book(booking(p, '2026-11-27', '09:00'));
  assert.is(await codeOf(book(booking(p, '2026-11-27', '15:00', complex))), 'booking_limit_reached', 'same identity, other matter');
  assert.is(await codeOf(book(booking({ idNumber: q.idNumber, phone: p.phone }, '2026-11-27', '15:00'))), 'booking_limit_reached', 'same phone');
  assert.is(await codeOf(book(booking({ idNumber: p.idNumber, phone: q.phone }, '2026-11-27', '15:00'))), 'booking_limit_reached', 'same identity, other phone');
  assert.is(await codeOf(book(booking(p, '2026-11-30', '09:00'))), 'ok', 'another day is fine');
  const r = person();
  const racing = await Promise.all(['09:00', '10:00', '11:00', '14:30'].map((s) => codeOf(book(booking(r, '2026-11-26', s)))));
  assert.equal(racing.filter((x) => x === 'ok').length, 1, 'concurrent bookings by one person: one wins');
});

limits('one booking per person per day across halls: the same identity number cannot book two halls on one day', async () => {
  const [other] = await db.db
    .insert(halls)
    .values({ code: 'XH-FZ', name: '徐汇区行政服务中心分中心', timeZone: 'Asia/Shanghai', sessions: [{ start: '09:00', end: '12:00' }], settings: DEFAULT_HALL_SETTINGS })
    .returning();
  const [zone] = await db.db.insert(zones).values({ hallId: other!.id, code: 'A', name: '综合区' }).returning();
  const [matter] = await db.db
    .insert(matters)
    .values({ hallId: other!.id, zoneId: zone!.id, code: 'FZ-01', name: '分中心综合事项', department: '综合窗口', complexity: 'general', ticketPrefix: 'F', flags: { zeroMaterial: false, fullyOnline: false, onTheSpot: false } })
    .returning();
  const p = person();
  await book(booking(p, '2026-11-25', '09:00'));
  const elsewhere = (who: { idNumber: string; phone: string }, date: string) =>
    codeOf(bookAppointment(deps(), null, other!.id, { commandId: cmd(), matterId: matter!.id, date, slotStart: '10:00', ...who }));
  assert.is(await elsewhere(p, '2026-11-25'), 'booking_limit_reached', 'same identity, other hall, same day');
  assert.is(await elsewhere({ idNumber: person().idNumber, phone: p.phone }, '2026-11-25'), 'booking_limit_reached', 'same phone, other hall');
  assert.is(await elsewhere(p, '2026-11-26'), 'ok', 'the other hall on another day is fine');
});

limits('the limit is configurable per hall (bookingsPerPersonPerDay)', async () => {
  const { updateHall } = await import('../../server/app/admin/halls');
  const admin = await hall.staff('admin');
  await updateHall(deps(), admin, hall.hallId, { settings: { bookingsPerPersonPerDay: 2 } });
  const p = person();
  assert.is(await codeOf(book(booking(p, '2026-11-30', '10:00'))), 'ok');
  assert.is(await codeOf(book(booking(p, '2026-11-30', '10:30', complex))), 'ok');
  assert.is(await codeOf(book(booking(p, '2026-11-30', '11:00'))), 'booking_limit_reached');
  await updateHall(deps(), admin, hall.hallId, { settings: { bookingsPerPersonPerDay: 1 } });
});

limits('cancel until 2 hours before the slot; the seat is freed; after the cut-off only a manager can cancel', async () => {
  const admin = await hall.staff('admin');
  const matter = (await hall.matter('发票申领')).id;
  await saveMatterBookingRule(deps(), admin, hall.hallId, matter, { slotCapacity: 1 });
  const p = person();
  const r = await book(booking(p, '2026-11-24', '13:30', matter));
  assert.is(await codeOf(book(booking(person(), '2026-11-24', '13:30', matter))), 'slot_full');
  assert.is(await codeOf(cancelByVisitor(deps(), { commandId: cmd(), code: r.appointment.code, idNumber: person().idNumber })), 'not_found');
  clock.set('2026-11-24T03:29:00Z'); // 11:29, 2 h 01 min before 13:30
  const cancelled = await cancelByVisitor(deps(), { commandId: cmd(), code: r.appointment.code, idNumber: p.idNumber });
  assert.is(cancelled.status, 'cancelled');
  assert.is(await codeOf(cancelByVisitor(deps(), { commandId: cmd(), code: r.appointment.code, idNumber: p.idNumber })), 'invalid_transition');
  const other = await book(booking(person(), '2026-11-25', '13:30', matter));
  clock.set('2026-11-23T02:00:00Z');
  const seat = await book(booking(person(), '2026-11-24', '13:30', matter));
  assert.is(seat.appointment.status, 'booked', 'the freed seat can be booked again');

  clock.set('2026-11-25T04:00:00Z'); // 12:00, 1 h 30 min before 13:30
  assert.is(await codeOf(cancelByVisitor(deps(), { commandId: cmd(), code: other.appointment.code, idNumber: person().idNumber })), 'not_found');
  const staff = await hall.staff('staff1');
  assert.is(await codeOf(cancelByStaff(deps(), staff, hall.hallId, other.appointment.id, { commandId: cmd() })), 'cancel_too_late');
  const manager = await hall.staff('manager');
  const byManager = await cancelByStaff(deps(), manager, hall.hallId, other.appointment.id, { commandId: cmd(), reason: '系统维护' });
  assert.is(byManager.status, 'cancelled');
  clock.set('2026-11-23T02:00:00Z');
});

limits('staff book on the visitor’s behalf; kiosks and displays cannot; the staff list is masked', async () => {
  const staff = await hall.staff('staff2');
  const p = person();
  const r = await bookAppointment(deps(), staff, hall.hallId, booking(p, '2026-11-26', '16:00'));
  assert.is(r.appointment.channel, 'staff');
  assert.is(await codeOf(bookAppointment(deps(), await hall.kiosk(), hall.hallId, booking(person(), '2026-11-26', '16:00'))), 'forbidden');
  const list = await listAppointments(deps(), staff, hall.hallId, '2026-11-26');
  const mine = list.find((a) => a.id === r.appointment.id)!;
  assert.ok(mine.idMasked.includes('********'));
  assert.not.ok(JSON.stringify(list).includes(p.idNumber));
  assert.is(await codeOf(listAppointments(deps(), await hall.display(), hall.hallId, '2026-11-26')), 'forbidden');
});

// ─────────────────────────────────────────────────────────────────────────────
const bans = suite('appointments: no-shows and the ban');
bans.before(setup);
bans.after(() => db.drop());

bans('unclaimed appointments become no-shows after slot end + grace, each exactly once with concurrent jobs', async () => {
  clock.set('2026-03-02T02:00:00Z'); // Monday
  const a = await book(booking(person(), '2026-03-03', '09:00'));
  const b = await book(booking(person(), '2026-03-03', '09:30'));
  clock.set('2026-03-03T01:44:00Z'); // 09:44: 09:00–09:30 + 15 not yet over
  assert.equal(await markNoShows(deps()), []);
  clock.set('2026-03-03T02:16:00Z'); // 10:16: both windows over
  const runs = await Promise.all([markNoShows(deps()), markNoShows(deps()), markNoShows(deps())]);
  const marked = runs.flat().sort();
  assert.equal(marked, [a.appointment.id, b.appointment.id].sort(), 'each marked by exactly one run');
  const [row] = await db.db.select().from(appointments).where(eq(appointments.id, a.appointment.id));
  assert.is(row!.status, 'no_show');
});

bans('2 no-shows within 30 days → booking refused for 90 days, by identity number or by phone', async () => {
  const p = person();
  clock.set('2026-03-02T02:00:00Z');
  await book(booking(p, '2026-03-04', '09:00'));
  clock.set('2026-03-05T02:00:00Z');
  await markNoShows(deps());
  assert.is(await codeOf(book(booking(p, '2026-03-09', '09:00'))), 'ok', 'one no-show: no ban');
  clock.set('2026-03-10T02:00:00Z');
  await markNoShows(deps());
  const q = person();
  assert.is(await codeOf(book(booking(p, '2026-03-11'))), 'booking_banned');
  assert.is(await codeOf(book(booking({ idNumber: q.idNumber, phone: p.phone }, '2026-03-11'))), 'booking_banned', 'same phone, other identity');
  assert.is(await codeOf(book(booking({ idNumber: p.idNumber, phone: q.phone }, '2026-03-11'))), 'booking_banned', 'same identity, other phone');
  assert.is(await codeOf(book(booking(q, '2026-03-11'))), 'ok', 'someone else');
  // The ban runs 90 days from the second no-show (2026-03-09 09:30 local).
  clock.set('2026-06-05T02:00:00Z');
  assert.is(await codeOf(book(booking(p, '2026-06-08'))), 'booking_banned', 'day 88');
  clock.set('2026-06-08T02:00:00Z');
  assert.is(await codeOf(book(booking(p, '2026-06-09'))), 'ok', 'after 90 days');
});

bans('no-shows further apart than the window do not ban', async () => {
  const p = person();
  clock.set('2026-04-01T02:00:00Z');
  await book(booking(p, '2026-04-02', '09:00'));
  clock.set('2026-04-03T02:00:00Z');
  await markNoShows(deps());
  clock.set('2026-05-06T02:00:00Z');
  await book(booking(p, '2026-05-07', '09:00'));
  clock.set('2026-05-08T02:00:00Z');
  await markNoShows(deps());
  assert.is(await codeOf(book(booking(p, '2026-05-11'))), 'ok', '35 days apart');
});

// ─────────────────────────────────────────────────────────────────────────────
const checkIn = suite('appointments: check-in');
checkIn.before(async () => {
  await setup();
  clock.set('2026-11-23T02:00:00Z');
});
checkIn.after(() => db.drop());

checkIn('on time by code: the ticket carries the slot, waits from slot start, and gets appointment precedence', async () => {
  const kiosk = await hall.kiosk();
  const p = person();
  const r = await book(booking(p, '2026-11-24', '10:00'));
  clock.set('2026-11-24T01:40:00Z'); // 09:40: 20 minutes early
  const walkIn = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: general });
  clock.set('2026-11-24T01:50:00Z'); // 09:50
  const commandId = cmd();
  const res = await checkInAppointment(deps(), kiosk, hall.hallId, { commandId, code: r.appointment.code.toLowerCase() as never });
  assert.is(res.walkIn, false);
  assert.ok(res.notice?.includes('10:00–10:30'), 'early: told when precedence starts');
  const t = res.issued.ticket;
  assert.is(t.source, 'appointment');
  assert.equal(t.appointmentSlot, { start: '2026-11-24T02:00:00.000Z', end: '2026-11-24T02:30:00.000Z' });
  assert.is(t.waitStartAt, '2026-11-24T02:00:00.000Z', 'waiting counts from slot start');
  assert.is(t.visitorIdMasked, null, 'a check-in by code answers with no personal data (issue #11 §7)');
  assert.is((await ticketView(db.db, t.id)).visitorIdMasked, '110105********' + p.idNumber.slice(-4), 'the ticket itself still carries the visitor');
  assert.is(res.appointment.status, 'checked_in');
  assert.is(res.appointment.ticketId, t.id);

  const retry = await checkInAppointment(deps(), kiosk, hall.hallId, { commandId, code: r.appointment.code });
  assert.is(retry.issued.ticket.id, t.id, 'a retried check-in returns the same ticket');
  assert.is(await codeOf(checkInAppointment(deps(), kiosk, hall.hallId, { commandId: cmd(), code: r.appointment.code })), 'conflict', 'a second check-in is refused');
  const count = await db.db.select().from(tickets).where(eq(tickets.appointmentId, r.appointment.id));
  assert.is(count.length, 1);

  // At 10:02 the counter calls: the appointment (in its slot) goes before the walk-in who came at 09:40.
  clock.set('2026-11-24T02:02:00Z');
  const staff = await hall.staff('staff1');
  const counter = await hall.counter(1);
  await actOnCounter(deps(), staff, 'take', { commandId: cmd(), counterId: counter.id });
  const called = await callNext(deps(), staff, { commandId: cmd(), counterId: counter.id });
  assert.is(called.ticket?.id, t.id);
  assert.is.not(called.ticket?.id, walkIn.ticket.id);
});

checkIn('by identity number', async () => {
  const kiosk = await hall.kiosk();
  const p = person();
  clock.set('2026-11-23T02:00:00Z');
  await book(booking(p, '2026-11-25', '14:00', complex));
  clock.set('2026-11-25T06:05:00Z'); // 14:05
  const res = await checkInAppointment(deps(), kiosk, hall.hallId, { commandId: cmd(), idNumber: p.idNumber });
  assert.is(res.walkIn, false);
  assert.is(res.notice, null);
  assert.is(res.issued.ticket.matterId, complex);
  assert.is(await codeOf(checkInAppointment(deps(), kiosk, hall.hallId, { commandId: cmd(), idNumber: person().idNumber })), 'not_found');
  assert.is(await codeOf(checkInAppointment(deps(), kiosk, hall.hallId, { commandId: cmd(), idNumber: '110105194912310021' })), 'validation_failed');
});

checkIn('later than slot end + grace: a walk-in ticket, the visitor is told, and it counts as a missed appointment', async () => {
  const kiosk = await hall.kiosk();
  const p = person();
  clock.set('2026-11-23T02:00:00Z');
  const r = await book(booking(p, '2026-11-26', '09:00'));
  clock.set('2026-11-26T01:46:00Z'); // 09:46
  const res = await checkInAppointment(deps(), kiosk, hall.hallId, { commandId: cmd(), code: r.appointment.code });
  assert.is(res.walkIn, true);
  assert.ok(res.notice?.includes('09:00–09:30') && res.notice.includes('15'), res.notice ?? '');
  assert.is(res.issued.ticket.source, 'kiosk');
  assert.is(res.issued.ticket.appointmentSlot, null, 'no appointment precedence');
  assert.is(res.issued.ticket.waitStartAt, '2026-11-26T01:46:00.000Z');
  assert.is(res.appointment.status, 'late');
});

checkIn('after the no-show job has run the visitor still gets a walk-in ticket', async () => {
  const kiosk = await hall.kiosk();
  clock.set('2026-11-23T02:00:00Z');
  const r = await book(booking(person(), '2026-11-27', '13:30'));
  clock.set('2026-11-27T07:00:00Z'); // 15:00
  assert.ok((await markNoShows(deps())).includes(r.appointment.id));
  const res = await checkInAppointment(deps(), kiosk, hall.hallId, { commandId: cmd(), code: r.appointment.code });
  assert.is(res.walkIn, true);
  assert.is(res.appointment.status, 'late');
});

/**
 * deps whose database fails the way a dropped connection or a killed process would:
 * `dropAfterFirstWrite` — the first UPDATE outside a transaction succeeds, every later write and
 * every transaction fails; `failInTx` — inside a transaction, appending the hall events fails
 * (after the ticket and the appointment were written), and `afterRollback` runs once the failed
 * transaction has rolled back, before the error reaches the caller.
 */
/** Whether a raw statement writes ticket_events (its SQL text chunks name the table). */
function appendsEvents(q: { queryChunks?: unknown[] }): boolean {
  return (q.queryChunks ?? []).some((c) => typeof c === 'object' && c !== null && 'value' in c && /INSERT INTO ticket_events/.test(String((c as { value: unknown }).value)));
}

function failingDeps(mode: { dropAfterFirstWrite?: true; failInTx?: true; afterRollback?: () => Promise<unknown> }) {
  const real = db.db;
  let updates = 0;
  const broken = () => {
    throw new Error('connection terminated');
  };
  const txProxy = (tx: object) =>
    new Proxy(tx, {
      get(t, p, rcv) {
        if (p === 'insert') return (table: unknown) => (table === ticketEvents ? broken() : (t as typeof real).insert(table as never));
        // The events are appended with the hall's seq in one statement (server/app/run-command.ts).
        if (p === 'execute') return (q: { queryChunks?: unknown[] }) => (appendsEvents(q) ? broken() : (t as typeof real).execute(q as never));
        // …as a statement built once and prepared on the transaction's session (server/app/prepared.ts).
        if (p === 'session') {
          return new Proxy((t as { session: object }).session, {
            get(s, sp, srcv) {
              const value = Reflect.get(s, sp, srcv);
              if (sp !== 'prepareQuery') return value;
              return (query: { sql: string }, ...rest: unknown[]) =>
                /INSERT INTO ticket_events/.test(query.sql) ? broken() : (value as (...a: unknown[]) => unknown).call(s, query, ...rest);
            },
          });
        }
        return Reflect.get(t, p, rcv);
      },
    });
  const flaky = new Proxy(real, {
    get(t, p, rcv) {
      if (mode.dropAfterFirstWrite) {
        if (p === 'update' && ++updates > 1) return broken;
        if (p === 'transaction') return () => Promise.reject(new Error('connection terminated'));
      }
      if (mode.failInTx && p === 'transaction') {
        return async (fn: (tx: unknown) => Promise<unknown>) => {
          try {
            return await t.transaction((tx) => fn(txProxy(tx)) as never);
          } catch (err) {
            await mode.afterRollback?.();
            throw err;
          }
        };
      }
      return Reflect.get(t, p, rcv);
    },
  });
  return { ...deps(), db: flaky as typeof real };
}

async function appointmentRow(id: string) {
  const [row] = await db.db.select().from(appointments).where(eq(appointments.id, id));
  return row!;
}

checkIn('a check-in that dies after its first write leaves the appointment booked with no ticket; a retry succeeds', async () => {
  const kiosk = await hall.kiosk();
  clock.set('2026-11-23T02:00:00Z');
  const r = await book(booking(person(), '2026-11-30', '09:00'));
  clock.set('2026-11-30T00:55:00Z'); // 08:55, before the slot
  const commandId = cmd();
  const first = await codeOf(checkInAppointment(failingDeps({ dropAfterFirstWrite: true }), kiosk, hall.hallId, { commandId, code: r.appointment.code }));
  assert.is.not(first, 'ok');
  let row = await appointmentRow(r.appointment.id);
  assert.equal({ status: row.status, ticketId: row.ticketId, cmd: row.checkInCommandId }, { status: 'booked', ticketId: null, cmd: null }, 'nothing was claimed');
  assert.is((await db.db.select().from(tickets).where(eq(tickets.appointmentId, r.appointment.id))).length, 0);

  const retry = await checkInAppointment(deps(), kiosk, hall.hallId, { commandId, code: r.appointment.code });
  assert.is(retry.walkIn, false);
  assert.is(retry.issued.ticket.source, 'appointment');
  row = await appointmentRow(r.appointment.id);
  assert.equal({ status: row.status, ticketId: row.ticketId }, { status: 'checked_in', ticketId: retry.issued.ticket.id });
});

checkIn('a failure inside the issuing transaction rolls back ticket, number and claim; a same-commandId retry racing it wins cleanly', async () => {
  const kiosk = await hall.kiosk();
  clock.set('2026-11-27T02:00:00Z');
  const r = await book(booking(person(), '2026-12-01', '09:00'));
  clock.set('2026-12-01T01:05:00Z'); // 09:05, in the slot
  const counterBefore = await db.db.select().from(dayCounters);
  const commandId = cmd();
  let retried: Awaited<ReturnType<typeof checkInAppointment>> | undefined;
  const first = await codeOf(
    checkInAppointment(
      failingDeps({
        failInTx: true,
        // The kiosk retries the same check-in while the first attempt is failing.
        afterRollback: async () => (retried = await checkInAppointment(deps(), kiosk, hall.hallId, { commandId, code: r.appointment.code })),
      }),
      kiosk,
      hall.hallId,
      { commandId, code: r.appointment.code },
    ),
  );
  assert.is.not(first, 'ok');
  assert.ok(retried, 'the retry ran');
  const row = await appointmentRow(r.appointment.id);
  const issued = await db.db.select().from(tickets).where(eq(tickets.appointmentId, r.appointment.id));
  assert.is(issued.length, 1, 'exactly one ticket');
  assert.equal(
    { status: row.status, ticketId: row.ticketId, cmd: row.checkInCommandId },
    { status: 'checked_in', ticketId: issued[0]!.id, cmd: commandId },
    'the appointment holds the one ticket that exists',
  );
  assert.is(retried!.issued.ticket.id, issued[0]!.id);
  assert.is(issued[0]!.seqNo, (counterBefore.find((c) => c.prefix === issued[0]!.prefix && c.serviceDate === issued[0]!.serviceDate)?.lastValue ?? 0) + 1, 'the failed attempt used no number');
  const replay = await checkInAppointment(deps(), kiosk, hall.hallId, { commandId, code: r.appointment.code });
  assert.is(replay.issued.ticket.id, issued[0]!.id, 'a later replay returns the first result');
  assert.is(replay.appointment.status, 'checked_in');
});

checkIn('on time although the no-show job has just marked it (both at slot end + grace): checked in with precedence, not refused', async () => {
  const kiosk = await hall.kiosk();
  clock.set('2026-11-27T02:00:00Z');
  const r = await book(booking(person(), '2026-12-02', '09:00'));
  clock.set('2026-12-02T01:45:00Z'); // 09:45 = 09:30 + 15: the last on-time instant, and the job's first
  assert.ok((await markNoShows(deps())).includes(r.appointment.id));
  const res = await checkInAppointment(deps(), kiosk, hall.hallId, { commandId: cmd(), code: r.appointment.code });
  assert.is(res.walkIn, false);
  assert.is(res.notice, null);
  assert.is(res.issued.ticket.source, 'appointment');
  assert.ok(res.issued.ticket.appointmentSlot, 'appointment precedence');
  assert.is(res.appointment.status, 'checked_in');
  assert.is((await appointmentRow(r.appointment.id)).noShowAt, null, 'no longer recorded as a no-show');
});

checkIn('refused: another day, cancelled, unknown code, a display device', async () => {
  const kiosk = await hall.kiosk();
  clock.set('2026-11-23T02:00:00Z');
  const p = person();
  const tomorrow = await book(booking(p, '2026-11-24', '16:00'));
  assert.is(await codeOf(checkInAppointment(deps(), kiosk, hall.hallId, { commandId: cmd(), code: tomorrow.appointment.code })), 'appointment_not_today');
  const q = person();
  const gone = await book(booking(q, '2026-11-24', '16:30'));
  await cancelByVisitor(deps(), { commandId: cmd(), code: gone.appointment.code, idNumber: q.idNumber });
  clock.set('2026-11-24T08:35:00Z');
  assert.is(await codeOf(checkInAppointment(deps(), kiosk, hall.hallId, { commandId: cmd(), code: gone.appointment.code })), 'invalid_transition');
  assert.is(await codeOf(checkInAppointment(deps(), kiosk, hall.hallId, { commandId: cmd(), code: 'ABCDEFGH' })), 'not_found');
  assert.is(await codeOf(checkInAppointment(deps(), await hall.display(), hall.hallId, { commandId: cmd(), code: tomorrow.appointment.code })), 'forbidden');
});

slots.run();
calendar.run();
limits.run();
bans.run();
checkIn.run();
