/** PUT /api/devices/:id/printer: admins only, kiosks only, and every bad field named in a 400. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { devices } from '../../db/schema';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { api, loginAs, startTestServer } from '../_support/server';
import { demoIds, putPrinter } from './_support';

let db: TestDb;
let server: RunningServer;
let admin = '';
let ids: Awaited<ReturnType<typeof demoIds>>;

const t = suite('printer profile API');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
  admin = await loginAs(server.url, 'admin');
  ids = await demoIds(db);
});
t.after(async () => {
  await server.close();
  await db.drop();
});

const bad: [string, unknown, string][] = [
  ['no host', { port: 9100 }, 'host'],
  ['empty host', { host: '  ' }, 'host'],
  ['host with a space', { host: 'printer one' }, 'host'],
  ['host with a path', { host: 'http://10.0.0.5/x' }, 'host'],
  ['port 0', { host: '10.0.0.5', port: 0 }, 'port'],
  ['port 70000', { host: '10.0.0.5', port: 70000 }, 'port'],
  ['port as text', { host: '10.0.0.5', port: '9100' }, 'port'],
  ['paper 60 mm', { host: '10.0.0.5', paperWidth: 60 }, 'paperWidth'],
  ['unknown type', { host: '10.0.0.5', type: 'zebra' }, 'type'],
  ['unknown chinese mode', { host: '10.0.0.5', chineseMode: 'gbk' }, 'chineseMode'],
  ['unknown qr mode', { host: '10.0.0.5', qr: 'svg' }, 'qr'],
  ['timeout too long for a kiosk', { host: '10.0.0.5', timeoutMs: 10_000 }, 'timeoutMs'],
  ['timeout too short', { host: '10.0.0.5', timeoutMs: 10 }, 'timeoutMs'],
  ['an unknown key', { host: '10.0.0.5', password: 'x' }, '_'],
  ['not an object', [1, 2], '_'],
];

for (const [name, body, field] of bad) {
  t(`400 for ${name}, naming the field`, async () => {
    const r = await putPrinter(server, admin, ids.kioskId, body);
    assert.is(r.status, 400, JSON.stringify(r.json));
    assert.is(r.json.error.code, 'validation_failed');
    assert.ok(r.json.error.fields && field in r.json.error.fields, JSON.stringify(r.json.error));
  });
}

t('the timeout message says why', async () => {
  const r = await putPrinter(server, admin, ids.kioskId, { host: '10.0.0.5', timeoutMs: 5000 });
  assert.match(r.json.error.fields.timeoutMs, '3000');
});

t('invalid JSON is a 400 too', async () => {
  const r = await putPrinter(server, admin, ids.kioskId, '{"host":');
  assert.is(r.status, 400);
  assert.is(r.json.error.code, 'invalid_json');
});

t('defaults fill in; other device settings are kept', async () => {
  await db.db.update(devices).set({ settings: { locale: 'zh-CN' } }).where(eq(devices.id, ids.kioskId));
  const r = await putPrinter(server, admin, ids.kioskId, { host: 'printer-1.hall.local' });
  assert.is(r.status, 200);
  assert.equal(r.json.data.profile, { host: 'printer-1.hall.local', port: 9100, type: 'epson', paperWidth: 80, chineseMode: 'fs-and', qr: 'native', timeoutMs: 3000 });
  const [row] = await db.db.select().from(devices).where(eq(devices.id, ids.kioskId));
  assert.is(row!.settings['locale'], 'zh-CN');
});

t('only admins write; only kiosks print; unknown devices are 404', async () => {
  const manager = await loginAs(server.url, 'manager');
  const body = { host: '10.0.0.5' };
  assert.is((await putPrinter(server, manager, ids.kioskId, body)).status, 403);
  assert.is((await putPrinter(server, 'dv_demo-kiosk-1', ids.kioskId, body)).status, 403);
  assert.is((await putPrinter(server, '', ids.kioskId, body)).status, 401);
  const display = await putPrinter(server, admin, ids.displayId, body);
  assert.is(display.status, 409);
  assert.is(display.json.error.code, 'conflict');
  assert.is((await putPrinter(server, admin, randomUUID(), body)).status, 404);
  assert.is((await api(server.url, 'GET', `/api/devices/${randomUUID()}/printer`, undefined, admin)).status, 404);
  assert.is((await api(server.url, 'DELETE', `/api/devices/${randomUUID()}/printer`, undefined, admin)).status, 404);
  assert.is((await api(server.url, 'GET', `/api/devices/${ids.kioskId}/printer`, undefined, await loginAs(server.url, 'staff1'))).status, 403);
});

t.run();
