/**
 * The kiosk printers of the hall on screen, for the manager's paper alert (docs/printing.md
 * "Paper and cover"): read over HTTP when a hall is shown, again after every 'print:status' fact of that hall
 * (a job's status and the printer's answer about its paper commit together, so the re-read after the
 * fact sees both), after every reconnect, and every 30 s (a kiosk's printer agent reports without a
 * fact). Re-reads that pile up while one is in flight collapse into one more. Plain TS.
 */
import type { ErrorBody } from '../../../server/protocol/errors';
import type { HallFact } from '../../../server/protocol/events';
import type { KioskPrinterStatusView } from '../../../server/protocol/views';
import { createApiClient, type RequestFn } from '../../../ui-shared/src/api-client';
import { printerAlerts, type PrinterAlert } from '../../../ui-shared/src/printer-sensor';
import { createStore, type Store } from '../../../ui-shared/src/store';

export interface PrinterViewState {
  hallId: string | null;
  printers: KioskPrinterStatusView[];
  alerts: PrinterAlert[];
  error: ErrorBody | null;
}

export interface PrinterStoreDeps {
  request: RequestFn;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  refreshMs?: number;
}

export interface PrinterStore {
  state: Store<PrinterViewState>;
  show(hallId: string): void;
  stop(): void;
  refresh(): Promise<void>;
  receive(fact: HallFact): void;
}

export function createPrinterStore(deps: PrinterStoreDeps): PrinterStore {
  const state = createStore<PrinterViewState>({ hallId: null, printers: [], alerts: [], error: null });
  const api = createApiClient(deps.request);
  let timer: unknown = null;
  let inflight: Promise<void> | null = null;
  let again = false;

  async function readOnce(): Promise<void> {
    const hallId = state.get().hallId;
    if (!hallId) return;
    const r = await api.call('listHallPrinters', { params: { hallId } });
    if (state.get().hallId !== hallId) return;
    if (r.ok) state.set({ hallId, printers: r.data, alerts: printerAlerts(r.data), error: null });
    else state.set({ ...state.get(), error: r.error });
  }

  function refresh(): Promise<void> {
    if (inflight) {
      again = true;
      return inflight;
    }
    inflight = (async () => {
      try {
        do {
          again = false;
          await readOnce();
        } while (again);
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  }

  return {
    state,
    show(hallId) {
      if (state.get().hallId === hallId && timer !== null) return;
      if (state.get().hallId !== hallId) state.set({ hallId, printers: [], alerts: [], error: null });
      if (timer === null) timer = deps.setInterval(() => void refresh(), deps.refreshMs ?? 30_000);
      void refresh();
    },
    stop() {
      if (timer !== null) deps.clearInterval(timer);
      timer = null;
    },
    refresh,
    receive(fact) {
      if (fact.type === 'print:status' && fact.hallId === state.get().hallId) void refresh();
    },
  };
}
