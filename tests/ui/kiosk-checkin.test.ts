/** Appointment check-in: a separate path, never a faked success. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createStore } from '../../ui-shared/src/store';
import type { Lang } from '../../ui-shared/src/i18n';
import { createKioskFlow } from '../../kiosk-ui/src/stores/kiosk-flow';
import { isMissingRoute } from '../../kiosk-ui/src/stores/kiosk-api';
import { fakeApi, fakeTimers, issuedTicket } from './kiosk-fakes';

async function setup() {
  const api = fakeApi();
  const timers = fakeTimers();
  let n = 0;
  const flow = createKioskFlow({ api, timers, lang: createStore<Lang>('zh-CN'), newCommandId: () => `cmd-0000-${++n}` });
  await flow.start();
  flow.openCheckIn();
  return { api, timers, flow };
}

const typeIn = (flow: Awaited<ReturnType<typeof setup>>['flow'], text: string) => {
  for (const ch of text) flow.pressCheckInKey(ch);
};

const checkin = suite('kiosk check-in');

checkin('the endpoint is not there yet (router 404) → "预约签到暂不可用，请到服务台", no ticket', async () => {
  const { api, flow } = await setup();
  typeIn(flow, 'A2345678');
  await flow.submitCheckIn();
  const s = flow.state.get();
  assert.is(api.calls.checkIn.length, 1);
  assert.equal(api.calls.checkIn[0], { commandId: 'cmd-0000-1', language: 'zh-CN', code: 'A2345678' });
  assert.is(s.screen, 'checkin');
  assert.is(s.error?.key, 'checkin_unavailable');
  assert.is(s.issued, null);
});

checkin('router 404 vs "no such appointment" are told apart', () => {
  assert.ok(isMissingRoute({ code: 'not_found', message: 'No route for POST /api/halls/x/appointments/check-in' }));
  assert.ok(isMissingRoute({ code: 'internal_error', message: 'HTTP 404' }));
  assert.not.ok(isMissingRoute({ code: 'not_found', message: 'No appointment for this code today' }));
});

checkin('no appointment found → its own message, the visitor may try again', async () => {
  const { api, flow } = await setup();
  api.onCheckIn = () => ({ ok: false, error: { code: 'not_found', message: 'No appointment for this code today' } });
  typeIn(flow, '23456789');
  await flow.submitCheckIn();
  assert.is(flow.state.get().error?.key, 'checkin_not_found');
});

checkin('an empty or short code, or an invalid ID number, is never sent', async () => {
  const { api, flow } = await setup();
  await flow.submitCheckIn();
  assert.is(flow.state.get().error?.key, 'checkin_empty');
  typeIn(flow, 'ABC');
  await flow.submitCheckIn();
  assert.is(flow.state.get().error?.key, 'checkin_code_length');
  flow.setCheckInMode('id');
  typeIn(flow, '110105194912310021');
  assert.is(flow.state.get().idError, 'checksum');
  await flow.submitCheckIn();
  assert.is(api.calls.checkIn.length, 0);
});

checkin('by ID number: sends { idNumber }; a ticket answer shows the ticket', async () => {
  const { api, flow } = await setup();
  api.onCheckIn = () => ({ ok: true, data: issuedTicket('A007') });
  flow.setCheckInMode('id');
  typeIn(flow, '11010519491231002X');
  await flow.submitCheckIn();
  assert.equal(api.calls.checkIn[0], { commandId: 'cmd-0000-1', language: 'zh-CN', idNumber: '11010519491231002X' });
  assert.is(flow.state.get().screen, 'ticket');
  assert.is(flow.state.get().issued?.ticket.number, 'A007');
  assert.is(flow.state.get().checkInInput, '');
});

checkin('the check-in answer { issued, notice } shows the ticket and the server’s notice', async () => {
  const { api, flow } = await setup();
  api.onCheckIn = () => ({ ok: true, data: { issued: issuedTicket('A008'), appointment: {}, walkIn: true, notice: '已超过预约时段，按现场取号排队' } });
  typeIn(flow, 'A2345678');
  await flow.submitCheckIn();
  assert.is(flow.state.get().screen, 'ticket');
  assert.is(flow.state.get().issued?.ticket.number, 'A008');
  assert.is(flow.state.get().ticketNotice, '已超过预约时段，按现场取号排队');
});

checkin('refusals in plain words: already checked in, cancelled, not today', async () => {
  const { api, flow } = await setup();
  const cases: [string, string][] = [
    ['conflict', 'checkin_already'],
    ['invalid_transition', 'checkin_cancelled'],
    ['appointment_not_today', 'checkin_not_today'],
  ];
  typeIn(flow, 'A2345678');
  for (const [code, key] of cases) {
    api.onCheckIn = () => ({ ok: false, error: { code, message: 'x' } as never });
    await flow.submitCheckIn();
    assert.is(flow.state.get().error?.key, key, code);
    assert.not.ok(flow.state.get().error?.retryable);
  }
});

checkin('the code pad takes the booking alphabet only (no 0 O 1 I), 8 at most', async () => {
  const { flow } = await setup();
  typeIn(flow, '01OIAB23456789');
  assert.is(flow.state.get().checkInInput, 'AB234567');
});

checkin('an answer that is not a ticket is not shown as success', async () => {
  const { api, flow } = await setup();
  api.onCheckIn = () => ({ ok: true, data: { ok: true } });
  typeIn(flow, '23456789');
  await flow.submitCheckIn();
  assert.is(flow.state.get().screen, 'checkin');
  assert.is(flow.state.get().error?.key, 'checkin_unavailable');
});

checkin('offline → retry with the same commandId', async () => {
  const { api, flow } = await setup();
  let down = true;
  api.onCheckIn = () => (down ? { ok: false, error: { code: 'internal_error', message: 'offline' } } : { ok: true, data: issuedTicket('A002') });
  typeIn(flow, '23456789');
  await flow.submitCheckIn();
  assert.ok(flow.state.get().error?.retryable);
  down = false;
  await flow.retry();
  assert.is(flow.state.get().screen, 'ticket');
  assert.equal(api.calls.checkIn.map((b) => b.commandId), ['cmd-0000-1', 'cmd-0000-1']);
});

checkin.run();
