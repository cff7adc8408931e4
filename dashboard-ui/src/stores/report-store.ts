/**
 * History reports: the query (hall-local dates, grouping, this hall or all the manager's halls),
 * the last result, and the CSV address. Plain TS; the component only renders.
 */
import type { ErrorBody } from '../../../server/protocol/errors';
import type { ReportGroupBy, ReportView } from '../../../server/protocol/dashboard';
import { createStore, type Store } from '../../../ui-shared/src/store';
import { createApiClient, prepare, type PreparedCall } from '../../../ui-shared/src/api-client';
import type { RequestFn } from './session';

export interface ReportForm {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  /** 'hall': the hall chosen in the header; 'all': every hall the manager may see. */
  scope: 'hall' | 'all';
}

export interface ReportStore {
  form: Store<ReportForm>;
  result: Store<ReportView | null>;
  pending: Store<boolean>;
  error: Store<ErrorBody | null>;
  setForm(patch: Partial<ReportForm>): void;
  /** The report call (JSON, or CSV for Excel): one hall's, or every hall's the caller may see. */
  call(hallId: string | null, format: 'json' | 'csv', lang?: 'zh-CN' | 'en'): PreparedCall<ReportView>;
  run(hallId: string | null): Promise<void>;
}

/** YYYY-MM-DD of an instant in a time zone (the hall's calendar, not the browser's). */
export function localDate(ms: number, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last 7 days up to today. */
export function defaultForm(nowMs: number, timeZone?: string): ReportForm {
  const today = localDate(nowMs, timeZone);
  return { from: addDays(today, -6), to: today, groupBy: 'day', scope: 'hall' };
}

export function createReportStore(deps: { request: RequestFn; token(): string | null; now(): number }): ReportStore {
  const form = createStore<ReportForm>(defaultForm(deps.now()));
  const result = createStore<ReportView | null>(null);
  const pending = createStore(false);
  const error = createStore<ErrorBody | null>(null);
  let generation = 0;

  const client = createApiClient(deps.request, deps.token);

  function call(hallId: string | null, format: 'json' | 'csv', lang?: 'zh-CN' | 'en'): PreparedCall<ReportView> {
    const f = form.get();
    const query = { from: f.from, to: f.to, groupBy: f.groupBy, format, ...(lang && { lang }) };
    return f.scope === 'all' || !hallId ? prepare('report', { query }) : prepare('hallReport', { params: { hallId }, query });
  }

  return {
    form,
    result,
    pending,
    error,
    setForm(patch) {
      form.set({ ...form.get(), ...patch });
    },
    call,
    async run(hallId) {
      const mine = ++generation;
      pending.set(true);
      error.set(null);
      try {
        const r = await client.send(call(hallId, 'json'));
        if (mine !== generation) return; // a newer query answered first
        if (r.ok) result.set(r.data);
        else error.set(r.error);
      } finally {
        if (mine === generation) pending.set(false);
      }
    },
  };
}
