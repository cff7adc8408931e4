/** The manager's session: the shared staff session, resumed only while this PC's clock says it is current. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Ack } from '../../server/protocol/errors';
import { createSessionStore, SESSION_KEY, type RequestFn } from '../../dashboard-ui/src/stores/session';
import { memoryStorage } from './counter-fixture';

const staff = { id: 'm1', username: 'manager', displayName: '王敏', role: 'manager' as const, hallIds: ['h1'] };
const stored = { token: 'st_mgr', staff, expiresAt: '2026-03-10T14:00:00Z' };
const before = Date.parse('2026-03-10T13:59:00Z');
const after = Date.parse('2026-03-10T14:01:00Z');
const refuse = (async () => ({ ok: false, error: { code: 'not_found', message: 'no route' } }) as Ack<never>) as RequestFn;

const test = suite('dashboard session');

test('a stored session is resumed before its expiry', () => {
  const storage = memoryStorage({ [SESSION_KEY]: JSON.stringify(stored) });
  const s = createSessionStore({ storage, request: refuse, now: () => before });
  assert.is(s.session.get()?.token, 'st_mgr');
});

test('a stored session past its expiry is not resumed', () => {
  const storage = memoryStorage({ [SESSION_KEY]: JSON.stringify(stored) });
  const s = createSessionStore({ storage, request: refuse, now: () => after });
  assert.is(s.session.get(), null);
  assert.is(s.reason.get(), null);
});

test('expire() ends the session and says why', () => {
  const storage = memoryStorage({ [SESSION_KEY]: JSON.stringify(stored) });
  const s = createSessionStore({ storage, request: refuse, now: () => before });
  s.expire();
  assert.is(s.session.get(), null);
  assert.is(s.reason.get(), 'expired');
  assert.is(storage.getItem(SESSION_KEY), null);
});

test('a new sign-in clears the reason', async () => {
  const storage = memoryStorage({ [SESSION_KEY]: JSON.stringify(stored) });
  const request = (async () => ({ ok: true, data: stored })) as RequestFn;
  const s = createSessionStore({ storage, request, now: () => before });
  s.expire();
  assert.ok(await s.signIn('manager', 'yichuang2026'));
  assert.is(s.reason.get(), null);
  assert.is(s.session.get()?.token, 'st_mgr');
});

test.run();
