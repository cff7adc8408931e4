/**
 * Persist first, print second: whatever the printer does, the ticket is issued, and the job ends
 * 'failed' with a clear lastError within the timeout × attempts budget (here timeout 1 s).
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { tickets } from '../../db/schema';
import type { FakePrinter, FakePrinterMode } from '../../ticket-printer/index';
import type { RunningServer } from '../../server/server';
import type { TestDb } from '../_support/db';
import { api } from '../_support/server';
import { startBlackhole } from '../ticket-printer/_fixtures';
import { kioskTicket, pollJob, printerAt, putPrinter, startPrintingHall, type DemoIds } from './_support';

const TIMEOUT = 1000;
const ATTEMPTS = 3;
// Every attempt may take the timeout, plus backoff 250 + 500 ms, plus status writes and polling.
const BUDGET = TIMEOUT * ATTEMPTS + 750 + 750;

let db: TestDb;
let server: RunningServer;
let printer: FakePrinter;
let admin = '';
let manager = '';
let ids: DemoIds;
let close: () => Promise<void>;

const t = suite('print failure modes');
t.before(async () => {
  ({ db, server, printer, admin, manager, ids, close } = await startPrintingHall());
});
t.after(() => close());

async function issueAndWait(port: number) {
  const put = await putPrinter(server, admin, ids.kioskId, printerAt(port, { timeoutMs: TIMEOUT }));
  assert.is(put.status, 200);
  const started = performance.now();
  const issued = await kioskTicket(server, ids.hallId, ids.matterId);
  const [row] = await db.db.select().from(tickets).where(eq(tickets.id, issued.ticket.id));
  assert.is(row?.status, 'waiting', 'the ticket is issued whatever the printer does');
  const job = await pollJob(server, issued.print!.id, undefined, BUDGET + 2000, 20);
  return { job, elapsed: performance.now() - started, issued };
}

const modes: [FakePrinterMode, string, number][] = [
  ['refuse', 'refused', ATTEMPTS], // instant: retried within the budget
  ['close-mid-job', 'closed_mid_job', 1], // never resent: part or all of the ticket may have printed
  ['stall', 'stalled', 1], // never resent: the printer may still print what it has
];

for (const [mode, failure, attempts] of modes) {
  t(`${mode}: failed with '${failure}', after ${attempts} attempt(s), within the budget`, async () => {
    await printer.setMode(mode, { closeAfterBytes: 40 });
    try {
      const { job, elapsed } = await issueAndWait(printer.port);
      assert.is(job.status, 'failed');
      assert.ok(job.lastError?.startsWith(`${failure}: `), job.lastError ?? 'no lastError');
      assert.match(job.lastError!, `127.0.0.1:${printer.port}`);
      assert.is(job.attempts, attempts);
      assert.ok(elapsed < BUDGET, `took ${Math.round(elapsed)} ms, budget ${BUDGET}`);
    } finally {
      await printer.setMode('ok');
    }
  });
}

t("unreachable: no answer to connect → 'unreachable' after the timeout, retried within the budget", async () => {
  const hole = await startBlackhole();
  try {
    const { job, elapsed } = await issueAndWait(hole.port);
    assert.is(job.status, 'failed');
    assert.ok(job.lastError?.startsWith('unreachable: '), job.lastError ?? '');
    assert.match(job.lastError!, `within ${TIMEOUT} ms`);
    assert.is(job.attempts, ATTEMPTS, '1 s timeout: three attempts fit in the 6 s kiosk budget');
    assert.ok(elapsed >= TIMEOUT * ATTEMPTS, `waited each timeout (${Math.round(elapsed)} ms)`);
    assert.ok(elapsed < BUDGET, `took ${Math.round(elapsed)} ms, budget ${BUDGET}`);
  } finally {
    hole.close();
  }
});

t('the printer list shows the kiosk failing, with its consecutive failures and last error', async () => {
  const r = await api(server.url, 'GET', `/api/halls/${ids.hallId}/printers`, undefined, manager);
  const kiosk = r.json.data[0];
  assert.is(kiosk.state, 'failing');
  assert.is(kiosk.consecutiveFailures, 4);
  assert.ok(kiosk.lastJob.lastError.startsWith('unreachable'));
});

t('back to normal: the next ticket prints and the failure streak ends', async () => {
  const { job } = await issueAndWait(printer.port);
  assert.is(job.status, 'printed');
  const r = await api(server.url, 'GET', `/api/halls/${ids.hallId}/printers`, undefined, manager);
  assert.is(r.json.data[0].state, 'ok');
  assert.is(r.json.data[0].consecutiveFailures, 0);
});

t('nothing listening on a closed port at the default 3 s timeout is still seen at once', async () => {
  await printer.setMode('refuse');
  try {
    await putPrinter(server, admin, ids.kioskId, printerAt(printer.port, { timeoutMs: 3000 }));
    const started = performance.now();
    const issued = await kioskTicket(server, ids.hallId, ids.matterId);
    const job = await pollJob(server, issued.print!.id, undefined, 8000, 20);
    assert.is(job.status, 'failed');
    assert.ok(performance.now() - started < 3000);
  } finally {
    await printer.setMode('ok');
  }
});

t.run();
