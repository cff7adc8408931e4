import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { PrintOutcome } from '../../ticket-printer/index';
import { createPrintJobRunner, type PrintJobUpdate, type SendFn } from '../../ticket-printer/print-job-runner';
import { profile } from './_fixtures';

const runner = suite('createPrintJobRunner');

const ok: PrintOutcome = { ok: true, ms: 3, confirmation: 'peer_closed' };
const refused: PrintOutcome = { ok: false, failure: 'refused', message: 'refused', ms: 1 };
const job = (id: string, port = 9100) => ({ id, bytes: Buffer.from('x'), profile: profile({ port }) });

function scripted(outcomes: PrintOutcome[]): { send: SendFn; calls: () => number } {
  let calls = 0;
  return { send: async () => outcomes[Math.min(calls++, outcomes.length - 1)]!, calls: () => calls };
}

runner('retries a failure and reports every step', async () => {
  const updates: PrintJobUpdate[] = [];
  const sleeps: number[] = [];
  const { send } = scripted([refused, refused, ok]);
  const r = createPrintJobRunner({ send, backoffMs: (n) => n * 100, onStatus: (u) => void updates.push(u), sleep: async (ms) => void sleeps.push(ms) });
  const result = await r.runJob(job('j1'));
  assert.is(result.status, 'printed');
  assert.is(result.attempts, 3);
  assert.equal(sleeps, [100, 200]);
  assert.equal(
    updates.map((u) => `${u.status}:${u.attempt}`),
    ['pending:0', 'printing:1', 'pending:1', 'printing:2', 'pending:2', 'printing:3', 'printed:3'],
  );
  assert.equal(updates[2]?.lastError, { failure: 'refused', message: 'refused' });
  assert.is(updates.at(-1)?.lastError, null);
  assert.is(updates[0]?.printer, '127.0.0.1:9100');
});

runner('gives up after exactly `attempts` tries', async () => {
  const { send, calls } = scripted([refused]);
  const updates: PrintJobUpdate[] = [];
  const result = await createPrintJobRunner({ send, attempts: 3, backoffMs: 0, onStatus: (u) => void updates.push(u) }).runJob(job('j2'));
  assert.is(result.status, 'failed');
  assert.is(calls(), 3);
  assert.is(result.outcomes.length, 3);
  assert.is(updates.at(-1)?.status, 'failed');
  assert.is(updates.at(-1)?.attempt, 3);
});

runner('shouldRetry can stop early; a throwing send counts as an error outcome', async () => {
  let calls = 0;
  const send: SendFn = async () => {
    calls++;
    throw new Error('boom');
  };
  const result = await createPrintJobRunner({ send, backoffMs: 0, shouldRetry: (o) => o.failure !== 'error' }).runJob(job('j3'));
  assert.is(result.status, 'failed');
  assert.is(calls, 1);
  assert.equal(result.outcomes[0], { ok: false, failure: 'error', message: 'boom', ms: 0 });
});

runner('shouldRetry gets the attempt and the time spent, so a caller can keep a budget', async () => {
  const seen: string[] = [];
  const slowFail: SendFn = async () => {
    await new Promise((r) => setTimeout(r, 30));
    return refused;
  };
  const result = await createPrintJobRunner({
    send: slowFail,
    attempts: 5,
    backoffMs: 0,
    shouldRetry: (_o, c) => {
      seen.push(`${c.job.id}:${c.attempt}/${c.maxAttempts}`);
      return c.elapsedMs + 30 <= 75; // room for one more 30 ms attempt?
    },
  }).runJob(job('j5'));
  assert.is(result.status, 'failed');
  assert.is(result.attempts, 2);
  assert.equal(seen, ['j5:1/5', 'j5:2/5']);
});

runner('a failing status callback does not stop printing', async () => {
  const errors: string[] = [];
  const result = await createPrintJobRunner({
    send: async () => ok,
    onStatus: () => Promise.reject(new Error('db down')),
    onStatusError: (e, u) => void errors.push(`${u.status}:${(e as Error).message}`),
  }).runJob(job('j4'));
  assert.is(result.status, 'printed');
  assert.equal(errors, ['pending:db down', 'printing:db down', 'printed:db down']);
});

runner('jobs for one printer run one at a time; other printers are not held up', async () => {
  const active = new Map<number, number>();
  let maxSame = 0;
  const send: SendFn = async (_bytes, p) => {
    active.set(p.port, (active.get(p.port) ?? 0) + 1);
    maxSame = Math.max(maxSame, active.get(p.port)!);
    await new Promise((r) => setTimeout(r, 20));
    active.set(p.port, active.get(p.port)! - 1);
    return ok;
  };
  const r = createPrintJobRunner({ send });
  const started = Date.now();
  const results = await Promise.all([r.runJob(job('a', 1)), r.runJob(job('b', 1)), r.runJob(job('c', 1)), r.runJob(job('d', 2))]);
  assert.is(maxSame, 1);
  assert.ok(results.every((x) => x.status === 'printed'));
  assert.ok(Date.now() - started >= 55, 'three jobs on printer 1 ran in sequence');
});

runner('a stalled printer: every job queued behind the stalled one fails at once, unsent; a later job tries again', async () => {
  let sends = 0;
  const stalled: PrintOutcome = { ok: false, failure: 'stalled', message: 'stopped taking data', ms: 300 };
  const send: SendFn = async () => {
    sends++;
    if (sends === 1) {
      await new Promise((r) => setTimeout(r, 300)); // the printer's timeout
      return stalled;
    }
    return ok;
  };
  const failedAt = new Map<string, number>();
  const started = Date.now();
  const r = createPrintJobRunner({ send, backoffMs: 0, shouldRetry: (o) => o.failure !== 'stalled', onStatus: (u) => void (u.status === 'failed' && failedAt.set(u.jobId, Date.now() - started)) });
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => r.runJob(job(`s${i}`))));
  assert.ok(results.every((x) => x.status === 'failed'));
  assert.is(sends, 1, 'only the first job reached the printer');
  assert.ok(results.slice(1).every((x) => x.outcomes[0]?.ok === false && /not sent/.test((x.outcomes[0] as { message: string }).message)));
  const worst = Math.max(...failedAt.values());
  assert.ok(worst < 300 + 200, `every job failed within one timeout (+ slack): ${worst} ms`);
  const later = await r.runJob(job('later'));
  assert.is(later.status, 'printed', 'a job queued after the failure is sent');
});

runner.run();
