/** Issuing: an invalid ID never leaves the kiosk; one commandId per visitor action, reused on retry. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createStore } from '../../ui-shared/src/store';
import type { Lang } from '../../ui-shared/src/i18n';
import { createKioskFlow, type KioskFlow } from '../../kiosk-ui/src/stores/kiosk-flow';
import { createKioskApi } from '../../kiosk-ui/src/stores/kiosk-api';
import { fakeApi, fakeTimers, issuedTicket, MATTERS, ZONES, type FakeApi, type FakeTimers } from './kiosk-fakes';

function setup(): { api: FakeApi; timers: FakeTimers; flow: KioskFlow; lang: ReturnType<typeof createStore<Lang>> } {
  const api = fakeApi();
  const timers = fakeTimers();
  const lang = createStore<Lang>('zh-CN');
  let n = 0;
  const flow = createKioskFlow({ api, timers, lang, newCommandId: () => `cmd-0000-${++n}` });
  return { api, timers, flow, lang };
}

async function toOptions(flow: KioskFlow): Promise<void> {
  await flow.start();
  flow.takeTicket();
  flow.chooseZone(ZONES[0]!.id);
  flow.chooseMatter(MATTERS[0]!.id);
}

const typeId = (flow: KioskFlow, id: string) => {
  for (const ch of id) flow.pressIdKey(ch);
};

const idn = suite('kiosk issue: identity number');

idn('a wrong check character is flagged as soon as 18 are typed, and never sent', async () => {
  const { api, flow } = setup();
  await toOptions(flow);
  typeId(flow, '110105194912310021');
  assert.is(flow.state.get().idError, 'checksum');
  await flow.issue();
  await flow.issue();
  assert.is(api.calls.issue.length, 0);
  assert.is(flow.state.get().screen, 'options');
  assert.is(flow.state.get().idError, 'checksum');
});

idn('an impossible date and an incomplete number are rejected locally too', async () => {
  const { api, flow } = setup();
  await toOptions(flow);
  typeId(flow, '110105194902300012');
  assert.is(flow.state.get().idError, 'date');
  flow.pressIdKey('clear');
  typeId(flow, '110105194912');
  assert.is(flow.state.get().idError, null, 'no verdict while typing');
  await flow.issue();
  assert.is(flow.state.get().idError, 'format');
  assert.is(api.calls.issue.length, 0);
});

idn('the keypad: X only as the 18th character, at most 18, delete and clear', async () => {
  const { flow } = setup();
  await toOptions(flow);
  flow.pressIdKey('X');
  assert.is(flow.state.get().idNumber, '');
  typeId(flow, '11010519491231002');
  flow.pressIdKey('X');
  flow.pressIdKey('5');
  assert.is(flow.state.get().idNumber, '11010519491231002X');
  flow.pressIdKey('back');
  assert.is(flow.state.get().idNumber, '11010519491231002');
  flow.pressIdKey('clear');
  assert.is(flow.state.get().idNumber, '');
});

idn('fixing the number after an error sends the corrected one', async () => {
  const { api, flow } = setup();
  await toOptions(flow);
  typeId(flow, '110105194912310021');
  flow.pressIdKey('back');
  flow.pressIdKey('X');
  assert.is(flow.state.get().idError, null);
  await flow.issue();
  assert.is(api.calls.issue.length, 1);
  assert.is(api.calls.issue[0]!.idNumber, '11010519491231002X');
});

idn('the server’s own ID verdict is shown on the options screen', async () => {
  const { api, flow } = setup();
  api.onIssue = () => ({ ok: false, error: { code: 'validation_failed', message: 'm', fields: { idNumber: '身份证号码校验位不符' } } });
  await toOptions(flow);
  typeId(flow, '11010519491231002X');
  await flow.issue();
  assert.is(flow.state.get().screen, 'options');
  assert.is(flow.state.get().idServerError, '身份证号码校验位不符');
  flow.pressIdKey('back');
  assert.is(flow.state.get().idServerError, null);
});

idn.run();

const retry = suite('kiosk issue: failures and commandIds');

retry('offline → a plain message with retry; the retry reuses the commandId; one ticket', async () => {
  const { api, flow } = setup();
  let down = true;
  api.onIssue = () => (down ? { ok: false, error: { code: 'internal_error', message: 'offline' } } : { ok: true, data: issuedTicket() });
  await toOptions(flow);
  await flow.issue();
  let s = flow.state.get();
  assert.is(s.screen, 'issue_error');
  assert.is(s.error?.key, 'err_offline');
  assert.ok(s.error?.retryable);
  await flow.retry();
  assert.is(flow.state.get().screen, 'issue_error');
  down = false;
  await flow.retry();
  s = flow.state.get();
  assert.is(s.screen, 'ticket');
  assert.equal(api.calls.issue.map((b) => b.commandId), ['cmd-0000-1', 'cmd-0000-1', 'cmd-0000-1']);
});

retry('back from the error and the same choice again → still the same commandId; a changed choice → a new one', async () => {
  const { api, flow } = setup();
  api.onIssue = () => ({ ok: false, error: { code: 'internal_error', message: 'timeout' } });
  await toOptions(flow);
  await flow.issue();
  assert.is(flow.state.get().error?.key, 'err_timeout');
  flow.back();
  assert.is(flow.state.get().screen, 'options');
  await flow.issue();
  flow.back();
  flow.setGreenChannel('military');
  await flow.issue();
  assert.equal(api.calls.issue.map((b) => b.commandId), ['cmd-0000-1', 'cmd-0000-1', 'cmd-0000-2']);
});

retry('a definitive rejection is not retried with the same id, and says so plainly', async () => {
  const { api, flow } = setup();
  api.onIssue = () => ({ ok: false, error: { code: 'hall_closed', message: 'closed' } });
  await toOptions(flow);
  await flow.issue();
  const s = flow.state.get();
  assert.is(s.screen, 'issue_error');
  assert.is(s.error?.code, 'hall_closed');
  assert.not.ok(s.error?.retryable);
  await flow.retry();
  assert.is(api.calls.issue.length, 1, 'no retry button, no retry');
  flow.back();
  await flow.issue();
  assert.equal(api.calls.issue.map((b) => b.commandId), ['cmd-0000-1', 'cmd-0000-2']);
});

retry('a matter that is gone → its own message', async () => {
  const { api, flow } = setup();
  api.onIssue = () => ({ ok: false, error: { code: 'not_found', message: 'This matter is not offered in this hall' } });
  await toOptions(flow);
  await flow.issue();
  assert.is(flow.state.get().error?.key, 'err_matter_gone');
});

retry('a new visitor never inherits the last commandId', async () => {
  const { api, flow } = setup();
  await toOptions(flow);
  await flow.issue();
  flow.endSession();
  flow.takeTicket();
  flow.chooseZone(ZONES[0]!.id);
  flow.chooseMatter(MATTERS[0]!.id);
  await flow.issue();
  assert.equal(api.calls.issue.map((b) => b.commandId), ['cmd-0000-1', 'cmd-0000-2']);
});

retry('a request that hangs ends in a timeout (retryable), never in a stuck screen', async () => {
  const timers = fakeTimers();
  const hang = () => new Promise<never>(() => {});
  const api = createKioskApi(hang as never, 'dv_x', timers, 10_000);
  const r = api.issue('h', { commandId: 'c', matterId: 'm', language: 'zh-CN' });
  await timers.advance(10_000);
  assert.equal(await r, { ok: false, error: { code: 'internal_error', message: 'timeout' } });
});

retry.run();
