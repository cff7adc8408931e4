/**
 * The case (办件) state machine (docs/domain.md §8). Pure: the caller loads a case, applies an action with
 * the instant and hall-local date it happened, and writes the result. The table ALLOWED_FROM is the
 * whole machine; every refused transition has a stable error code and changes nothing.
 *
 *   intake ──notice──▶ notice ──resume──▶ intake          (一次性告知; the visitor comes back, same case)
 *   intake ──accept / accept_tolerated──▶ accepted        (受理 / 容缺受理 with a promise date)
 *   intake|notice ──not_accept──▶ not_accepted            (不予受理, with a reason)
 *   intake ──complete_on_spot──▶ closed                   (当场办结)
 *   accepted ──start_review──▶ reviewing ──approve──▶ approved ──produce──▶ producing
 *   reviewing ──refuse──▶ refused                         (不予许可, with a reason)
 *   reviewing ──request_supplement──▶ supplement ──supplied──▶ reviewing   (补正: the clock stops)
 *   approved|producing ──ready──▶ ready ──collect──▶ collected            (统一出件)
 *   approved|producing ──post──▶ posted ──deliver──▶ closed               (邮寄, tracking number)
 *   approved|producing ──issue_electronic──▶ closed                      (电子证照)
 *   intake|notice|accepted|reviewing|supplement ──withdraw──▶ withdrawn   (撤回)
 *   fulfil_promise: a 容缺 promise kept (status unchanged)
 */
import type { CaseStatus } from '../protocol/cases';
import type { CasePause } from './case-deadline';
import { fail, ok, type Result } from './result';

export interface CaseState {
  status: CaseStatus;
  acceptedAt: Date | null;
  /** Hall-local date of acceptance: day 0 of the promised limit. */
  acceptedDate: string | null;
  tolerated: boolean;
  /** 容缺: the date the applicant promised to supply the missing items by. */
  promiseDate: string | null;
  promiseKeptAt: Date | null;
  onTheSpot: boolean;
  noticeCount: number;
  pauses: CasePause[];
  decidedAt: Date | null;
  reason: string | null;
  trackingNumber: string | null;
  readyAt: Date | null;
  closedAt: Date | null;
}

type At = { at: Date; date: string };
export type CaseAction =
  | ({ type: 'notice'; missing: readonly string[] } & At)
  | ({ type: 'resume' } & At)
  | ({ type: 'accept'; missingRequired: readonly string[] } & At)
  | ({ type: 'accept_tolerated'; missingRequired: readonly string[]; tolerable: boolean; promiseDate: string } & At)
  | ({ type: 'not_accept'; reason: string } & At)
  | ({ type: 'complete_on_spot'; missingRequired: readonly string[]; onTheSpotMatter: boolean } & At)
  | ({ type: 'start_review' } & At)
  | ({ type: 'request_supplement' } & At)
  | ({ type: 'supplied' } & At)
  | ({ type: 'approve' } & At)
  | ({ type: 'refuse'; reason: string } & At)
  | ({ type: 'produce' } & At)
  | ({ type: 'ready' } & At)
  | ({ type: 'post'; trackingNumber: string } & At)
  | ({ type: 'deliver' } & At)
  | ({ type: 'issue_electronic' } & At)
  | ({ type: 'collect' } & At)
  | ({ type: 'withdraw'; reason: string } & At)
  | ({ type: 'fulfil_promise' } & At);

export type CaseActionType = CaseAction['type'];

export const ALLOWED_FROM: Record<CaseActionType, readonly CaseStatus[]> = {
  notice: ['intake'],
  resume: ['notice'],
  accept: ['intake'],
  accept_tolerated: ['intake'],
  not_accept: ['intake', 'notice'],
  complete_on_spot: ['intake'],
  start_review: ['accepted'],
  request_supplement: ['reviewing'],
  supplied: ['supplement'],
  approve: ['reviewing'],
  refuse: ['reviewing'],
  produce: ['approved'],
  ready: ['approved', 'producing'],
  post: ['approved', 'producing'],
  deliver: ['posted'],
  issue_electronic: ['approved', 'producing'],
  collect: ['ready'],
  withdraw: ['intake', 'notice', 'accepted', 'reviewing', 'supplement'],
  fulfil_promise: ['accepted', 'reviewing', 'supplement', 'approved', 'producing', 'ready', 'posted'],
};

export const CASE_TERMINAL: readonly CaseStatus[] = ['not_accepted', 'refused', 'collected', 'closed', 'withdrawn'];
/** Statuses on the promised-limit clock (accepted, not yet decided or finished). */
export const CASE_ON_CLOCK: readonly CaseStatus[] = ['accepted', 'reviewing', 'supplement'];
/** Statuses the front counter works on (before acceptance). */
export const CASE_AT_COUNTER: readonly CaseStatus[] = ['intake', 'notice'];

export const newCaseState = (): CaseState => ({
  status: 'intake',
  acceptedAt: null,
  acceptedDate: null,
  tolerated: false,
  promiseDate: null,
  promiseKeptAt: null,
  onTheSpot: false,
  noticeCount: 0,
  pauses: [],
  decidedAt: null,
  reason: null,
  trackingNumber: null,
  readyAt: null,
  closedAt: null,
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function applyCaseAction(c: CaseState, action: CaseAction): Result<CaseState> {
  if (!ALLOWED_FROM[action.type].includes(c.status)) {
    return fail('invalid_transition', `Cannot ${action.type.replaceAll('_', ' ')} a case that is ${c.status.replaceAll('_', ' ')}`);
  }
  const { at, date } = action;
  const accepted = (extra: Partial<CaseState>): CaseState => ({ ...c, status: 'accepted', acceptedAt: at, acceptedDate: date, ...extra });
  switch (action.type) {
    case 'notice':
      if (action.missing.length === 0) return fail('case_notice_empty', 'A notice needs at least one missing item; with everything received, accept the case');
      return ok({ ...c, status: 'notice', noticeCount: c.noticeCount + 1 });
    case 'resume':
      return ok({ ...c, status: 'intake' });
    case 'accept':
      if (action.missingRequired.length > 0) {
        return fail('case_materials_missing', `Required materials are missing: ${action.missingRequired.join('、')}. Give a notice (一次性告知) or accept under 容缺`);
      }
      return ok(accepted({}));
    case 'accept_tolerated':
      if (action.missingRequired.length === 0) return fail('case_not_tolerable', 'Nothing required is missing: accept the case normally');
      if (!action.tolerable) return fail('case_not_tolerable', `These items may not be supplied later: ${action.missingRequired.join('、')}`);
      if (!DATE.test(action.promiseDate) || action.promiseDate <= date) return fail('validation_failed', 'The promise date must be a date after today');
      return ok(accepted({ tolerated: true, promiseDate: action.promiseDate }));
    case 'not_accept':
      if (!action.reason.trim()) return fail('validation_failed', 'A refusal to accept needs a reason');
      return ok({ ...c, status: 'not_accepted', reason: action.reason, closedAt: at, decidedAt: at });
    case 'complete_on_spot':
      if (!action.onTheSpotMatter) return fail('case_not_on_the_spot', 'This matter cannot be completed on the spot');
      if (action.missingRequired.length > 0) return fail('case_materials_missing', `Required materials are missing: ${action.missingRequired.join('、')}`);
      return ok({ ...accepted({}), status: 'closed', onTheSpot: true, decidedAt: at, closedAt: at });
    case 'start_review':
      return ok({ ...c, status: 'reviewing' });
    case 'request_supplement':
      return ok({ ...c, status: 'supplement', pauses: [...c.pauses, { from: date, to: null }] });
    case 'supplied':
      return ok({ ...c, status: 'reviewing', pauses: c.pauses.map((p) => (p.to === null ? { ...p, to: date } : p)) });
    case 'approve':
      return ok({ ...c, status: 'approved', decidedAt: at });
    case 'refuse':
      if (!action.reason.trim()) return fail('validation_failed', 'A refusal needs a reason');
      return ok({ ...c, status: 'refused', decidedAt: at, reason: action.reason, closedAt: at });
    case 'produce':
      return ok({ ...c, status: 'producing' });
    case 'ready':
      return ok({ ...c, status: 'ready', readyAt: at });
    case 'post':
      if (!action.trackingNumber.trim()) return fail('validation_failed', 'Posting needs a tracking number');
      return ok({ ...c, status: 'posted', trackingNumber: action.trackingNumber, readyAt: at });
    case 'deliver':
    case 'issue_electronic':
      return ok({ ...c, status: 'closed', closedAt: at, readyAt: c.readyAt ?? at });
    case 'collect':
      return ok({ ...c, status: 'collected', closedAt: at });
    case 'withdraw':
      if (!action.reason.trim()) return fail('validation_failed', 'A withdrawal needs a reason');
      return ok({ ...c, status: 'withdrawn', reason: action.reason, closedAt: at, pauses: c.pauses.map((p) => (p.to === null ? { ...p, to: date } : p)) });
    case 'fulfil_promise':
      if (!c.tolerated) return fail('invalid_transition', 'This case was not accepted under 容缺');
      if (c.promiseKeptAt) return fail('invalid_transition', 'The promised materials were already supplied');
      return ok({ ...c, promiseKeptAt: at });
  }
}

/** A 容缺 promise past its date and not kept. */
export function promiseOverdue(c: Pick<CaseState, 'tolerated' | 'promiseDate' | 'promiseKeptAt' | 'status'>, today: string): boolean {
  return c.tolerated && c.promiseKeptAt === null && c.promiseDate !== null && today > c.promiseDate && !['not_accepted', 'withdrawn'].includes(c.status);
}
