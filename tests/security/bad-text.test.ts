/**
 * Text that used to reach the database and come back as a 500 with a stack trace full of SQL
 * parameters: NUL bytes, lone surrogates, impossible dates, path traversal, hex years.
 * Each is now a 4xx with a clear code, nothing is written, and the log stays free of data.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, loginAs, socketFor } from '../_support/server';
import { startLoggedServer } from './_server';

let db: TestDb;
let server: RunningServer;
let logs: string[];
let base = '';
let admin = '';
let hallId = '';
let zoneId = '';

const t = suite('bad text → 4xx');
t.before(async () => {
  db = await createTestDb();
  ({ server, logs } = await startLoggedServer(db));
  base = server.url;
  admin = await loginAs(base, 'admin');
  hallId = server.seed.hallId!;
  zoneId = (await api(base, 'GET', `/api/halls/${hallId}/zones`, undefined, admin)).json.data[0].id;
});
t.after(async () => {
  await server.close();
  await db.drop();
});

t('a NUL byte in anonymous login, public booking and an admin body → 400 validation_failed naming the field', async () => {
  const login = await api(base, 'POST', '/api/auth/login', { username: 'ad\u0000min', password: 'x' });
  assert.is(login.status, 400);
  assert.is(login.json.error.code, 'validation_failed');
  assert.ok(login.json.error.fields['body.username']);
  const booking = await api(base, 'POST', `/api/booking/halls/${hallId}/appointments`, { commandId: randomUUID(), matterId: randomUUID(), date: '2026-12-02', slotStart: '09:00', idNumber: '1101\u0000', phone: '13800138000' });
  assert.is(booking.status, 400);
  assert.is(booking.json.error.code, 'validation_failed');
  const zone = await api(base, 'POST', `/api/halls/${hallId}/zones`, { code: 'N0', name: '区\u0000' }, admin);
  assert.is(zone.status, 400);
  const zones = await api(base, 'GET', `/api/halls/${hallId}/zones`, undefined, admin);
  assert.not.ok(zones.json.data.some((z: { code: string }) => z.code === 'N0'), 'nothing written');
  const query = await api(base, 'GET', `/api/halls/${hallId}/appointments?date=2026-12-02%00`, undefined, admin);
  assert.is(query.status, 400);
  const path = await api(base, 'GET', `/api/halls/${hallId}%00/snapshot`, undefined, admin);
  assert.is(path.status, 400);
});

t('a lone surrogate in raw JSON (stored as jsonb) → 400; a real astral character is fine', async () => {
  const matter = JSON.stringify({ zoneId, code: 'SUR', name: '测试事项', department: '测试', complexity: 'general', ticketPrefix: 'S', materials: ['LONE'] }).replace('LONE', '\\ud800 材料');
  const bad = await api(base, 'POST', `/api/halls/${hallId}/matters`, matter, admin);
  assert.is(bad.status, 400);
  assert.is(bad.json.error.code, 'validation_failed');
  const good = await api(base, 'POST', `/api/halls/${hallId}/matters`, { zoneId, code: 'SUR', name: '测试事项𠀀', department: '测试', complexity: 'general', ticketPrefix: 'S', materials: ['身份证 😀'] }, admin);
  assert.is(good.status, 201);
});

t('malformed percent-encoding in an API path → 400, not a 500', async () => {
  const r = await api(base, 'GET', `/api/halls/%E0%A4%A/snapshot`, undefined, admin);
  assert.is(r.status, 400);
  assert.is(r.json.error.code, 'validation_failed');
});

t('impossible dates in reports, appointment lists and calendar overrides → 400', async () => {
  for (const path of [`/api/halls/${hallId}/reports?from=2026-02-30&to=2026-03-01`, `/api/reports?from=2026-01-01&to=2026-04-31`, `/api/halls/${hallId}/appointments?date=2026-13-01`]) {
    const r = await api(base, 'GET', path, undefined, admin);
    assert.is(r.status, 400, path);
    assert.is(r.json.error.code, 'validation_failed', path);
  }
  const override = await api(base, 'PUT', '/api/calendar/overrides/2026-02-30', { working: true }, admin);
  assert.is(override.status, 400);
});

t('calendar year paths are four decimal digits: 0x7e3, 2e3, +2026 → 400 and nothing declared', async () => {
  for (const y of ['0x7e3', '2e3', '+2026', '２０２６', '02026']) {
    const r = await api(base, 'POST', `/api/calendar/years/${encodeURIComponent(y)}/declare`, {}, admin);
    assert.is(r.status, 400, y);
  }
  const cal = await api(base, 'GET', '/api/calendar', undefined, admin);
  assert.equal(cal.json.data.declaredYears, []);
});

t('path traversal on the static folders → 404, never a file outside them nor a 500', async () => {
  for (const p of ['/kiosk/..%2f..%2fpackage.json', '/kiosk/%2e%2e%2f%2e%2e%2fpackage.json', '/display/..%5c..%5cpackage.json', '/booking/%2e%2e/%2e%2e/server/config.ts', '/counter/%00', '/dashboard/%E0%A4%A']) {
    const res = await fetch(base + p);
    const text = await res.text();
    assert.ok(res.status >= 400 && res.status < 500, `${p} → ${res.status}`);
    assert.not.ok(text.includes('"name": "yichuang"'), p);
  }
});

t('socket payloads with NUL or lone surrogates fail their ack with validation_failed', async () => {
  const s = socketFor(base, await loginAs(base, 'staff1'));
  await connected(s);
  const a = await emitAck(s, 'ticket:cancel', { commandId: randomUUID(), ticketId: randomUUID(), reason: 'x\u0000' });
  assert.is(a.error?.code, 'validation_failed');
  const b = await emitAck(s, 'counter:pause', { commandId: randomUUID(), counterId: randomUUID(), reason: '\ud800' });
  assert.is(b.error?.code, 'validation_failed');
  s.close();
});

t('nothing above was logged as a server error, and no log line carries SQL or parameters', () => {
  assert.equal(logs.filter((l) => / failed /.test(l)), [], logs.join('\n'));
  for (const l of logs) {
    assert.not.match(l, /params:|select |insert |\$1/i);
    assert.ok(l.split('\n').length === 1, 'one line');
  }
});

t.run();
