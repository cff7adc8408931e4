/** Appointments over HTTP on a real server: public booking, staff booking and list, kiosk check-in. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { manualClock } from '../../server/domain/clock';
import { DEMO_DEVICES } from '../../server/seed/demo-hall-data';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd } from '../_support/fixtures';
import { api, loginAs, phoneCodeFor, startTestServer } from '../_support/server';

const clock = manualClock('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai
const KIOSK = DEMO_DEVICES.find((d) => d.kind === 'kiosk')!.token;
const DISPLAY = DEMO_DEVICES.find((d) => d.kind === 'display')!.token;
let db: TestDb;
let server: RunningServer;
let base: string;
let hallId: string;
let matterId: string;

const t = suite('appointments over HTTP');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db, clock);
  base = server.url;
});
t.after(async () => {
  await server.close();
  await db.drop();
});

t('public, without sign-in: halls, bookable matters, open slots', async () => {
  const halls = await api(base, 'GET', '/api/booking/halls');
  assert.is(halls.status, 200);
  hallId = halls.json.data[0].id;
  assert.is(halls.json.data[0].rules.maxWorkingDaysAhead, 5);
  const matters = await api(base, 'GET', `/api/booking/halls/${hallId}/matters`);
  matterId = matters.json.data.find((m: { name: string }) => m.name === '企业设立登记').id;
  const slots = await api(base, 'GET', `/api/booking/halls/${hallId}/matters/${matterId}/slots`);
  assert.is(slots.status, 200);
  assert.is(slots.json.data.days[0].date, '2026-11-24');
  assert.is(slots.json.data.days[0].slots[0].start, '09:00');
  assert.is((await api(base, 'GET', `/api/booking/halls/not-a-uuid/matters`)).status, 404);
});

t('book online: 201 with a code and an SVG QR; bad identity number → 400 with the field; a 2027 date → 422 calendar_year_unknown', async () => {
  const noCode = { commandId: cmd(), matterId, date: '2026-11-24', slotStart: '10:00', idNumber: '11010519491231002X', phone: '13812341234' };
  const unproven = await api(base, 'POST', `/api/booking/halls/${hallId}/appointments`, noCode);
  assert.is(unproven.status, 400, 'the public page books only with the code sent to the phone');
  assert.ok(unproven.json.error.fields.phoneCode);
  const body = { ...noCode, phoneCode: await phoneCodeFor(server, '13812341234') };
  const bad = await api(base, 'POST', `/api/booking/halls/${hallId}/appointments`, { ...body, idNumber: '110105194912310021' });
  assert.is(bad.status, 400);
  assert.is(bad.json.error.code, 'validation_failed');
  assert.ok(bad.json.error.fields.idNumber);
  const extra = await api(base, 'POST', `/api/booking/halls/${hallId}/appointments`, { ...body, name: '张三' });
  assert.is(extra.status, 400, 'unknown fields are refused');
  const future = await api(base, 'POST', `/api/booking/halls/${hallId}/appointments`, { ...body, commandId: cmd(), date: '2027-01-05' });
  assert.is(future.status, 422);
  assert.is(future.json.error.code, 'calendar_year_unknown');

  const ok = await api(base, 'POST', `/api/booking/halls/${hallId}/appointments`, body);
  assert.is(ok.status, 201);
  const a = ok.json.data.appointment;
  assert.match(a.code, /^[A-HJ-NP-Z2-9]{8}$/);
  assert.is(a.idMasked, '110105********002X');
  assert.is(a.phoneMasked, '138****1234');
  assert.ok(ok.json.data.qrSvg.startsWith('<svg'));
  assert.not.ok(JSON.stringify(ok.json).includes('11010519491231002X'));
  const again = await api(base, 'POST', `/api/booking/halls/${hallId}/appointments`, { ...body, commandId: cmd() });
  assert.is(again.status, 409);
  assert.is(again.json.error.code, 'booking_limit_reached');

  const look = await api(base, 'POST', '/api/booking/appointments/lookup', { code: a.code.toLowerCase(), idNumber: '11010519491231002X' });
  assert.is(look.status, 200);
  assert.is(look.json.data.appointment.id, a.id);
  const wrong = await api(base, 'POST', '/api/booking/appointments/lookup', { code: a.code, idNumber: '44052419500101001X' });
  assert.is(wrong.status, 404);
});

t('staff book on the visitor’s behalf and list the day (masked); a kiosk token cannot', async () => {
  const token = await loginAs(base, 'staff1');
  const body = { commandId: cmd(), matterId, date: '2026-11-24', slotStart: '10:30', idNumber: '44052419500101001X', phone: '13900001111' };
  const r = await api(base, 'POST', `/api/halls/${hallId}/appointments`, body, token);
  assert.is(r.status, 201);
  assert.is(r.json.data.appointment.channel, 'staff');
  assert.is((await api(base, 'POST', `/api/halls/${hallId}/appointments`, { ...body, commandId: cmd() }, KIOSK)).status, 403);
  assert.is((await api(base, 'POST', `/api/halls/${hallId}/appointments`, { ...body, commandId: cmd() })).status, 401);
  const list = await api(base, 'GET', `/api/halls/${hallId}/appointments?date=2026-11-24`, undefined, token);
  assert.is(list.status, 200);
  assert.is(list.json.data.length, 2);
  assert.not.ok(JSON.stringify(list.json).includes('44052419500101001X'));
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/appointments?date=tomorrow`, undefined, token)).status, 400);
});

t('kiosk check-in by code and by identity number issues a ticket carrying the slot; retry is idempotent', async () => {
  const list = await api(base, 'GET', `/api/halls/${hallId}/appointments?date=2026-11-24`, undefined, await loginAs(base, 'manager'));
  const first = list.json.data.find((a: { slotLabel: string }) => a.slotLabel === '10:00–10:30');
  clock.set('2026-11-24T01:55:00Z'); // 09:55
  assert.is((await api(base, 'POST', `/api/halls/${hallId}/appointments/check-in`, { commandId: cmd(), code: first.code })).status, 401);
  assert.is((await api(base, 'POST', `/api/halls/${hallId}/appointments/check-in`, { commandId: cmd(), code: first.code }, DISPLAY)).status, 403);
  const both = await api(base, 'POST', `/api/halls/${hallId}/appointments/check-in`, { commandId: cmd(), code: first.code, idNumber: '11010519491231002X' }, KIOSK);
  assert.is(both.status, 400, 'code or identity number, not both');

  const commandId = cmd();
  const r = await api(base, 'POST', `/api/halls/${hallId}/appointments/check-in`, { commandId, code: first.code.toLowerCase() }, KIOSK);
  assert.is(r.status, 201);
  const d = r.json.data;
  assert.is(d.walkIn, false);
  assert.is(d.issued.ticket.source, 'appointment');
  assert.equal(d.issued.ticket.appointmentSlot, { start: '2026-11-24T02:00:00.000Z', end: '2026-11-24T02:30:00.000Z' });
  assert.is(d.appointment.status, 'checked_in');
  assert.ok(d.notice, 'early: told when precedence starts');
  const retry = await api(base, 'POST', `/api/halls/${hallId}/appointments/check-in`, { commandId, code: first.code }, KIOSK);
  assert.is(retry.json.data.issued.ticket.id, d.issued.ticket.id);
  const twice = await api(base, 'POST', `/api/halls/${hallId}/appointments/check-in`, { commandId: cmd(), code: first.code }, KIOSK);
  assert.is(twice.status, 409);

  clock.set('2026-11-24T02:50:00Z'); // 10:50: 10:30–11:00 slot, on time
  const byId = await api(base, 'POST', `/api/halls/${hallId}/appointments/check-in`, { commandId: cmd(), idNumber: '44052419500101001X' }, KIOSK);
  assert.is(byId.status, 201);
  assert.is(byId.json.data.walkIn, false);
  assert.is(byId.json.data.issued.ticket.priority, 1, 'born 1950: green channel by age');
  const none = await api(base, 'POST', `/api/halls/${hallId}/appointments/check-in`, { commandId: cmd(), idNumber: '11010519491231002X' }, KIOSK);
  assert.is(none.status, 409, 'already checked in');
});

t('admin calendar: overrides and a declared year open 2027 for booking; others may only read', async () => {
  clock.set('2026-12-28T02:00:00Z');
  const admin = await loginAs(base, 'admin');
  const staff = await loginAs(base, 'staff2');
  const body = { commandId: cmd(), matterId, date: '2027-01-04', slotStart: '09:00', idNumber: '11010519491231002X', phone: '13812341234', phoneCode: await phoneCodeFor(server, '13812341234') };
  assert.is((await api(base, 'POST', `/api/booking/halls/${hallId}/appointments`, body)).json.error.code, 'calendar_year_unknown');
  const slots = await api(base, 'GET', `/api/booking/halls/${hallId}/matters/${matterId}/slots`);
  assert.is(slots.json.data.calendarUnknownFrom, '2026-12-29');
  assert.is((await api(base, 'PUT', '/api/calendar/overrides/2027-01-01', { working: false, note: '元旦' }, staff)).status, 403);
  assert.is((await api(base, 'PUT', '/api/calendar/overrides/2027-02-30', { working: false }, admin)).status, 400);
  const put = await api(base, 'PUT', '/api/calendar/overrides/2027-01-01', { working: false, note: '元旦' }, admin);
  assert.is(put.status, 200);
  assert.equal(put.json.data.pendingYears, [2027], 'entered but not yet declared');
  const declared = await api(base, 'POST', '/api/calendar/years/2027/declare', undefined, admin);
  assert.ok(declared.json.data.coveredYears.includes(2027));
  assert.is((await api(base, 'GET', '/api/calendar', undefined, staff)).status, 200);
  const booked = await api(base, 'POST', `/api/booking/halls/${hallId}/appointments`, { ...body, commandId: cmd() });
  assert.is(booked.status, 201);
  clock.set('2026-11-24T02:50:00Z');
});

t('the booking page is a UI app served at /booking/', async () => {
  const { UI_APPS } = await import('../../server/static-ui');
  assert.ok(UI_APPS.some((u) => u.path === 'booking'));
  const res = await fetch(`${base}/booking?hall=x`, { redirect: 'manual' });
  assert.is(res.status, 302);
  assert.is(res.headers.get('location'), '/booking/?hall=x');
  const landing = await (await fetch(`${base}/`)).text();
  assert.match(landing, '/booking/');
});

t('public endpoints are rate-limited per client address', async () => {
  let last = 0;
  for (let i = 0; i < 70 && last !== 429; i++) {
    last = (await api(base, 'POST', '/api/booking/appointments/lookup', { code: 'ABCDEFGH', idNumber: '11010519491231002X' })).status;
  }
  assert.is(last, 429);
});

t.run();
