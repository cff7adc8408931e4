/**
 * Follows the paper ticket after issuing, for up to 6 s (the server's print budget). The server
 * pushes every change of the kiosk's own print jobs ('kiosk:print' on the kiosk's socket), so the
 * kiosk does not poll: it listens, reads the job once at the start (it may have printed before the
 * kiosk listened) and once more shortly before the deadline (a push lost in a reconnect), and says
 * "failed" when 6 s pass without an outcome. The visitor always keeps the on-screen ticket; this
 * only decides which sentence to show.
 */
import type { PrintJobView } from '../../../server/protocol/views';
import type { KioskApi } from './kiosk-api';
import type { KioskTimers, TimerHandle } from './timers';

export type PrintState = 'none' | 'printing' | 'printed' | 'failed';

export const PRINT_DEADLINE_MS = 6000;
/** The one read before the deadline. */
export const PRINT_LAST_READ_MS = 5000;

/** The pushed print-job changes of this kiosk. */
export interface PrintFeed {
  subscribe(listener: (job: PrintJobView) => void): () => void;
}

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

const settled = (s: PrintState) => s === 'printed' || s === 'failed';

/** Starts watching; `onState` gets every change, ending with 'printed' or 'failed'. */
export function watchPrint(
  api: Pick<KioskApi, 'printJob'>,
  feed: PrintFeed | null,
  timers: KioskTimers,
  job: PrintJobView | undefined,
  onState: (state: PrintState) => void,
): PrintWatch {
  const first = printStateOf(job);
  onState(first);
  if (first !== 'printing' || !job) return { stop() {} };

  let done = false;
  const handles: TimerHandle[] = [];
  let unsubscribe: () => void = () => {};
  const stop = () => {
    done = true;
    for (const h of handles) timers.clearTimeout(h);
    unsubscribe();
  };
  const finish = (state: PrintState) => {
    if (done) return;
    stop();
    onState(state);
  };
  unsubscribe = feed?.subscribe((pushed) => {
    if (pushed.id === job.id && settled(printStateOf(pushed))) finish(printStateOf(pushed));
  }) ?? (() => {});
  const read = () =>
    void api.printJob(job.id).then((r) => {
      // A failed read is not a failed print: the push or the deadline decides.
      if (!done && r.ok && settled(printStateOf(r.data))) finish(printStateOf(r.data));
    });
  read();
  handles.push(timers.setTimeout(read, PRINT_LAST_READ_MS));
  handles.push(timers.setTimeout(() => finish('failed'), PRINT_DEADLINE_MS));
  return { stop };
}
