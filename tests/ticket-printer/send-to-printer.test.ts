import { performance } from 'node:perf_hooks';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeTicket, layoutTicket, type PrintOutcome } from '../../ticket-printer/index';
import { startFakePrinter, type FakePrinter } from '../../ticket-printer/fake-printer';
import { sendToPrinter } from '../../ticket-printer/send-to-printer';
import { profile, sampleTicket, startBlackhole } from './_fixtures';

const TIMEOUT = 1500;
const MARGIN = 400;
const ticket = encodeTicket(layoutTicket(sampleTicket, { paperWidth: 80 }), profile({ qr: 'image' })); // ~20 kB
const bigJob = Buffer.alloc(24 * 1024 * 1024, 0x20); // more than loopback socket buffers hold

const send = suite<{ printer: FakePrinter }>('sendToPrinter');

send.before.each(async (ctx) => {
  ctx.printer = await startFakePrinter();
});
send.after.each(async (ctx) => {
  await ctx.printer.close();
});

async function timed(run: () => Promise<PrintOutcome>) {
  const started = performance.now();
  const outcome = await run();
  return { outcome, elapsed: performance.now() - started };
}

function assertFailure(r: { outcome: PrintOutcome; elapsed: number }, failure: string) {
  assert.ok(!r.outcome.ok, `expected ${failure}, got ${JSON.stringify(r.outcome)}`);
  if (!r.outcome.ok) assert.is(r.outcome.failure, failure, r.outcome.message);
  assert.ok(r.elapsed < TIMEOUT + MARGIN, `detected in ${Math.round(r.elapsed)} ms, limit ${TIMEOUT} + ${MARGIN}`);
}

send('ok: the printer reads everything and closes — confirmed by peer close', async ({ printer }) => {
  const r = await timed(() => sendToPrinter(ticket, profile({ port: printer.port, timeoutMs: TIMEOUT })));
  assert.ok(r.outcome.ok && r.outcome.confirmation === 'peer_closed', JSON.stringify(r.outcome));
  const [job] = await printer.waitForJobs(1);
  assert.ok(job?.complete);
  assert.is(job?.bytes.length, ticket.length);
});

send('unreachable: no answer to connect is detected by the connect timeout', async () => {
  const hole = await startBlackhole();
  try {
    const r = await timed(() => sendToPrinter(ticket, profile({ port: hole.port, timeoutMs: TIMEOUT })));
    assertFailure(r, 'unreachable');
    assert.ok(r.elapsed >= TIMEOUT - 50, 'waited for the timeout, not less');
  } finally {
    hole.close();
  }
});

send('refused: nothing listening is reported at once', async ({ printer }) => {
  await printer.setMode('refuse');
  const r = await timed(() => sendToPrinter(ticket, profile({ port: printer.port, timeoutMs: TIMEOUT })));
  assertFailure(r, 'refused');
  assert.ok(r.elapsed < 200);
});

send('stalled: the printer accepts but stops reading, so the socket stops draining', async ({ printer }) => {
  await printer.setMode('stall');
  const r = await timed(() => sendToPrinter(bigJob, profile({ port: printer.port, timeoutMs: TIMEOUT })));
  assertFailure(r, 'stalled');
});

send("stalled, small job: confirm 'status' (DLE EOT) notices the printer never read it", async ({ printer }) => {
  await printer.setMode('stall');
  const r = await timed(() => sendToPrinter(ticket, profile({ port: printer.port, timeoutMs: TIMEOUT }), { confirm: 'status' }));
  assertFailure(r, 'stalled');
});

send("confirm 'status' succeeds with the printer's status byte when it reads the job", async ({ printer }) => {
  const r = await timed(() => sendToPrinter(ticket, profile({ port: printer.port, timeoutMs: TIMEOUT }), { confirm: 'status' }));
  assert.ok(r.outcome.ok && r.outcome.confirmation === 'status' && r.outcome.statusByte === 0x12, JSON.stringify(r.outcome));
  const [job] = await printer.waitForJobs(1);
  assert.is(job?.decoded.items.filter((i) => i.kind === 'cut').length, 1);
});

send('closed mid-job: a reset after a few bytes of a ticket is detected', async ({ printer }) => {
  await printer.setMode('close-mid-job', { closeAfterBytes: 100 });
  const r = await timed(() => sendToPrinter(ticket, profile({ port: printer.port, timeoutMs: TIMEOUT })));
  assertFailure(r, 'closed_mid_job');
  const [job] = await printer.waitForJobs(1);
  assert.is(job?.complete, false);
});

send('closed mid-job: a reset while a large job is still being written', async ({ printer }) => {
  await printer.setMode('close-mid-job', { closeAfterBytes: 64 * 1024 });
  const r = await timed(() => sendToPrinter(bigJob, profile({ port: printer.port, timeoutMs: TIMEOUT })));
  assertFailure(r, 'closed_mid_job');
});

send('slow but within the timeout still succeeds', async ({ printer }) => {
  await printer.setMode('slow', { slowMs: 300 });
  const r = await timed(() => sendToPrinter(ticket, profile({ port: printer.port, timeoutMs: TIMEOUT }), { confirm: 'status' }));
  assert.ok(r.outcome.ok, JSON.stringify(r.outcome));
  assert.ok(r.elapsed >= 280);
});

send('slower than the timeout but within the slow-printer allowance: judged by its DLE EOT answer, printed', async ({ printer }) => {
  await printer.setMode('slow', { slowMs: 600 });
  const r = await timed(() => sendToPrinter(ticket, { ...profile({ port: printer.port, timeoutMs: 300 }), slowPrinterMs: 1000 }, { confirm: 'status' }));
  assert.ok(r.outcome.ok, JSON.stringify(r.outcome));
  assert.is(r.outcome.ok && r.outcome.confirmation, 'status');
  assert.ok(r.elapsed >= 580, `waited for the answer (${r.elapsed} ms)`);
});

send('no answer within timeout + allowance: stalled (may have printed, so never resent)', async ({ printer }) => {
  await printer.setMode('slow', { slowMs: 2000 });
  const r = await timed(() => sendToPrinter(ticket, { ...profile({ port: printer.port, timeoutMs: 300 }), slowPrinterMs: 400 }, { confirm: 'status' }));
  assertFailure(r, 'stalled');
  assert.match((r.outcome as { message: string }).message, 'within 700 ms');
  assert.ok(r.elapsed >= 680 && r.elapsed < 1900, `${r.elapsed} ms`);
});

send('never throws: bad input becomes an error outcome', async () => {
  const bad = await sendToPrinter(ticket, profile({ port: 70000 }));
  assert.ok(!bad.ok && bad.failure === 'error', JSON.stringify(bad));
  const empty = await sendToPrinter(Buffer.alloc(0), profile());
  assert.ok(!empty.ok && empty.failure === 'error');
});

send.run();
