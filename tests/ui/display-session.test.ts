/** The display's live picture (snapshot + delta over a fake connection), its new-call feed and its URL config. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConnectionState } from '../../ui-shared/src/connection';
import { createStore } from '../../ui-shared/src/store';
import type { PublicHallFact, ServerHello } from '../../server/protocol/events';
import type { HallSeqBeat } from '../../server/protocol/heartbeat';
import type { CallView, PublicHallSnapshot } from '../../server/protocol/views';
import { createCallFeed, feedAnnouncements } from '../../display-ui/src/stores/call-feed';
import { readDisplayConfig, TOKEN_STORAGE_KEY } from '../../display-ui/src/stores/display-config';
import { createDisplaySession, hallDate } from '../../display-ui/src/stores/display-session';
import { callInScope } from '../../display-ui/src/stores/selectors';
import { call, counter, demoSnapshot, FR, ZR } from './display-fixture';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls (a loaded machine may run timers late). */
async function until(check: () => boolean, ms = 3000): Promise<void> {
  for (const end = Date.now() + ms; !check(); await sleep(5)) if (Date.now() > end) throw new Error('condition not reached');
}

function fakeConnection(next: () => PublicHallSnapshot | 'fail') {
  const state = createStore<ConnectionState>('connecting');
  const hello = createStore<ServerHello | null>(null);
  const listeners = new Set<() => void>();
  const handlers = new Set<(f: PublicHallFact) => void>();
  const beats = new Set<(b: HallSeqBeat) => void>();
  const conn = {
    subscribes: [] as string[],
    connectCalls: 0,
    state,
    hello,
    socket: {
      connected: false,
      connect: () => conn.connectCalls++,
      on: (e: string, fn: (x: never) => void) => void (e === 'public:fact' ? handlers.add(fn as (f: PublicHallFact) => void) : beats.add(fn as (b: HallSeqBeat) => void)),
      off: (e: string, fn: (x: never) => void) => void (e === 'public:fact' ? handlers.delete(fn as (f: PublicHallFact) => void) : beats.delete(fn as (b: HallSeqBeat) => void)),
      timeout: (_ms: number) => ({
        emit(_e: 'public:subscribe', input: { hallId: string }, cb: (err: Error | null, ack: any) => void) {
          conn.subscribes.push(input.hallId);
          const r = next();
          setTimeout(() => cb(null, r === 'fail' ? { ok: false, error: { code: 'internal_error', message: 'x' } } : { ok: true, data: structuredClone(r) }), 1);
        },
      }),
    },
    onConnected(fn: () => void) {
      listeners.add(fn);
      if (state.get() === 'online') fn();
      return () => listeners.delete(fn);
    },
    online(hallIds = ['hall-1']) {
      hello.set({ protocolVersion: 1, serverTime: new Date().toISOString(), role: 'display', hallIds });
      conn.socket.connected = true;
      state.set('online');
      for (const l of [...listeners]) l();
    },
    offline() {
      conn.socket.connected = false;
      state.set('offline');
    },
    fact(f: PublicHallFact) {
      for (const h of handlers) h(f);
    },
    beat(b: HallSeqBeat) {
      for (const h of beats) h(b);
    },
  };
  return conn;
}

const calledFact = (seq: number): PublicHallFact => ({
  seq,
  hallId: 'hall-1',
  type: 'ticket:called',
  at: new Date().toISOString(),
  counter: counter(6, ZR, 'open', 'C003'),
  call: call(seq, 't-c3', 'C003', 6, new Date().toISOString()),
}) as PublicHallFact; // the session reads the counter and the call only

const session = suite('display session');

session('subscribes to the hall from server:hello on connect, then applies facts in order', async () => {
  const conn = fakeConnection(() => demoSnapshot());
  const s = createDisplaySession(conn, { retryMs: 5 });
  assert.is(s.hall.get(), null);
  conn.online();
  await sleep(10);
  assert.equal(conn.subscribes, ['hall-1']);
  assert.is(s.hall.get()?.seq, 20);
  conn.fact(calledFact(21));
  assert.is(s.hall.get()?.seq, 21);
  assert.is(s.hall.get()?.recentCalls[0]?.number, 'C003');
  conn.fact(calledFact(21)); // a duplicate is ignored
  assert.is(s.sync.snapshots(), 1);
  s.dispose();
});

session('a gap in seq that the reorder window does not close, and every reconnect, take a fresh snapshot', async () => {
  let seq = 20;
  const conn = fakeConnection(() => ({ ...demoSnapshot(), seq }));
  const s = createDisplaySession(conn, { retryMs: 5, reorderWindowMs: 200 });
  conn.online();
  await until(() => s.hall.get() !== null && s.sync.status.get() === 'live');
  seq = 30;
  conn.fact(calledFact(25));
  await sleep(10);
  assert.is(s.sync.snapshots(), 1, 'the window waits for the missing facts first');
  await until(() => s.sync.snapshots() === 2 && s.hall.get()?.seq === 30);
  assert.is(s.sync.snapshots(), 2);
  assert.is(s.sync.snapshotReasons().gap, 1);
  assert.is(s.hall.get()?.seq, 30);
  conn.offline();
  seq = 40;
  conn.online();
  await until(() => s.sync.snapshots() === 3);
  assert.is(s.hall.get()?.seq, 40);
  s.dispose();
});

session('out-of-order facts within the window are applied in seq order, with no snapshot', async () => {
  const conn = fakeConnection(() => demoSnapshot());
  const s = createDisplaySession(conn, { retryMs: 5, reorderWindowMs: 200 });
  const seen: number[] = [];
  s.hall.subscribe((h) => h && seen.push(h.seq));
  conn.online();
  await until(() => s.hall.get() !== null && s.sync.status.get() === 'live');
  conn.fact(calledFact(23));
  conn.fact(calledFact(21));
  conn.fact(calledFact(22));
  await until(() => s.hall.get()?.seq === 23);
  await sleep(250);
  assert.equal(seen.filter((x) => x > 20), [21, 22, 23], 'every state, in order');
  assert.is(s.sync.snapshots(), 1);
  s.dispose();
});

session('the seq heartbeat: behind it → snapshot after the window; another service day → snapshot at once', async () => {
  let seq = 20;
  const conn = fakeConnection(() => ({ ...demoSnapshot(), seq }));
  const s = createDisplaySession(conn, { retryMs: 5, reorderWindowMs: 200 });
  conn.online();
  await until(() => s.hall.get() !== null && s.sync.status.get() === 'live');
  const day = s.hall.get()!.serviceDate;
  conn.beat({ hallId: 'other-hall', seq: 99, serviceDate: day });
  conn.beat({ hallId: 'hall-1', seq: 19, serviceDate: day });
  await sleep(250);
  assert.is(s.sync.snapshots(), 1, 'a beat at or below our seq, or of another hall, changes nothing');
  seq = 21;
  conn.beat({ hallId: 'hall-1', seq: 21, serviceDate: day });
  conn.fact(calledFact(21));
  await sleep(250);
  assert.is(s.sync.snapshots(), 1, 'the fact arrived within the window');
  seq = 25;
  conn.beat({ hallId: 'hall-1', seq: 25, serviceDate: day });
  await until(() => s.sync.snapshots() === 2 && s.hall.get()?.seq === 25);
  assert.is(s.sync.snapshots(), 2);
  assert.is(s.hall.get()?.seq, 25);
  assert.is(s.sync.snapshotReasons().behind, 1);
  conn.beat({ hallId: 'hall-1', seq: 25, serviceDate: '2099-01-01' });
  await until(() => s.sync.snapshots() === 3);
  assert.is(s.sync.snapshotReasons().new_day, 1);
  s.dispose();
});

session('a failed snapshot is retried while online', async () => {
  let fails = 2;
  const conn = fakeConnection(() => (fails-- > 0 ? 'fail' : demoSnapshot()));
  const s = createDisplaySession(conn, { retryMs: 5 });
  conn.online();
  await sleep(60);
  assert.is(s.hall.get()?.seq, 20);
  assert.is(conn.subscribes.length, 3);
  s.dispose();
});

session('a device without a hall says so', async () => {
  const conn = fakeConnection(() => demoSnapshot());
  const s = createDisplaySession(conn, { retryMs: 1000 });
  conn.online([]);
  await sleep(5);
  assert.is(s.problem.get(), 'no_hall');
  s.dispose();
});

session('a refused token is tried again later', async () => {
  const conn = fakeConnection(() => demoSnapshot());
  const s = createDisplaySession(conn, { unauthorisedRetryMs: 5 });
  conn.state.set('unauthorised');
  await sleep(20);
  assert.is(conn.connectCalls, 1);
  s.dispose();
});

session("the clock follows the server, and a new hall day takes a new snapshot", async () => {
  const ahead = Date.now() + 3_600_000;
  let serviceDate = '2000-01-01';
  const conn = fakeConnection(() => ({ ...demoSnapshot(), serverTime: new Date(ahead).toISOString(), serviceDate }));
  const s = createDisplaySession(conn, { dayCheckMs: 10 });
  conn.online();
  await sleep(5);
  assert.ok(Math.abs(s.now() - ahead) < 1000, 'server time, not the display PC clock');
  serviceDate = hallDate(ahead, 'Asia/Shanghai');
  await sleep(40);
  assert.is(s.hall.get()?.serviceDate, serviceDate);
  const n = s.sync.snapshots();
  await sleep(40);
  assert.is(s.sync.snapshots(), n, 'no more snapshots once the day matches');
  s.dispose();
});

session.run();

const feed = suite('new-call feed');

feed('the first picture is only the starting point; later calls are announced in order', () => {
  const heard: number[] = [];
  const f = createCallFeed({ now: () => Date.parse('2026-03-05T02:01:00.000Z'), onCall: (c) => heard.push(c.seq) });
  const snap = demoSnapshot();
  f.update(snap);
  assert.equal(heard, []);
  f.update({ ...snap, seq: 23, recentCalls: [call(23, 'x', 'C009', 6), call(21, 'y', 'A004', 1), ...snap.recentCalls] });
  assert.equal(heard, [21, 23]);
});

feed('calls missed long ago (a long outage) are not read out; a restarted event stream starts over', () => {
  const heard: number[] = [];
  const f = createCallFeed({ now: () => Date.parse('2026-03-05T03:00:00.000Z'), onCall: (c) => heard.push(c.seq), maxAgeMs: 120_000 });
  const snap = demoSnapshot();
  f.update(snap);
  f.update({ ...snap, seq: 22, recentCalls: [call(22, 'x', 'C009', 6, '2026-03-05T02:59:30.000Z'), call(21, 'y', 'A004', 1, '2026-03-05T02:10:00.000Z')] });
  assert.equal(heard, [22]);
  f.update({ ...snap, seq: 3, recentCalls: [call(3, 'z', 'A001', 1, '2026-03-05T02:59:50.000Z')] });
  assert.equal(heard, [22]);
  f.update({ ...snap, seq: 4, recentCalls: [call(4, 'z', 'A002', 1, '2026-03-05T02:59:55.000Z')] });
  assert.equal(heard, [22, 4]);
});

feed('a zone display announces only its zone', () => {
  const hall = createStore<PublicHallSnapshot | null>(demoSnapshot());
  const heard: CallView[] = [];
  const stop = feedAnnouncements(hall, {
    now: () => Date.parse('2026-03-05T02:01:00.000Z'),
    accept: (c, snap) => callInScope(snap, { zoneId: FR }, c),
    announce: (c) => heard.push(c),
  });
  const snap = demoSnapshot();
  hall.set({ ...snap, seq: 22, recentCalls: [call(22, 'x', 'C009', 6), call(21, 'y', 'A004', 1), ...snap.recentCalls] });
  assert.equal(heard.map((c) => c.number), ['A004']);
  stop();
});

feed.run();

const config = suite('display config from the URL');

function memoryStorage(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), map: m };
}

config('the token in the URL is remembered; a bare URL uses the remembered one', () => {
  const storage = memoryStorage();
  assert.is(readDisplayConfig('?token=dv_demo-display-1', storage).token, 'dv_demo-display-1');
  assert.is(storage.map.get(TOKEN_STORAGE_KEY), 'dv_demo-display-1');
  assert.is(readDisplayConfig('', storage).token, 'dv_demo-display-1');
  assert.is(readDisplayConfig('', memoryStorage()).token, null);
  assert.is(readDisplayConfig('?token=%3Cscript%3E', memoryStorage()).token, null);
});

config('defaults: Chinese, whole hall, voice on, hall repeat', () => {
  const c = readDisplayConfig('?token=dv_x1234', null);
  assert.equal({ lang: c.lang, zone: c.zone, counter: c.counter, repeat: c.repeat, voice: c.voice, voiceLangs: c.voiceLangs }, {
    lang: 'zh-CN',
    zone: null,
    counter: null,
    repeat: null,
    voice: true,
    voiceLangs: ['zh-CN'],
  });
});

config('lang, zone, repeat, voice languages; a counter screen is silent unless asked', () => {
  const c = readDisplayConfig('?token=dv_x1234&lang=en&zone=FR&repeat=3&voiceLang=zh-CN,en', null);
  assert.equal([c.lang, c.zone, c.repeat, c.voiceLangs], ['en', 'FR', 3, ['zh-CN', 'en']]);
  assert.is(readDisplayConfig('?counter=5', null).voice, false);
  assert.is(readDisplayConfig('?counter=5&voice=1', null).voice, true);
  assert.is(readDisplayConfig('?voice=off', null).voice, false);
  assert.is(readDisplayConfig('?repeat=9', null).repeat, null);
  assert.is(readDisplayConfig('?counter=abc', null).counter, null);
});

config.run();
