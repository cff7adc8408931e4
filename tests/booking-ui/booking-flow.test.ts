/** The booking page's flow store in Node, with a fake API: steps, local checks, retries, manage. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { BookBody, BookingApi } from '../../booking-ui/src/stores/booking-api';
import { canGoBack, createBookingFlow } from '../../booking-ui/src/stores/booking-flow';
import type { AppointmentView, BookingCalendarView, BookingReceipt } from '../../server/protocol/appointments';
import type { Ack } from '../../server/protocol/errors';
import { createStore } from '../../ui-shared/src/store';

const hall = {
  id: 'h1',
  name: '徐汇区行政服务中心',
  timeZone: 'Asia/Shanghai',
  sessions: [{ start: '09:00', end: '12:00' }],
  rules: { minDaysAhead: 1, maxWorkingDaysAhead: 5, perPersonPerDay: 1, cancelCutoffMinutes: 120, graceMinutes: 15, noShowBanThreshold: 2, noShowWindowDays: 30, noShowBanDays: 90 },
};
const matter = { id: 'm1', name: '企业设立登记', zoneId: 'z', zoneName: '法人服务区', department: '区市场监督管理局', complexity: 'general' as const, waitTargetMinutes: 10, slotMinutes: 30, materials: [] };
const slot = (start: string, remaining: number) => ({ start, end: start.replace(':00', ':30'), startAt: '', endAt: '', capacity: 4, remaining });
function calendar(remaining0900 = 0): BookingCalendarView {
  return {
    hallId: 'h1',
    matterId: 'm1',
    today: '2026-11-23',
    calendarUnknownFrom: null,
    days: [
      { date: '2026-11-24', note: null, slots: [slot('09:00', 0)] },
      { date: '2026-11-25', note: null, slots: [slot('09:00', remaining0900), slot('10:00', 2)] },
    ],
  };
}
const appointment: AppointmentView = {
  id: 'a1', hallId: 'h1', hallName: hall.name, timeZone: 'Asia/Shanghai', matterId: 'm1', matterName: matter.name, date: '2026-11-25',
  slotStart: '', slotEnd: '', slotLabel: '10:00–10:30', status: 'booked', code: 'ABCD2345', channel: 'online', idMasked: '110105********002X',
  phoneMasked: '138****1234', createdAt: '', cancelUntil: '', checkInUntil: '', checkedInAt: null, ticketId: null,
};
const receipt: BookingReceipt = { appointment, qrSvg: '<svg/>' };

function fakeApi() {
  const calls: { name: string; body?: unknown }[] = [];
  const answers: Partial<Record<keyof BookingApi, Ack<unknown>[]>> = {};
  const answer = <T>(name: keyof BookingApi, fallback: T): Promise<Ack<T>> => Promise.resolve((answers[name]?.shift() as Ack<T>) ?? { ok: true, data: fallback });
  const api: BookingApi = {
    halls: () => (calls.push({ name: 'halls' }), answer('halls', [hall])),
    matters: () => (calls.push({ name: 'matters' }), answer('matters', [matter])),
    slots: () => (calls.push({ name: 'slots' }), answer('slots', calendar())),
    requestCode: (body) => (calls.push({ name: 'requestCode', body }), answer('requestCode', { sentTo: '138****1234', expiresAt: '', resendAfterSeconds: 60 })),
    book: (_h, body: BookBody) => (calls.push({ name: 'book', body }), answer('book', receipt)),
    lookup: (body) => (calls.push({ name: 'lookup', body }), answer('lookup', receipt)),
    cancel: (body) => (calls.push({ name: 'cancel', body }), answer('cancel', { ...appointment, status: 'cancelled' as const })),
  };
  return { api, calls, answers };
}

let ids = 0;
function setup() {
  const fake = fakeApi();
  let now = 1_000_000;
  const flow = createBookingFlow({ api: fake.api, lang: createStore<'zh-CN' | 'en'>('zh-CN'), today: () => '2026-11-23', newId: () => `cmd-${++ids}`, now: () => now });
  return { ...fake, flow, s: () => flow.state.get(), advance: (ms: number) => (now += ms) };
}

const f = suite('booking flow');

f('one hall: straight to the matters; a matter opens its slots on the first day with seats left', async () => {
  const { flow, s } = setup();
  await flow.start();
  assert.is(s().step, 'matter');
  assert.is(s().hall?.id, 'h1');
  await flow.chooseMatter('m1');
  assert.is(s().step, 'slot');
  assert.is(s().date, '2026-11-25');
  flow.chooseSlot('09:00');
  assert.is(s().step, 'slot', 'a full slot cannot be chosen');
  flow.chooseSlot('10:00');
  assert.is(s().step, 'details');
  flow.back();
  assert.is(s().step, 'slot');
  flow.back();
  assert.is(s().step, 'matter');
  // The first step (one hall: the matters) has no "上一步": nothing before it.
  assert.not.ok(canGoBack(s()));
  flow.back();
  assert.is(s().step, 'matter');
  assert.ok(canGoBack({ step: 'matter', halls: [s().hall!, { ...s().hall!, id: 'h2' }] }), 'with two halls the hall choice is before it');
  assert.not.ok(canGoBack({ step: 'hall', halls: [] }));
});

f('identity number and phone are checked locally first: nothing is sent until both are valid', async () => {
  const { flow, s, calls } = setup();
  await flow.start();
  await flow.chooseMatter('m1');
  flow.chooseSlot('10:00');
  flow.setIdNumber('110105194912310021');
  flow.setPhone('1381234');
  await flow.submit();
  assert.ok(s().fieldErrors.idNumber && s().fieldErrors.phone);
  assert.not.ok(calls.some((c) => c.name === 'book'));
  flow.setIdNumber('11010519491231002X');
  flow.setPhone('138 1234 1234');
  await flow.submit();
  assert.is(s().step, 'details', 'no code yet');
  assert.ok(s().fieldErrors.phoneCode);
  assert.not.ok(calls.some((c) => c.name === 'book'));
  await flow.requestCode();
  assert.equal(calls.find((c) => c.name === 'requestCode')!.body, { phone: '138 1234 1234', language: 'zh-CN' });
  assert.is(s().codeSentTo, '138****1234');
  flow.setPhoneCode(' 12a3456 ');
  assert.is(s().phoneCode, '123456', 'digits only');
  await flow.submit();
  assert.is(s().step, 'done');
  assert.is(s().phoneCode, '');
  assert.is(s().receipt?.appointment.code, 'ABCD2345');
  assert.is(s().idNumber, '', 'personal data is not kept on the page after booking');
  const body = calls.find((c) => c.name === 'book')!.body as BookBody;
  assert.equal({ ...body, commandId: 'x' }, { commandId: 'x', matterId: 'm1', date: '2026-11-25', slotStart: '10:00', idNumber: '11010519491231002X', phone: '138 1234 1234', phoneCode: '123456', language: 'zh-CN' });
});

f('the code: one request a minute, a new phone needs a new code, a wrong code shows on its field', async () => {
  const { flow, s, calls, answers, advance } = setup();
  await flow.start();
  await flow.chooseMatter('m1');
  flow.chooseSlot('10:00');
  flow.setPhone('123');
  await flow.requestCode();
  assert.ok(s().fieldErrors.phone, 'checked locally first');
  assert.not.ok(calls.some((c) => c.name === 'requestCode'));
  flow.setPhone('13812341234');
  await flow.requestCode();
  await flow.requestCode();
  assert.is(calls.filter((c) => c.name === 'requestCode').length, 1, 'not again within the minute');
  advance(60_000);
  await flow.requestCode();
  assert.is(calls.filter((c) => c.name === 'requestCode').length, 2);
  flow.setPhone('13912341234');
  assert.is(s().codeSentTo, null, 'another phone: the code does not carry over');
  flow.setPhone('13812341234');
  advance(60_000);
  await flow.requestCode();
  flow.setIdNumber('11010519491231002X');
  flow.setPhoneCode('000000');
  answers.book = [{ ok: false, error: { code: 'validation_failed', message: 'wrong', fields: { phoneCode: '验证码不正确或已过期，请重新获取' } } }];
  await flow.submit();
  assert.is(s().step, 'details');
  assert.is(s().fieldErrors.phoneCode, '验证码不正确或已过期，请重新获取');
  assert.is(s().error, null);
});

f('a failed send is retried with the same commandId; a refusal gets a new one', async () => {
  const { flow, s, calls, answers } = setup();
  await flow.start();
  await flow.chooseMatter('m1');
  flow.chooseSlot('10:00');
  flow.setIdNumber('11010519491231002X');
  flow.setPhone('13812341234');
  flow.setPhoneCode('123456');
  answers.book = [
    { ok: false, error: { code: 'internal_error', message: 'offline' } },
    { ok: false, error: { code: 'booking_limit_reached', message: 'one a day' } },
  ];
  await flow.submit();
  assert.is(s().step, 'details');
  assert.is(s().error?.code, 'internal_error');
  await flow.submit();
  assert.is(s().error?.code, 'booking_limit_reached');
  await flow.submit();
  const cmds = calls.filter((c) => c.name === 'book').map((c) => (c.body as BookBody).commandId);
  assert.is(cmds[0], cmds[1], 'same request after an unknown outcome → same commandId');
  assert.is.not(cmds[1], cmds[2], 'after a refusal → a new commandId');
  assert.is(s().step, 'done');
});

f('slot just filled: back to the slots, freshly loaded, with the reason', async () => {
  const { flow, s, answers, calls } = setup();
  await flow.start();
  await flow.chooseMatter('m1');
  flow.chooseSlot('10:00');
  flow.setIdNumber('11010519491231002X');
  flow.setPhone('13812341234');
  flow.setPhoneCode('123456');
  answers.book = [{ ok: false, error: { code: 'slot_full', message: 'full' } }];
  answers.slots = [{ ok: true, data: calendar(3) }];
  await flow.submit();
  assert.is(s().step, 'slot');
  assert.is(s().error?.code, 'slot_full');
  assert.is(calls.filter((c) => c.name === 'slots').length, 2);
  assert.is(s().calendar?.days[1]!.slots[0]!.remaining, 3);
  assert.equal(s().suggestion, { date: '2026-11-25', start: '09:00', end: '09:30' }, 'the nearest free slot is offered');
  flow.chooseDay('2026-11-25');
  assert.is(s().suggestion, null);
});

f('manage: look up by code and identity number, then cancel', async () => {
  const { flow, s, calls } = setup();
  await flow.start();
  flow.openManage();
  flow.setManage('abcd2345', '11010519491231002X');
  await flow.lookup();
  assert.is(s().managed?.appointment.code, 'ABCD2345');
  assert.equal(calls.find((c) => c.name === 'lookup')!.body, { code: 'ABCD2345', idNumber: '11010519491231002X' });
  await flow.cancel();
  assert.is(s().cancelled?.status, 'cancelled');
  assert.is(s().managed?.appointment.status, 'cancelled');
});

f('the halls cannot be loaded: an error step with retry', async () => {
  const { flow, s, answers } = setup();
  answers.halls = [{ ok: false, error: { code: 'internal_error', message: 'offline' } }];
  await flow.start();
  assert.is(s().step, 'load_error');
  await flow.start();
  assert.is(s().step, 'matter');
});

f.run();
