/**
 * The dashboard's 好差评 view: today's ratings and the open bad reviews of one hall (with their
 * deadlines and 80 % / past-due alerts, computed by the server), the step form, and the report.
 * Re-reads on every 'evaluation:changed' nudge for the hall and every minute (deadlines move with
 * time). Plain TS, tested in Node with fakes.
 */
import type { ErrorBody } from '../../../server/protocol/errors';
import type { BadReviewAction, EvaluationGroupBy, EvaluationReportView, EvaluationToday } from '../../../server/protocol/evaluations';
import { createApiClient, prepare, type PreparedCall, type RequestFn } from '../../../ui-shared/src/api-client';
import { newCommandId } from '../../../ui-shared/src/commands';
import { createStore, type Store } from '../../../ui-shared/src/store';

export interface EvaluationViewState {
  hallId: string | null;
  today: EvaluationToday | null;
  error: ErrorBody | null;
  selectedId: string | null;
  stepBusy: boolean;
  stepError: ErrorBody | null;
  report: EvaluationReportView | null;
  reportError: ErrorBody | null;
}

export interface EvaluationStoreDeps {
  request: RequestFn;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  refreshMs?: number;
}

export interface EvaluationStore {
  state: Store<EvaluationViewState>;
  /** Shows this hall (loads now, then every minute) until stop(); calling it again for the same hall does nothing. */
  show(hallId: string): void;
  stop(): void;
  refresh(): Promise<void>;
  /** A nudge from the server for some hall. */
  changed(hallId: string): void;
  select(reviewId: string | null): void;
  takeStep(reviewId: string, action: BadReviewAction, note: string, decision?: 'upheld' | 'rejected'): Promise<boolean>;
  runReport(q: { from: string; to: string; groupBy: EvaluationGroupBy }): Promise<void>;
  /** The report as a CSV export (for the typed client's `file`), or null before a hall is shown. */
  csvCall(q: { from: string; to: string; groupBy: EvaluationGroupBy; lang: 'zh-CN' | 'en' }): PreparedCall<unknown> | null;
}

export function createEvaluationStore(deps: EvaluationStoreDeps): EvaluationStore {
  const state = createStore<EvaluationViewState>({ hallId: null, today: null, error: null, selectedId: null, stepBusy: false, stepError: null, report: null, reportError: null });
  let timer: unknown = null;
  const api = createApiClient(deps.request);
  const patch = (p: Partial<EvaluationViewState>) => state.set({ ...state.get(), ...p });

  let reads = 0;
  async function refresh(): Promise<void> {
    const hallId = state.get().hallId;
    if (!hallId) return;
    // A fact, the timer and a step each start a read; one started earlier may answer later and
    // would show the review as it was before the step. Only the latest read is shown.
    const read = ++reads;
    const r = await api.call('evaluationToday', { params: { hallId } });
    if (read !== reads || state.get().hallId !== hallId) return;
    if (r.ok) patch({ today: r.data, error: null });
    else patch({ error: r.error });
  }

  return {
    state,
    show(hallId) {
      if (state.get().hallId === hallId && timer !== null) return; // already showing it
      if (state.get().hallId !== hallId) patch({ hallId, today: null, selectedId: null, report: null, error: null });
      if (timer === null) timer = deps.setInterval(() => void refresh(), deps.refreshMs ?? 60_000);
      void refresh();
    },
    stop() {
      if (timer !== null) deps.clearInterval(timer);
      timer = null;
    },
    refresh,
    changed(hallId) {
      if (hallId === state.get().hallId) void refresh();
    },
    select(reviewId) {
      patch({ selectedId: reviewId, stepError: null });
    },
    async takeStep(reviewId, action, note, decision) {
      if (state.get().stepBusy) return false;
      patch({ stepBusy: true, stepError: null });
      const r = await api.call('badReviewStep', { params: { reviewId }, body: { commandId: newCommandId(), action, note, ...(decision && { decision }) } });
      patch({ stepBusy: false, stepError: r.ok ? null : r.error });
      if (r.ok) await refresh();
      return r.ok;
    },
    async runReport(q) {
      const hallId = state.get().hallId;
      if (!hallId) return;
      const r = await api.call('hallEvaluationReport', { params: { hallId }, query: { from: q.from, to: q.to, groupBy: q.groupBy } });
      patch(r.ok ? { report: r.data, reportError: null } : { reportError: r.error });
    },
    csvCall(q) {
      const hallId = state.get().hallId;
      if (!hallId) return null;
      return prepare('hallEvaluationReport', { params: { hallId }, query: { from: q.from, to: q.to, groupBy: q.groupBy, format: 'csv', lang: q.lang } });
    },
  };
}
