/**
 * Handshake tokens are resolved in batches (server/socket/handshake-auth.ts): a burst of
 * reconnecting screens costs one lookup, and each still gets exactly its own actor — or none.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { login } from '../../server/app/auth';
import type { AppDeps } from '../../server/app/deps';
import { batchedTokenResolver } from '../../server/socket/handshake-auth';
import { createTestDb, type TestDb } from '../_support/db';
import { seedDemoHall, testDeps } from '../_support/fixtures';

const t = suite('batched handshake auth');
let db: TestDb;
let deps: AppDeps;

t.before(async () => {
  db = await createTestDb();
  await seedDemoHall(db.db);
  deps = testDeps(db.db, { now: () => new Date() });
});
t.after(() => db.drop());

t('a burst of handshakes is one lookup; every token gets its own actor, unknown and malformed ones none', async () => {
  let lookups = 0;
  const counted = { ...deps, db: new Proxy(deps.db, { get: (target, prop, r) => (prop === 'select' && lookups++, Reflect.get(target, prop, r)) }) };
  const resolve = batchedTokenResolver(counted, { waitMs: 20 });
  const staff = await login(deps, 'staff1', 'yichuang2026');
  const [display, kiosk, manager, unknown, malformed, missing, huge] = await Promise.all([
    resolve('dv_demo-display-1'),
    resolve('dv_demo-kiosk-1'),
    resolve(staff.token),
    resolve('dv_no-such-device'),
    resolve('not-a-token'),
    resolve(undefined),
    resolve('dv_' + 'x'.repeat(300)),
  ]);
  assert.is(display?.kind, 'device');
  assert.is(display?.kind === 'device' && display.deviceKind, 'display');
  assert.is(kiosk?.kind === 'device' && kiosk.deviceKind, 'kiosk');
  assert.is(manager?.kind === 'staff' && manager.username, 'staff1');
  assert.equal([unknown, malformed, missing, huge], [null, null, null, null]);
  assert.is(lookups, 2, 'one query for sessions and one for devices, for the whole burst');
});

t('a failed lookup fails every handshake of the batch (the socket answers internal_error)', async () => {
  const broken = { ...deps, db: new Proxy(deps.db, { get: (target, prop, r) => (prop === 'select' ? () => { throw new Error('database_unavailable'); } : Reflect.get(target, prop, r)) }) };
  const resolve = batchedTokenResolver(broken);
  const outcomes = await Promise.all(['dv_demo-display-1', 'dv_demo-kiosk-1'].map((tk) => resolve(tk).then(() => 'ok', (e: Error) => e.message)));
  assert.equal(outcomes, ['database_unavailable', 'database_unavailable']);
});

t.run();
