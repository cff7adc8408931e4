/**
 * A database that cannot be reached fails every query at once, however many failed before it.
 * postgres.js's own reconnect delay grows with the pool's failures (up to 20 s); with it, the
 * 30th query against a dead port waited seconds before it even tried (db/client.ts backoff).
 * Runs on any machine: a port nobody listens on, no database needed.
 */
import { sql } from 'drizzle-orm';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CONNECT_TIMEOUT_MS } from '../../db/postgres-pool';
import { openDb, RECONNECT_DELAY_MAX_MS, reconnectDelaySeconds } from '../../db/client';
import { isDatabaseUnavailable } from '../../server/app/database-unavailable';
import { freePort } from '../_support/processes';

const t = suite('database outage: fail fast');

t('the reconnect delay doubles from 10 ms and stops at its ceiling', () => {
  assert.equal([0, 1, 2, 3, 4, 5, 10, 50].map(reconnectDelaySeconds), [0.01, 0.02, 0.04, 0.08, 0.16, 0.25, 0.25, 0.25]);
});

t('40 queries in a row against a dead port each fail within the connect timeout and the delay ceiling', async () => {
  const port = await freePort();
  const before = process.env.DB_POOL_MAX;
  process.env.DB_POOL_MAX = '2'; // every connection fails and is reused many times
  const opened = await openDb(`postgres://postgres@127.0.0.1:${port}/none`, { migrate: false });
  if (before === undefined) delete process.env.DB_POOL_MAX;
  else process.env.DB_POOL_MAX = before;
  try {
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const started = performance.now();
      const err = await opened.db.execute(sql`SELECT 1`).then(
        () => null,
        (e: unknown) => e,
      );
      times.push(performance.now() - started);
      assert.ok(err, `query ${i} against a dead port succeeded`);
      assert.ok(isDatabaseUnavailable(err), `query ${i}: ${String(err)}`);
    }
    const slowest = Math.max(...times);
    assert.ok(slowest <= CONNECT_TIMEOUT_MS + RECONNECT_DELAY_MAX_MS + 250, `slowest failure ${slowest.toFixed(0)} ms: ${times.map((x) => x.toFixed(0)).join(' ')}`);
  } finally {
    await opened.close();
  }
});

t.run();
