/**
 * The paper of a case outcome at the counter (docs/cases.md "Printing at the counter"): the server
 * writes a print job with the outcome when the counter has a printer; this follows it (poll every
 * 500 ms for up to 8 s) so staff see 打印中 / 已打印 / 打印失败 and can reprint (补打). Without a printer
 * (no job, or `no_printer` on a reprint) the workstation prints the slip from the browser instead.
 */
import type { Ack } from '../../../server/protocol/errors';
import type { PrintJobView } from '../../../server/protocol/views';
import type { CommandSender } from '../../../ui-shared/src/commands';
import { createStore, type Store } from '../../../ui-shared/src/store';

export type CasePrintState =
  | { kind: 'idle' }
  /** No printer at this counter: the slip is printed from the browser. */
  | { kind: 'browser' }
  | { kind: 'printing'; job: PrintJobView }
  | { kind: 'printed'; job: PrintJobView }
  | { kind: 'failed'; job: PrintJobView | null; message: string };

export const CASE_PRINT_POLL_MS = 500;
export const CASE_PRINT_DEADLINE_MS = 8000;

export interface CasePrintTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface CasePrint {
  state: Store<CasePrintState>;
  /** After an outcome: follow its job, or fall back to the browser when there is none. */
  follow(job: PrintJobView | undefined): void;
  /** 补打 on the counter's printer; `false` means print from the browser (no printer here). */
  reprint(counterId: string, caseId: string): Promise<boolean>;
  reset(): void;
}

export function createCasePrint(deps: {
  sender: CommandSender;
  printJob: (id: string) => Promise<Ack<PrintJobView>>;
  timers?: CasePrintTimers;
}): CasePrint {
  const timers = deps.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number), now: () => Date.now() };
  const state = createStore<CasePrintState>({ kind: 'idle' });
  let generation = 0;
  let timer: unknown = null;

  const stop = () => {
    generation++;
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  function settle(job: PrintJobView): boolean {
    if (job.status === 'printed') state.set({ kind: 'printed', job });
    else if (job.status === 'failed') state.set({ kind: 'failed', job, message: job.lastError ?? '' });
    else return false;
    return true;
  }

  function follow(job: PrintJobView | undefined): void {
    stop();
    if (!job) return state.set({ kind: 'browser' });
    if (settle(job)) return;
    state.set({ kind: 'printing', job });
    const mine = generation;
    const started = timers.now();
    const poll = () => {
      timer = timers.setTimeout(async () => {
        timer = null;
        const r = await deps.printJob(job.id);
        if (mine !== generation) return;
        if (r.ok && settle(r.data)) return;
        // A failed poll is not a failed print: keep asking until the deadline.
        if (timers.now() - started >= CASE_PRINT_DEADLINE_MS) return state.set({ kind: 'failed', job: r.ok ? r.data : job, message: 'timeout' });
        poll();
      }, CASE_PRINT_POLL_MS);
    };
    poll();
  }

  return {
    state,
    follow,
    async reprint(counterId, caseId) {
      const r = await deps.sender.send('case:print', { counterId, caseId });
      if (r.ok && r.data.printJob) {
        follow(r.data.printJob);
        return true;
      }
      if (!r.ok && r.error.code === 'no_printer') {
        follow(undefined);
        return false;
      }
      if (!r.ok && r.error.message !== 'busy') state.set({ kind: 'failed', job: null, message: r.error.message });
      return true;
    },
    reset() {
      stop();
      state.set({ kind: 'idle' });
    },
  };
}
