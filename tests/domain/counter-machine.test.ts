import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyCounterAction, checkCanCall, type CounterState } from '../../server/domain/counter-machine';

const closed: CounterState = { status: 'closed', staffId: null, pauseReason: null };
const open: CounterState = { status: 'open', staffId: 's1', pauseReason: null };
const paused: CounterState = { status: 'paused', staffId: 's1', pauseReason: '会议' };
const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

const t = suite('counter machine');

t('take a closed counter; taking it again is harmless; another person is refused', () => {
  const r = applyCounterAction(closed, { type: 'take', staffId: 's1' });
  assert.equal(r.ok && r.value, open);
  assert.equal(code(applyCounterAction(open, { type: 'take', staffId: 's1' })), 'ok');
  assert.equal(code(applyCounterAction(open, { type: 'take', staffId: 's2' })), 'counter_taken');
  assert.equal(code(applyCounterAction(paused, { type: 'take', staffId: 's2' })), 'counter_taken');
});

t('pause needs an open counter, its own staff, and nothing in hand', () => {
  const r = applyCounterAction(open, { type: 'pause', staffId: 's1', reason: '午休', hasActiveTicket: false });
  assert.equal(r.ok && r.value, { status: 'paused', staffId: 's1', pauseReason: '午休' });
  assert.equal(code(applyCounterAction(open, { type: 'pause', staffId: 's1', reason: 'x', hasActiveTicket: true })), 'counter_busy');
  assert.equal(code(applyCounterAction(open, { type: 'pause', staffId: 's2', reason: 'x', hasActiveTicket: false })), 'forbidden');
  assert.equal(code(applyCounterAction(closed, { type: 'pause', staffId: 's1', reason: 'x', hasActiveTicket: false })), 'counter_not_open');
  assert.equal(code(applyCounterAction(paused, { type: 'pause', staffId: 's1', reason: 'x', hasActiveTicket: false })), 'counter_not_open');
});

t('resume only a paused counter', () => {
  const r = applyCounterAction(paused, { type: 'resume', staffId: 's1' });
  assert.equal(r.ok && r.value, open);
  assert.equal(code(applyCounterAction(open, { type: 'resume', staffId: 's1' })), 'invalid_transition');
  assert.equal(code(applyCounterAction(paused, { type: 'resume', staffId: 's2' })), 'forbidden');
});

t('release: own counter with nothing in hand; a supervisor may force', () => {
  assert.equal(code(applyCounterAction(open, { type: 'release', staffId: 's1', hasActiveTicket: false })), 'ok');
  assert.equal(code(applyCounterAction(open, { type: 'release', staffId: 's1', hasActiveTicket: true })), 'counter_busy');
  assert.equal(code(applyCounterAction(open, { type: 'release', staffId: 's2', hasActiveTicket: false })), 'forbidden');
  assert.equal(code(applyCounterAction(open, { type: 'release', staffId: 'm', hasActiveTicket: false, force: true })), 'ok');
  assert.equal(code(applyCounterAction(closed, { type: 'release', staffId: 's1', hasActiveTicket: false })), 'counter_not_open');
});

t('calling needs an open counter held by the caller with no ticket in hand', () => {
  assert.equal(code(checkCanCall(open, 's1', null)), 'ok');
  assert.equal(code(checkCanCall(open, 's1', 't1')), 'counter_busy');
  assert.equal(code(checkCanCall(open, 's2', null)), 'forbidden');
  assert.equal(code(checkCanCall(paused, 's1', null)), 'counter_not_open');
  assert.equal(code(checkCanCall(closed, 's1', null)), 'counter_not_open');
});

t.run();
