/**
 * Two server processes on one database (two print services): each job is sent exactly once, its
 * status is written only by the claim holder, and every change is a fact with the hall's next seq.
 */
import { eq } from 'drizzle-orm';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ticketEvents } from '../../db/schema';
import { printJobs } from '../../db/schema-printing';
import type { PrintOutcome, SendFn } from '../../ticket-printer/index';
import { issueTicket } from '../../server/app/issue-ticket';
import { createPrintService, type PrintService } from '../../server/app/printing/print-service';
import { systemClock } from '../../server/domain/clock';
import type { TestDb } from '../_support/db';
import { hallWithKioskPrinter } from './_support';
import { cmd, recordingPublisher, testDeps, type DemoHall } from '../_support/fixtures';

let db: TestDb;
let hall: DemoHall;

const t = suite('print job claims');
t.before(async () => {
  ({ db, hall } = await hallWithKioskPrinter());
});
t.after(async () => {
  await db.drop();
});

function countingSend(delayMs = 5): { send: SendFn; sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    send: async (bytes) => {
      sent.push(Buffer.from(bytes).toString('latin1'));
      await new Promise((r) => setTimeout(r, delayMs));
      return { ok: true, ms: delayMs, confirmation: 'status', statusByte: 0x12 } satisfies PrintOutcome;
    },
  };
}

t('20 tickets, two processes racing for every job: each printed exactly once', async () => {
  const a = countingSend();
  const b = countingSend();
  const pubA = recordingPublisher();
  const depsA = testDeps(db.db, systemClock, pubA);
  const depsB = testDeps(db.db, systemClock, recordingPublisher());
  depsA.printing = createPrintService(depsA, { send: a.send, sweepEveryMs: 0 });
  depsB.printing = createPrintService(depsB, { send: b.send, sweepEveryMs: 0 });
  const kiosk = await hall.kiosk();
  const matter = await hall.matter('社保登记');
  const jobIds: string[] = [];
  for (let i = 0; i < 20; i++) {
    const issued = await issueTicket(depsA, kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id });
    jobIds.push(issued.print!.id);
    // Process B sweeps at the same moment process A dispatches after commit.
    await depsB.printing.recover();
  }
  await Promise.all([depsA.printing.idle(), depsB.printing.idle()]);
  assert.is(a.sent.length + b.sent.length, 20, `A sent ${a.sent.length}, B sent ${b.sent.length}`);
  const rows = await db.db.select().from(printJobs);
  assert.ok(jobIds.every((id) => rows.find((r) => r.id === id)?.status === 'printed'));
  assert.ok(rows.every((r) => r.attempts === 1));
  await depsA.printing.close();
  await depsB.printing.close();
});

t('status changes are audited events without personal data, and facts follow seq order', async () => {
  const pub = recordingPublisher();
  const deps = testDeps(db.db, systemClock, pub);
  const { send } = countingSend();
  deps.printing = createPrintService(deps, { send, sweepEveryMs: 0 });
  const issued = await issueTicket(deps, await hall.kiosk(), hall.hallId, { commandId: cmd(), matterId: (await hall.matter('社保登记')).id, idNumber: '11010519491231002X' });
  await deps.printing.idle();
  const seqs = pub.facts.map((f) => f.seq);
  assert.equal(seqs, seqs.map((_, i) => seqs[0]! + i));
  assert.equal(pub.facts.map((f) => f.type), ['ticket:issued', 'print:status', 'print:status']);
  const events = await db.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, issued.ticket.id));
  const print = events.filter((e) => e.type === 'print:status');
  assert.is(print.length, 2);
  assert.ok(print.every((e) => e.actorType === 'system'));
  assert.not.ok(JSON.stringify(events).includes('11010519491231002X'));
  const [row] = await db.db.select().from(printJobs).where(eq(printJobs.id, issued.print!.id));
  assert.not.ok(JSON.stringify(row!.payload).includes('1101051949'), 'the stored ticket carries no identity number');
  await deps.printing.close();
});

t('a process that lost its claim writes nothing and sends no retry', async () => {
  const pub = recordingPublisher();
  const deps = testDeps(db.db, systemClock, pub);
  let calls = 0;
  let steal: (() => Promise<void>) | null = null;
  const send: SendFn = async () => {
    calls++;
    await steal?.();
    return { ok: false, failure: 'refused', message: 'refused', ms: 1 };
  };
  deps.printing = createPrintService(deps, { send, sweepEveryMs: 0, backoffMs: () => 0 });
  const issued = await issueTicket({ ...deps, printing: undefined }, await hall.kiosk(), hall.hallId, { commandId: cmd(), matterId: (await hall.matter('社保登记')).id });
  assert.is(issued.print, undefined, 'without a print service no job is made');
  const withJob = await issueTicket({ ...deps, printing: { ...deps.printing, dispatch: () => {} } }, await hall.kiosk(), hall.hallId, { commandId: cmd(), matterId: (await hall.matter('社保登记')).id });
  const id = withJob.print!.id;
  steal = async () => {
    await db.db.update(printJobs).set({ claimedBy: 'other', leaseUntil: new Date(Date.now() + 60_000) }).where(eq(printJobs.id, id));
  };
  deps.printing.dispatch(id);
  await deps.printing.idle();
  assert.is(calls, 1, 'no retry once the claim is gone');
  const [row] = await db.db.select().from(printJobs).where(eq(printJobs.id, id));
  assert.is(row!.status, 'printing', 'the holder decides the outcome');
  assert.is(row!.claimedBy, 'other');
  await deps.printing.close();
});

t.run();
