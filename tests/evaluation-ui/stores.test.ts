/** The evaluator pad's store, the phone page's evaluation store and the dashboard's, in Node with fakes. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Ack } from '../../server/protocol/errors';
import type { EvaluationToday, PadState, QrEvaluationState, SubmittedEvaluation } from '../../server/protocol/evaluations';
import { createPadStore } from '../../evaluation-ui/src/stores/pad-store';
import { createQrEvaluationStore } from '../../progress-ui/src/stores/qr-evaluation';
import { createEvaluationStore } from '../../dashboard-ui/src/stores/evaluation-store';
import { createApiClient } from '../../ui-shared/src/api-client';

function fakeTimers() {
  let next = 1;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      const id = next++;
      pending.set(id, { fn, ms });
      return id;
    },
    clearTimer: (h: unknown) => void pending.delete(h as number),
    /** Runs the timers of this delay once. */
    fire(ms: number) {
      for (const [id, t] of [...pending]) if (t.ms === ms) (pending.delete(id), t.fn());
    },
  };
}
const flush = () => new Promise((r) => setTimeout(r, 0));
const okAck = <T>(data: T): Ack<T> => ({ ok: true, data });
const errAck = <T>(code: string): Ack<T> => ({ ok: false, error: { code: code as 'conflict', message: code } });

const base: PadState = { deviceId: 'd', hallId: 'h', hallName: '大厅', counter: { id: 'c1', number: 1, name: '窗口' }, staff: { displayName: '李娜', staffNo: 'staff1' }, pending: null, serverTime: '' };
const pending = (serviceId: string): PadState => ({ ...base, pending: { serviceId, matterName: '企业设立登记', finishedAt: '', offerUntil: '' } });

const pad = suite('evaluator pad store');

pad('idle → rating after a service; never submits by itself; thanks then back to the server state', async () => {
  const timers = fakeTimers();
  let state: PadState = base;
  const sent: unknown[] = [];
  const store = createPadStore({
    fetchState: async () => okAck(state),
    submit: async (body) => (sent.push(body), okAck<SubmittedEvaluation>({ id: 'e', level: 5, channel: 'pad', submittedAt: '', badReview: false })),
    newId: () => `cmd-${sent.length}`,
    ...timers,
  });
  store.start();
  await flush();
  assert.is(store.view.get().phase, 'idle');
  state = pending('t1');
  timers.fire(10_000); // the slow poll
  await flush();
  assert.is(store.view.get().phase, 'rating');
  timers.fire(10_000);
  timers.fire(10_000);
  await flush();
  assert.equal(sent, [], 'polling never submits');
  await store.submit({ level: 5, reasons: [] });
  assert.equal(sent, [{ commandId: 'cmd-0', serviceId: 't1', level: 5, reasons: [] }]);
  assert.is(store.view.get().phase, 'thanks');
  state = base;
  await store.refresh(); // a nudge during thanks does not cut it short
  assert.is(store.view.get().phase, 'thanks');
  timers.fire(5_000);
  await flush();
  assert.is(store.view.get().phase, 'idle');
  store.stop();
  assert.is(timers.pending.size, 0);
});

pad('already_evaluated shows 已评价; other errors stay on the form; a bad token says so', async () => {
  const timers = fakeTimers();
  let answer: Ack<SubmittedEvaluation> = errAck('already_evaluated');
  const store = createPadStore({ fetchState: async () => okAck(pending('t1')), submit: async () => answer, newId: () => 'x', ...timers });
  await store.refresh();
  await store.submit({ level: 4, reasons: [] });
  assert.is(store.view.get().phase, 'already');
  timers.fire(5_000);
  await flush();
  answer = errAck('evaluation_reason_required');
  await store.submit({ level: 2, reasons: [] });
  assert.is(store.view.get().phase, 'rating');
  assert.is(store.view.get().error?.code, 'evaluation_reason_required');
  const bad = createPadStore({ fetchState: async () => errAck('unauthenticated'), submit: async () => answer, newId: () => 'x', ...timers });
  await bad.refresh();
  assert.is(bad.view.get().phase, 'unauthorised');
  const unpaired = createPadStore({ fetchState: async () => okAck({ ...base, counter: null }), submit: async () => answer, newId: () => 'x', ...timers });
  await unpaired.refresh();
  assert.is(unpaired.view.get().phase, 'unpaired');
  // Nothing to rate: a submit is ignored.
  const idle = createPadStore({ fetchState: async () => okAck(base), submit: async () => assert.unreachable('sent while idle') as never, newId: () => 'x', ...timers });
  await idle.refresh();
  await idle.submit({ level: 5, reasons: [] });
});

pad.run();

const qr = suite('phone page evaluation store');
const qrState = (status: QrEvaluationState['status']): QrEvaluationState => ({ hallName: '大厅', ticketNumber: 'A001', matterName: '企业设立登记', counterNumber: 1, staff: null, status, evaluation: status === 'evaluated' ? { level: 5, channel: 'pad', submittedAt: '' } : null });

qr('open → thanks; already rated elsewhere → 已评价 with the recorded rating; not finished', async () => {
  let server = qrState('open');
  let answer: Ack<SubmittedEvaluation> = okAck({ id: 'e', level: 4, channel: 'qr', submittedAt: '', badReview: false });
  const store = createQrEvaluationStore('tok', { fetchState: async () => okAck(server), submit: async () => answer, newId: () => 'c' });
  await store.load();
  assert.is(store.view.get().phase, 'open');
  await store.submit({ level: 4, reasons: [] });
  assert.is(store.view.get().phase, 'thanks');
  const second = createQrEvaluationStore('tok', { fetchState: async () => okAck(server), submit: async () => answer, newId: () => 'c' });
  await second.load();
  server = qrState('evaluated');
  answer = errAck('already_evaluated');
  await second.submit({ level: 1, reasons: ['slow'] });
  assert.is(second.view.get().phase, 'evaluated');
  assert.is(second.view.get().state?.evaluation?.level, 5);
  server = qrState('not_finished');
  const early = createQrEvaluationStore('tok', { fetchState: async () => okAck(server), submit: async () => answer, newId: () => 'c' });
  await early.load();
  assert.is(early.view.get().phase, 'not_finished');
});

qr.run();

const dash = suite('dashboard evaluation store');

dash('loads the hall, refreshes on its nudges and every minute, steps then refreshes', async () => {
  const calls: string[] = [];
  const intervals: (() => void)[] = [];
  const today = { hallId: 'h1', serviceDate: '2026-11-23', ratings: { total: 0 }, openBadReviews: [], alerts: { atRisk: 0, overdue: 0 } } as unknown as EvaluationToday;
  const store = createEvaluationStore({
    request: async <T>(method: string, path: string) => (calls.push(`${method} ${path}`), okAck(today as unknown as T)),
    setInterval: (fn) => (intervals.push(fn), intervals.length),
    clearInterval: () => void intervals.splice(0),
  });
  store.show('h1');
  store.show('h1');
  await flush();
  assert.equal(calls, ['GET /api/halls/h1/evaluation/today'], 'showing the same hall again does not reload');
  store.changed('h2');
  store.changed('h1');
  await flush();
  assert.is(calls.length, 2, 'only its own hall’s nudges');
  intervals[0]!();
  await flush();
  assert.is(calls.length, 3);
  assert.ok(await store.takeStep('r1', 'contact', '已联系'));
  assert.equal(calls.slice(3), ['POST /api/bad-reviews/r1/steps', 'GET /api/halls/h1/evaluation/today']);
  const csv = store.csvCall({ from: '2026-11-01', to: '2026-11-30', groupBy: 'staff', lang: 'en' });
  assert.ok(csv);
  assert.is(createApiClient(async () => okAck(null as never)).urlOf(csv), '/api/halls/h1/evaluation-report?from=2026-11-01&to=2026-11-30&groupBy=staff&format=csv&lang=en');
  store.stop();
  assert.is(intervals.length, 0);
});

dash('a read that answers after a later one does not bring back the older list', async () => {
  const answers: ((v: Ack<unknown>) => void)[] = [];
  const view = (state: string) => ({ hallId: 'h1', serviceDate: '2026-11-23', ratings: { total: 0 }, openBadReviews: [{ id: 'r1', state }], alerts: { atRisk: 0, overdue: 0 } });
  const store = createEvaluationStore({
    request: <T>() => new Promise<Ack<T>>((resolve) => answers.push(resolve as (v: Ack<unknown>) => void)),
    setInterval: () => 1,
    clearInterval: () => undefined,
  });
  store.show('h1'); // read 1 (before the step)
  store.changed('h1'); // read 2 (the step's fact)
  answers[1]!(okAck(view('contacted')));
  await flush();
  answers[0]!(okAck(view('open')));
  await flush();
  assert.is((store.state.get().today as unknown as ReturnType<typeof view>).openBadReviews[0]!.state, 'contacted');
});

dash.run();
