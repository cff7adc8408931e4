/** The phone page's store: token parsing, polling, not-found, and keeping the last view when offline. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Ack } from '../../server/protocol/errors';
import type { ProgressView } from '../../server/protocol/progress';
import { createProgressStore, tokenFromLocation } from '../../progress-ui/src/stores/progress-store';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWx';
const view = (status: ProgressView['ticket']['status'], peopleAhead?: number): ProgressView => ({
  hallName: '徐汇区行政服务中心',
  timeZone: 'Asia/Shanghai',
  serviceDate: '2026-12-01',
  ticket: { id: 't1', number: 'A001', status, zoneId: 'z', matterId: 'm', matterName: '企业设立登记', counterId: null, counterNumber: null, calledAt: null, recallCount: 0 },
  ...(peopleAhead !== undefined && { peopleAhead, estimatedWaitMinutes: 8 }),
  case: null,
});

function fakes(answers: Ack<ProgressView>[]) {
  const timers: { fn: () => void; ms: number }[] = [];
  const asked: string[] = [];
  return {
    timers,
    asked,
    deps: {
      fetchProgress: async (tk: string) => {
        asked.push(tk);
        return answers.shift() ?? { ok: false as const, error: { code: 'internal_error' as const, message: 'offline' } };
      },
      now: () => 1000,
      setTimer: (fn: () => void, ms: number) => timers.push({ fn, ms }),
      clearTimer: () => {},
    },
  };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

const t = suite('progress store');

t('reads the token from /p/<token> or ?t=, refuses anything that is not one', () => {
  assert.is(tokenFromLocation(`/p/${TOKEN}`, ''), TOKEN);
  assert.is(tokenFromLocation('/progress/', `?t=${TOKEN}`), TOKEN);
  assert.is(tokenFromLocation('/p/short', ''), null);
  assert.is(tokenFromLocation('/p/%3Cscript%3E', ''), null);
  assert.is(tokenFromLocation('/progress/', ''), null);
});

t('loads, then polls on the interval; a later answer replaces the view', async () => {
  const f = fakes([{ ok: true, data: view('waiting', 3) }, { ok: true, data: view('called') }]);
  const store = createProgressStore(TOKEN, f.deps, { fallback: 5000, live: 30_000 });
  assert.is(store.state.get().phase, 'loading');
  store.start();
  await flush();
  const first = store.state.get();
  assert.ok(first.phase === 'ready' && first.view.peopleAhead === 3);
  assert.equal(f.timers.map((x) => x.ms), [5000]);
  f.timers[0]!.fn();
  await flush();
  const second = store.state.get();
  assert.ok(second.phase === 'ready' && second.view.ticket.status === 'called' && !second.stale);
  assert.is(f.asked.length, 2);
  store.stop();
});

t('an offline answer keeps the last view marked stale; not_found says so', async () => {
  const f = fakes([{ ok: true, data: view('waiting', 1) }, { ok: false, error: { code: 'internal_error', message: 'offline' } }, { ok: false, error: { code: 'not_found', message: 'x' } }]);
  const store = createProgressStore(TOKEN, f.deps);
  await store.refresh();
  await store.refresh();
  const s = store.state.get();
  assert.ok(s.phase === 'ready' && s.stale && s.view.peopleAhead === 1);
  await store.refresh();
  assert.is(store.state.get().phase, 'not_found');
});

t('without a token nothing is fetched', async () => {
  const f = fakes([]);
  const store = createProgressStore(null, f.deps);
  store.start();
  await flush();
  assert.is(store.state.get().phase, 'not_found');
  assert.is(f.asked.length, 0);
});

t.run();
