/**
 * Revocation reaches every node (issue #11 §1): two servers on one PostgreSQL with the periodic
 * re-check switched off, so only the adapter can carry it — a logout on server A cuts the socket
 * held open on server B, and deactivating a device through B cuts its socket on A.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openDb } from '../../db/client';
import { getConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/server';
import { createTestDb, onPostgres, type TestDb } from '../_support/db';
import { api, connected, loginAs, socketFor, type ClientSocket } from '../_support/server';
import { disconnectedWithin } from './_sockets';

const t = suite('socket revocation across server processes');

if (onPostgres) {
  let db: TestDb;
  let a: RunningServer;
  let b: RunningServer;
  const sockets: ClientSocket[] = [];
  const config = getConfig({ PORT: '0', HOST: '127.0.0.1', PII_KEY: '22'.repeat(32), SEED_DEMO: 'true' });
  const noRecheck = { log: () => {}, backgroundJobs: false, socketRecheckMs: 3_600_000 } as const;

  t.before(async () => {
    db = await createTestDb();
    a = await startServer({ ...config, databaseUrl: db.url }, noRecheck);
    b = await startServer({ ...config, databaseUrl: db.url }, { ...noRecheck, db: await openDb(db.url) });
  });
  t.after(async () => {
    for (const s of sockets) s.close();
    await a.close();
    await b.close();
    await b.db.close();
    await db.drop();
  });

  t('logout through server A disconnects the same session’s socket on server B', async () => {
    const token = await loginAs(a.url, 'staff1');
    const onB = socketFor(b.url, token);
    sockets.push(onB);
    await connected(onB);
    await new Promise((r) => setTimeout(r, 300)); // let B's room join settle
    const gone = disconnectedWithin(onB, 5_000);
    assert.is((await api(a.url, 'POST', '/api/auth/logout', undefined, token)).status, 200);
    assert.is(await gone, 'io server disconnect');
  });

  t('deactivating a device through server B disconnects its socket on server A', async () => {
    const admin = await loginAs(a.url, 'admin');
    const hallId = (await api(a.url, 'GET', '/api/halls', undefined, admin)).json.data[0].id;
    const created = (await api(a.url, 'POST', `/api/halls/${hallId}/devices`, { kind: 'display', name: '临时屏' }, admin)).json.data;
    const onA = socketFor(a.url, created.token);
    sockets.push(onA);
    await connected(onA);
    await new Promise((r) => setTimeout(r, 300));
    const gone = disconnectedWithin(onA, 5_000);
    assert.ok((await api(b.url, 'DELETE', `/api/devices/${created.id}`, undefined, admin)).status < 300);
    assert.is(await gone, 'io server disconnect');
  });
}

t.run();
