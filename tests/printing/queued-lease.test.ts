/**
 * A printer's queue backs up past the claim's lease: jobs still waiting behind a slow printer must
 * not be claimed and sent a second time by the sweep, whether this process sweeps or another one.
 * (Regression: the sweep re-dispatched queued jobs whose lease had run out, and the same ticket
 * printed twice.)
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { printJobs } from '../../db/schema-printing';
import type { PrintOutcome, SendFn } from '../../ticket-printer/index';
import { issueTicket } from '../../server/app/issue-ticket';
import { createPrintService } from '../../server/app/printing/print-service';
import { systemClock } from '../../server/domain/clock';
import type { TestDb } from '../_support/db';
import { hallWithKioskPrinter } from './_support';
import { cmd, recordingPublisher, testDeps, type DemoHall } from '../_support/fixtures';

const LEASE_MS = 400;
const PRINT_MS = 300; // 4 tickets take 1.2 s: tickets 3 and 4 wait past the lease

let db: TestDb;
let hall: DemoHall;

const t = suite('print jobs queued behind a slow printer');
t.before(async () => {
  ({ db, hall } = await hallWithKioskPrinter());
});
t.after(async () => {
  await db.drop();
});

/** Two server processes on one database, each with its own print service and slow printer. */
function twoProcesses() {
  const sentA: string[] = [];
  const sentB: string[] = [];
  const service = (sent: string[]) => {
    const deps = testDeps(db.db, systemClock, recordingPublisher());
    const printing = createPrintService(deps, { leaseMs: LEASE_MS, sweepEveryMs: 0, send: slowPrinter(sent) });
    deps.printing = printing; // the same object the service holds, as in the server
    return Object.assign(deps, { printing });
  };
  return { depsA: service(sentA), depsB: service(sentB), sentA, sentB };
}

/** A slow printer that records the ticket number of every job it receives. */
function slowPrinter(sent: string[]): SendFn {
  return async (bytes) => {
    sent.push(/[A-Z]\d{3}/.exec(Buffer.from(bytes).toString('latin1'))?.[0] ?? '?');
    await new Promise((r) => setTimeout(r, PRINT_MS));
    return { ok: true, ms: PRINT_MS, confirmation: 'status', statusByte: 0x12 } satisfies PrintOutcome;
  };
}

async function issueFour(deps: ReturnType<typeof testDeps>): Promise<{ jobIds: string[]; numbers: string[] }> {
  const kiosk = await hall.kiosk();
  const matter = await hall.matter('社保登记');
  const jobIds: string[] = [];
  const numbers: string[] = [];
  for (let i = 0; i < 4; i++) {
    const issued = await issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id });
    jobIds.push(issued.print!.id);
    numbers.push(issued.ticket.number);
  }
  return { jobIds, numbers };
}

async function assertPrintedOnce(jobIds: string[]): Promise<void> {
  const rows = await db.db.select().from(printJobs);
  for (const id of jobIds) {
    const row = rows.find((r) => r.id === id);
    assert.is(row?.status, 'printed', `job ${id}: ${row?.status} (${row?.lastError})`);
    assert.is(row?.attempts, 1, `job ${id}: attempts ${row?.attempts}`);
  }
}

t('the same process sweeps while jobs wait past their lease: each ticket is sent exactly once', async () => {
  const sent: string[] = [];
  const deps = testDeps(db.db, systemClock, recordingPublisher());
  deps.printing = createPrintService(deps, { leaseMs: LEASE_MS, sweepEveryMs: 0, send: slowPrinter(sent) });
  const { jobIds, numbers } = await issueFour(deps);
  await new Promise((r) => setTimeout(r, LEASE_MS + 100)); // tickets 3–4 still queued, their lease ran out
  const swept = await deps.printing.recover(); // the periodic sweep
  await deps.printing.idle();
  assert.equal(sent, numbers, `sent ${sent.join(', ')}`);
  assert.is(swept.resumed, 0, 'the sweep must not re-run jobs this process already has queued');
  await assertPrintedOnce(jobIds);
  await deps.printing.close();
});

t("another process sweeps after this process's sweep: queued jobs stay with their process, each sent once", async () => {
  const { depsA, depsB, sentA, sentB } = twoProcesses();
  const { jobIds, numbers } = await issueFour(depsA);
  await new Promise((r) => setTimeout(r, LEASE_MS + 100));
  await depsA.printing.recover(); // A's sweep renews the leases of the jobs A still has queued
  const swept = await depsB.printing.recover();
  await Promise.all([depsA.printing.idle(), depsB.printing.idle()]);
  assert.equal(sentA, numbers, `A sent ${sentA.join(', ')}`);
  assert.equal(sentB, [], `B sent ${sentB.join(', ')}`);
  assert.is(swept.resumed, 0, 'B must find nothing to take over');
  await assertPrintedOnce(jobIds);
  await depsA.printing.close();
  await depsB.printing.close();
});

t('a job taken over while queued is not sent by the process that queued it', async () => {
  const { depsA, depsB, sentA, sentB } = twoProcesses();
  const { jobIds, numbers } = await issueFour(depsA);
  await new Promise((r) => setTimeout(r, LEASE_MS + 100)); // A did not sweep: its queued jobs' leases ran out
  const swept = await depsB.printing.recover();
  assert.ok(swept.resumed >= 1, `B took over ${swept.resumed}`);
  await Promise.all([depsA.printing.idle(), depsB.printing.idle()]);
  const all = [...sentA, ...sentB].sort();
  assert.equal(all, [...numbers].sort(), `A sent ${sentA.join(', ')}; B sent ${sentB.join(', ')}`);
  await assertPrintedOnce(jobIds);
  await depsA.printing.close();
  await depsB.printing.close();
});

t.run();
