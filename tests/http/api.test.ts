/** The HTTP API on a real server: auth, roles, admin CRUD, and bad input on every route. */
import { PROTOCOL_VERSION } from '../../server/protocol/version';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { api, loginAs } from '../_support/server';
import { startTestServer } from '../_support/server';

let db: TestDb;
let server: RunningServer;
let base = '';
let admin = '';
let staff = '';
let hallId = '';
let zoneId = '';
let matterId = '';
const KIOSK = 'dv_demo-kiosk-1';
const DISPLAY = 'dv_demo-display-1';

const t = suite('HTTP API');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
  base = server.url;
  admin = await loginAs(base, 'admin');
  staff = await loginAs(base, 'staff1');
  const halls = await api(base, 'GET', '/api/halls', undefined, admin);
  hallId = halls.json.data[0].id;
  const zones = await api(base, 'GET', `/api/halls/${hallId}/zones`, undefined, admin);
  zoneId = zones.json.data[0].id;
  const matters = await api(base, 'GET', `/api/halls/${hallId}/matters`, undefined, admin);
  matterId = matters.json.data[0].id;
});
t.after(async () => {
  await server.close();
  await db.drop();
});

t('every page gets its tab icon: /favicon.ico answers 200 (no 404 in any page\'s console)', async () => {
  const res = await fetch(`${base}/favicon.ico`);
  assert.is(res.status, 200);
  assert.is(res.headers.get('content-type'), 'image/svg+xml');
  assert.ok((await res.text()).startsWith('<svg'));
});

t('health answers without credentials', async () => {
  const r = await api(base, 'GET', '/api/health');
  assert.is(r.status, 200);
  assert.is(r.json.data.db, 'up');
  assert.is(r.json.data.protocolVersion, PROTOCOL_VERSION);
});

t('sign-in: wrong password 401, unknown user 401 (same message), lock-out after 5 failures', async () => {
  const wrong = await api(base, 'POST', '/api/auth/login', { username: 'staff2', password: 'nope' });
  const unknown = await api(base, 'POST', '/api/auth/login', { username: 'ghost', password: 'nope' });
  assert.is(wrong.status, 401);
  assert.is(unknown.status, 401);
  assert.is(wrong.json.error.message, unknown.json.error.message);
  for (let i = 0; i < 5; i++) await api(base, 'POST', '/api/auth/login', { username: 'staff4', password: 'nope' });
  const locked = await api(base, 'POST', '/api/auth/login', { username: 'staff4', password: 'yichuang2026' });
  assert.is(locked.status, 423);
  assert.is(locked.json.error.code, 'account_locked');
});

t('missing, malformed and revoked credentials → 401; wrong role → 403', async () => {
  assert.is((await api(base, 'GET', '/api/halls')).status, 401);
  assert.is((await api(base, 'GET', '/api/halls', undefined, 'st_forged')).status, 401);
  assert.is((await api(base, 'GET', '/api/halls', undefined, 'garbage')).status, 401);
  const tmp = await loginAs(base, 'staff3');
  assert.is((await api(base, 'POST', '/api/auth/logout', undefined, tmp)).status, 200);
  assert.is((await api(base, 'GET', '/api/auth/me', undefined, tmp)).status, 401);
  const forbidden = await api(base, 'POST', '/api/halls', { code: 'X', name: 'X', sessions: [{ start: '09:00', end: '17:00' }] }, staff);
  assert.is(forbidden.status, 403);
  assert.is(forbidden.json.error.code, 'forbidden');
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/snapshot`, undefined, DISPLAY)).status, 403, 'displays get only the public snapshot');
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/public-snapshot`, undefined, DISPLAY)).status, 200);
  const displayIssue = await api(base, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId }, DISPLAY);
  assert.is(displayIssue.status, 403, 'a display cannot issue tickets');
});

t('a manager of another hall sees nothing of this one', async () => {
  const hall = await api(base, 'POST', '/api/halls', { code: 'JD-01', name: '某某街道社区事务受理服务中心', sessions: [{ start: '09:00', end: '17:00' }] }, admin);
  assert.is(hall.status, 201);
  const other = await api(base, 'POST', '/api/staff', { username: 'mgr.jd', displayName: '赵经理', password: 'longenough1', role: 'manager', hallIds: [hall.json.data.id] }, admin);
  assert.is(other.status, 201);
  const token = (await api(base, 'POST', '/api/auth/login', { username: 'mgr.jd', password: 'longenough1' })).json.data.token;
  const halls = await api(base, 'GET', '/api/halls', undefined, token);
  assert.equal(halls.json.data.map((h: { code: string }) => h.code), ['JD-01']);
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/snapshot`, undefined, token)).status, 403);
});

t('admin CRUD: zone, matter, counter with authorised matters; duplicates → 409', async () => {
  const zone = await api(base, 'POST', `/api/halls/${hallId}/zones`, { code: 'TEST', name: '测试服务区' }, admin);
  assert.is(zone.status, 201);
  const matter = await api(
    base,
    'POST',
    `/api/halls/${hallId}/matters`,
    { zoneId: zone.json.data.id, code: 'T-001', name: '测试事项', department: '测试局', complexity: 'complex', ticketPrefix: 'T', flags: { onTheSpot: true } },
    admin,
  );
  assert.is(matter.status, 201);
  assert.is(matter.json.data.waitTargetMinutes, 30, 'complex matters default to 30 minutes');
  assert.is(matter.json.data.flags.onTheSpot, true);
  const counter = await api(base, 'POST', `/api/halls/${hallId}/counters`, { zoneId: zone.json.data.id, number: 50, name: '测试窗口', type: 'professional', matterIds: [matter.json.data.id] }, admin);
  assert.is(counter.status, 201);
  assert.equal(counter.json.data.matterIds, [matter.json.data.id]);
  const dup = await api(base, 'POST', `/api/halls/${hallId}/counters`, { number: 50, name: 'dup', type: 'comprehensive' }, admin);
  assert.is(dup.status, 409);
  assert.is(dup.json.error.code, 'conflict');
  const renamed = await api(base, 'PATCH', `/api/halls/${hallId}/matters/${matter.json.data.id}`, { name: '测试事项（改）', waitTargetMinutes: 25 }, admin);
  assert.is(renamed.status, 200);
  assert.is(renamed.json.data.waitTargetMinutes, 25);
  const foreignMatter = await api(base, 'POST', `/api/halls/${hallId}/counters`, { number: 51, name: 'x', type: 'comprehensive', matterIds: [randomUUID()] }, admin);
  assert.is(foreignMatter.status, 400);
  const device = await api(base, 'POST', `/api/halls/${hallId}/devices`, { kind: 'kiosk', name: '二楼取号机' }, admin);
  assert.is(device.status, 201);
  assert.match(device.json.data.token, /^dv_/);
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/matters`, undefined, device.json.data.token)).status, 200);
  assert.is((await api(base, 'DELETE', `/api/devices/${device.json.data.id}`, undefined, admin)).status, 200);
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/matters`, undefined, device.json.data.token)).status, 401);
});

t('kiosk issuing; a retried request with the same commandId returns the same ticket', async () => {
  const commandId = randomUUID();
  const a = await api(base, 'POST', `/api/halls/${hallId}/tickets`, { commandId, matterId }, KIOSK);
  const b = await api(base, 'POST', `/api/halls/${hallId}/tickets`, { commandId, matterId }, KIOSK);
  assert.is(a.status, 201);
  assert.equal(b.json.data.ticket, a.json.data.ticket);
  const progress = await api(base, 'GET', `/api/progress/${a.json.data.token}`);
  assert.is(progress.status, 200);
  assert.is(progress.json.data.ticket.number, a.json.data.ticket.number);
  assert.not.ok('visitorIdMasked' in progress.json.data.ticket);
  assert.is((await api(base, 'GET', '/api/progress/not-a-real-token-000000000')).status, 404);
});

/** Every route with bad input: a clear 4xx with an error code, never a 500, nothing written. */
t('malformed payloads on every route → 4xx with a code, never 500', async () => {
  const id = randomUUID();
  const cases: [string, string, unknown, string, number][] = [
    ['POST', '/api/auth/login', '{not json', '', 400],
    ['POST', '/api/auth/login', { username: 'a' }, '', 400],
    ['POST', '/api/auth/login', { username: 'a', password: 'b', extra: 1 }, '', 400],
    ['POST', '/api/auth/login', [1, 2, 3], '', 400],
    ['POST', '/api/auth/login', 'x'.repeat(70_000), '', 413],
    ['POST', '/api/halls', { code: '', name: 'x', sessions: [] }, admin, 400],
    ['POST', '/api/halls', { code: 'Q', name: 'x', sessions: [{ start: '17:00', end: '09:00' }] }, admin, 400],
    ['POST', '/api/halls', { code: 'Q', name: 'x', timeZone: 'Mars/Olympus', sessions: [{ start: '09:00', end: '17:00' }] }, admin, 400],
    ['PATCH', `/api/halls/${hallId}`, { settings: { elderlyAge: 7 } }, admin, 400],
    ['PATCH', '/api/halls/not-a-uuid', { name: 'x' }, admin, 404],
    ['PATCH', `/api/halls/${id}`, { name: 'x' }, admin, 404],
    ['POST', `/api/halls/${hallId}/zones`, { code: 7 }, admin, 400],
    ['PATCH', `/api/halls/${hallId}/zones/${id}`, { name: 'x' }, admin, 404],
    ['POST', `/api/halls/${hallId}/matters`, { zoneId, code: 'c', name: 'n', department: 'd', complexity: 'medium', ticketPrefix: 'A' }, admin, 400],
    ['POST', `/api/halls/${hallId}/matters`, { zoneId, code: 'c', name: 'n', department: 'd', complexity: 'general', ticketPrefix: 'a1' }, admin, 400],
    ['POST', `/api/halls/${hallId}/matters`, { zoneId: id, code: 'c2', name: 'n', department: 'd', complexity: 'general', ticketPrefix: 'A' }, admin, 400],
    ['PATCH', `/api/halls/${hallId}/matters/${matterId}`, { materials: 'not an array' }, admin, 400],
    ['POST', `/api/halls/${hallId}/counters`, { number: -1, name: 'x', type: 'comprehensive' }, admin, 400],
    ['POST', `/api/halls/${hallId}/counters`, { number: 77, name: 'x', type: 'teleport' }, admin, 400],
    ['PATCH', `/api/halls/${hallId}/counters/${id}`, { name: 'x' }, admin, 404],
    ['POST', `/api/halls/${hallId}/devices`, { kind: 'toaster', name: 'x' }, admin, 400],
    ['POST', '/api/staff', { username: 'A B', displayName: 'x', password: 'short', role: 'god' }, admin, 400],
    ['POST', `/api/halls/${hallId}/tickets`, { matterId }, KIOSK, 400],
    ['POST', `/api/halls/${hallId}/tickets`, { commandId: 'short', matterId }, KIOSK, 400],
    ['POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: 'x' }, KIOSK, 400],
    ['POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: id }, KIOSK, 404],
    ['POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId, idNumber: '110105194912310021' }, KIOSK, 400],
    ['POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId, greenChannel: 'vip' }, KIOSK, 400],
    ['POST', `/api/halls/${id}/tickets`, { commandId: randomUUID(), matterId }, KIOSK, 403],
    ['GET', `/api/halls/${id}/snapshot`, undefined, admin, 404],
    ['GET', '/api/no-such-route', undefined, admin, 404],
  ];
  const before = (await api(base, 'GET', `/api/halls/${hallId}/snapshot`, undefined, admin)).json.data;
  for (const [method, path, body, token, status] of cases) {
    const r = await api(base, method, path, body, token || undefined);
    const label = `${method} ${path} ${typeof body === 'string' ? body.slice(0, 20) : JSON.stringify(body)?.slice(0, 60)}`;
    assert.is(r.status, status, label);
    assert.type(r.json?.error?.code, 'string', label);
    assert.type(r.json?.error?.message, 'string', label);
    assert.not.match(JSON.stringify(r.json), /at .*\.ts:\d+|node_modules|stack/i, `no internals leak: ${label}`);
  }
  const after = (await api(base, 'GET', `/api/halls/${hallId}/snapshot`, undefined, admin)).json.data;
  assert.is(after.tickets.length, before.tickets.length, 'no ticket was written by bad input');
});

t('validation errors name the field', async () => {
  const r = await api(base, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId, idNumber: '110105194902300012' }, KIOSK);
  assert.is(r.json.error.code, 'validation_failed');
  assert.ok(r.json.error.fields.idNumber, 'idNumber field message');
});

t.run();
