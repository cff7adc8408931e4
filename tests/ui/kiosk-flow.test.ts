/** The kiosk state machine: home → zone → matter → options → issuing → ticket → home on idle. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createStore } from '../../ui-shared/src/store';
import type { Lang } from '../../ui-shared/src/i18n';
import { createKioskFlow, type KioskFlow } from '../../kiosk-ui/src/stores/kiosk-flow';
import type { KioskApi } from '../../kiosk-ui/src/stores/kiosk-api';
import { deferred, deviceMe, fakeApi, fakeTimers, issuedTicket, MATTERS, ZONES, type FakeApi, type FakeTimers } from './kiosk-fakes';

interface Ctx {
  api: FakeApi;
  timers: FakeTimers;
  lang: ReturnType<typeof createStore<Lang>>;
  flow: KioskFlow;
  ids: string[];
}

function setup(api: KioskApi | null = fakeApi()): Ctx {
  const timers = fakeTimers();
  const lang = createStore<Lang>('zh-CN');
  let n = 0;
  const ids: string[] = [];
  const flow = createKioskFlow({
    api,
    timers,
    lang,
    newCommandId: () => {
      const id = `cmd-0000-${++n}`;
      ids.push(id);
      return id;
    },
  });
  return { api: api as FakeApi, timers, lang, flow, ids };
}

async function toOptions(c: Ctx, matter = MATTERS[0]!): Promise<void> {
  await c.flow.start();
  c.flow.takeTicket();
  c.flow.chooseZone(matter.zoneId);
  c.flow.chooseMatter(matter.id);
}

function typeId(c: Ctx, id: string): void {
  for (const ch of id) c.flow.pressIdKey(ch);
}

const boot = suite('kiosk flow: start-up');

boot('no device token → the set-up screen, no request', async () => {
  const c = setup(null);
  await c.flow.start();
  assert.is(c.flow.state.get().screen, 'no_token');
});

boot('a kiosk token → home with the hall, zones and matters', async () => {
  const c = setup();
  await c.flow.start();
  const s = c.flow.state.get();
  assert.is(s.screen, 'home');
  assert.is(s.hall?.name, '徐汇区行政服务中心');
  assert.is(s.hall?.missedNumberRule, '过号请到服务台重新激活，当日有效');
  assert.equal(s.zones.map((z) => z.name), ['法人服务区', '自然人服务区']);
  assert.is(s.matters.length, 3);
});

boot('a rejected token, or a display token → bad_token with the reason', async () => {
  const a = fakeApi();
  a.onMe = () => ({ ok: false, error: { code: 'unauthenticated', message: 'x' } });
  const c = setup(a);
  await c.flow.start();
  assert.is(c.flow.state.get().screen, 'bad_token');
  assert.is(c.flow.state.get().setupReason, 'invalid');
  const b = fakeApi();
  b.onMe = () => ({ ok: true, data: deviceMe({ deviceKind: 'display', hallId: 'h' }) });
  const d = setup(b);
  await d.flow.start();
  assert.is(d.flow.state.get().setupReason, 'not_kiosk');
});

boot('a kiosk placed in one service area offers that area only, without the zone step', async () => {
  const a = fakeApi();
  a.onMe = () => ({ ok: true, data: deviceMe({ hallId: 'h', zoneId: ZONES[1]!.id }) });
  const c = setup(a);
  await c.flow.start();
  assert.equal(c.flow.state.get().zones.map((z) => z.name), ['自然人服务区']);
  assert.equal(c.flow.state.get().matters.map((m) => m.name), ['社保登记']);
  c.flow.takeTicket();
  assert.is(c.flow.state.get().screen, 'matter');
  c.flow.back();
  assert.is(c.flow.state.get().screen, 'home');
});

boot('server unreachable → boot_error with retry; it also retries by itself', async () => {
  const a = fakeApi();
  let down = true;
  a.onMe = () => (down ? { ok: false, error: { code: 'internal_error', message: 'offline' } } : { ok: true, data: deviceMe({ hallId: 'h' }) });
  const c = setup(a);
  await c.flow.start();
  assert.is(c.flow.state.get().screen, 'boot_error');
  await c.flow.retry();
  assert.is(c.flow.state.get().screen, 'boot_error');
  down = false;
  await c.timers.advance(15_000);
  assert.is(c.flow.state.get().screen, 'home');
});

boot.run();

const steps = suite('kiosk flow: steps');

steps('home → zone → matter → options; back walks the same way', async () => {
  const c = setup();
  await c.flow.start();
  c.flow.takeTicket();
  assert.is(c.flow.state.get().screen, 'zone');
  c.flow.chooseZone(ZONES[0]!.id);
  assert.is(c.flow.state.get().screen, 'matter');
  c.flow.chooseMatter(MATTERS[2]!.id); // a matter of another zone
  assert.is(c.flow.state.get().screen, 'matter');
  c.flow.chooseMatter(MATTERS[1]!.id);
  assert.is(c.flow.state.get().screen, 'options');
  c.flow.back();
  assert.is(c.flow.state.get().screen, 'matter');
  c.flow.back();
  assert.is(c.flow.state.get().screen, 'zone');
  c.flow.back();
  assert.is(c.flow.state.get().screen, 'home');
});

steps('a double tap on a matter opens the options once; a double tap on 取号 issues one ticket', async () => {
  const c = setup();
  const wire = deferred<Awaited<ReturnType<KioskApi['issue']>>>();
  c.api.onIssue = () => wire.promise;
  await c.flow.start();
  c.flow.takeTicket();
  c.flow.chooseZone(ZONES[0]!.id);
  c.flow.chooseMatter(MATTERS[0]!.id);
  c.flow.chooseMatter(MATTERS[1]!.id); // second tap lands on the options screen: ignored
  assert.is(c.flow.state.get().matterId, MATTERS[0]!.id);
  const first = c.flow.issue();
  const second = c.flow.issue();
  assert.is(c.flow.state.get().screen, 'issuing');
  wire.resolve({ ok: true, data: issuedTicket() });
  await Promise.all([first, second]);
  assert.is(c.api.calls.issue.length, 1);
  assert.is(c.flow.state.get().screen, 'ticket');
  assert.is(c.flow.state.get().issued?.ticket.number, 'A001');
});

steps('the body carries matter, language, green channel and the normalised ID number', async () => {
  const c = setup();
  await toOptions(c);
  c.lang.set('en');
  c.flow.setGreenChannel('pregnant');
  typeId(c, '11010519491231002X');
  assert.is(c.flow.state.get().idError, null);
  await c.flow.issue();
  assert.equal(c.api.calls.issue[0], {
    commandId: 'cmd-0000-1',
    matterId: MATTERS[0]!.id,
    language: 'en',
    idNumber: '11010519491231002X',
    greenChannel: 'pregnant',
  });
  assert.is(c.flow.state.get().idNumber, '', 'the ID number is wiped once the ticket is out');
});

steps('the ticket screen goes home after 30 s with a visible countdown, wiping the visitor', async () => {
  const c = setup();
  await toOptions(c);
  c.lang.set('en');
  c.flow.toggleElderly();
  await c.flow.issue();
  assert.is(c.flow.state.get().idleLeft, 30);
  await c.timers.advance(10_000);
  assert.is(c.flow.state.get().idleLeft, 20);
  c.flow.touch(); // reading the ticket keeps it up
  assert.is(c.flow.state.get().idleLeft, 30);
  await c.timers.advance(29_000);
  assert.is(c.flow.state.get().screen, 'ticket');
  await c.timers.advance(1_000);
  const s = c.flow.state.get();
  assert.is(s.screen, 'home');
  assert.is(s.issued, null);
  assert.is(s.matterId, null);
  assert.is(s.elderly, false);
  assert.is(c.lang.get(), 'zh-CN');
  assert.is(s.hall?.name, '徐汇区行政服务中心', 'the hall stays');
});

steps('elsewhere the idle time is 60 s; the ?idle override is honoured', async () => {
  const c = setup();
  await toOptions(c);
  typeId(c, '1101');
  await c.timers.advance(59_000);
  assert.is(c.flow.state.get().screen, 'options');
  await c.timers.advance(1_000);
  assert.is(c.flow.state.get().screen, 'home');
  assert.is(c.flow.state.get().idNumber, '');

  const timers = fakeTimers();
  const flow = createKioskFlow({ api: fakeApi(), timers, lang: createStore<Lang>('zh-CN'), idle: { ticket: 5, other: 8 } });
  await flow.start();
  flow.takeTicket();
  flow.chooseZone(ZONES[0]!.id);
  flow.chooseMatter(MATTERS[0]!.id);
  await flow.issue();
  await timers.advance(5_000);
  assert.is(flow.state.get().screen, 'home');
});

steps('no idle countdown while a ticket is being issued', async () => {
  const c = setup();
  const wire = deferred<Awaited<ReturnType<KioskApi['issue']>>>();
  c.api.onIssue = () => wire.promise;
  await toOptions(c);
  const p = c.flow.issue();
  await c.timers.advance(120_000);
  assert.is(c.flow.state.get().screen, 'issuing');
  wire.resolve({ ok: true, data: issuedTicket() });
  await p;
  assert.is(c.flow.state.get().screen, 'ticket');
});

steps.run();
