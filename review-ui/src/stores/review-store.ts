/**
 * The back office's screen state: sign-in (shared staff session), the hall, the case list of the
 * reviewer's departments (refreshed every few seconds), the selected case with its steps, and
 * the step commands (审查 → 决定 → 制证 → 待领取 / 寄出 → 办结). Plain TS; the server decides.
 */
import type { CaseStatus, CaseStepView, CaseView } from '../../../server/protocol/cases';
import type { Ack, ErrorBody } from '../../../server/protocol/errors';
import { createApiClient } from '../../../ui-shared/src/api-client';
import { createStaffSession, type RequestFn, type StaffSessionStore, type StorageLike } from '../../../ui-shared/src/staff-session';
import { createStore, type Store } from '../../../ui-shared/src/store';

export type ReviewAction = 'start_review' | 'request_supplement' | 'supplied' | 'approve' | 'refuse' | 'produce' | 'ready' | 'post' | 'deliver' | 'issue_electronic' | 'withdraw' | 'fulfil_promise';
export type ListFilter = 'back_office' | 'ready' | 'alerts' | 'open' | 'all';

/** The next steps a case offers the back office (the server checks again). */
export function nextActions(c: CaseView): ReviewAction[] {
  const by: Partial<Record<CaseStatus, ReviewAction[]>> = {
    accepted: ['start_review', 'withdraw'],
    reviewing: ['approve', 'refuse', 'request_supplement', 'withdraw'],
    supplement: ['supplied', 'withdraw'],
    approved: ['produce', c.delivery === 'post' ? 'post' : c.delivery === 'electronic' ? 'issue_electronic' : 'ready'],
    producing: [c.delivery === 'post' ? 'post' : c.delivery === 'electronic' ? 'issue_electronic' : 'ready'],
    posted: ['deliver'],
  };
  const list = [...(by[c.status] ?? [])];
  if (c.tolerated && !c.promiseKept && !['ready', 'posted', 'collected', 'closed', 'withdrawn', 'refused', 'not_accepted'].includes(c.status)) list.push('fulfil_promise');
  return list;
}

export interface ReviewState {
  hallId: string | null;
  filter: ListFilter;
  cases: CaseView[];
  selectedId: string | null;
  steps: CaseStepView[];
  reason: string;
  trackingNumber: string;
  error: ErrorBody | null;
  busy: boolean;
}

export interface ReviewStore {
  session: StaffSessionStore;
  state: Store<ReviewState>;
  start(): Promise<void>;
  refresh(): Promise<void>;
  setFilter(f: ListFilter): Promise<void>;
  select(caseId: string): Promise<void>;
  setReason(r: string): void;
  setTracking(t: string): void;
  act(action: ReviewAction): Promise<boolean>;
  stop(): void;
}

export function createReviewStore(deps: { request: RequestFn; storage: StorageLike; newId(): string; setTimer(fn: () => void, ms: number): unknown; clearTimer(h: unknown): void }, intervalMs = 5000): ReviewStore {
  const session = createStaffSession({ storage: deps.storage, request: deps.request, key: 'yc-review:session' });
  const state = createStore<ReviewState>({ hallId: null, filter: 'back_office', cases: [], selectedId: null, steps: [], reason: '', trackingNumber: '', error: null, busy: false });
  const patch = (p: Partial<ReviewState>) => state.set({ ...state.get(), ...p });
  const token = () => session.session.get()?.token ?? null;
  let timer: unknown = null;

  const api = createApiClient(deps.request, token);

  async function settle<T>(pending: Promise<Ack<T>>): Promise<T | null> {
    const r = await pending;
    if (r.ok) return r.data;
    if (r.error.code === 'unauthenticated') session.expire();
    patch({ error: r.error });
    return null;
  }

  async function refresh(): Promise<void> {
    const s = state.get();
    if (!token() || !s.hallId) return;
    const list = await settle(api.call('listCases', { params: { hallId: s.hallId }, query: { status: s.filter } }));
    if (list) patch({ cases: list });
    if (state.get().selectedId) await loadSteps(state.get().selectedId!);
  }

  async function loadSteps(caseId: string): Promise<void> {
    const d = await settle(api.call('caseDetail', { params: { caseId } }));
    if (d) patch({ steps: d.steps, cases: state.get().cases.map((c) => (c.id === d.case.id ? d.case : c)) });
  }

  function schedule() {
    if (timer !== null) deps.clearTimer(timer);
    timer = deps.setTimer(() => void refresh().finally(schedule), intervalMs);
  }

  return {
    session,
    state,
    async start() {
      if (!token()) return;
      // A reviewer's halls come with the session (the hall list is for counter staff and managers).
      patch({ hallId: state.get().hallId ?? session.session.get()?.staff.hallIds[0] ?? null });
      await refresh();
      schedule();
    },
    refresh,
    async setFilter(filter) {
      patch({ filter, selectedId: null, steps: [] });
      await refresh();
    },
    async select(caseId) {
      patch({ selectedId: caseId, steps: [], reason: '', trackingNumber: '', error: null });
      await loadSteps(caseId);
    },
    setReason: (reason) => patch({ reason }),
    setTracking: (trackingNumber) => patch({ trackingNumber }),
    async act(action) {
      const s = state.get();
      if (!s.selectedId || s.busy) return false;
      patch({ busy: true, error: null });
      const body = {
        commandId: deps.newId(),
        action,
        ...(s.reason.trim() && ['refuse', 'withdraw', 'request_supplement'].includes(action) && { reason: s.reason.trim() }),
        ...(action === 'post' && s.trackingNumber.trim() && { trackingNumber: s.trackingNumber.trim() }),
      };
      const done = await settle(api.call('reviewCase', { params: { caseId: s.selectedId }, body }));
      patch({ busy: false, ...(done && { reason: '', trackingNumber: '' }) });
      if (done) await refresh();
      return !!done;
    },
    stop() {
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
  };
}
