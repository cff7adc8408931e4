/** The whole flow with fakes: sign in → hall → snapshot → pick a counter → desk, and the ways back. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Ack } from '../../server/protocol/errors';
import type { HallView } from '../../server/protocol/views';
import { COUNTER_KEY, createCounterApp, LAST_COUNTER_KEY } from '../../counter-ui/src/stores/counter-app';
import { createServerClock, createTicker } from '../../counter-ui/src/stores/server-clock';
import { SESSION_KEY, type RequestFn } from '../../counter-ui/src/stores/session-store';
import { C1, C2, HALL, NOW, counter, fact, fakeConnection, memoryStorage, snapshot, tick } from './counter-fixture';

const staff = { id: 's1', username: 'staff1', displayName: '李娜', role: 'staff' as const, hallIds: [HALL] };
const session = { token: 'st_abc', staff, expiresAt: '2026-03-10T14:00:00Z' };
const hall = snapshot().hall as HallView;

function setup(opts: { storage?: Record<string, string>; halls?: Ack<HallView[]> } = {}) {
  const storage = memoryStorage(opts.storage);
  const device = memoryStorage();
  const fakes: Array<ReturnType<typeof fakeConnection>> = [];
  const request = (async (method: string, path: string) => {
    if (path === '/api/auth/login') return { ok: true, data: session };
    if (path === '/api/halls') return opts.halls ?? { ok: true, data: [hall] };
    return { ok: true, data: { ok: true } };
  }) as RequestFn;
  const clock = createServerClock(() => NOW);
  const timers = { setInterval: () => 1, clearInterval: () => {} };
  const app = createCounterApp({
    storage,
    device,
    request,
    clock,
    ticker: createTicker(clock, timers),
    connect(token) {
      assert.is(token, 'st_abc');
      const f = fakeConnection();
      fakes.push(f);
      return f.connection;
    },
  });
  const link = () => fakes[fakes.length - 1]!;
  /** Answer commands sent over the link: the server publishes its fact before the ack. */
  const answerCommands = (respond: (event: string, payload: any) => { facts?: ReturnType<typeof fact>[]; ack: Ack<unknown> }) => {
    const f = link();
    for (const e of f.emitted.splice(0).filter((x) => x.event !== 'hall:subscribe')) {
      const r = respond(e.event, e.payload);
      for (const x of r.facts ?? []) f.push(x);
      e.reply(null, r.ack);
    }
  };
  return { app, storage, device, link, answerCommands };
}

const test = suite('counter app flow');

test('sign in → the only hall → snapshot → counter picker', async () => {
  const { app, link } = setup();
  assert.is(app.screen.get(), 'sign-in');
  await app.session.signIn('staff1', 'yichuang2026');
  await tick();
  assert.is(app.hallId.get(), HALL);
  assert.is(app.screen.get(), 'loading');
  link().goOnline();
  link().answerSnapshot(snapshot({ counters: [counter({ status: 'closed', staffId: null, staffName: null })] }));
  await tick();
  assert.is(app.screen.get(), 'pick-counter');
  assert.is(app.badge.get(), 'online');
});

test('take a counter → desk; the choice is remembered per tab and per device', async () => {
  const { app, link, storage, device, answerCommands } = setup();
  await app.session.signIn('staff1', 'yichuang2026');
  await tick();
  link().goOnline();
  link().answerSnapshot(snapshot({ seq: 10, counters: [counter({ status: 'closed', staffId: null, staffName: null })] }));
  await tick();
  const taking = app.takeCounter(C1);
  answerCommands((event) => {
    assert.is(event, 'counter:take');
    return { facts: [fact(11, 'counter:opened', { counter: counter() })], ack: { ok: true, data: { counter: counter() } } };
  });
  assert.ok(await taking);
  assert.is(app.screen.get(), 'desk');
  assert.is(storage.getItem(COUNTER_KEY), C1);
  assert.is(device.getItem(LAST_COUNTER_KEY), C1);
  assert.is(app.lastCounterId(), C1);
});

test('a counter someone else holds is refused in plain terms (the error is kept for the picker)', async () => {
  const { app, link, answerCommands } = setup();
  await app.session.signIn('staff1', 'yichuang2026');
  await tick();
  link().goOnline();
  link().answerSnapshot(snapshot());
  await tick();
  const taking = app.takeCounter(C2);
  answerCommands(() => ({ ack: { ok: false, error: { code: 'counter_taken', message: 'Another staff member is signed in at this counter' } } }));
  assert.not.ok(await taking);
  assert.equal(app.notice.get(), { kind: 'error', error: { code: 'counter_taken', message: 'Another staff member is signed in at this counter' } });
  assert.is(app.screen.get(), 'pick-counter');
});

test('still holding another counter: the offered fix releases it, then takes the one asked for', async () => {
  const { app, link, answerCommands } = setup();
  await app.session.signIn('staff1', 'yichuang2026');
  await tick();
  link().goOnline();
  link().answerSnapshot(snapshot());
  await tick();
  const error = { code: 'staff_at_other_counter' as const, message: 'You are still signed in at counter 4', detail: { counterId: C2, counterNumber: 4 } };
  const taking = app.takeCounter(C1);
  answerCommands(() => ({ ack: { ok: false, error } }));
  assert.not.ok(await taking);
  assert.equal(app.notice.get(), { kind: 'error', error });

  const sent: string[] = [];
  const fixing = app.releaseAndTake(C2, C1);
  answerCommands((event, payload) => {
    sent.push(`${event} ${payload.counterId}`);
    return { ack: { ok: true, data: { counter: counter({ id: C2, status: 'closed', staffId: null }) } } };
  });
  await tick();
  answerCommands((event, payload) => {
    sent.push(`${event} ${payload.counterId}`);
    return { facts: [fact(11, 'counter:opened', { counter: counter() })], ack: { ok: true, data: { counter: counter() } } };
  });
  assert.ok(await fixing);
  assert.equal(sent, [`counter:release ${C2}`, `counter:take ${C1}`]);
  assert.is(app.notice.get(), null);
  assert.is(app.screen.get(), 'desk');
});

test('a reload resumes the desk when the counter is still ours', async () => {
  const { app, link } = setup({ storage: { [SESSION_KEY]: JSON.stringify(session), [COUNTER_KEY]: C1 } });
  await tick();
  link().goOnline();
  link().answerSnapshot(snapshot());
  await tick();
  assert.is(app.screen.get(), 'desk');
});

test('a counter closed by a manager sends staff back to the picker with a notice', async () => {
  const { app, link, storage } = setup({ storage: { [SESSION_KEY]: JSON.stringify(session), [COUNTER_KEY]: C1 } });
  await tick();
  link().goOnline();
  link().answerSnapshot(snapshot({ seq: 10 }));
  await tick();
  link().push(fact(11, 'counter:closed', { counter: counter({ status: 'closed', staffId: null, staffName: null }) }));
  assert.is(app.screen.get(), 'pick-counter');
  assert.equal(app.notice.get(), { kind: 'info', key: 'info.counterLost' });
  assert.is(storage.getItem(COUNTER_KEY), null);
});

test('a refused handshake or a 401 returns to sign-in saying the session expired', async () => {
  const first = setup({ storage: { [SESSION_KEY]: JSON.stringify(session) } });
  await tick();
  first.link().connection.state.set('unauthorised');
  assert.is(first.app.screen.get(), 'sign-in');
  assert.is(first.app.session.reason.get(), 'expired');
  assert.ok(first.link().isClosed(), 'the old socket is closed');

  const second = setup({ storage: { [SESSION_KEY]: JSON.stringify(session) }, halls: { ok: false, error: { code: 'unauthenticated', message: 'expired' } } });
  await tick();
  assert.is(second.app.screen.get(), 'sign-in');
  assert.is(second.app.session.reason.get(), 'expired');
});

test('several halls: choose one; none: say so', async () => {
  const two = setup({ halls: { ok: true, data: [hall, { ...hall, id: 'a0000000-0000-4000-8000-000000000009', name: '徐汇区第二中心' }] } });
  await two.app.session.signIn('staff1', 'yichuang2026');
  await tick();
  assert.is(two.app.screen.get(), 'pick-hall');
  two.app.chooseHall(HALL);
  assert.is(two.app.screen.get(), 'loading');
  const none = setup({ halls: { ok: true, data: [] } });
  await none.app.session.signIn('staff1', 'yichuang2026');
  await tick();
  assert.is(none.app.screen.get(), 'pick-hall');
  assert.equal(none.app.halls.get(), []);
});

test('sign-out releases the counter first; a visitor in hand keeps staff signed in', async () => {
  const { app, link, answerCommands } = setup({ storage: { [SESSION_KEY]: JSON.stringify(session), [COUNTER_KEY]: C1 } });
  await tick();
  link().goOnline();
  link().answerSnapshot(snapshot());
  await tick();
  let out = app.signOut();
  answerCommands((event) => {
    assert.is(event, 'counter:release');
    return { ack: { ok: false, error: { code: 'counter_busy', message: 'Finish, park or transfer the current ticket first' } } };
  });
  await out;
  assert.is(app.screen.get(), 'desk');
  assert.is(app.desk.notice.get()?.kind, 'error');
  out = app.signOut();
  answerCommands(() => ({ ack: { ok: true, data: {} } }));
  await out;
  assert.is(app.screen.get(), 'sign-in');
  assert.is(app.session.reason.get(), 'signed_out');
});

test.run();
