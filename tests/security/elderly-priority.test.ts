/** Elderly priority cannot be declared through the API; it is derived from the identity number (issue #11 §9). */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { idNumberCheckChar } from '../../server/protocol/identity-number';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { api, loginAs, startTestServer } from '../_support/server';

const KIOSK = 'dv_demo-kiosk-1';
const idBorn = (ymd: string) => `110101${ymd}123`.replace(/^(.{17})$/, (s) => s + idNumberCheckChar(s));
let db: TestDb;
let server: RunningServer;
let base = '';
let hallId = '';
let matterId = '';

const t = suite('elderly priority is derived');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
  base = server.url;
  hallId = server.seed.hallId!;
  const admin = await loginAs(base, 'admin');
  matterId = (await api(base, 'GET', `/api/halls/${hallId}/matters`, undefined, admin)).json.data[0].id;
});
t.after(async () => {
  await server.close();
  await db.drop();
});

const issue = (body: Record<string, unknown>, token = KIOSK) => api(base, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId, ...body }, token);

t('greenChannel "elderly" is refused, with or without an identity number, from kiosks and staff', async () => {
  const staff = await loginAs(base, 'staff1');
  for (const [body, token] of [[{ greenChannel: 'elderly' }, KIOSK], [{ greenChannel: 'elderly', idNumber: idBorn('20000307') }, KIOSK], [{ greenChannel: 'elderly', source: 'staff' }, staff]] as const) {
    const r = await issue(body, token);
    assert.is(r.status, 400, JSON.stringify(body));
    assert.is(r.json.error.code, 'validation_failed');
    assert.match(r.json.error.fields.greenChannel, /identity number/);
  }
});

t('a 26-year-old’s identity number gives no priority; a 76-year-old’s gives elderly', async () => {
  const young = await issue({ idNumber: idBorn('20000307') });
  assert.is(young.status, 201);
  assert.is(young.json.data.ticket.priorityReason, null);
  const old = await issue({ idNumber: '11010519491231002X' });
  assert.is(old.status, 201);
  assert.is(old.json.data.ticket.priorityReason, 'elderly');
});

t('declared reasons still work and keep their name', async () => {
  const r = await issue({ greenChannel: 'pregnant' });
  assert.is(r.status, 201);
  assert.is(r.json.data.ticket.priorityReason, 'pregnant');
});

t.run();
