/**
 * A new hall is not on the public booking page until an administrator publishes it
 * (settings.bookingPublished): not listed, its page, matters and slots 404, an online booking is
 * refused; ticking the flag shows it. The demo hall (stored before the flag) stays published.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { api, loginAs, startTestServer } from '../_support/server';

let db: TestDb;
let server: RunningServer;
let admin = '';
const t = suite('booking page shows published halls only');

t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
  admin = await loginAs(server.url, 'admin');
});
t.after(async () => {
  await server?.close();
  await db?.drop();
});

t('a new hall is hidden until published; the demo hall is listed', async () => {
  const listed = async () => ((await api(server.url, 'GET', '/api/booking/halls')).json.data as { id: string; name: string }[]).map((h) => h.id);
  const before = await listed();
  assert.is(before.length, 1, 'the demo hall (stored without the flag) is published');

  const created = await api(server.url, 'POST', '/api/halls', { code: 'NEW-01', name: '新建街道中心', sessions: [{ start: '09:00', end: '17:00' }] }, admin);
  assert.is(created.status, 201, JSON.stringify(created.json));
  const hall = created.json.data as { id: string; settings: { bookingPublished?: boolean } };
  assert.is(hall.settings.bookingPublished, false, 'a new hall starts unpublished');
  assert.not.ok((await listed()).includes(hall.id), 'not on the booking page');
  for (const path of [`/api/booking/halls/${hall.id}`, `/api/booking/halls/${hall.id}/matters`]) {
    const r = await api(server.url, 'GET', path);
    assert.is(r.status, 404, path);
    assert.is(r.json.error.code, 'not_found');
  }

  const bad = await api(server.url, 'PATCH', `/api/halls/${hall.id}`, { settings: { bookingPublished: 'yes' } }, admin);
  assert.is(bad.status, 400, 'a flag that is not a boolean is refused');

  const published = await api(server.url, 'PATCH', `/api/halls/${hall.id}`, { settings: { bookingPublished: true } }, admin);
  assert.is(published.status, 200, JSON.stringify(published.json));
  assert.ok((await listed()).includes(hall.id), 'listed once published');
  assert.is((await api(server.url, 'GET', `/api/booking/halls/${hall.id}`)).status, 200);
});

t.run();
