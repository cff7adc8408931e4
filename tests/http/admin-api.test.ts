/** The admin console's API: staff accounts, devices, refusals of what is in use, comprehensive counters, hall hierarchy, audit. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { AdminStaffView, AuditEntryView, DeviceView } from '../../server/protocol/admin';
import type { CounterView, HallView, MatterView, ZoneView } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import { startFakePrinter, type FakePrinter } from '../../ticket-printer';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, loginAs, socketFor, startTestServer } from '../_support/server';

let db: TestDb;
let server: RunningServer;
let printer: FakePrinter;
let base = '';
let admin = '';
let hallId = '';

const t = suite('admin API');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
  printer = await startFakePrinter();
  base = server.url;
  admin = await loginAs(base, 'admin');
  hallId = (await api(base, 'GET', '/api/halls', undefined, admin)).json.data[0].id;
});
t.after(async () => {
  await server.close();
  await printer.close();
  await db.drop();
});

const call = (method: string, path: string, body?: unknown, token = admin) => api(base, method, path, body, token);
const staffNamed = async (username: string) => ((await call('GET', '/api/staff')).json.data as AdminStaffView[]).find((s) => s.username === username)!;

t('staff: rename, move to a second hall, reset the password (sessions end), unlock, disable — only the named fields change', async () => {
  const second = (await call('POST', '/api/halls', { code: 'JD-02', name: '街道中心', sessions: [{ start: '09:00', end: '17:00' }] })).json.data as HallView;
  const made = await call('POST', '/api/staff', { username: 'mgr.two', displayName: '钱经理', password: 'first-password', role: 'manager', hallIds: [hallId] });
  assert.is(made.status, 201);
  const id = made.json.data.id as string;
  const session = await loginAs(base, 'admin').then(() => api(base, 'POST', '/api/auth/login', { username: 'mgr.two', password: 'first-password' }));
  const token = session.json.data.token as string;

  const renamed = await call('PATCH', `/api/staff/${id}`, { displayName: '钱经理（二）' });
  assert.is(renamed.status, 200);
  assert.equal([renamed.json.data.role, renamed.json.data.hallIds, renamed.json.data.active], ['manager', [hallId], true]);
  assert.is((await api(base, 'GET', '/api/auth/me', undefined, token)).status, 200, 'a rename keeps the session');

  const moved = await call('PATCH', `/api/staff/${id}`, { hallIds: [hallId, second.id] });
  assert.equal(moved.json.data.hallIds, [hallId, second.id]);
  assert.is(moved.json.data.displayName, '钱经理（二）');
  assert.is((await call('PATCH', `/api/staff/${id}`, { hallIds: [randomUUID()] })).status, 400);

  for (let i = 0; i < 5; i++) await api(base, 'POST', '/api/auth/login', { username: 'mgr.two', password: 'wrong-one' });
  assert.ok((await staffNamed('mgr.two')).lockedUntil, 'locked after five failures');
  const unlocked = await call('PATCH', `/api/staff/${id}`, { unlock: true });
  assert.is(unlocked.json.data.lockedUntil, null);

  const reset = await call('PATCH', `/api/staff/${id}`, { password: 'second-password' });
  assert.is(reset.status, 200);
  assert.is((await api(base, 'GET', '/api/auth/me', undefined, token)).status, 401, 'a password reset ends the sessions');
  assert.is((await api(base, 'POST', '/api/auth/login', { username: 'mgr.two', password: 'second-password' })).status, 200);

  const disabled = await call('PATCH', `/api/staff/${id}`, { active: false });
  assert.is(disabled.json.data.active, false);
  assert.is((await api(base, 'POST', '/api/auth/login', { username: 'mgr.two', password: 'second-password' })).status, 401);
  assert.is((await call('PATCH', `/api/staff/${id}`, { role: 'god' })).status, 400);
  assert.is((await call('PATCH', `/api/staff/${randomUUID()}`, { displayName: 'x' })).status, 404);
  const manager = await loginAs(base, 'manager');
  assert.is((await call('PATCH', `/api/staff/${id}`, { active: true }, manager)).status, 403, 'managers do not edit accounts');
});

t('nobody can lock out the last administrator; with a second one, the first may step down', async () => {
  const me = await staffNamed('admin');
  const demote = await call('PATCH', `/api/staff/${me.id}`, { role: 'manager' });
  assert.is(demote.status, 409);
  assert.is(demote.json.error.code, 'last_admin');
  assert.is((await call('PATCH', `/api/staff/${me.id}`, { active: false })).json.error.code, 'last_admin');
  assert.is((await staffNamed('admin')).role, 'admin', 'nothing written');
  const other = await call('POST', '/api/staff', { username: 'admin.two', displayName: '孙管理员', password: 'another-admin', role: 'admin' });
  const otherToken = (await api(base, 'POST', '/api/auth/login', { username: 'admin.two', password: 'another-admin' })).json.data.token;
  const ok = await call('PATCH', `/api/staff/${other.json.data.id}`, { active: false });
  assert.is(ok.status, 200, 'two admins: one may be disabled');
  assert.is((await api(base, 'GET', '/api/auth/me', undefined, otherToken)).status, 401);
  assert.is((await call('PATCH', `/api/staff/${me.id}`, { role: 'manager' })).json.error.code, 'last_admin', 'the disabled one does not count');
});

t('staff holding a counter cannot be disabled, and the counter cannot be disabled while held', async () => {
  const staff1 = await loginAs(base, 'staff1');
  const counters = (await call('GET', `/api/halls/${hallId}/counters`)).json.data as CounterView[];
  const counter = counters.find((c) => c.active && c.type === 'comprehensive')!;
  const socket = socketFor(base, staff1);
  await connected(socket);
  const took = await emitAck(socket, 'counter:take', { commandId: randomUUID(), counterId: counter.id });
  assert.ok(took.ok, JSON.stringify(took));
  const holder = await staffNamed('staff1');
  const refuse = await call('PATCH', `/api/staff/${holder.id}`, { active: false });
  assert.is(refuse.status, 409);
  assert.is(refuse.json.error.code, 'in_use');
  assert.match(refuse.json.error.message, String(counter.number));
  const held = await call('PATCH', `/api/halls/${hallId}/counters/${counter.id}`, { active: false });
  assert.is(held.json.error.code, 'in_use');
  assert.match(held.json.error.message, 'held by');
  await emitAck(socket, 'counter:release', { commandId: randomUUID(), counterId: counter.id });
  socket.close();
  assert.is((await call('PATCH', `/api/halls/${hallId}/counters/${counter.id}`, { active: false })).status, 200, 'free again: it may be disabled');
  assert.is((await call('PATCH', `/api/halls/${hallId}/counters/${counter.id}`, { active: true })).status, 200);
});

t('a matter with waiting visitors cannot be disabled; a zone with counters or matters cannot be deleted; an empty one can', async () => {
  const matters = (await call('GET', `/api/halls/${hallId}/matters`)).json.data as MatterView[];
  const m = matters[0]!;
  const issued = await api(base, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: m.id }, 'dv_demo-kiosk-1');
  assert.is(issued.status, 201);
  const refuse = await call('PATCH', `/api/halls/${hallId}/matters/${m.id}`, { active: false });
  assert.is(refuse.status, 409);
  assert.is(refuse.json.error.code, 'in_use');
  assert.match(refuse.json.error.fields.active, '正在等候');
  const zoneInUse = await call('DELETE', `/api/halls/${hallId}/zones/${m.zoneId}`);
  assert.is(zoneInUse.json.error.code, 'in_use');
  assert.match(zoneInUse.json.error.message, /counter|matter/);
  const empty = (await call('POST', `/api/halls/${hallId}/zones`, { code: 'EMPTY', name: '空区' })).json.data as ZoneView;
  assert.is((await call('DELETE', `/api/halls/${hallId}/zones/${empty.id}`)).status, 200);
  assert.not.ok(((await call('GET', `/api/halls/${hallId}/zones`)).json.data as ZoneView[]).some((z) => z.id === empty.id));
});

t('a comprehensive counter takes every matter of its zone, including one added later', async () => {
  const zone = (await call('POST', `/api/halls/${hallId}/zones`, { code: 'CZ', name: '综合区' })).json.data as ZoneView;
  const matter = (n: string, prefix: string) =>
    call('POST', `/api/halls/${hallId}/matters`, { zoneId: zone.id, code: `CZ-${n}`, name: `综合事项${n}`, department: '某局', complexity: 'general', ticketPrefix: prefix });
  const first = (await matter('1', 'CA')).json.data as MatterView;
  const counter = (await call('POST', `/api/halls/${hallId}/counters`, { zoneId: zone.id, number: 70, name: '综合窗口', type: 'comprehensive' })).json.data as CounterView;
  assert.equal(counter.matterIds, [first.id]);
  const later = (await matter('2', 'CB')).json.data as MatterView;
  const after = (await call('GET', `/api/halls/${hallId}/counters`)).json.data.find((c: CounterView) => c.id === counter.id) as CounterView;
  assert.equal(after.matterIds.sort(), [first.id, later.id].sort(), 'the later matter is served too');
  const professional = (await call('POST', `/api/halls/${hallId}/counters`, { zoneId: zone.id, number: 71, name: '专业窗口', type: 'professional', matterIds: [first.id] })).json.data as CounterView;
  assert.equal(professional.matterIds, [first.id], 'other types serve only what they are given');
});

t('hall hierarchy: district centre → street centre → service point; a wrong level or loop is refused', async () => {
  const top = (await call('PATCH', `/api/halls/${hallId}`, { level: 'district_centre' })).json.data as HallView;
  const street = await call('POST', '/api/halls', { code: 'JD-10', name: '街道中心', sessions: [{ start: '09:00', end: '17:00' }], level: 'street_centre', parentHallId: top.id });
  assert.is(street.status, 201);
  assert.is(street.json.data.parentHallId, top.id);
  const point = await call('POST', '/api/halls', { code: 'CJ-10', name: '村居服务点', sessions: [{ start: '09:00', end: '17:00' }], level: 'service_point', parentHallId: street.json.data.id });
  assert.is(point.status, 201);
  const skip = await call('POST', '/api/halls', { code: 'CJ-11', name: 'x', sessions: [{ start: '09:00', end: '17:00' }], level: 'service_point', parentHallId: top.id });
  assert.is(skip.status, 400);
  assert.ok(skip.json.error.fields.parentHallId);
  assert.is((await call('PATCH', `/api/halls/${top.id}`, { parentHallId: top.id })).status, 400, 'not itself');
  assert.is((await call('PATCH', `/api/halls/${street.json.data.id}`, { level: 'service_point' })).status, 400, 'its parent would be two levels up');
  assert.is((await call('PATCH', `/api/halls/${top.id}`, { level: 'street_centre', parentHallId: null })).json.error.code, 'in_use', 'its street centres would no longer fit');
});

t('devices: list, rename, rotate the token (shown once, the old one stops), test print on the fake printer', async () => {
  const list = (await call('GET', `/api/halls/${hallId}/devices`)).json.data as DeviceView[];
  const kiosk = list.find((d) => d.kind === 'kiosk')!;
  assert.ok(kiosk && !('tokenHash' in kiosk) && !('token' in kiosk), 'no token or hash in the list');
  const renamed = await call('PATCH', `/api/devices/${kiosk.id}`, { name: '一楼取号机' });
  assert.is(renamed.json.data.name, '一楼取号机');
  assert.is(renamed.json.data.zoneId, kiosk.zoneId);
  assert.is((await call('PATCH', `/api/devices/${kiosk.id}`, { zoneId: randomUUID() })).status, 400);
  const rotated = await call('POST', `/api/devices/${kiosk.id}/rotate-token`);
  assert.match(rotated.json.data.token, /^dv_/);
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/matters`, undefined, 'dv_demo-kiosk-1')).status, 401, 'the old token stops working');
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/matters`, undefined, rotated.json.data.token)).status, 200);

  assert.is((await call('PUT', `/api/devices/${kiosk.id}/printer`, { host: '127.0.0.1', port: printer.port, timeoutMs: 1000 })).status, 200);
  const test = await call('POST', `/api/devices/${kiosk.id}/printer/test`);
  assert.is(test.status, 200, JSON.stringify(test.json));
  assert.is(test.json.data.ok, true, test.json.data.message);
  await printer.waitForJobs(1);
  assert.match(printer.jobs.at(-1)!.decoded.text, 'T001');
  const display = list.find((d) => d.kind === 'display')!;
  assert.is((await call('POST', `/api/devices/${display.id}/printer/test`)).json.error.code, 'no_printer');
});

t('audit: account and device changes and hall configuration, filtered, and as CSV', async () => {
  const all = (await call('GET', '/api/audit')).json.data as AuditEntryView[];
  const actions = new Set(all.map((a) => a.action));
  for (const a of ['staff:create', 'staff:update', 'device:update', 'device:rotate-token', 'hall:configured']) assert.ok(actions.has(a), a);
  const update = all.find((a) => a.action === 'staff:update' && 'passwordReset' in a.data)!;
  assert.is(update.actorName, '系统管理员');
  assert.not.match(JSON.stringify(all), /second-password|first-password/, 'no password in the audit');
  const staffOnly = (await call('GET', '/api/audit?action=staff')).json.data as AuditEntryView[];
  assert.ok(staffOnly.length > 0 && staffOnly.every((a) => a.action.startsWith('staff:')));
  const hallOnly = (await call('GET', `/api/audit?hallId=${hallId}&action=device:rotate-token`)).json.data as AuditEntryView[];
  assert.is(hallOnly.length, 1);
  const future = (await call('GET', '/api/audit?from=2099-01-01')).json.data as AuditEntryView[];
  assert.is(future.length, 0);
  assert.is((await call('GET', '/api/audit?from=2026-02-30')).status, 400);
  const res = await fetch(`${base}/api/audit?format=csv&action=staff`, { headers: { authorization: `Bearer ${admin}` } });
  assert.match(res.headers.get('content-type') ?? '', 'text/csv');
  const csv = Buffer.from(await res.arrayBuffer()).toString('utf8'); // res.text() would drop the BOM Excel needs
  assert.match(csv, /^\uFEFF时间,大厅,/);
  assert.is(csv.trim().split('\r\n').length, staffOnly.length + 1);
  const staff1 = await loginAs(base, 'staff1');
  assert.is((await call('GET', '/api/audit', undefined, staff1)).status, 403);
  const manager = await loginAs(base, 'manager');
  const managerId = (await staffNamed('manager')).id;
  const seen = (await call('GET', '/api/audit', undefined, manager)).json.data as AuditEntryView[];
  assert.ok(seen.length > 0);
  assert.ok(seen.every((a) => a.hallId === hallId || a.subjectId === managerId), 'a manager sees only their hall and their own account');
  assert.not.ok(seen.some((a) => a.action === 'staff:create'), 'not other accounts');
  const other = (await call('GET', '/api/halls')).json.data.find((h: HallView) => h.code === 'JD-02') as HallView;
  assert.is((await call('GET', `/api/audit?hallId=${other.id}`, undefined, manager)).status, 403);
  assert.is((await call('GET', `/api/halls/${other.id}/devices`, undefined, manager)).status, 403);
  assert.is((await call('GET', `/api/halls/${hallId}/devices`, undefined, manager)).status, 200, 'their own hall’s devices, read only');
});

t.run();
