/** A real installation: no demo data, no known credentials, the first administrator created with the logged set-up code (#11 point 3). */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { halls, staff } from '../../db/schema';
import { getConfig } from '../../server/config';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { api, startTestServer } from '../_support/server';

let db: TestDb;
let server: RunningServer;
let base = '';

const cfg = suite('demo data only where a demo was asked for');
cfg('the embedded default is a demo; any DATABASE_URL is not, unless SEED_DEMO=true', () => {
  assert.is(getConfig({}).seedDemo, true);
  assert.is(getConfig({ DATABASE_URL: 'postgres://u@h:5432/d' }).seedDemo, false);
  assert.is(getConfig({ DATABASE_URL: 'file:///var/lib/yc' }).seedDemo, false);
  assert.is(getConfig({ DATABASE_URL: 'memory://' }).seedDemo, false);
  assert.is(getConfig({ DATABASE_URL: 'postgres://u@h:5432/d', SEED_DEMO: 'true' }).seedDemo, true);
  assert.is(getConfig({ SEED_DEMO: 'false' }).seedDemo, false);
});
cfg.run();

const t = suite('first-admin set-up on an empty database');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db, undefined, { seedDemo: false });
  base = server.url;
});
t.after(async () => {
  await server.close();
  await db.drop();
});

const newAdmin = (code: string, username = 'it.admin') => ({ code, username, displayName: '区信息中心管理员', password: 'a-long-password-1' });

t('no demo hall and none of the published demo credentials work', async () => {
  assert.is(server.seed.present, false);
  assert.is((await api(base, 'POST', '/api/auth/login', { username: 'admin', password: 'yichuang2026' })).status, 401);
  assert.is((await api(base, 'GET', '/api/halls', undefined, 'dv_demo-kiosk-1')).status, 401);
  assert.is((await api(base, 'GET', '/api/halls', undefined, 'dv_demo-display-1')).status, 401);
  assert.is((await server.db.db.select().from(halls)).length, 0, 'no hall');
  assert.is((await server.db.db.select().from(staff)).length, 0, 'no account');
});

t('the start printed a set-up code; the status says a first administrator is needed', async () => {
  assert.match(server.setupCode ?? '', /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  assert.equal((await api(base, 'GET', '/api/setup/status')).json.data, { needsFirstAdmin: true });
});

t('a wrong code, a bad body or a bad password create nothing', async () => {
  const wrong = await api(base, 'POST', '/api/setup/first-admin', newAdmin('AAAA-BBBB-CCCC'));
  assert.is(wrong.status, 401);
  assert.ok(wrong.json.error.fields.code);
  assert.is((await api(base, 'POST', '/api/setup/first-admin', { ...newAdmin(server.setupCode!), password: 'short' })).status, 400);
  assert.is((await api(base, 'POST', '/api/setup/first-admin', { ...newAdmin(server.setupCode!), role: 'admin' })).status, 400);
  assert.equal((await api(base, 'GET', '/api/setup/status')).json.data, { needsFirstAdmin: true });
});

t('the right code (any case, dashes optional) creates the administrator and signs them in; it works once', async () => {
  const code = server.setupCode!.toLowerCase().replace(/-/g, '');
  const made = await api(base, 'POST', '/api/setup/first-admin', newAdmin(code));
  assert.is(made.status, 201, JSON.stringify(made.json));
  assert.is(made.json.data.staff.role, 'admin');
  const me = await api(base, 'GET', '/api/auth/me', undefined, made.json.data.token);
  assert.is(me.json.data.role, 'admin');
  assert.equal((await api(base, 'GET', '/api/setup/status')).json.data, { needsFirstAdmin: false });
  const again = await api(base, 'POST', '/api/setup/first-admin', newAdmin(server.setupCode!, 'second.admin'));
  assert.is(again.status, 409, 'once an administrator exists the set-up is closed');
  const hall = await api(base, 'POST', '/api/halls', { code: 'NEW', name: '新大厅', sessions: [{ start: '09:00', end: '17:00' }] }, made.json.data.token);
  assert.is(hall.status, 201);
});

t('a restart with an administrator prints no code', async () => {
  const port = server.port;
  await server.close();
  server = await startTestServer(db, undefined, { seedDemo: false, port });
  assert.is(server.setupCode, null);
});

t.run();
