/**
 * Follows the paper ticket after issuing: poll the print job every 500 ms for up to 6 s.
 * The visitor always keeps the on-screen ticket; this only decides which sentence to show.
 */
import type { PrintJobView } from '../../../server/protocol/views';
import type { KioskApi } from './kiosk-api';
import type { KioskTimers, TimerHandle } from './timers';

export type PrintState = 'none' | 'printing' | 'printed' | 'failed';

export const PRINT_POLL_MS = 500;
export const PRINT_DEADLINE_MS = 6000;

/** The state a print job's status maps to on screen. */
export function printStateOf(job: PrintJobView | undefined | null): PrintState {
  if (!job) return 'none';
  switch (job.status) {
    case 'printed':
      return 'printed';
    case 'failed':
      return 'failed';
    case 'pending':
    case 'printing':
      return 'printing';
  }
}

export interface PrintWatch {
  stop(): void;
}

/** Starts watching; `onState` gets every change, ending with 'printed' or 'failed'. */
export function watchPrint(
  api: Pick<KioskApi, 'printJob'>,
  timers: KioskTimers,
  job: PrintJobView | undefined,
  onState: (state: PrintState) => void,
): PrintWatch {
  const first = printStateOf(job);
  onState(first);
  if (first !== 'printing' || !job) return { stop() {} };

  let done = false;
  let poll: TimerHandle | null = null;
  const finish = (state: PrintState) => {
    if (done) return;
    done = true;
    if (poll !== null) timers.clearTimeout(poll);
    timers.clearTimeout(deadline);
    onState(state);
  };
  const deadline = timers.setTimeout(() => finish('failed'), PRINT_DEADLINE_MS);
  const schedule = () => {
    poll = timers.setTimeout(() => {
      poll = null;
      void api.printJob(job.id).then((r) => {
        if (done) return;
        const state = r.ok ? printStateOf(r.data) : 'printing'; // a failed poll is not a failed print: keep trying
        if (state === 'printed' || state === 'failed') finish(state);
        else schedule();
      });
    }, PRINT_POLL_MS);
  };
  schedule();
  return {
    stop() {
      done = true;
      if (poll !== null) timers.clearTimeout(poll);
      timers.clearTimeout(deadline);
    },
  };
}
