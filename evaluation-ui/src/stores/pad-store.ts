/**
 * The evaluator pad's state, plain TypeScript (tested in Node with fakes). It re-reads the pad
 * state over HTTP on start, on every server nudge and every `pollMs`; it never submits on its own:
 * only `submit()` (a visitor's tap) sends a rating. After a rating it shows thanks (or 已评价) for
 * `thanksMs`, then goes back to whatever the server says (idle, or the next service).
 */
import type { BodyOf } from '../../../server/protocol/endpoint';
import type { Endpoints } from '../../../server/protocol/endpoints';
import type { Ack } from '../../../server/protocol/errors';
import type { PadState, SubmittedEvaluation } from '../../../server/protocol/evaluations';
import type { RatingSubmit } from '../../../ui-shared/src/rating-form';
import { createStore, type Store } from '../../../ui-shared/src/store';

export type PadPhase = 'loading' | 'unauthorised' | 'unpaired' | 'idle' | 'rating' | 'thanks' | 'already';

export interface PadView {
  phase: PadPhase;
  pad: PadState | null;
  offline: boolean;
  busy: boolean;
  /** The last failed submission (shown in the form), null if none. */
  error: { code: string; message: string } | null;
}

export interface PadStoreDeps {
  fetchState(): Promise<Ack<PadState>>;
  submit(body: BodyOf<Endpoints['padEvaluate']>): Promise<Ack<SubmittedEvaluation>>;
  newId(): string;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  pollMs?: number;
  thanksMs?: number;
}

export interface PadStore {
  view: Store<PadView>;
  start(): void;
  stop(): void;
  refresh(): Promise<void>;
  submit(rating: RatingSubmit): Promise<void>;
}

export function createPadStore(deps: PadStoreDeps): PadStore {
  const pollMs = deps.pollMs ?? 10_000;
  const thanksMs = deps.thanksMs ?? 5_000;
  const view = createStore<PadView>({ phase: 'loading', pad: null, offline: false, busy: false, error: null });
  let poll: unknown = null;
  let hold: unknown = null; // thanks / 已评价 screen timer
  let running = false;

  const phaseOf = (pad: PadState): PadPhase => (!pad.counter ? 'unpaired' : pad.pending ? 'rating' : 'idle');

  async function refresh(): Promise<void> {
    const r = await deps.fetchState();
    const cur = view.get();
    if (!r.ok) {
      if (r.error.code === 'unauthenticated' || r.error.code === 'forbidden') view.set({ ...cur, phase: 'unauthorised', offline: false });
      else view.set({ ...cur, offline: true });
      return;
    }
    const held = hold !== null;
    const sameService = cur.pad?.pending?.serviceId === r.data.pending?.serviceId;
    view.set({
      ...cur,
      pad: r.data,
      offline: false,
      phase: held ? cur.phase : phaseOf(r.data),
      error: sameService ? cur.error : null,
    });
  }

  function schedulePoll(): void {
    if (!running) return;
    poll = deps.setTimer(() => {
      void refresh().finally(schedulePoll);
    }, pollMs);
  }

  function holdThen(phase: 'thanks' | 'already'): void {
    if (hold !== null) deps.clearTimer(hold);
    view.set({ ...view.get(), phase, busy: false, error: null });
    hold = deps.setTimer(() => {
      hold = null;
      void refresh();
    }, thanksMs);
  }

  return {
    view,
    start() {
      if (running) return;
      running = true;
      void refresh();
      schedulePoll();
    },
    stop() {
      running = false;
      if (poll !== null) deps.clearTimer(poll);
      if (hold !== null) deps.clearTimer(hold);
      poll = hold = null;
    },
    refresh,
    async submit(rating) {
      const cur = view.get();
      const serviceId = cur.pad?.pending?.serviceId;
      if (cur.phase !== 'rating' || !serviceId || cur.busy) return;
      view.set({ ...cur, busy: true, error: null });
      const r = await deps.submit({ commandId: deps.newId(), serviceId, ...rating });
      if (r.ok) return holdThen('thanks');
      if (r.error.code === 'already_evaluated') return holdThen('already');
      view.set({ ...view.get(), busy: false, error: r.error });
    },
  };
}
