/**
 * Restarts do not lose paper tickets: jobs left open by a stopped or crashed server are printed by the
 * next start when young, failed as stale when old, and left alone while another live process holds them.
 */
import { eq } from 'drizzle-orm';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { devices } from '../../db/schema';
import { printJobs } from '../../db/schema-printing';
import { startFakePrinter, type FakePrinter } from '../../ticket-printer/index';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { loginAs, startTestServer } from '../_support/server';
import { startBlackhole } from '../ticket-printer/_fixtures';
import { demoIds, kioskTicket, pollJob, printerAt, putPrinter } from './_support';

let db: TestDb;
let server: RunningServer | null = null;
let printer: FakePrinter;
let ids: Awaited<ReturnType<typeof demoIds>>;

const t = suite('print jobs across restarts');
t.before(async () => {
  db = await createTestDb();
  printer = await startFakePrinter();
  server = await startTestServer(db);
  ids = await demoIds(db);
});
t.after(async () => {
  await server?.close();
  await printer.close();
  await db.drop();
});

async function restart(): Promise<RunningServer> {
  await server?.close();
  server = await startTestServer(db);
  return server;
}

async function job(id: string) {
  const [row] = await db.db.select().from(printJobs).where(eq(printJobs.id, id));
  return row!;
}

t('a job in flight when the server stops is released, and printed after the restart', async () => {
  const hole = await startBlackhole();
  try {
    const admin = await loginAs(server!.url, 'admin');
    await putPrinter(server!, admin, ids.kioskId, printerAt(hole.port, { timeoutMs: 3000 }));
    const issued = await kioskTicket(server!, ids.hallId, ids.matterId);
    await new Promise((r) => setTimeout(r, 300)); // sending: the printer does not answer
    assert.is((await job(issued.print!.id)).status, 'printing');
    await server!.close(); // waits up to 2 s, then hands the job back
    const left = await job(issued.print!.id);
    assert.is(left.status, 'printing');
    assert.is(left.claimedBy, null, 'released for the next start');
    // While the server is down the printer gets fixed.
    await db.db.update(devices).set({ settings: { printer: { ...printerAt(printer.port), type: 'epson', paperWidth: 80, chineseMode: 'fs-and', qr: 'native' } } }).where(eq(devices.id, ids.kioskId));
    const before = printer.jobs.length;
    await restart();
    const done = await pollJob(server!, issued.print!.id);
    assert.is(done.status, 'printed', JSON.stringify(done));
    assert.is(done.attempts, 2, 'the attempt before the restart counts');
    await printer.waitForJobs(before + 1);
    assert.ok(printer.jobs.at(-1)!.decoded.text.includes(issued.ticket.number));
  } finally {
    hole.close();
  }
});

t('after a crash: unclaimed and abandoned jobs print, stale ones fail, a live claim is left alone', async () => {
  const make = async () => {
    const issued = await kioskTicket(server!, ids.hallId, ids.matterId);
    await pollJob(server!, issued.print!.id);
    return issued.print!.id;
  };
  const [unclaimed, abandoned, stale, held] = [await make(), await make(), await make(), await make()];
  await server!.close();
  const now = Date.now();
  const reopen = { status: 'pending' as const, printedAt: null, attempts: 0, claimedBy: null, leaseUntil: null };
  // The process died after commit, before claiming.
  await db.db.update(printJobs).set(reopen).where(eq(printJobs.id, unclaimed));
  // The process died while sending; its lease ran out.
  await db.db.update(printJobs).set({ ...reopen, status: 'printing', attempts: 1, claimedBy: 'dead-1', leaseUntil: new Date(now - 1000) }).where(eq(printJobs.id, abandoned));
  // Issued three minutes ago: the visitor is gone, printing now would hand the ticket to someone else.
  await db.db.update(printJobs).set({ ...reopen, createdAt: new Date(now - 180_000) }).where(eq(printJobs.id, stale));
  // Another live process is sending it right now.
  await db.db.update(printJobs).set({ ...reopen, status: 'printing', attempts: 1, claimedBy: 'live-2', leaseUntil: new Date(now + 60_000) }).where(eq(printJobs.id, held));

  const before = printer.jobs.length;
  const s = await restart();
  assert.is((await pollJob(s, unclaimed)).status, 'printed');
  const a = await pollJob(s, abandoned);
  assert.is(a.status, 'printed');
  assert.is(a.attempts, 2);
  const st = await pollJob(s, stale);
  assert.is(st.status, 'failed');
  assert.match(st.lastError ?? '', /^stale: /);
  assert.is(st.attempts, 0, 'never sent');
  await new Promise((r) => setTimeout(r, 300));
  assert.is((await job(held)).status, 'printing', 'not taken from a live process');
  assert.is((await job(held)).claimedBy, 'live-2');
  assert.is(printer.jobs.length, before + 2);

  // That process dies too: once its lease is over, the next sweep takes the job.
  await db.db.update(printJobs).set({ leaseUntil: new Date(Date.now() - 1) }).where(eq(printJobs.id, held));
  const swept = await s.deps.printing!.recover();
  assert.equal(swept, { resumed: 1, stale: 0 });
  assert.is((await pollJob(s, held)).status, 'printed');
});

t.run();
