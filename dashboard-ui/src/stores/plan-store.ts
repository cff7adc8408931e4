/**
 * The staffing-plan card's state: load today's plan for a hall, apply a tidal move or a 弹性窗口
 * opening in one click (the existing tidal-counter command with the advice's matters and its text
 * as the reason), return it at the end of its window (the same command with the counter's own
 * matters), schedule breaks and back-office half hours, then reload. Plain TS, no Lit: tested in Node.
 */
import type { Ack } from '../../../server/protocol/errors';
import type { BreakAdviceView, CounterBreaksView, FlexOpeningView, StaffingPlanView, TidalMoveView } from '../../../server/protocol/staffing-plan';
import type { CounterView } from '../../../server/protocol/views';
import { createStore, type Store } from '../../../ui-shared/src/store';

export interface PlanDeps {
  fetch(hallId: string): Promise<Ack<StaffingPlanView>>;
  apply(hallId: string, counterId: string, matterIds: string[], reason: string): Promise<Ack<CounterView>>;
  applyBreaks(hallId: string, counterId: string, date: string, times: { from: string; to: string }[], reason: string): Promise<Ack<CounterBreaksView>>;
}

export interface PlanState {
  hallId: string | null;
  plan: StaffingPlanView | null;
  loading: boolean;
  error: { code: string; message: string } | null;
  /** The move being applied (counterId|from), if any. */
  applying: string | null;
  /** Moves applied from this card for this hall (the next plan, computed on the new matters, no longer advises them). */
  applied: TidalMoveView[];
}

export interface PlanStore {
  state: Store<PlanState>;
  load(hallId: string): Promise<void>;
  apply(move: TidalMoveView): Promise<boolean>;
  /** Schedule a counter's advised breaks for the plan's day, then reload (the plan marks them applied). */
  applyBreaks(advice: BreakAdviceView): Promise<boolean>;
  /** Open a spare counter for the zone (its matters: the zone's). */
  applyFlex(opening: FlexOpeningView): Promise<boolean>;
  /** At the end of a move's or an opening's window: the counter back to its own matters. */
  giveBack(advice: TidalMoveView | FlexOpeningView): Promise<boolean>;
}

export const flexKey = (o: Pick<FlexOpeningView, 'counterId' | 'from'>) => `flex|${o.counterId}|${o.from}`;
export const returnKey = (m: Pick<TidalMoveView, 'counterId' | 'to'>) => `return|${m.counterId}|${m.to}`;

export const breakKey = (b: Pick<BreakAdviceView, 'counterId'>) => `breaks|${b.counterId}`;
export const moveKey = (m: Pick<TidalMoveView, 'counterId' | 'from'>) => `${m.counterId}|${m.from}`;

export function createPlanStore(deps: PlanDeps): PlanStore {
  const state = createStore<PlanState>({ hallId: null, plan: null, loading: false, error: null, applying: null, applied: [] });
  const patch = (p: Partial<PlanState>) => state.set({ ...state.get(), ...p });
  async function load(hallId: string) {
    patch({ hallId, loading: true, ...(state.get().hallId !== hallId && { plan: null, applied: [] }) });
    const r = await deps.fetch(hallId);
    if (state.get().hallId !== hallId) return; // another hall was chosen meanwhile
    patch(r.ok ? { plan: r.data, loading: false, error: null } : { loading: false, error: r.error });
  }
  async function assign(key: string, counterId: string, matterIds: string[], reason: string) {
    const hallId = state.get().hallId;
    if (!hallId || state.get().applying) return false;
    patch({ applying: key, error: null });
    const r = await deps.apply(hallId, counterId, matterIds, reason);
    patch({ applying: null, ...(!r.ok && { error: r.error }) });
    if (r.ok) await load(hallId);
    return r.ok;
  }
  return {
    state,
    load,
    applyFlex: (o) => assign(flexKey(o), o.counterId, o.matterIds, `弹性窗口 ${o.text}`),
    async giveBack(m) {
      const ok = await assign(returnKey(m), m.counterId, m.returnMatterIds, `潮汐调度 ${m.returnText}`);
      // A move given back is no longer "applied from this card".
      if (ok) patch({ applied: state.get().applied.filter((x) => moveKey(x) !== moveKey(m)) });
      return ok;
    },
    async apply(move) {
      const hallId = state.get().hallId;
      if (!hallId || state.get().applying) return false;
      patch({ applying: moveKey(move), error: null });
      const r = await deps.apply(hallId, move.counterId, move.matterIds, `潮汐调度 ${move.text}`);
      patch({ applying: null, ...(r.ok ? { applied: [...state.get().applied, { ...move, applied: true }] } : { error: r.error }) });
      if (r.ok) await load(hallId);
      return r.ok;
    },
    async applyBreaks(advice) {
      const { hallId, plan } = state.get();
      if (!hallId || !plan || state.get().applying) return false;
      patch({ applying: breakKey(advice), error: null });
      const text = advice.times.map((t) => `${t.from}–${t.to}${advice.backOffice.some((b) => b.from === t.from) ? '（后台）' : ''}`).join('、');
      const r = await deps.applyBreaks(hallId, advice.counterId, plan.date, advice.times, `错峰休息 ${advice.counterNumber} 号窗口 ${text}`);
      patch({ applying: null, ...(!r.ok && { error: r.error }) });
      if (r.ok) await load(hallId);
      return r.ok;
    },
  };
}

/** The advice to list: the plan's moves, then those applied from this card (marked applied). */
export function listedMoves(s: Pick<PlanState, 'plan' | 'applied'>): TidalMoveView[] {
  const done = new Set(s.applied.map(moveKey));
  const planned = s.plan?.moves ?? [];
  const inPlan = new Set(planned.map(moveKey));
  return [...planned.map((m) => (done.has(moveKey(m)) ? { ...m, applied: true } : m)), ...s.applied.filter((m) => !inPlan.has(moveKey(m)))];
}

/** Rows of the plan table: per half hour, per zone, expected arrivals, counters needed and staffed. */
export function planRows(plan: StaffingPlanView): { slot: string; cells: { arrivals: number; needed: number; staffed: number; short: boolean }[] }[] {
  return plan.slots.map((slot, i) => ({
    slot,
    cells: plan.zones.map((z) => ({ arrivals: z.arrivals[i]!, needed: z.needed[i]!, staffed: z.staffed[i]!, short: z.needed[i]! > z.staffed[i]! })),
  }));
}

/** Zones that expect anyone today (the table leaves out the rest). */
export function activeZones(plan: StaffingPlanView): StaffingPlanView['zones'] {
  return plan.zones.filter((z) => z.arrivals.some((a) => a > 0) || z.staffed.some((s) => s > 0));
}
