/**
 * Sends committed print jobs to kiosk printers. Persist first, print second:
 *   claim   guarded UPDATE (open status, no live claim) → this process may send the job;
 *   send    createPrintJobRunner: bounded retries inside a time budget, one job at a time per printer;
 *   status  every change is a guarded UPDATE (still ours, still open) plus a 'print:status' fact with
 *           the hall's next seq, published after commit (runCommand as the system actor); when the
 *           printer answered DLE EOT, its paper/cover answer is stored for the kiosk in that transaction;
 *   recover on start and every sweepEveryMs: first renews the leases of the jobs this process still
 *           has queued or sending (a slow printer's queue may outlast a lease), then re-runs open jobs
 *           without a live claim when younger than staleAfterMs, failed as stale otherwise. A job this
 *           process already runs is never run twice (`running`). Several processes may sweep one
 *           database: the claim lets exactly one of them send, and a run that lost its claim while
 *           queued finds out at its 'printing' write (which renews the lease) and does not send.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { printJobs } from '../../../db/schema-printing';
import {
  createPrintJobRunner,
  sendToPrinter,
  sensorOf,
  type PrinterProfile,
  type PrinterSensor,
  type PrintFailure,
  type PrintJobUpdate,
  type SendFn,
} from '../../../ticket-printer/index';
import type { PrintJobStatus, PrintJobView } from '../../protocol/views';
import { SYSTEM } from '../actor';
import type { AppDeps } from '../deps';
import { runCommand } from '../run-command';
import { jobBytes, jobPrinter } from './job-document';
import { recordPrinterSensor } from './printer-sensor';
import { MAY_HAVE_PRINTED_FAILURES, OPEN_STATUSES, presentPrintJob, type PrintJobRow } from './print-jobs';

/** Failures after which paper may have come out: never resent by the server (a reprint is a staff decision). */
const MAY_HAVE_PRINTED: ReadonlySet<PrintFailure> = new Set(MAY_HAVE_PRINTED_FAILURES);

export interface PrintServiceOptions {
  /** Printer of kiosks never configured through the API (PRINTER_HOST, or the demo fake printer). */
  defaultProfile?: PrinterProfile | null;
  /** Sends per job, at most. Default 3. */
  attempts?: number;
  /** A retry is made only if it can end within this many ms of the first send. Default 6000 (the kiosk polls for 6 s). */
  budgetMs?: number;
  /** Wait before retry n. Default 250 ms × n. */
  backoffMs?: (retry: number) => number;
  /** Open jobs older than this are failed as stale rather than printed late. Default 2 minutes. */
  staleAfterMs?: number;
  /** How often to look for unclaimed or abandoned open jobs. Default 10 s. */
  sweepEveryMs?: number;
  /** How long a claim holds without news from its process (each status write renews it). Default 20 s. */
  leaseMs?: number;
  /** On close, how long to let jobs in flight finish before releasing them to the next start. Default 2 s. */
  closeGraceMs?: number;
  send?: SendFn;
  log?: (msg: string, err: unknown) => void;
}

export interface PrintService {
  readonly defaultProfile: PrinterProfile | null;
  readonly instanceId: string;
  /** After commit: claim the job and send it. Never throws; a job someone else holds is left to them. */
  dispatch(jobId: string): void;
  /** Claims and re-runs abandoned open jobs, fails stale ones. Resolves when they are claimed, not printed. */
  recover(): Promise<{ resumed: number; stale: number }>;
  /** Runs recover() now and then every sweepEveryMs. */
  start(): Promise<void>;
  /** Resolves when every job dispatched so far has finished (tests, benchmarks). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** One run of one job in this process, from dispatch until it finished (queued behind its printer included). */
interface Running {
  /** Set once the claim is taken. */
  hallId: string;
  /** The kiosk whose printer prints it (null for a counter's job): its sensor answer is kept per kiosk. */
  deviceId: string | null;
  /** Attempts made before this run (a recovered job keeps counting). */
  base: number;
  lost: boolean;
}

export function createPrintService(deps: AppDeps, options: PrintServiceOptions = {}): PrintService {
  const instanceId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const defaultProfile = options.defaultProfile ?? null;
  const budgetMs = options.budgetMs ?? 6000;
  const backoff = options.backoffMs ?? ((n: number) => 250 * n);
  const staleAfterMs = options.staleAfterMs ?? 120_000;
  const sweepEveryMs = options.sweepEveryMs ?? 10_000;
  const closeGraceMs = options.closeGraceMs ?? 2000;
  const log = options.log ?? ((msg, err) => console.error(`[yichuang] ${msg}`, err));
  const leaseMs = options.leaseMs ?? 20_000;
  const running = new Map<string, Running>();
  /** The runner hands send() the job's profile object only: this finds the job again. */
  const jobOfProfile = new WeakMap<object, string>();
  const inflight = new Set<Promise<void>>();
  let closing = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  // Epson-type printers answer DLE EOT, which proves they read the whole job (and catches a printer
  // that accepts the connection but never reads); Star Line Mode ignores it, so trust the socket.
  const send: SendFn =
    options.send ??
    ((bytes, profile) => sendToPrinter(bytes, profile, { confirm: profile.type === 'star' ? 'socket' : 'status' }));

  const runner = createPrintJobRunner({
    attempts: options.attempts ?? 3,
    backoffMs: backoff,
    send: async (bytes, profile) => {
      if (closed) return { ok: false, failure: 'error', message: 'server shutting down', ms: 0 };
      const jobId = jobOfProfile.get(profile);
      const run = jobId === undefined ? undefined : running.get(jobId);
      if (!run) return { ok: false, failure: 'error', message: 'print job not running in this process', ms: 0 };
      if (run.lost) return { ok: false, failure: 'error', message: 'another process took over this job', ms: 0 };
      return send(bytes, profile);
    },
    // A stalled printer holds the connection and maybe half the job: sending again prints a duplicate
    // when it recovers. A connection cut mid-job may have printed part or all of the ticket: never
    // resent blindly, reported (staff decide on a reprint, which is marked 补打). Otherwise retry while
    // a whole further attempt still fits in the budget.
    shouldRetry: (outcome, c) =>
      !closed &&
      running.get(c.job.id)?.lost === false &&
      !MAY_HAVE_PRINTED.has(outcome.failure) &&
      c.elapsedMs + backoff(c.attempt) + c.job.profile.timeoutMs <= budgetMs,
    onStatus: (u) => onRunnerStatus(u),
    onStatusError: (err, u) => log(`print job ${u.jobId}: could not store status ${u.status}`, err),
  });

  function dispatch(jobId: string): void {
    if (closing) return;
    const p = claimAndPrint(jobId).catch((err) => log(`print job ${jobId} failed to run`, err));
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  }

  async function claimAndPrint(jobId: string): Promise<void> {
    // Queued or sending in this process already: its lease may have run out while it waits behind a
    // slow printer, but claiming it again would send it twice. (Checked and set before any await.)
    if (running.has(jobId)) return;
    const run: Running = { hallId: '', deviceId: null, base: 0, lost: false };
    running.set(jobId, run);
    try {
      const now = deps.clock.now();
      const [job] = await deps.db
        .update(printJobs)
        .set({ claimedBy: instanceId, leaseUntil: new Date(now.getTime() + leaseMs) })
        .where(and(eq(printJobs.id, jobId), inArray(printJobs.status, OPEN_STATUSES), claimable(now)))
        .returning();
      if (!job) return; // printed, failed, or another process holds it
      run.hallId = job.hallId;
      run.deviceId = job.deviceId;
      run.base = job.attempts;
      await print(job);
    } finally {
      if (running.get(jobId) === run) running.delete(jobId);
    }
  }

  async function print(job: PrintJobRow): Promise<void> {
    const printer = await jobPrinter(deps, job, defaultProfile);
    if ('missing' in printer) return void (await finishWithoutSending(job, printer.missing));
    const { profile } = printer;
    let bytes: Buffer;
    try {
      bytes = jobBytes(job, profile);
    } catch (err) {
      return void (await finishWithoutSending(job, `layout: ${err instanceof Error ? err.message : String(err)}`));
    }
    const jobProfile = { ...profile };
    jobOfProfile.set(jobProfile, job.id);
    // The runner sends one job at a time per printer: this may wait behind other jobs. The 'printing'
    // write before each send renews the lease, or (claim lost meanwhile) marks the run lost: no send.
    await runner.runJob({ id: job.id, bytes, profile: jobProfile });
  }

  async function onRunnerStatus(u: PrintJobUpdate): Promise<void> {
    if (closed || u.attempt === 0) return; // attempt 0 is "pending", which the row already says
    const run = running.get(u.jobId);
    // Every run stays in `running` until runJob settles, so this is a bug, not a race: say so loudly
    // and stop the run (the send guard refuses a lost run) rather than print without a status.
    if (!run) throw new Error(`print job ${u.jobId}: status ${u.status} from a run this process does not know`);
    const lastError = u.lastError ? `${u.lastError.failure}: ${u.lastError.message}` : null;
    const answered = u.outcome?.printerStatus;
    const row = await writeStatus(u.jobId, run.hallId, {
      status: u.status,
      attempts: run.base + u.attempt,
      lastError: u.status === 'printed' ? null : lastError,
      ...(answered && run.deviceId && { sensor: { deviceId: run.deviceId, sensor: sensorOf(answered) } }),
    });
    if (!row) run.lost = true; // claim lost (lease ran out and another process took it): stop here
  }

  /** Guarded UPDATE by the claim holder + a 'print:status' fact, in one transaction. */
  async function writeStatus(
    jobId: string,
    hallId: string,
    change: { status: PrintJobStatus; attempts?: number; lastError: string | null; sensor?: { deviceId: string; sensor: PrinterSensor } },
    guard: 'ours' | 'abandoned' = 'ours',
  ): Promise<PrintJobView | null> {
    return runCommand(deps, { name: 'print:status', hallId, actor: SYSTEM }, async ({ tx, now, emit }) => {
      const final = change.status === 'printed' || change.status === 'failed';
      const [row] = await tx
        .update(printJobs)
        .set({
          status: change.status,
          ...(change.attempts !== undefined && { attempts: change.attempts }),
          lastError: change.lastError,
          updatedAt: now,
          claimedBy: instanceId,
          leaseUntil: final ? null : new Date(now.getTime() + leaseMs),
          ...(change.status === 'printed' && { printedAt: now }),
        })
        .where(
          and(
            eq(printJobs.id, jobId),
            inArray(printJobs.status, OPEN_STATUSES),
            guard === 'ours' ? eq(printJobs.claimedBy, instanceId) : claimable(now),
          ),
        )
        .returning();
      if (!row) return null;
      // The printer's paper and cover as it answered after this job: committed with the job's status,
      // so a dashboard that re-reads on this 'print:status' fact sees both (docs/printing.md "Paper and cover").
      if (change.sensor) await recordPrinterSensor(tx, { deviceId: change.sensor.deviceId, hallId }, change.sensor.sensor, 'print_job', now);
      const view = presentPrintJob(row);
      emit({ type: 'print:status', printJob: view });
      return view;
    });
  }

  async function finishWithoutSending(job: PrintJobRow, lastError: string): Promise<void> {
    await writeStatus(job.id, job.hallId, { status: 'failed', lastError });
  }

  function claimable(now: Date) {
    return or(isNull(printJobs.claimedBy), lt(printJobs.leaseUntil, now), isNull(printJobs.leaseUntil));
  }

  /** Heartbeat: jobs this process still has queued or sending keep their claim (see the header). */
  async function renewLeases(): Promise<void> {
    const ids = [...running.keys()];
    if (ids.length === 0) return;
    const now = deps.clock.now();
    await deps.db
      .update(printJobs)
      .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
      .where(and(inArray(printJobs.id, ids), eq(printJobs.claimedBy, instanceId), inArray(printJobs.status, OPEN_STATUSES)));
  }

  async function recover(): Promise<{ resumed: number; stale: number }> {
    if (closing) return { resumed: 0, stale: 0 };
    await renewLeases().catch((err) => log('could not renew print job leases', err));
    const now = deps.clock.now();
    const open = await deps.db
      .select({ id: printJobs.id, hallId: printJobs.hallId, createdAt: printJobs.createdAt })
      .from(printJobs)
      .where(and(inArray(printJobs.status, OPEN_STATUSES), claimable(now)))
      .orderBy(printJobs.createdAt)
      .limit(500);
    let resumed = 0;
    let stale = 0;
    for (const job of open) {
      if (running.has(job.id)) continue; // this process runs it (its claim is being renewed, or just lapsed)
      if (now.getTime() - job.createdAt.getTime() > staleAfterMs) {
        const minutes = Math.round((now.getTime() - job.createdAt.getTime()) / 60_000);
        const failed = await writeStatus(
          job.id,
          job.hallId,
          { status: 'failed', lastError: `stale: not printed within ${Math.round(staleAfterMs / 1000)} s (issued ${minutes} min ago; the server was down or restarted)` },
          'abandoned',
        ).catch((err) => (log(`print job ${job.id}: could not mark stale`, err), null));
        if (failed) stale++;
      } else {
        resumed++;
        dispatch(job.id);
      }
    }
    return { resumed, stale };
  }

  return {
    defaultProfile,
    instanceId,
    dispatch,
    recover,
    async start() {
      await recover().catch((err) => log('print job recovery failed', err));
      if (!closing && sweepEveryMs > 0) {
        timer = setInterval(() => void recover().catch((err) => log('print job sweep failed', err)), sweepEveryMs);
        timer.unref();
      }
    },
    async idle() {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(timer);
      let graceTimer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inflight]),
        new Promise<void>((r) => (graceTimer = setTimeout(r, closeGraceMs))),
      ]);
      clearTimeout(graceTimer);
      closed = true;
      // Jobs still in flight go back to the pool: the next start (or another process) prints them.
      await deps.db
        .update(printJobs)
        .set({ claimedBy: null, leaseUntil: null })
        .where(and(eq(printJobs.claimedBy, instanceId), inArray(printJobs.status, OPEN_STATUSES)))
        .catch((err) => log('could not release print jobs on close', err));
    },
  };
}
