/** The public limiter: per real client address, O(1) per request, bounded memory, not spoofable. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { ParameterizedContext } from 'koa';
import type { AppState } from '../../server/http/context';
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

const unit = suite('rateLimit');

unit('limits each address per window and forgets it in the next window', async () => {
  let t = 0;
  const mw = rateLimit({ max: 3, windowMs: 1000 }, () => t);
  const seen = [];
  for (let i = 0; i < 4; i++) seen.push(await outcome(mw, '10.0.0.1'));
  assert.equal(seen, ['ok', 'ok', 'ok', 'rate_limited']);
  assert.is(await outcome(mw, '10.0.0.2'), 'ok', 'another address has its own budget');
  t = 1000;
  assert.is(await outcome(mw, '10.0.0.1'), 'ok');
});

unit('many distinct addresses cost O(1) each, and past maxClients new ones are refused', async () => {
  const mw = rateLimit({ max: 5, windowMs: 60_000, maxClients: 20_000 }, () => 0);
  const started = performance.now();
  for (let i = 0; i < 20_000; i++) await outcome(mw, `ip-${i}`);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 2_000, `20,000 addresses took ${elapsed.toFixed(0)} ms`);
  assert.is(await outcome(mw, 'one-more'), 'rate_limited');
  assert.is(await outcome(mw, 'ip-5'), 'ok', 'known addresses keep their budget');
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
