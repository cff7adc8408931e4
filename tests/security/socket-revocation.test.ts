/**
 * Open sockets lose their rights within seconds after logout, session expiry, device
 * deactivation and a change of role or halls (issue #11 §1). Logout and deactivation cut the
 * socket at once through its identity room; expiry and changed rights are caught by the periodic
 * re-check (200 ms here, 5 s by default).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { staff } from '../../db/schema';
import { getConfig } from '../../server/config';
import { manualClock } from '../../server/domain/clock';
import type { HallFact } from '../../server/protocol/events';
import { startServer, type RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, loginAs, socketFor, type ClientSocket } from '../_support/server';
import { disconnectedWithin } from './_sockets';

const clock = manualClock('2026-11-23T01:30:00Z');
let db: TestDb;
let server: RunningServer;
let base = '';
let hallId = '';
const sockets: ClientSocket[] = [];

async function staffSocket(username: string): Promise<{ socket: ClientSocket; token: string }> {
  const token = await loginAs(base, username);
  const socket = socketFor(base, token);
  sockets.push(socket);
  await connected(socket);
  const sub = await emitAck(socket, 'hall:subscribe', { hallId });
  assert.ok(sub.ok, JSON.stringify(sub.error));
  return { socket, token };
}

const t = suite('socket revocation');
t.before(async () => {
  db = await createTestDb();
  const config = getConfig({ PORT: '0', HOST: '127.0.0.1', PII_KEY: '11'.repeat(32), SEED_DEMO: 'true' });
  server = await startServer({ ...config, databaseUrl: db.url }, { db, clock, log: () => {}, backgroundJobs: false, socketRecheckMs: 200 });
  base = server.url;
  hallId = server.seed.hallId!;
});
t.after(async () => {
  for (const s of sockets) s.close();
  await server.close();
  await db.drop();
});

t('logout cuts the open socket at once: no more commands, no more staff facts', async () => {
  const { socket, token } = await staffSocket('staff1');
  const facts: HallFact[] = [];
  socket.on('hall:fact', (f) => facts.push(f));
  const gone = disconnectedWithin(socket, 3_000);
  assert.is((await api(base, 'POST', '/api/auth/logout', undefined, token)).status, 200);
  assert.is(await gone, 'io server disconnect');
  const matter = (await api(base, 'GET', `/api/halls/${hallId}/matters`, undefined, await loginAs(base, 'admin'))).json.data[0];
  await api(base, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: matter.id }, 'dv_demo-kiosk-1');
  await new Promise((r) => setTimeout(r, 300));
  assert.is(facts.length, 0, 'a signed-out socket receives nothing');
  const again = socketFor(base, token);
  sockets.push(again);
  await connected(again).then(
    () => assert.unreachable('a signed-out token must not reconnect'),
    (err: Error) => assert.is(err.message, 'unauthenticated'),
  );
});

t('another session of the same person stays connected when one signs out', async () => {
  const a = await staffSocket('staff2');
  const b = await staffSocket('staff2');
  const goneA = disconnectedWithin(a.socket, 3_000);
  await api(base, 'POST', '/api/auth/logout', undefined, a.token);
  assert.is(await goneA, 'io server disconnect');
  assert.is(await disconnectedWithin(b.socket, 600), 'still connected');
  const ack = await emitAck(b.socket, 'hall:subscribe', { hallId });
  assert.ok(ack.ok);
});

t('session expiry (12 h) disconnects within one re-check interval', async () => {
  const { socket } = await staffSocket('staff3');
  assert.is(await disconnectedWithin(socket, 500), 'still connected');
  clock.advance(12 * 3_600_000 + 1_000);
  assert.is(await disconnectedWithin(socket, 3_000), 'io server disconnect');
  clock.advance(-(12 * 3_600_000 + 1_000));
});

t('a deactivated display is cut at once and cannot come back', async () => {
  const admin = await loginAs(base, 'admin');
  const created = await api(base, 'POST', `/api/halls/${hallId}/devices`, { kind: 'display', name: '临时屏' }, admin);
  assert.is(created.status, 201);
  const display = socketFor(base, created.json.data.token);
  sockets.push(display);
  await connected(display);
  assert.ok((await emitAck(display, 'public:subscribe', { hallId })).ok);
  const gone = disconnectedWithin(display, 3_000);
  assert.is((await api(base, 'DELETE', `/api/devices/${created.json.data.id}`, undefined, admin)).status < 300, true);
  assert.is(await gone, 'io server disconnect');
  const again = socketFor(base, created.json.data.token);
  sockets.push(again);
  await connected(again).then(
    () => assert.unreachable('a deactivated device must not reconnect'),
    (err: Error) => assert.is(err.message, 'unauthenticated'),
  );
});

t('removed from the hall, or deactivated, in the database: the re-check disconnects; the reconnect has the new rights', async () => {
  const { socket, token } = await staffSocket('staff4');
  await db.db.update(staff).set({ hallIds: [] }).where(eq(staff.username, 'staff4'));
  assert.is(await disconnectedWithin(socket, 3_000), 'io server disconnect');
  const again = socketFor(base, token);
  sockets.push(again);
  await connected(again);
  const sub = await emitAck(again, 'hall:subscribe', { hallId });
  assert.is(sub.error?.code, 'forbidden', 'the fresh connection has only the new rights');
  await db.db.update(staff).set({ active: false }).where(eq(staff.username, 'staff4'));
  assert.is(await disconnectedWithin(again, 3_000), 'io server disconnect');
});

t.run();
