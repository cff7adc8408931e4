/** socket.io on a real server: handshake auth, every event with bad input, facts after commit, resync. */
import { PROTOCOL_VERSION } from '../../server/protocol/version';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { CommandResult, HallFact, PublicHallFact } from '../../server/protocol/events';
import type { HallSnapshot } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import { commandHandlers } from '../../server/socket/command-handlers';
import { applyHallFact } from '../../ui-shared/src/apply-fact';
import { createHallSync } from '../../ui-shared/src/hall-sync';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, loginAs, socketFor, startTestServer, type ClientSocket } from '../_support/server';

let db: TestDb;
let server: RunningServer;
let staffToken = '';
let hallId = '';
const sockets: ClientSocket[] = [];
const open = async (token: string | undefined) => {
  const s = socketFor(server.url, token);
  sockets.push(s);
  await connected(s);
  return s;
};
const next = <T>(s: ClientSocket, event: 'hall:fact' | 'public:fact', pred: (f: T) => boolean = () => true, ms = 3000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    const on = (f: T) => {
      if (!pred(f)) return;
      clearTimeout(timer);
      (s as any).off(event, on);
      resolve(f);
    };
    (s as any).on(event, on);
  });

const t = suite('socket.io realtime');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
  staffToken = await loginAs(server.url, 'staff1');
  hallId = (await api(server.url, 'GET', '/api/halls', undefined, staffToken)).json.data[0].id;
});
t.after(async () => {
  for (const s of sockets) s.close();
  await server.close();
  await db.drop();
});

t('handshake without or with a bad token is refused with unauthenticated', async () => {
  for (const token of [undefined, 'st_forged', 'dv_forged', 'x'.repeat(500)]) {
    const s = socketFor(server.url, token);
    sockets.push(s);
    const err = await connected(s).then(
      () => null,
      (e: Error) => e,
    );
    assert.is(err?.message, 'unauthenticated', String(token).slice(0, 10));
  }
});

t('hello carries the protocol version; staff get a snapshot with seq', async () => {
  const s = socketFor(server.url, staffToken);
  sockets.push(s);
  const hello = new Promise<any>((resolve) => s.once('server:hello', resolve));
  await connected(s);
  const h = await hello;
  assert.is(h.protocolVersion, PROTOCOL_VERSION);
  assert.equal(h.hallIds, [hallId]);
  const snap = await emitAck<HallSnapshot>(s, 'hall:subscribe', { hallId });
  assert.ok(snap.ok);
  assert.type(snap.data!.seq, 'number');
  assert.is(snap.data!.counters.length, 14);
});

t('every event rejects malformed payloads with validation_failed, and the socket survives', async () => {
  const s = await open(staffToken);
  const bad: unknown[] = [undefined, null, 42, 'text', [], { commandId: 'x' }, { commandId: randomUUID(), counterId: 'nope', ticketId: 'nope', extra: true }];
  const events = ['hall:subscribe', 'public:subscribe', ...Object.keys(commandHandlers)];
  for (const event of events) {
    for (const payload of bad) {
      const r = await emitAck(s, event, payload);
      assert.is(r.ok, false, `${event} ${JSON.stringify(payload)}`);
      assert.is(r.error?.code, 'validation_failed', `${event} ${JSON.stringify(payload)}`);
    }
  }
  (s as any).emit('ticket:call-next', { commandId: randomUUID(), counterId: randomUUID() }); // no ack callback
  const still = await emitAck(s, 'hall:subscribe', { hallId });
  assert.ok(still.ok, 'the socket still answers');
});

t('roles and halls are checked on every command', async () => {
  const display = await open('dv_demo-display-1');
  const snap = await emitAck(display, 'hall:subscribe', { hallId });
  assert.is(snap.error?.code, 'forbidden', 'a display cannot take the staff snapshot');
  const counters = (await api(server.url, 'GET', `/api/halls/${hallId}/counters`, undefined, staffToken)).json.data;
  const take = await emitAck(display, 'counter:take', { commandId: randomUUID(), counterId: counters[0].id });
  assert.is(take.error?.code, 'forbidden');
  const staff = await open(staffToken);
  const foreign = await emitAck(staff, 'hall:subscribe', { hallId: randomUUID() });
  assert.is(foreign.error?.code, 'forbidden');
  const unknownCounter = await emitAck(staff, 'ticket:call-next', { commandId: randomUUID(), counterId: randomUUID() });
  assert.is(unknownCounter.error?.code, 'not_found');
});

t('a call reaches staff and the display only after commit, with the same seq; the display gets no personal data', async () => {
  const staff = await open(staffToken);
  const display = await open('dv_demo-display-1');
  const snap = (await emitAck<HallSnapshot>(staff, 'hall:subscribe', { hallId })).data!;
  assert.ok((await emitAck(display, 'public:subscribe', { hallId })).ok);
  const counter = snap.counters.find((c) => c.number === 1)!;
  const matter = snap.matters.find((m) => m.name === '企业设立登记')!;
  const received: PublicHallFact[] = [];
  display.on('public:fact', (f) => received.push(f));
  await api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: matter.id, idNumber: '11010519491231002X' }, 'dv_demo-kiosk-1');
  const take = await emitAck<CommandResult>(staff, 'counter:take', { commandId: randomUUID(), counterId: counter.id });
  assert.ok(take.ok, JSON.stringify(take.error));
  const me = (await api(server.url, 'GET', '/api/auth/me', undefined, staffToken)).json.data.id as string;
  assert.is(take.data?.counter?.staffId, me, 'staff see who holds the counter by staff id');
  const staffCall = next<HallFact>(staff, 'hall:fact', (f) => f.type === 'ticket:called');
  const publicCall = next<PublicHallFact>(display, 'public:fact', (f) => f.type === 'ticket:called');
  const ack = await emitAck(staff, 'ticket:call-next', { commandId: randomUUID(), counterId: counter.id });
  assert.ok(ack.ok, JSON.stringify(ack.error));
  const [sf, pf] = await Promise.all([staffCall, publicCall]);
  assert.is(sf.seq, pf.seq);
  assert.is(pf.call?.number, sf.ticket?.number);
  assert.is(pf.call?.counterNumber, 1);
  assert.is(sf.ticket?.visitorIdMasked, '110105********002X', 'staff see the masked number');
  const everything = JSON.stringify(received);
  assert.not.match(everything, /visitorIdMasked|110105|002X|李娜|staffName|staffId/);
});

t('a client that misses facts while disconnected resyncs to the server state', async () => {
  const staff = await open(staffToken);
  const watcher = socketFor(server.url, staffToken);
  sockets.push(watcher);
  const sync = createHallSync<HallSnapshot, HallFact>({
    fetchSnapshot: async () => {
      const r = await emitAck<HallSnapshot>(watcher, 'hall:subscribe', { hallId });
      if (!r.ok) throw new Error(r.error?.message);
      return r.data!;
    },
    applyFact: applyHallFact,
  });
  watcher.on('connect', () => void sync.resync());
  watcher.on('hall:fact', (f) => sync.receive(f));
  await connected(watcher);
  await sync.resync();
  const kioskIssue = async () => {
    const matter = sync.state.get()!.matters.find((m) => m.name === '社保登记')!;
    return api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: matter.id }, 'dv_demo-kiosk-1');
  };
  const live = next<HallFact>(watcher, 'hall:fact', (f) => f.type === 'ticket:issued');
  await kioskIssue();
  await live;
  await new Promise((r) => setTimeout(r, 50));
  const liveSeq = sync.state.get()!.seq;
  watcher.disconnect();
  for (let i = 0; i < 3; i++) await kioskIssue();
  const snapshotsBefore = sync.snapshots();
  watcher.connect();
  await connected(watcher);
  for (let i = 0; i < 50 && sync.snapshots() === snapshotsBefore; i++) await new Promise((r) => setTimeout(r, 20));
  await sync.resync();
  const truth = (await emitAck<HallSnapshot>(staff, 'hall:subscribe', { hallId })).data!;
  const mine = sync.state.get()!;
  assert.ok(mine.seq >= liveSeq + 3);
  assert.is(mine.seq, truth.seq);
  assert.equal(mine.tickets.map((x) => x.id).sort(), truth.tickets.map((x) => x.id).sort());
});

t.run();
