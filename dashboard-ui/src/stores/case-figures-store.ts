/**
 * The dashboard's case (办件) panel: today's figures for the hall and per matter, department or
 * counter (GET /api/halls/:hallId/case-report), and the cases at risk (80 % of the limit), overdue,
 * or past a 容缺 promise (GET /api/halls/:hallId/cases?status=alerts). Live: every case:* fact of the
 * hall (broadcast after commit) re-reads both shortly after (facts in between fold in); an alert fact
 * marks its case as new. On every (re)connect the dashboard calls refresh(): the snapshot again.
 */
import type { CaseFact, CaseFigures, CaseView } from '../../../server/protocol/cases';
import type { Ack, ErrorBody } from '../../../server/protocol/errors';
import type { HallFact } from '../../../server/protocol/events';
import { createStore, type Store } from '../../../ui-shared/src/store';
import { createApiClient, type RequestFn } from '../../../ui-shared/src/api-client';

export type CaseGroup = 'matter' | 'department' | 'counter';
export type CaseAlertKind = 'overdue' | 'at_risk' | 'promise_overdue';

export interface CaseAlertRow {
  caseId: string;
  number: string;
  matterName: string;
  departmentName: string;
  counterNumber: number | null;
  kind: CaseAlertKind;
  dueDate: string | null;
  promiseDate: string | null;
  /** Raised while this dashboard was open (a live fact), not only found in the snapshot. */
  fresh: boolean;
}

export interface CaseFiguresState {
  hallId: string | null;
  date: string | null;
  by: CaseGroup;
  total: CaseFigures | null;
  rows: CaseFigures[];
  alerts: CaseAlertRow[];
  error: ErrorBody | null;
}

export interface CaseFiguresStore {
  state: Store<CaseFiguresState>;
  /** Shows this hall for this hall-local day (reloads when either changes). */
  show(hallId: string, date: string): void;
  setBy(by: CaseGroup): void;
  refresh(): Promise<void>;
  receive(fact: HallFact): void;
  stop(): void;
}

const ALERT_FACTS: Partial<Record<HallFact['type'], CaseAlertKind>> = { 'case:overdue': 'overdue', 'case:at-risk': 'at_risk', 'case:promise-overdue': 'promise_overdue' };
const KIND_ORDER: Record<CaseAlertKind, number> = { overdue: 0, promise_overdue: 1, at_risk: 2 };

/** The alert rows of a case list: overdue first, then promise overdue, then at risk. */
export function alertRows(cases: readonly CaseView[], fresh: ReadonlySet<string>): CaseAlertRow[] {
  const rows: CaseAlertRow[] = [];
  for (const c of cases) {
    const kinds: CaseAlertKind[] = [];
    if (c.alertLevel === 'overdue') kinds.push('overdue');
    else if (c.alertLevel === 'at_risk') kinds.push('at_risk');
    if (c.promiseOverdue) kinds.push('promise_overdue');
    for (const kind of kinds) {
      rows.push({ caseId: c.id, number: c.number, matterName: c.matterName, departmentName: c.departmentName, counterNumber: c.counterNumber, kind, dueDate: c.dueDate, promiseDate: c.promiseDate, fresh: fresh.has(`${c.id}:${kind}`) });
    }
  }
  return rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.number.localeCompare(b.number));
}

export function createCaseFiguresStore(deps: {
  request: RequestFn;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** A refresh follows the first case fact by this much. Default 800 ms. */
  debounceMs?: number;
}): CaseFiguresStore {
  const state = createStore<CaseFiguresState>({ hallId: null, date: null, by: 'matter', total: null, rows: [], alerts: [], error: null });
  const patch = (p: Partial<CaseFiguresState>) => state.set({ ...state.get(), ...p });
  const fresh = new Set<string>();
  let pending: unknown = null;
  let generation = 0;
  const api = createApiClient(deps.request);

  async function refresh(): Promise<void> {
    const { hallId, date, by } = state.get();
    if (!hallId || !date) return;
    const mine = ++generation;
    const params = { hallId };
    const [total, rows, alerts] = await Promise.all([
      api.call('caseReport', { params, query: { from: date, to: date, by: 'hall' } }),
      api.call('caseReport', { params, query: { from: date, to: date, by } }),
      api.call('listCases', { params, query: { status: 'alerts' } }),
    ]);
    if (mine !== generation) return; // a newer read is under way
    const failed = [total, rows, alerts].find((r) => !r.ok);
    if (failed && !failed.ok) return patch({ error: failed.error });
    patch({
      total: total.ok ? (total.data[0] ?? null) : null,
      rows: rows.ok ? rows.data : [],
      alerts: alerts.ok ? alertRows(alerts.data, fresh) : [],
      error: null,
    });
  }

  function schedule(): void {
    if (pending !== null) return;
    pending = deps.setTimeout(() => {
      pending = null;
      void refresh();
    }, deps.debounceMs ?? 800);
  }

  return {
    state,
    show(hallId, date) {
      const s = state.get();
      if (s.hallId === hallId && s.date === date) return;
      if (s.hallId !== hallId) fresh.clear();
      patch({ hallId, date, total: null, rows: [], alerts: s.hallId === hallId ? s.alerts : [], error: null });
      void refresh();
    },
    setBy(by) {
      if (state.get().by === by) return;
      patch({ by, rows: [] });
      void refresh();
    },
    refresh,
    receive(fact) {
      if (fact.hallId !== state.get().hallId || !fact.type.startsWith('case:')) return;
      const kind = ALERT_FACTS[fact.type];
      const c: CaseFact | undefined = fact.case;
      if (kind && c) fresh.add(`${c.id}:${kind}`);
      schedule();
    },
    stop() {
      generation++;
      if (pending !== null) deps.clearTimeout(pending);
      pending = null;
    },
  };
}
