/** The phone page's live socket, with a fake socket: subscribe on hello and on nudges, slow poll while live, fallback when down. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Ack } from '../../server/protocol/errors';
import type { ProgressView } from '../../server/protocol/progress';
import { PROTOCOL_VERSION } from '../../server/protocol/version';
import { followLive, type ProgressSocket } from '../../progress-ui/src/stores/progress-live';
import { createProgressStore } from '../../progress-ui/src/stores/progress-store';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWx';
const view = (status: ProgressView['ticket']['status'], counterNumber: number | null = null): ProgressView => ({
  hallName: '徐汇区行政服务中心',
  timeZone: 'Asia/Shanghai',
  serviceDate: '2026-12-01',
  ticket: { id: 't1', number: 'A001', status, zoneId: 'z', matterId: 'm', matterName: '企业设立登记', counterId: null, counterNumber, calledAt: null, recallCount: 0 },
  case: null,
});

function fakeSocket(answers: Ack<ProgressView>[]) {
  const handlers = new Map<string, (arg: never) => void>();
  const emitted: string[] = [];
  let disconnected = false;
  const socket: ProgressSocket = {
    on: ((event: string, fn: (arg: never) => void) => handlers.set(event, fn)) as ProgressSocket['on'],
    emit: (event, _input, ack) => {
      emitted.push(event);
      ack(answers.shift() ?? { ok: false, error: { code: 'internal_error', message: 'x' } });
    },
    disconnect: () => (disconnected = true),
  };
  return { socket, emitted, fire: (event: string, arg?: unknown) => handlers.get(event)!(arg as never), disconnected: () => disconnected };
}

function setup(answers: Ack<ProgressView>[]) {
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const store = createProgressStore(TOKEN, {
    fetchProgress: async () => ({ ok: true, data: view('waiting') }),
    now: () => 1000,
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => ((h as { cleared: boolean }).cleared = true),
  });
  const liveTimers: { fn: () => void; ms: number }[] = [];
  const s = fakeSocket(answers);
  followLive(s.socket, store, { setTimer: (fn, ms) => liveTimers.push({ fn, ms }), random: () => 0.5, queueSpreadMs: 1000 });
  const pollTimers = () => timers.filter((t) => !t.cleared).map((t) => t.ms);
  return { store, timers, pollTimers, liveTimers, ...s };
}
const flush = () => new Promise((r) => setTimeout(r, 0));
const hello = { protocolVersion: PROTOCOL_VERSION, serverTime: '', role: 'visitor', hallIds: [] };

const t = suite('progress live socket');

t('on hello it subscribes and shows the pushed view; the poll slows to 30 s and returns to 5 s when the socket drops', async () => {
  const f = setup([{ ok: true, data: view('waiting') }]);
  f.store.start();
  await flush();
  assert.equal(f.pollTimers(), [5000]);
  f.fire('server:hello', hello);
  assert.equal(f.emitted, ['progress:subscribe']);
  assert.equal(f.pollTimers(), [30_000]);
  f.fire('disconnect');
  assert.equal(f.pollTimers(), [5000]);
});

t('a ticket nudge re-subscribes at once and the page shows the counter; queue nudges wait a spread moment and fold together', async () => {
  const f = setup([{ ok: true, data: view('waiting') }, { ok: true, data: view('called', 5) }, { ok: true, data: view('called', 5) }]);
  f.fire('server:hello', hello);
  f.fire('progress:nudge', { reason: 'ticket' });
  const s = f.store.state.get();
  assert.ok(s.phase === 'ready' && s.view.ticket.counterNumber === 5);
  f.fire('progress:nudge', { reason: 'queue' });
  f.fire('progress:nudge', { reason: 'queue' });
  assert.is(f.emitted.length, 2);
  assert.equal(f.liveTimers.map((x) => x.ms), [500]);
  f.liveTimers[0]!.fn();
  assert.is(f.emitted.length, 3);
});

t('an unknown token ends the socket (the poll then says not found); another connect error keeps it retrying', () => {
  const f = setup([]);
  f.fire('connect_error', new Error('internal_error'));
  assert.not.ok(f.disconnected());
  f.fire('connect_error', new Error('unauthenticated'));
  assert.ok(f.disconnected());
});

t.run();
