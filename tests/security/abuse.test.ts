/**
 * Booking and sign-in abuse (issue #11 §6): a public booking needs the code sent to the phone it
 * names; bookings and codes are limited per address and per phone; failed sign-ins are limited per
 * address and lock an account only for the address they came from; 401 and 423 read the same for
 * real and unknown accounts. A real visitor and a real colleague get through.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { recordingPhoneNotifier } from '../../server/app/phone-notifier';
import { AppError } from '../../server/app/app-error';
import { ADDRESS_FAILURES, ADDRESS_WINDOW_MS, FIRST_LOCK_MS, KNOWN_MS, MAX_LOCK_MS, PAIR_FAILURES, throttledSignIn, unlockSignIn } from '../../server/app/login-throttle';
import { purgeExpiredCounters, throttleKey } from '../../server/app/throttle-store';
import { throttleCounters } from '../../db/schema-security';
import { getConfig } from '../../server/config';
import { manualClock } from '../../server/domain/clock';
import { idNumberCheckChar } from '../../server/protocol/identity-number';
import { startServer, type RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';

const clock = manualClock('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai
const notifier = recordingPhoneNotifier();
let db: TestDb;
let server: RunningServer;
let base = '';
let hallId = '';
let matterId = '';

/** A request from a given client address (the server trusts X-Forwarded-For here, as behind a proxy). */
async function from(address: string, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as any };
}
const person = (n: number) => {
  const first17 = `110105198502${String(1 + (n % 28)).padStart(2, '0')}${String(100 + n).slice(-3)}`;
  return { idNumber: first17 + idNumberCheckChar(first17), phone: `1370000${String(1000 + n)}` };
};
const booking = (who: { idNumber: string; phone: string }, extra: Record<string, unknown> = {}) => ({
  commandId: randomUUID(),
  matterId,
  date: '2026-11-24',
  slotStart: '09:00',
  ...who,
  ...extra,
});

const t = suite('abuse');
t.before(async () => {
  db = await createTestDb();
  const config = getConfig({ PORT: '0', HOST: '127.0.0.1', PII_KEY: '11'.repeat(32), SEED_DEMO: 'true', TRUST_PROXY: 'true' });
  server = await startServer({ ...config, databaseUrl: db.url }, { db, clock, log: () => {}, backgroundJobs: false, phoneNotifier: notifier });
  base = server.url;
  hallId = server.seed.hallId!;
  const matters = await from('10.0.0.1', 'GET', `/api/booking/halls/${hallId}/matters`);
  matterId = matters.json.data.find((m: { name: string }) => m.name === '企业设立登记').id;
});
t.after(async () => {
  await server.close();
  await db.drop();
});

t('invented identities with invented phones cannot fill a slot: no code, no booking', async () => {
  for (let i = 0; i < 4; i++) {
    const r = await from('10.0.1.1', 'POST', `/api/booking/halls/${hallId}/appointments`, booking(person(i), { phoneCode: '123456' }));
    assert.is(r.status, 400, `invented ${i}`);
    assert.ok(r.json.error.fields.phoneCode);
  }
  const slots = await from('10.0.1.1', 'GET', `/api/booking/halls/${hallId}/matters/${matterId}/slots`);
  assert.is(slots.json.data.days[0].slots[0].remaining, 4, 'the slot is untouched');
});

t('a real visitor: asks for a code, receives it on the phone, books', async () => {
  const v = person(10);
  const sent = await from('10.0.2.1', 'POST', '/api/booking/phone-codes', { phone: v.phone });
  assert.is(sent.status, 201);
  assert.is(sent.json.data.sentTo, '137****1010');
  const code = notifier.lastCodeFor(v.phone)!;
  assert.match(code, /^\d{6}$/);
  assert.not.ok(JSON.stringify(sent.json).includes(code), 'the code only goes to the phone');
  const r = await from('10.0.2.1', 'POST', `/api/booking/halls/${hallId}/appointments`, booking(v, { phoneCode: code }));
  assert.is(r.status, 201, JSON.stringify(r.json));
});

t('a code allows five tries, then even the right one is refused; one new code a minute per phone', async () => {
  const v = person(11);
  await from('10.0.3.1', 'POST', '/api/booking/phone-codes', { phone: v.phone });
  const code = notifier.lastCodeFor(v.phone)!;
  const wrong = code === '000000' ? '000001' : '000000';
  for (let i = 0; i < 5; i++) assert.is((await from('10.0.3.1', 'POST', `/api/booking/halls/${hallId}/appointments`, booking(v, { phoneCode: wrong }))).status, 400);
  const right = await from('10.0.3.2', 'POST', `/api/booking/halls/${hallId}/appointments`, booking(v, { phoneCode: code }));
  assert.is(right.status, 400, 'tries used up');
  const again = await from('10.0.3.3', 'POST', '/api/booking/phone-codes', { phone: v.phone });
  assert.is(again.status, 429, 'not twice within a minute, from any address');
  clock.advance(61_000);
  assert.is((await from('10.0.3.3', 'POST', '/api/booking/phone-codes', { phone: v.phone })).status, 201);
  const fresh = notifier.lastCodeFor(v.phone)!;
  assert.is((await from('10.0.3.3', 'POST', `/api/booking/halls/${hallId}/appointments`, booking(v, { phoneCode: fresh, slotStart: '09:30' }))).status, 201);
});

t('codes expire after ten minutes', async () => {
  const v = person(12);
  await from('10.0.4.1', 'POST', '/api/booking/phone-codes', { phone: v.phone });
  const code = notifier.lastCodeFor(v.phone)!;
  clock.advance(10 * 60_000 + 1_000);
  assert.is((await from('10.0.4.1', 'POST', `/api/booking/halls/${hallId}/appointments`, booking(v, { phoneCode: code }))).status, 400);
});

t('bookings and code requests are limited per address: the 11th in ten minutes is 429', async () => {
  let status = 0;
  for (let i = 0; i < 11; i++) status = (await from('10.0.5.1', 'POST', `/api/booking/halls/${hallId}/appointments`, booking(person(20 + i), { phoneCode: '111111' }))).status;
  assert.is(status, 429);
  status = 0;
  for (let i = 0; i < 11; i++) status = (await from('10.0.5.2', 'POST', '/api/booking/phone-codes', { phone: person(40 + i).phone })).status;
  assert.is(status, 429);
  assert.is((await from('10.0.5.3', 'POST', '/api/booking/phone-codes', { phone: person(60).phone })).status, 201, 'another address is unaffected');
});

t('sign-in: 401 and 423 read the same for real and unknown accounts; the lock holds only for the address it came from', async () => {
  const attempt = (address: string, username: string, password = 'wrong-password') => from(address, 'POST', '/api/auth/login', { username, password });
  const real = await attempt('10.1.0.1', 'staff2');
  const ghost = await attempt('10.1.0.1', 'ghost');
  assert.equal([real.status, real.json.error.code, real.json.error.message], [ghost.status, ghost.json.error.code, ghost.json.error.message]);
  const answers: string[] = [];
  for (const name of ['staff2', 'ghost']) {
    let last = { status: 0, json: {} as any };
    for (let i = 0; i < 5; i++) last = await attempt('10.1.0.2', name);
    answers.push(`${last.status} ${last.json.error.code} ${last.json.error.message}`);
  }
  assert.is(answers[0], answers[1], 'locked real and unknown accounts answer alike');
  assert.match(answers[0]!, /^423 account_locked/);
  assert.is((await attempt('10.1.0.2', 'staff2', 'yichuang2026')).status, 423, 'locked for that address, even with the right password');
  const colleague = await attempt('10.1.0.3', 'staff2', 'yichuang2026');
  assert.is(colleague.status, 200, 'the real colleague at another address signs in');
});

t('sign-in: password spraying from one address is cut off after 20 failures; good sign-ins are not counted', async () => {
  for (let i = 0; i < 30; i++) assert.is((await from('10.2.0.1', 'POST', '/api/auth/login', { username: 'staff1', password: 'yichuang2026' })).status, 200);
  const statuses: number[] = [];
  for (let i = 0; i < 22; i++) statuses.push((await from('10.2.0.2', 'POST', '/api/auth/login', { username: `user${i}`, password: 'x' })).status);
  assert.equal(statuses.slice(0, 20), Array(20).fill(401));
  assert.equal(statuses.slice(20), [429, 429]);
  assert.is((await from('10.2.0.3', 'POST', '/api/auth/login', { username: 'staff1', password: 'yichuang2026' })).status, 200);
});

const throttle = suite('login throttle (in the database)');
let tdb: TestDb;
throttle.before(async () => {
  tdb = await createTestDb();
});
throttle.after(async () => {
  await tdb.drop();
});

throttle('locks double with each repeat, up to a day, and a success clears the pair', async () => {
  const c = manualClock('2026-11-23T02:00:00Z');
  const deps = { db: tdb.db, piiKey: Buffer.alloc(32, 7), clock: c };
  const wrong = () => Promise.reject(new AppError('invalid_credentials', 'Wrong user name or password'));
  const right = () => Promise.resolve('in');
  const lockOuts: Date[] = [];
  const sign = (address: string, name: string, attempt: () => Promise<string> = wrong) =>
    throttledSignIn(deps, address, name, attempt, async (until) => void lockOuts.push(until)).then(
      () => 'ok',
      (e: AppError) => `${e.code} ${e.message}`,
    );
  const fail5 = async () => {
    for (let i = 0; i < 4; i++) assert.match(await sign('a', 'u'), /^invalid_credentials/);
    assert.match(await sign('a', 'u'), /^account_locked .*locked here for 15 minutes/);
  };
  await fail5();
  assert.equal(lockOuts.map((d) => d.getTime() - c.now().getTime()), [FIRST_LOCK_MS]);
  assert.match(await sign('a', 'u', right), /^account_locked .*try again in 15 minutes/, 'locked even with the right password');
  assert.is(await sign('b', 'u', right), 'ok', 'another address is not locked');
  assert.is(await sign('a', 'other', right), 'ok', 'another name from the same address is not locked');
  c.advance(FIRST_LOCK_MS);
  assert.match(await sign('a', 'u'), /^invalid_credentials/, 'the lock is over');
  for (let i = 0; i < 3; i++) await sign('a', 'u');
  assert.match(await sign('a', 'u'), /locked here for 30 minutes/, 'the second lock doubles');
  c.advance(FIRST_LOCK_MS);
  assert.match(await sign('a', 'U '), /^account_locked .*try again in 15 minutes/, 'names compared case-insensitively');
  c.advance(FIRST_LOCK_MS);
  assert.is(await sign('a', 'u', right), 'ok');
  for (let i = 0; i < 4; i++) await sign('a', 'u');
  assert.is(await sign('a', 'u', right), 'ok', 'a success cleared the pair: four new failures do not lock');
  for (let i = 0; i < 4; i++) await sign('a', 'u');
  await unlockSignIn(deps, 'U');
  for (let i = 0; i < 4; i++) await sign('a', 'u');
  assert.match(await sign('a', 'u', right), /^ok/, 'an unlock forgets the failures of the name from every address');
});

throttle('the back-off is capped at a day, and a quiet day forgets earlier locks', async () => {
  const c = manualClock('2026-11-23T02:00:00Z');
  const deps = { db: tdb.db, piiKey: Buffer.alloc(32, 8), clock: c };
  const wrong = () => Promise.reject(new AppError('invalid_credentials', 'x'));
  const lockMinutes: number[] = [];
  for (let lock = 0; lock < 9; lock++) {
    let last = '';
    for (let i = 0; i < PAIR_FAILURES; i++) last = await throttledSignIn(deps, 'x', 'v', wrong).catch((e: AppError) => e.message);
    lockMinutes.push(Number(/locked here for (\d+) minutes/.exec(last)?.[1]));
    c.advance(lockMinutes.at(-1)! * 60_000); // just the lock: the failures right after it still count as a repeat
  }
  assert.equal(lockMinutes, [15, 30, 60, 120, 240, 480, 960, 1440, 1440]);
  c.advance(MAX_LOCK_MS);
  let last = '';
  for (let i = 0; i < PAIR_FAILURES; i++) last = await throttledSignIn(deps, 'x', 'v', wrong).catch((e: AppError) => e.message);
  assert.match(last, /locked here for 15 minutes/, 'after a quiet day the back-off starts again');
});

throttle('parallel guesses from one address cannot slip past the address limit', async () => {
  const c = manualClock('2026-11-23T02:00:00Z');
  const deps = { db: tdb.db, piiKey: Buffer.alloc(32, 9), clock: c };
  const slowWrong = () => new Promise<string>((_, reject) => setTimeout(() => reject(new AppError('invalid_credentials', 'x')), 50));
  const codes = await Promise.all(Array.from({ length: 40 }, (_, i) => throttledSignIn(deps, 'p', `name${i}`, slowWrong).catch((e: AppError) => e.code)));
  assert.is(codes.filter((x) => x === 'invalid_credentials').length, ADDRESS_FAILURES, 'exactly the limit reached the password check');
  assert.is(codes.filter((x) => x === 'rate_limited').length, 40 - ADDRESS_FAILURES);
  assert.match(await throttledSignIn(deps, 'p', 'name0', () => Promise.resolve('in')).catch((e: AppError) => e.code), /rate_limited/);
  c.advance(ADDRESS_WINDOW_MS);
  assert.is(await throttledSignIn(deps, 'p', 'name0', () => Promise.resolve('in')), 'in', 'a new window');
});

throttle('a stranger sharing the address cannot lock out a colleague who signed in from it before', async () => {
  const c = manualClock('2026-11-23T02:00:00Z');
  const deps = { db: tdb.db, piiKey: Buffer.alloc(32, 11), clock: c };
  const wrong = () => Promise.reject(new AppError('invalid_credentials', 'Wrong user name or password'));
  const right = () => Promise.resolve('in');
  const sign = (name: string, attempt: () => Promise<string>) => throttledSignIn(deps, 'hall-nat', name, attempt).catch((e: AppError) => e.code);
  assert.is(await sign('colleague', right), 'in', 'the colleague signs in at the hall in the morning');
  for (let i = 0; i < ADDRESS_FAILURES; i++) await sign(`stranger${i}`, wrong);
  assert.is(await sign('newcomer', right), 'rate_limited', 'the address is over its limit');
  c.advance(3_600_000);
  for (let i = 0; i < ADDRESS_FAILURES; i++) await sign(`stranger${i}`, wrong);
  assert.is(await sign('colleague', right), 'in', 'a name known at this address still gets through');
  assert.is(await sign('colleague', wrong), 'rate_limited', 'a wrong password answers like every other name over the limit');
  for (let i = 0; i < PAIR_FAILURES - 2; i++) await sign('colleague', wrong);
  assert.is(await sign('colleague', wrong), 'account_locked', 'and its own five tries still lock it here');
  c.advance(FIRST_LOCK_MS);
  for (let i = 0; i < ADDRESS_FAILURES; i++) await sign(`stranger${i}`, wrong);
  assert.is(await sign('colleague', right), 'in', 'the lock is over; still known');
  c.advance(KNOWN_MS);
  for (let i = 0; i < ADDRESS_FAILURES; i++) await sign(`stranger${i}`, wrong);
  assert.is(await sign('colleague', right), 'rate_limited', 'thirty days without a sign-in here: no longer known');
});

throttle('the purge deletes counters that are over and keeps live ones', async () => {
  const c = manualClock('2030-01-01T02:00:00Z'); // later than the other tests' counters: the purge takes theirs too
  const deps = { db: tdb.db, piiKey: Buffer.alloc(32, 10), clock: c };
  await throttledSignIn(deps, 'q', 'w', () => Promise.reject(new AppError('invalid_credentials', 'x'))).catch(() => {});
  const address = throttleKey(deps, 'login-address', 'q');
  const pair = throttleKey(deps, 'login-pair', 'q', 'w');
  const left = async () => (await tdb.db.select({ key: throttleCounters.key }).from(throttleCounters)).map((r) => r.key);
  await purgeExpiredCounters(deps, c.now());
  assert.equal((await left()).sort(), [address, pair].sort(), 'only the live counters are left');
  c.advance(ADDRESS_WINDOW_MS);
  assert.is(await purgeExpiredCounters(deps, c.now()), 1);
  assert.equal(await left(), [pair], 'the address window is over; the failure of the name is remembered for a day');
  c.advance(MAX_LOCK_MS);
  assert.is(await purgeExpiredCounters(deps, c.now()), 1);
  assert.equal(await left(), []);
});

t.run();
throttle.run();
