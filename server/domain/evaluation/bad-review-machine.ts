/**
 * The bad-review ("差评") handling workflow as a state table (docs/evaluations.md). Pure.
 *
 *   待联系 pending_contact ─contact→ 已联系 contacted ─rectify→ 整改中 rectifying ─reply→ 已反馈 replied
 *   已反馈 replied ─revisit→ 已回访 revisited ─close→ 办结 closed
 *   已反馈 replied ─close→ 办结 closed            (anonymous reviews only: a real-name one needs the call-back first)
 *   pending_contact | contacted | rectifying ─appeal→ 申诉中 appealing   (the evaluated staff member contests)
 *   appealing ─decide(upheld)→ 办结 closed (outcome appeal_upheld) | ─decide(rejected)→ the state it came from
 *
 * Who: the evaluated staff member may only appeal; every other step is a manager's (or admin's).
 * Every step needs a note (what was done) — it becomes the step log: who, when, what.
 */
import type { BadReviewAction, BadReviewState } from '../../protocol/evaluations';
import { fail, ok, type Result } from '../result';

export type { BadReviewAction, BadReviewState };
export type AppealDecision = 'upheld' | 'rejected';
export type BadReviewOutcome = 'resolved' | 'appeal_upheld';

export const BAD_REVIEW_STATES: readonly BadReviewState[] = ['pending_contact', 'contacted', 'rectifying', 'replied', 'revisited', 'appealing', 'closed'];
export const BAD_REVIEW_ACTIONS: readonly BadReviewAction[] = ['contact', 'rectify', 'reply', 'revisit', 'close', 'appeal', 'decide_appeal'];


/** The whole table, as data: from which states each action may be taken, and where it leads. */
export const TRANSITIONS: Record<Exclude<BadReviewAction, 'decide_appeal'>, { from: readonly BadReviewState[]; to: BadReviewState }> = {
  contact: { from: ['pending_contact'], to: 'contacted' },
  rectify: { from: ['contacted'], to: 'rectifying' },
  reply: { from: ['rectifying'], to: 'replied' },
  revisit: { from: ['replied'], to: 'revisited' },
  close: { from: ['replied', 'revisited'], to: 'closed' },
  appeal: { from: ['pending_contact', 'contacted', 'rectifying'], to: 'appealing' },
};
export const DECIDE_FROM: readonly BadReviewState[] = ['appealing'];

export type BadReviewRole = 'manager' | 'evaluated_staff' | 'other_staff';

/** Who may take each action. Admins act as managers. */
export const ACTION_ROLES: Record<BadReviewAction, readonly BadReviewRole[]> = {
  contact: ['manager'],
  rectify: ['manager'],
  reply: ['manager'],
  revisit: ['manager'],
  close: ['manager'],
  appeal: ['evaluated_staff'],
  decide_appeal: ['manager'],
};

export interface BadReviewCase {
  state: BadReviewState;
  /** The evaluator gave their identity (the ticket was issued with an identity number): 100 % call-back. */
  realName: boolean;
  /** A call-back record exists (the revisit step). */
  calledBack: boolean;
  /** While appealing: the state to return to if the appeal is rejected. */
  appealFrom: BadReviewState | null;
  /** Whether an appeal was already decided (one appeal per review). */
  appealed: boolean;
  outcome: BadReviewOutcome | null;
}

export type BadReviewStep =
  | { action: Exclude<BadReviewAction, 'decide_appeal'>; role: BadReviewRole; note: string }
  | { action: 'decide_appeal'; role: BadReviewRole; note: string; decision: AppealDecision };

export const NOTE_MAX = 1000;

export function openBadReview(realName: boolean): BadReviewCase {
  return { state: 'pending_contact', realName, calledBack: false, appealFrom: null, appealed: false, outcome: null };
}

export function applyBadReviewStep(c: BadReviewCase, step: BadReviewStep): Result<BadReviewCase> {
  if (!ACTION_ROLES[step.action].includes(step.role)) {
    return fail('forbidden', step.action === 'appeal' ? 'Only the staff member evaluated may appeal a review' : 'Only a manager of this hall may take this step');
  }
  const note = step.note.trim();
  if (note.length === 0) return fail('validation_failed', 'Every step needs a note saying what was done');
  if (note.length > NOTE_MAX) return fail('validation_failed', `The note is longer than ${NOTE_MAX} characters`);

  if (step.action === 'decide_appeal') {
    if (!DECIDE_FROM.includes(c.state)) return fail('invalid_transition', `No appeal to decide: the review is ${c.state}`);
    if (step.decision === 'upheld') return ok({ ...c, state: 'closed', appealFrom: null, outcome: 'appeal_upheld' });
    return ok({ ...c, state: c.appealFrom ?? 'pending_contact', appealFrom: null });
  }
  const rule = TRANSITIONS[step.action];
  if (!rule.from.includes(c.state)) return fail('invalid_transition', `Cannot ${step.action} a bad review that is ${c.state}`);
  switch (step.action) {
    case 'appeal':
      if (c.appealed) return fail('invalid_transition', 'This review was already appealed once');
      return ok({ ...c, state: 'appealing', appealFrom: c.state, appealed: true });
    case 'revisit':
      return ok({ ...c, state: 'revisited', calledBack: true });
    case 'close':
      if (c.realName && !c.calledBack) {
        return fail('callback_required', 'A real-name bad review cannot be closed before the reviewer is called back (回访)');
      }
      return ok({ ...c, state: 'closed', outcome: 'resolved' });
    default:
      return ok({ ...c, state: rule.to });
  }
}

/** Which actions are possible now for this role (for the screens: buttons shown). */
export function availableActions(c: BadReviewCase, role: BadReviewRole): BadReviewAction[] {
  const probe = (s: BadReviewStep) => applyBadReviewStep(c, s).ok;
  return BAD_REVIEW_ACTIONS.filter((action) =>
    action === 'decide_appeal'
      ? probe({ action, role, note: 'x', decision: 'rejected' })
      : probe({ action, role, note: 'x' }),
  );
}
