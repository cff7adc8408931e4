/** Which buttons are enabled in which state: mirrors the server's ticket and counter machines. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ALL_ACTIONS, availableActions, type ActionContext } from '../../counter-ui/src/stores/available-actions';
import { SHORTCUTS, TOOL_ACTIONS } from '../../counter-ui/src/stores/shortcuts';
import { C1, ticket } from './counter-fixture';

const base: ActionContext = {
  online: true,
  busy: false,
  counterStatus: 'open',
  current: null,
  waitingCount: 2,
  selectedWaiting: null,
  parkedTarget: null,
  missedTarget: null,
};
const enabled = (ctx: Partial<ActionContext>) =>
  Object.entries(availableActions({ ...base, ...ctx }))
    .filter(([, on]) => on)
    .map(([a]) => a)
    .sort();

const test = suite('availableActions');
test('an open, free counter may call next, pause and leave', () => {
  assert.equal(enabled({}), ['call-next', 'pause-resume', 'release']);
});
test('an empty queue disables call next', () => {
  assert.equal(enabled({ waitingCount: 0 }), ['pause-resume', 'release']);
});
test('a called ticket: recall, start, no-show, park, transfer — nothing that calls another', () => {
  assert.equal(enabled({ current: ticket({ status: 'called', counterId: C1 }) }), ['no-show', 'park', 'recall', 'start', 'transfer']);
});
test('a ticket being served: finish, park, transfer', () => {
  assert.equal(enabled({ current: ticket({ status: 'serving', counterId: C1 }) }), ['finish', 'park', 'transfer']);
});
test('a selected waiting ticket, a parked one and a missed one', () => {
  const sel = ticket();
  const parked = ticket({ status: 'parked', counterId: C1 });
  const missed = ticket({ status: 'no_show', counterId: C1 });
  assert.equal(enabled({ selectedWaiting: sel, parkedTarget: parked, missedTarget: missed }), [
    'call-back',
    'call-next',
    'call-selected',
    'pause-resume',
    'reactivate',
    'release',
  ]);
  // With a visitor in hand nothing else is called, but a missed ticket may still be put back.
  assert.equal(enabled({ current: ticket({ status: 'serving', counterId: C1 }), selectedWaiting: sel, parkedTarget: parked, missedTarget: missed }), [
    'finish',
    'park',
    'reactivate',
    'transfer',
  ]);
});
test('a paused counter: resume, leave, reactivate — no calling', () => {
  assert.equal(enabled({ counterStatus: 'paused', selectedWaiting: ticket(), missedTarget: ticket({ status: 'no_show' }) }), ['pause-resume', 'reactivate', 'release']);
});
test('offline, busy, closed or no counter: everything disabled', () => {
  for (const ctx of [{ online: false }, { busy: true }, { counterStatus: 'closed' as const }, { counterStatus: null }]) {
    assert.equal(enabled(ctx), [], JSON.stringify(ctx));
  }
});
test('every action has exactly one shortcut', () => {
  for (const a of [...ALL_ACTIONS, ...TOOL_ACTIONS]) assert.is(SHORTCUTS.filter((s) => s.action === a).length, 1, a);
  assert.is(SHORTCUTS.length, ALL_ACTIONS.length + TOOL_ACTIONS.length);
  const keys = SHORTCUTS.map((s) => `${s.shift ? 'Shift+' : ''}${s.key}`);
  assert.is(new Set(keys).size, keys.length, 'no key does two things');
});
test.run();
