import { performance } from 'node:perf_hooks';
import type { PrinterProfile } from './printer-profile';
import { sendToPrinter } from './send-to-printer';
import type { PrintFailure, PrintOutcome } from './types';

export type PrintJobStatus = 'pending' | 'printing' | 'printed' | 'failed';

export interface PrintJob {
  /** The server's id of the print job (the ticket is persisted before printing). */
  id: string;
  bytes: Uint8Array;
  /** `type` lets a send function pick how to confirm (Star Line Mode ignores DLE EOT). */
  profile: Pick<PrinterProfile, 'host' | 'port' | 'timeoutMs'> & Partial<Pick<PrinterProfile, 'type'>>;
}

/** One status change, for the server to persist (job row) and publish (printer online/offline). */
export interface PrintJobUpdate {
  jobId: string;
  /** host:port — jobs to one printer run one at a time. */
  printer: string;
  status: PrintJobStatus;
  /** 1-based attempt this update is about (0 before the first attempt). */
  attempt: number;
  maxAttempts: number;
  outcome: PrintOutcome | null;
  lastError: { failure: PrintFailure; message: string } | null;
}

export interface PrintJobResult {
  jobId: string;
  status: 'printed' | 'failed';
  attempts: number;
  outcomes: PrintOutcome[];
}

export type SendFn = (bytes: Uint8Array, profile: PrintJob['profile']) => Promise<PrintOutcome>;

export interface PrintJobRunnerOptions {
  send?: SendFn;
  /** Total tries, at least 1. Default 3. */
  attempts?: number;
  /** Wait before retry n (1-based), or a fixed wait. Default 500 ms * n. */
  backoffMs?: number | ((retry: number) => number);
  /** Awaited before the runner goes on, so the server can persist; its errors go to onStatusError. */
  onStatus?: (update: PrintJobUpdate) => void | Promise<void>;
  onStatusError?: (error: unknown, update: PrintJobUpdate) => void;
  /**
   * Whether a failed attempt is worth retrying. Default: every failure (a duplicate ticket beats none).
   * `context.elapsedMs` counts from the job's first attempt, so a caller can keep a time budget.
   */
  shouldRetry?: (outcome: Extract<PrintOutcome, { ok: false }>, context: RetryContext) => boolean;
  sleep?: (ms: number) => Promise<void>;
}

export interface RetryContext {
  job: PrintJob;
  /** The attempt that just failed (1-based). */
  attempt: number;
  maxAttempts: number;
  /** Since the first attempt of this job started (queueing behind other jobs excluded). */
  elapsedMs: number;
}

export interface PrintJobRunner {
  runJob(job: PrintJob): Promise<PrintJobResult>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Bounded retries with a status callback per step: pending → printing → (pending → printing)* →
 * printed | failed. Storage-agnostic: the server turns updates into rows and socket facts.
 */
export function createPrintJobRunner(options: PrintJobRunnerOptions = {}): PrintJobRunner {
  const send = options.send ?? ((bytes, profile) => sendToPrinter(bytes, profile));
  const maxAttempts = Math.max(1, Math.floor(options.attempts ?? 3));
  const backoff = options.backoffMs ?? ((n: number) => 500 * n);
  const sleep = options.sleep ?? defaultSleep;
  const shouldRetry = options.shouldRetry ?? (() => true);
  const queues = new Map<string, Promise<unknown>>();
  /** When a printer last stalled or could not be reached: jobs queued before that are failed unsent. */
  const downAt = new Map<string, number>();

  const report = async (update: PrintJobUpdate) => {
    try {
      await options.onStatus?.(update);
    } catch (error) {
      (options.onStatusError ?? ((e) => console.error('print job status callback failed', e)))(error, update);
    }
  };

  async function run(job: PrintJob, printer: string, queuedAt: number): Promise<PrintJobResult> {
    const outcomes: PrintOutcome[] = [];
    let lastError: PrintJobUpdate['lastError'] = null;
    const base = { jobId: job.id, printer, maxAttempts };
    await report({ ...base, status: 'pending', attempt: 0, outcome: null, lastError });
    // A job that waited behind one the printer stalled on is not sent to it: it fails at once, so
    // every job of a stalled printer shows failed within one timeout (and, never sent, may be reprinted).
    const down = downAt.get(printer);
    if (down !== undefined && down >= queuedAt) {
      const outcome: PrintOutcome = { ok: false, failure: 'stalled', message: `not sent: ${printer} stalled or was unreachable on an earlier job`, ms: 0 };
      outcomes.push(outcome);
      lastError = { failure: outcome.failure, message: outcome.message };
      await report({ ...base, status: 'failed', attempt: 1, outcome, lastError });
      return { jobId: job.id, status: 'failed', attempts: 1, outcomes };
    }
    const started = performance.now();
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await report({ ...base, status: 'printing', attempt, outcome: null, lastError });
      let outcome: PrintOutcome;
      try {
        outcome = await send(job.bytes, job.profile);
      } catch (error) {
        outcome = { ok: false, failure: 'error', message: error instanceof Error ? error.message : String(error), ms: 0 };
      }
      outcomes.push(outcome);
      if (outcome.ok) {
        await report({ ...base, status: 'printed', attempt, outcome, lastError: null });
        return { jobId: job.id, status: 'printed', attempts: attempt, outcomes };
      }
      lastError = { failure: outcome.failure, message: outcome.message };
      if (outcome.failure === 'stalled' || outcome.failure === 'unreachable') downAt.set(printer, performance.now());
      const retry =
        attempt < maxAttempts && shouldRetry(outcome, { job, attempt, maxAttempts, elapsedMs: performance.now() - started });
      await report({ ...base, status: retry ? 'pending' : 'failed', attempt, outcome, lastError });
      if (!retry) return { jobId: job.id, status: 'failed', attempts: attempt, outcomes };
      await sleep(typeof backoff === 'number' ? backoff : backoff(attempt));
    }
    return { jobId: job.id, status: 'failed', attempts: maxAttempts, outcomes }; // not reached
  }

  return {
    runJob(job) {
      const printer = `${job.profile.host}:${job.profile.port}`;
      const previous = queues.get(printer) ?? Promise.resolve();
      const queuedAt = performance.now();
      const result = previous.then(() => run(job, printer, queuedAt));
      const tail = result.catch(() => undefined);
      queues.set(printer, tail);
      void tail.then(() => {
        if (queues.get(printer) === tail) queues.delete(printer);
      });
      return result;
    },
  };
}
