/**
 * The phone page's evaluation section: GET /api/evaluation/by-token/:token once the service is
 * finished, and POST of the visitor's own rating. Plain TS, tested in Node with fakes. It never
 * submits by itself; a repeat answers 已评价 (already_evaluated) and shows the recorded rating.
 */
import type { BodyOf } from '../../../server/protocol/endpoint';
import type { Endpoints } from '../../../server/protocol/endpoints';
import type { Ack } from '../../../server/protocol/errors';
import type { QrEvaluationState, SubmittedEvaluation } from '../../../server/protocol/evaluations';
import type { RatingSubmit } from '../../../ui-shared/src/rating-form';
import { createStore, type Store } from '../../../ui-shared/src/store';

export type QrPhase = 'loading' | 'not_finished' | 'open' | 'thanks' | 'evaluated' | 'error';

export interface QrEvaluationView {
  phase: QrPhase;
  state: QrEvaluationState | null;
  busy: boolean;
  error: { code: string; message: string } | null;
}

export interface QrEvaluationDeps {
  fetchState(token: string): Promise<Ack<QrEvaluationState>>;
  submit(token: string, body: BodyOf<Endpoints['qrEvaluate']>): Promise<Ack<SubmittedEvaluation>>;
  newId(): string;
}

export interface QrEvaluationStore {
  view: Store<QrEvaluationView>;
  load(): Promise<void>;
  submit(rating: RatingSubmit): Promise<void>;
}

export function createQrEvaluationStore(token: string, deps: QrEvaluationDeps): QrEvaluationStore {
  const view = createStore<QrEvaluationView>({ phase: 'loading', state: null, busy: false, error: null });
  async function load(): Promise<void> {
    const r = await deps.fetchState(token);
    const cur = view.get();
    if (!r.ok) return view.set({ ...cur, phase: cur.phase === 'loading' ? 'error' : cur.phase, error: r.error });
    // After a thank-you the page keeps thanking; otherwise it follows the server.
    view.set({ ...cur, state: r.data, phase: cur.phase === 'thanks' ? 'thanks' : r.data.status, error: null });
  }
  return {
    view,
    load,
    async submit(rating) {
      const cur = view.get();
      if (cur.phase !== 'open' || cur.busy) return;
      view.set({ ...cur, busy: true, error: null });
      const r = await deps.submit(token, { commandId: deps.newId(), ...rating });
      if (r.ok) {
        view.set({ ...view.get(), busy: false, phase: 'thanks' });
        return;
      }
      if (r.error.code === 'already_evaluated') {
        view.set({ ...view.get(), busy: false, phase: 'evaluated', error: r.error });
        await load();
        return;
      }
      view.set({ ...view.get(), busy: false, error: r.error });
    },
  };
}
