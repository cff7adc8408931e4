import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  applyBadReviewStep,
  availableActions,
  BAD_REVIEW_ACTIONS,
  BAD_REVIEW_STATES,
  openBadReview,
  type BadReviewAction,
  type BadReviewCase,
  type BadReviewState,
  type BadReviewStep,
} from '../../server/domain/evaluation/bad-review-machine';

const t = suite('bad-review workflow state table');

const at = (state: BadReviewState, extra: Partial<BadReviewCase> = {}): BadReviewCase => ({ ...openBadReview(false), state, ...extra });
const step = (action: BadReviewAction, role: BadReviewStep['role'] = 'manager'): BadReviewStep =>
  action === 'decide_appeal' ? { action, role, note: '核实', decision: 'rejected' } : { action, role, note: '已处理' };

// The expected table for an anonymous review, written out by hand: state → action → next state (or the refusal code).
const EXPECTED: Record<BadReviewState, Partial<Record<BadReviewAction, BadReviewState>>> = {
  pending_contact: { contact: 'contacted', appeal: 'appealing' },
  contacted: { rectify: 'rectifying', appeal: 'appealing' },
  rectifying: { reply: 'replied', appeal: 'appealing' },
  replied: { revisit: 'revisited', close: 'closed' },
  revisited: { close: 'closed' },
  appealing: { decide_appeal: 'pending_contact' }, // rejected, from the default appealFrom
  closed: {},
};

t('every state × action, each with the role allowed to take it', () => {
  let checked = 0;
  for (const state of BAD_REVIEW_STATES) {
    for (const action of BAD_REVIEW_ACTIONS) {
      const role = action === 'appeal' ? 'evaluated_staff' : 'manager';
      const r = applyBadReviewStep(at(state), step(action, role));
      const want = EXPECTED[state][action];
      if (want) {
        assert.ok(r.ok, `${state} --${action}--> should be allowed`);
        if (r.ok) assert.is(r.value.state, want, `${state} --${action}-->`);
      } else {
        assert.is(!r.ok && r.code, 'invalid_transition', `${state} --${action}--> should be refused`);
      }
      checked++;
    }
  }
  assert.is(checked, 49);
});

t('roles: only the evaluated staff member appeals; only a manager takes the other steps', () => {
  for (const action of BAD_REVIEW_ACTIONS) {
    const state: BadReviewState = action === 'decide_appeal' ? 'appealing' : action === 'appeal' ? 'pending_contact' : 'pending_contact';
    const wrong = action === 'appeal' ? (['manager', 'other_staff'] as const) : (['evaluated_staff', 'other_staff'] as const);
    for (const role of wrong) {
      const r = applyBadReviewStep(at(state), step(action, role));
      assert.is(!r.ok && r.code, 'forbidden', `${role} ${action}`);
    }
  }
});

t('a real-name review cannot close without a call-back record', () => {
  const replied = at('replied', { realName: true });
  const r = applyBadReviewStep(replied, step('close'));
  assert.is(!r.ok && r.code, 'callback_required');
  const revisited = applyBadReviewStep(replied, step('revisit'));
  assert.ok(revisited.ok);
  if (!revisited.ok) return;
  assert.is(revisited.value.calledBack, true);
  const closed = applyBadReviewStep(revisited.value, step('close'));
  assert.ok(closed.ok && closed.value.state === 'closed' && closed.value.outcome === 'resolved');
  // An anonymous one may close straight from 已反馈.
  const anon = applyBadReviewStep(at('replied'), step('close'));
  assert.ok(anon.ok && anon.value.outcome === 'resolved');
});

t('appeal: rejected returns to the state it interrupted; upheld closes; one appeal per review', () => {
  const appealed = applyBadReviewStep(at('rectifying'), step('appeal', 'evaluated_staff'));
  assert.ok(appealed.ok);
  if (!appealed.ok) return;
  assert.is(appealed.value.state, 'appealing');
  assert.is(appealed.value.appealFrom, 'rectifying');
  const rejected = applyBadReviewStep(appealed.value, { action: 'decide_appeal', role: 'manager', note: '不成立', decision: 'rejected' });
  assert.ok(rejected.ok && rejected.value.state === 'rectifying' && rejected.value.appealFrom === null);
  if (!rejected.ok) return;
  const again = applyBadReviewStep(rejected.value, step('appeal', 'evaluated_staff'));
  assert.is(!again.ok && again.code, 'invalid_transition');
  const upheld = applyBadReviewStep(appealed.value, { action: 'decide_appeal', role: 'manager', note: '恶意差评，证据属实', decision: 'upheld' });
  assert.ok(upheld.ok && upheld.value.state === 'closed' && upheld.value.outcome === 'appeal_upheld');
});

t('every step needs a note', () => {
  const r = applyBadReviewStep(at('pending_contact'), { action: 'contact', role: 'manager', note: '  ' });
  assert.is(!r.ok && r.code, 'validation_failed');
});

t('available actions follow the table', () => {
  assert.equal(availableActions(at('pending_contact'), 'manager'), ['contact']);
  assert.equal(availableActions(at('pending_contact'), 'evaluated_staff'), ['appeal']);
  assert.equal(availableActions(at('replied', { realName: true }), 'manager'), ['revisit']);
  assert.equal(availableActions(at('replied'), 'manager'), ['revisit', 'close']);
  assert.equal(availableActions(at('appealing', { appealFrom: 'contacted', appealed: true }), 'manager'), ['decide_appeal']);
  assert.equal(availableActions(at('closed'), 'manager'), []);
});

t.run();
