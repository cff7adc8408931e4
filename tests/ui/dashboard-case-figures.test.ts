/**
 * The dashboard's 今日办件 store: reads the hall totals, the per-group figures and the alert cases;
 * re-reads once shortly after case facts (several fold into one read); an alert fact marks its case
 * as new; other halls' facts and non-case facts are ignored; a failed read shows the error.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CaseFigures, CaseView } from '../../server/protocol/cases';
import type { Ack } from '../../server/protocol/errors';
import type { HallFact } from '../../server/protocol/events';
import { alertRows, createCaseFiguresStore } from '../../dashboard-ui/src/stores/case-figures-store';

const fig = (key: string, p: Partial<CaseFigures> = {}): CaseFigures => ({ key, opened: 3, accepted: 2, notice: 1, tolerated: 0, notAccepted: 1, firstVisitPassRate: 0.5, withinLimitShare: null, overdue: 0, onTheSpotShare: 0.5, ...p });
const kase = (number: string, p: Partial<CaseView>): CaseView => ({ id: `id-${number}`, number, matterName: '企业设立登记', departmentName: '区市场监督管理局', counterNumber: 1, alertLevel: 'none', promiseOverdue: false, dueDate: '2026-03-10', promiseDate: null, ...p }) as CaseView;

function setup(fail = false) {
  const calls: string[] = [];
  let timers: (() => void)[] = [];
  let alerts: CaseView[] = [kase('202603050001', { alertLevel: 'overdue' }), kase('202603050002', { alertLevel: 'at_risk', promiseOverdue: true, promiseDate: '2026-03-06' })];
  const store = createCaseFiguresStore({
    request: async <T,>(_m: string, path: string): Promise<Ack<T>> => {
      calls.push(path);
      if (fail) return { ok: false, error: { code: 'forbidden', message: 'no' } };
      if (path.includes('by=hall')) return { ok: true, data: [fig('all', { accepted: 9 })] as T };
      if (path.includes('case-report')) return { ok: true, data: [fig('企业设立登记'), fig('社保登记')] as T };
      return { ok: true, data: alerts as T };
    },
    setTimeout: (fn) => (timers.push(fn), timers.length),
    clearTimeout: () => {},
  });
  const flush = async () => {
    const due = timers;
    timers = [];
    due.forEach((f) => f());
    await new Promise((r) => setTimeout(r, 0));
  };
  return { store, calls, flush, setAlerts: (a: CaseView[]) => (alerts = a), pendingTimers: () => timers.length };
}

const fact = (type: HallFact['type'], hallId = 'h1', caseId = 'id-202603050003'): HallFact => ({ seq: 1, hallId, type, at: '', case: { id: caseId, number: '202603050003', status: 'accepted', matterId: 'm', departmentId: 'd', counterId: null, dueDate: null, alertLevel: 'at_risk', promiseOverdue: false } }) as HallFact;

const t = suite('dashboard case figures');

t('show reads the totals, the groups of today and the alerts, worst first', async () => {
  const { store, calls } = setup();
  store.show('h1', '2026-03-05');
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(calls.sort(), ['/api/halls/h1/case-report?from=2026-03-05&to=2026-03-05&by=hall', '/api/halls/h1/case-report?from=2026-03-05&to=2026-03-05&by=matter', '/api/halls/h1/cases?status=alerts'].sort());
  const s = store.state.get();
  assert.is(s.total?.accepted, 9);
  assert.equal(s.rows.map((r) => r.key), ['企业设立登记', '社保登记']);
  assert.equal(s.alerts.map((a) => `${a.number}:${a.kind}`), ['202603050001:overdue', '202603050002:promise_overdue', '202603050002:at_risk']);
});

t('case facts fold into one re-read; an alert fact marks its case new; other halls and ticket facts are ignored', async () => {
  const { store, calls, flush, setAlerts, pendingTimers } = setup();
  store.show('h1', '2026-03-05');
  await new Promise((r) => setTimeout(r, 0));
  calls.length = 0;
  store.receive(fact('ticket:called'));
  store.receive(fact('case:accepted', 'h2'));
  assert.is(pendingTimers(), 0);
  store.receive(fact('case:accepted'));
  store.receive(fact('case:at-risk'));
  assert.is(pendingTimers(), 1, 'one re-read for both');
  setAlerts([kase('202603050003', { alertLevel: 'at_risk' })]);
  await flush();
  assert.is(calls.length, 3);
  const [a] = store.state.get().alerts;
  assert.is(a?.number, '202603050003');
  assert.is(a?.fresh, true, 'raised while the dashboard was open');
});

t('switching the grouping re-reads; a failed read shows the error', async () => {
  const ok = setup();
  ok.store.show('h1', '2026-03-05');
  await new Promise((r) => setTimeout(r, 0));
  ok.calls.length = 0;
  ok.store.setBy('counter');
  await new Promise((r) => setTimeout(r, 0));
  assert.ok(ok.calls.some((c) => c.endsWith('by=counter')));
  const bad = setup(true);
  bad.store.show('h1', '2026-03-05');
  await new Promise((r) => setTimeout(r, 0));
  assert.is(bad.store.state.get().error?.code, 'forbidden');
});

t('alertRows: a case neither at risk nor past its promise is no alert', () => {
  assert.equal(alertRows([kase('1', {})], new Set()), []);
});

t.run();
