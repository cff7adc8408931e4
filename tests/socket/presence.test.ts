/** Counter presence: managers see a counter go offline when its workstation disconnects, and back. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { getConfig } from '../../server/config';
import type { CounterPresence } from '../../server/protocol/events';
import type { HallSnapshot } from '../../server/protocol/views';
import { startServer, type RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { connected, emitAck, loginAs, socketFor, type ClientSocket } from '../_support/server';

let db: TestDb;
let server: RunningServer;
const sockets: ClientSocket[] = [];
const GRACE = 300;

const t = suite('counter presence');
t.before(async () => {
  db = await createTestDb();
  const config = getConfig({ PORT: '0', HOST: '127.0.0.1', PII_KEY: '44'.repeat(32) });
  server = await startServer({ ...config, databaseUrl: db.url }, { db, log: () => {}, presenceGraceMs: GRACE });
});
t.after(async () => {
  for (const s of sockets) s.close();
  await server.close();
  await db.drop();
});

const open = async (token: string) => {
  const s = socketFor(server.url, token);
  sockets.push(s);
  await connected(s);
  return s;
};
const nextPresence = (s: ClientSocket, pred: (p: CounterPresence) => boolean, ms = 3000) =>
  new Promise<CounterPresence>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no presence event')), ms);
    const on = (p: CounterPresence) => {
      if (!pred(p)) return;
      clearTimeout(timer);
      s.off('counter:presence', on);
      resolve(p);
    };
    s.on('counter:presence', on);
  });

t('take → online; workstation gone past the grace → offline; reconnect → online again', async () => {
  const manager = await open(await loginAs(server.url, 'manager'));
  const staffToken = await loginAs(server.url, 'staff1');
  const first = await emitAck<HallSnapshot>(manager, 'hall:subscribe', { hallId: server.seed.hallId ?? '' });
  assert.ok(first.ok, JSON.stringify(first.error));
  const snap = first.data!;
  const counter = snap.counters.find((c) => c.number === 2)!;
  assert.equal(snap.onlineCounterIds, [], 'nobody at a counter yet');

  let staff = await open(staffToken);
  const online = nextPresence(manager, (p) => p.counterId === counter.id && p.online);
  assert.ok((await emitAck(staff, 'counter:take', { commandId: randomUUID(), counterId: counter.id })).ok);
  await online;
  const again = (await emitAck<HallSnapshot>(manager, 'hall:subscribe', { hallId: snap.hall.id })).data!;
  assert.equal(again.onlineCounterIds, [counter.id]);

  // A brief drop inside the grace period is not reported.
  const flaps: CounterPresence[] = [];
  manager.on('counter:presence', (p) => flaps.push(p));
  staff.close();
  staff = await open(staffToken); // same staff comes straight back: rejoined to its counter by the server
  await new Promise((r) => setTimeout(r, GRACE * 2));
  assert.not.ok(flaps.some((p) => p.counterId === counter.id && !p.online), 'no offline for a quick reconnect');

  const offline = nextPresence(manager, (p) => p.counterId === counter.id && !p.online);
  const started = Date.now();
  staff.close();
  await offline;
  assert.ok(Date.now() - started >= GRACE - 50, 'offline only after the grace period');
  const later = (await emitAck<HallSnapshot>(manager, 'hall:subscribe', { hallId: snap.hall.id })).data!;
  assert.equal(later.onlineCounterIds, []);
  assert.is(later.counters.find((c) => c.id === counter.id)!.status, 'open', 'still taken: its workstation is just gone');

  const back = nextPresence(manager, (p) => p.counterId === counter.id && p.online);
  await open(staffToken);
  await back;
});

t('public screens never receive presence events', async () => {
  const display = await open('dv_demo-display-1');
  const got: unknown[] = [];
  display.on('counter:presence', (p) => got.push(p));
  assert.ok((await emitAck(display, 'public:subscribe', { hallId: server.seed.hallId ?? '' })).ok);
  const staff = await open(await loginAs(server.url, 'staff2'));
  const snap = (await emitAck<HallSnapshot>(staff, 'hall:subscribe', { hallId: server.seed.hallId ?? '' })).data!;
  await emitAck(staff, 'counter:take', { commandId: randomUUID(), counterId: snap.counters.find((c) => c.number === 3)!.id });
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(got, []);
});

t.run();
