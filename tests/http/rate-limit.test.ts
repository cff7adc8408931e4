/** The public limiter: per real client address, one statement per request, shared by every server process, not spoofable. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { ParameterizedContext } from 'koa';
import type { AppState } from '../../server/http/context';
import { manualClock } from '../../server/domain/clock';
import { rateLimit } from '../../server/http/rate-limit';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { startTestServer } from '../_support/server';

const ctxFor = (ip: string) => ({ ip, set: () => {} }) as unknown as ParameterizedContext<AppState>;
async function outcome(mw: ReturnType<typeof rateLimit>, ip: string): Promise<string> {
  try {
    await mw(ctxFor(ip), async () => {});
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? 'error';
  }
}

const unit = suite('rateLimit (counted in the database)');
let udb: TestDb;
unit.before(async () => {
  udb = await createTestDb();
});
unit.after(async () => {
  await udb.drop();
});
const depsAt = (iso: string) => ({ db: udb.db, piiKey: Buffer.alloc(32, 3), clock: manualClock(iso) });

unit('limits each address per window and forgets it in the next window', async () => {
  const deps = depsAt('2026-11-23T02:00:00Z');
  const mw = rateLimit(deps, 'unit-a', { max: 3, windowMs: 1000 });
  const seen = [];
  for (let i = 0; i < 4; i++) seen.push(await outcome(mw, '10.0.0.1'));
  assert.equal(seen, ['ok', 'ok', 'ok', 'rate_limited']);
  assert.is(await outcome(mw, '10.0.0.2'), 'ok', 'another address has its own budget');
  deps.clock.advance(999);
  assert.is(await outcome(mw, '10.0.0.1'), 'rate_limited', 'refused requests did not move the window');
  deps.clock.advance(1);
  assert.is(await outcome(mw, '10.0.0.1'), 'ok');
});

unit('limiters of one name share a budget (as two server processes do); other names have their own', async () => {
  const deps = depsAt('2026-11-23T03:00:00Z');
  const a = rateLimit(deps, 'unit-b', { max: 4, windowMs: 60_000 });
  const b = rateLimit(deps, 'unit-b', { max: 4, windowMs: 60_000 });
  const other = rateLimit(deps, 'unit-c', { max: 4, windowMs: 60_000 });
  const seen = [];
  for (let i = 0; i < 5; i++) seen.push(await outcome(i % 2 ? b : a, '10.0.1.1'));
  assert.equal(seen, ['ok', 'ok', 'ok', 'ok', 'rate_limited']);
  assert.is(await outcome(other, '10.0.1.1'), 'ok');
});

unit('parallel requests: exactly the limit gets through', async () => {
  const deps = depsAt('2026-11-23T04:00:00Z');
  const mw = rateLimit(deps, 'unit-d', { max: 10, windowMs: 60_000 });
  const seen = await Promise.all(Array.from({ length: 30 }, () => outcome(mw, '10.0.2.1')));
  assert.is(seen.filter((x) => x === 'ok').length, 10);
  assert.is(seen.filter((x) => x === 'rate_limited').length, 20);
});
unit.run();

let db: TestDb;
let server: RunningServer;
const http = suite('public booking endpoints behind no proxy');
http.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
});
http.after(async () => {
  await server.close();
  await db.drop();
});

http('a rotating X-Forwarded-For does not escape the limit', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 70; i++) {
    const res = await fetch(`${server.url}/api/booking/appointments/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
      body: JSON.stringify({ code: 'ABCD2345', idNumber: '11010519491231002X', commandId: randomUUID() }),
    });
    statuses.push(res.status);
    await res.arrayBuffer();
  }
  assert.ok(statuses.includes(429), `no 429 in ${JSON.stringify([...new Set(statuses)])}`);
});
http.run();
