/** Staff session: token kept per tab, errors kept for the form, ended by the server's refusal. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Ack } from '../../server/protocol/errors';
import { createSessionStore, SESSION_KEY, type RequestFn } from '../../counter-ui/src/stores/session-store';
import { memoryStorage } from './counter-fixture';

const staff = { id: 's1', username: 'staff1', displayName: '李娜', role: 'staff' as const, hallIds: ['h1'] };
const good = { token: 'st_abc', staff, expiresAt: '2026-03-10T14:00:00Z' };

function fakeRequest(answers: Record<string, Ack<unknown>>) {
  const calls: Array<{ method: string; path: string; body: unknown; token: string | null | undefined }> = [];
  const request = (async (method: string, path: string, body?: unknown, token?: string | null) => {
    calls.push({ method, path, body, token });
    return answers[`${method} ${path}`] ?? { ok: false, error: { code: 'not_found', message: 'no route' } };
  }) as RequestFn;
  return { request, calls };
}

const test = suite('session store');

test('signs in, keeps the session in storage', async () => {
  const storage = memoryStorage();
  const { request, calls } = fakeRequest({ 'POST /api/auth/login': { ok: true, data: good } });
  const s = createSessionStore({ storage, request });
  assert.is(s.session.get(), null);
  assert.ok(await s.signIn(' staff1 ', 'yichuang2026'));
  assert.equal(calls[0], { method: 'POST', path: '/api/auth/login', body: { username: 'staff1', password: 'yichuang2026' }, token: undefined });
  assert.equal(s.session.get(), good);
  assert.equal(JSON.parse(storage.getItem(SESSION_KEY)!), good);
  assert.is(s.error.get(), null);
});

test('a refused sign-in keeps the error for the form', async () => {
  const { request } = fakeRequest({ 'POST /api/auth/login': { ok: false, error: { code: 'invalid_credentials', message: 'Wrong user name or password' } } });
  const s = createSessionStore({ storage: memoryStorage(), request });
  assert.not.ok(await s.signIn('staff1', 'x'));
  assert.is(s.error.get()?.code, 'invalid_credentials');
  assert.is(s.pending.get(), false);
});

test('a stored session is resumed after a reload', () => {
  const storage = memoryStorage({ [SESSION_KEY]: JSON.stringify(good) });
  const s = createSessionStore({ storage, request: fakeRequest({}).request });
  assert.is(s.session.get()?.token, 'st_abc');
});

test('a damaged stored session is dropped', () => {
  const storage = memoryStorage({ [SESSION_KEY]: '{not json' });
  const s = createSessionStore({ storage, request: fakeRequest({}).request });
  assert.is(s.session.get(), null);
  assert.is(storage.getItem(SESSION_KEY), null);
});

test('expire() ends the session with the reason shown on the sign-in form', () => {
  const storage = memoryStorage({ [SESSION_KEY]: JSON.stringify(good) });
  const s = createSessionStore({ storage, request: fakeRequest({}).request });
  s.expire();
  assert.is(s.session.get(), null);
  assert.is(s.reason.get(), 'expired');
  assert.is(storage.getItem(SESSION_KEY), null);
});

test('sign-out tells the server and says so on the form', async () => {
  const storage = memoryStorage({ [SESSION_KEY]: JSON.stringify(good) });
  const { request, calls } = fakeRequest({ 'POST /api/auth/logout': { ok: true, data: { ok: true } } });
  const s = createSessionStore({ storage, request });
  await s.signOut();
  assert.equal(calls[0], { method: 'POST', path: '/api/auth/logout', body: undefined, token: 'st_abc' });
  assert.is(s.reason.get(), 'signed_out');
  assert.is(s.session.get(), null);
});

test.run();
