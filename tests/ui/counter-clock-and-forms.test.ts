/** Server-time ticker, and the rules of the pause and transfer dialogs. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServerClock, createTicker } from '../../counter-ui/src/stores/server-clock';
import {
  displayPauseReason,
  normaliseTransfer,
  pauseReason,
  transferPresetText,
  transferProblem,
} from '../../counter-ui/src/stores/dialog-forms';
import { C2, M_FOOD, M_SETUP } from './counter-fixture';

const ticker = suite('ticker');
ticker('ticks once a second on the corrected clock; start and stop are idempotent', () => {
  let local = 1_000_000;
  const clock = createServerClock(() => local);
  clock.sync(new Date(local + 5000).toISOString(), local, local);
  const intervals: Array<() => void> = [];
  let cleared = 0;
  const t = createTicker(clock, { setInterval: (fn) => intervals.push(fn), clearInterval: () => cleared++ });
  t.start();
  t.start();
  assert.is(intervals.length, 1);
  assert.is(t.now.get(), 1_005_000);
  local += 1000;
  intervals[0]!();
  assert.is(t.now.get(), 1_006_000);
  t.stop();
  t.stop();
  assert.is(cleared, 1);
});
ticker('a bad server time leaves the offset alone', () => {
  const clock = createServerClock(() => 0);
  clock.sync('not a date', 0, 0);
  assert.is(clock.offset(), 0);
});
ticker.run();

const pause = suite('pause reasons');
pause('a preset is required; “other” needs words; stored in zh-CN', () => {
  assert.equal(pauseReason(null, ''), { ok: false, problem: 'choose' });
  assert.equal(pauseReason('rest', ''), { ok: true, reason: '休息' });
  assert.equal(pauseReason('meeting', ' 科室例会 '), { ok: true, reason: '会议：科室例会' });
  assert.equal(pauseReason('study', ''), { ok: true, reason: '业务学习' });
  assert.equal(pauseReason('other', '  '), { ok: false, problem: 'detailRequired' });
  assert.equal(pauseReason('other', '系统故障'), { ok: true, reason: '其他：系统故障' });
  assert.equal(pauseReason('other', 'x'.repeat(60)), { ok: false, problem: 'tooLong' });
});
pause('stored reasons are shown in the screen language', () => {
  assert.is(displayPauseReason('en', '会议：科室例会'), 'Meeting: 科室例会');
  assert.is(displayPauseReason('en', '休息'), 'Break');
  assert.is(displayPauseReason('zh-CN', '业务学习'), '业务学习');
  assert.is(displayPauseReason('en', '临时外出'), '临时外出', 'free text is kept');
  assert.is(displayPauseReason('en', null), '');
});
pause.run();

const transfer = suite('transfer form');
transfer('a target and a reason are required', () => {
  assert.is(transferProblem({ toMatterId: null, toCounterId: null, reason: 'r' }), 'target');
  assert.is(transferProblem({ toMatterId: M_FOOD, toCounterId: null, reason: '  ' }), 'reason');
  assert.is(transferProblem({ toMatterId: null, toCounterId: C2, reason: 'x'.repeat(201) }), 'tooLong');
  assert.is(transferProblem({ toMatterId: null, toCounterId: C2, reason: transferPresetText('zh-CN', 'specialist') }), null);
});
transfer('choosing the ticket’s own matter is no change of matter', () => {
  const n = normaliseTransfer({ toMatterId: M_SETUP, toCounterId: null, reason: ' r ' }, M_SETUP);
  assert.equal(n, { toMatterId: null, toCounterId: null, reason: 'r' });
  assert.is(transferProblem(n), 'target');
  assert.equal(normaliseTransfer({ toMatterId: M_FOOD, toCounterId: C2, reason: 'r' }, M_SETUP), { toMatterId: M_FOOD, toCounterId: C2, reason: 'r' });
});
transfer.run();
