/** A demo-hall server whose log lines are kept, for tests that assert what is (not) logged. */
import { getConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/server';
import type { Clock } from '../../server/domain/clock';
import type { TestDb } from '../_support/db';
import { openTicketHoursAlways } from '../_support/fixtures';

export async function startLoggedServer(db: TestDb, opts: { clock?: Clock } = {}): Promise<{ server: RunningServer; logs: string[] }> {
  const logs: string[] = [];
  const config = getConfig({ PORT: '0', HOST: '127.0.0.1', PII_KEY: '11'.repeat(32), SEED_DEMO: 'true' });
  const server = await startServer(
    { ...config, databaseUrl: db.url },
    { db, backgroundJobs: false, log: (msg, err) => logs.push(`${msg} ${typeof err === 'string' ? err : String(err)}`), ...(opts.clock && { clock: opts.clock }) },
  );
  await openTicketHoursAlways(db.db); // the kiosk issues at any hour, whenever the suite runs
  return { server, logs };
}
