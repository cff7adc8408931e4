/** The server's background jobs: the target scanner, the appointment no-show job, the case scanner, the end-of-day job and the retention purge. */
import { markNoShows } from '../appointments/no-show-job';
import { scanCases } from '../cases/case-scanner';
import { purgeExpiredData } from '../retention/purge';
import type { AppDeps } from '../deps';
import { closeEndedDays } from '../end-of-day';
import { startPeriodic, type PeriodicJob } from './periodic';
import { scanTargets } from './target-scanner';

export interface BackgroundJobOptions {
  log: (msg: string, err: unknown) => void;
  targetScanMs?: number;
  noShowMs?: number;
  caseScanMs?: number;
  dayCloseMs?: number;
  retentionMs?: number;
}

export interface BackgroundJobs {
  targets: PeriodicJob;
  noShows: PeriodicJob;
  /** Case limits (80 % / overdue) and 容缺 promises. */
  cases: PeriodicJob;
  /** Closes the tickets of a closed service day (docs/end-of-day.md). */
  dayClose: PeriodicJob;
  retention: PeriodicJob;
  stop(): Promise<void>;
}

export function startBackgroundJobs(deps: AppDeps, opts: BackgroundJobOptions): BackgroundJobs {
  const targets = startPeriodic('target scanner', opts.targetScanMs ?? 12_000, () => scanTargets(deps, opts.log), opts.log);
  const noShows = startPeriodic('appointment no-show job', opts.noShowMs ?? 60_000, () => markNoShows(deps), opts.log);
  const caseScan = startPeriodic('case scanner', opts.caseScanMs ?? 60_000, () => scanCases(deps, opts.log), opts.log);
  const dayClose = startPeriodic('end-of-day job', opts.dayCloseMs ?? 30_000, () => closeEndedDays(deps), opts.log);
  const retention = startPeriodic('retention purge', opts.retentionMs ?? 6 * 3_600_000, () => purgeExpiredData(deps), opts.log);
  return {
    targets,
    noShows,
    cases: caseScan,
    dayClose,
    retention,
    async stop() {
      await Promise.all([targets.stop(), noShows.stop(), caseScan.stop(), dayClose.stop(), retention.stop()]);
    },
  };
}
