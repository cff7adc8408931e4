/** 好差评: request schemas and views shared by the server, the evaluator pad, the phone page and the dashboard. */
import { z } from 'zod';

const id = z.string().uuid();
const commandId = z.string().trim().min(8).max(100);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export type EvaluationLevel = 1 | 2 | 3 | 4 | 5;
export type EvaluationChannel = 'pad' | 'qr';
export type BadReviewState = 'pending_contact' | 'contacted' | 'rectifying' | 'replied' | 'revisited' | 'appealing' | 'closed';
export type BadReviewAction = 'contact' | 'rectify' | 'reply' | 'revisit' | 'close' | 'appeal' | 'decide_appeal';
export type DeadlineStage = 'contact' | 'reply' | 'close';
export type DeadlineAlert = 'none' | 'at_risk' | 'overdue';

/** The five levels as shown, best first. 1–2 are 差评 and need a reason. */
export const EVALUATION_LEVELS_SHOWN: readonly EvaluationLevel[] = [5, 4, 3, 2, 1];
export const LEVEL_NAMES: Record<EvaluationLevel, { 'zh-CN': string; en: string }> = {
  5: { 'zh-CN': '非常满意', en: 'Very satisfied' },
  4: { 'zh-CN': '满意', en: 'Satisfied' },
  3: { 'zh-CN': '基本满意', en: 'Fairly satisfied' },
  2: { 'zh-CN': '不满意', en: 'Dissatisfied' },
  1: { 'zh-CN': '非常不满意', en: 'Very dissatisfied' },
};

/** Preset reasons for a bad review: the pad and the phone page offer these (stored by code). */
export const BAD_REVIEW_REASONS = ['attitude', 'slow', 'unclear', 'repeat_visits', 'materials', 'system', 'other'] as const;
export type BadReviewReason = (typeof BAD_REVIEW_REASONS)[number];

export const REASON_NAMES: Record<BadReviewReason, { 'zh-CN': string; en: string }> = {
  attitude: { 'zh-CN': '服务态度不好', en: 'Unfriendly service' },
  slow: { 'zh-CN': '办理时间太长', en: 'Took too long' },
  unclear: { 'zh-CN': '告知不清楚', en: 'Explanations unclear' },
  repeat_visits: { 'zh-CN': '需要多次跑腿', en: 'Had to come back again' },
  materials: { 'zh-CN': '材料要求不合理', en: 'Unreasonable materials' },
  system: { 'zh-CN': '系统或设备问题', en: 'System or equipment problem' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const REASON_TEXT_MAX = 200;

/** 差评 handling states as shown. */
export const STATE_NAMES: Record<BadReviewState, { 'zh-CN': string; en: string }> = {
  pending_contact: { 'zh-CN': '待联系', en: 'To contact' },
  contacted: { 'zh-CN': '已联系', en: 'Contacted' },
  rectifying: { 'zh-CN': '整改中', en: 'Rectifying' },
  replied: { 'zh-CN': '已反馈', en: 'Replied' },
  revisited: { 'zh-CN': '已回访', en: 'Called back' },
  appealing: { 'zh-CN': '申诉中', en: 'Under appeal' },
  closed: { 'zh-CN': '办结', en: 'Closed' },
};

/**
 * A rating as the visitor gives it. The level is checked by the domain (not here) so that a level
 * outside 1–5 answers its own code, evaluation_level_invalid.
 */
const rating = {
  level: z.number(),
  reasons: z.array(z.string().max(40)).max(10).optional(),
  text: z.string().max(1000).optional(),
};
export const padEvaluationBody = z.object({ commandId, serviceId: id, ...rating }).strict();
export const qrEvaluationBody = z.object({ commandId, ...rating }).strict();

export const badReviewStepBody = z
  .object({
    commandId,
    action: z.enum(['contact', 'rectify', 'reply', 'revisit', 'close', 'appeal', 'decide_appeal']),
    note: z.string().max(2000),
    decision: z.enum(['upheld', 'rejected']).optional(),
  })
  .strict()
  .refine((v) => (v.action === 'decide_appeal') === (v.decision !== undefined), {
    message: 'decision (upheld or rejected) goes with decide_appeal, and only with it',
    path: ['decision'],
  });

export const padCreateBody = z.object({ name: z.string().trim().min(1).max(100), counterId: id }).strict();
export const padPairBody = z.object({ counterId: id }).strict();

export const evaluationReportQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    groupBy: z.enum(['hall', 'zone', 'matter', 'department', 'counter', 'staff', 'day']).default('hall'),
    format: z.enum(['json', 'csv']).default('json'),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type EvaluationReportQuery = z.output<typeof evaluationReportQuery>;

/** A staff member's own ratings: an optional date range. */
export const myEvaluationsQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict();
/** Bad reviews: the open ones unless `open=false`. */
export const badReviewListQuery = z.object({ open: z.enum(['true', 'false']).default('true') }).strict();

/** An evaluator pad as the admin console lists it. */
export interface PadView {
  id: string;
  hallId: string;
  name: string;
  counterId: string | null;
  counterNumber: number | null;
  active: boolean;
}
export type EvaluationGroupBy = EvaluationReportQuery['groupBy'];

/** What the counter's pad needs, and nothing more: no visitor data at all. */
export interface PadState {
  deviceId: string;
  hallId: string;
  hallName: string;
  counter: { id: string; number: number; name: string } | null;
  /** Who is serving at the counter now: display name and staff number (工号). */
  staff: { displayName: string; staffNo: string } | null;
  /** The service just finished at this counter and not yet rated; null → idle. */
  pending: { serviceId: string; matterName: string; finishedAt: string; offerUntil: string } | null;
  serverTime: string;
}

/** The ticket's phone page: what is needed to rate the service once. No visitor data. */
export interface QrEvaluationState {
  hallName: string;
  ticketNumber: string;
  matterName: string;
  counterNumber: number | null;
  staff: { displayName: string; staffNo: string } | null;
  /** not_finished: the service is not over yet; open: may be rated; evaluated: already rated (by pad or QR). */
  status: 'not_finished' | 'open' | 'evaluated';
  evaluation: { level: EvaluationLevel; channel: EvaluationChannel; submittedAt: string } | null;
}

export interface SubmittedEvaluation {
  id: string;
  level: EvaluationLevel;
  channel: EvaluationChannel;
  submittedAt: string;
  badReview: boolean;
}

export interface StepView {
  action: BadReviewAction | 'open';
  fromState: BadReviewState | null;
  toState: BadReviewState;
  decision: 'upheld' | 'rejected' | null;
  note: string;
  actorName: string | null;
  at: string;
}

export interface DeadlineView {
  dueDates: Record<DeadlineStage, string>;
  dueAt: Record<DeadlineStage, string>;
}

/** A bad review as a manager sees it: the evaluator masked (real-name: the masked identity number). */
export interface BadReviewView {
  id: string;
  hallId: string;
  evaluationId: string;
  level: EvaluationLevel;
  reasons: string[];
  reasonText: string | null;
  channel: EvaluationChannel;
  submittedAt: string;
  ticketNumber: string;
  serviceDate: string;
  matterName: string;
  counterNumber: number;
  staffName: string | null;
  staffId: string | null;
  state: BadReviewState;
  realName: boolean;
  calledBack: boolean;
  outcome: 'resolved' | 'appeal_upheld' | null;
  evaluatorMasked: string | null;
  /** null when the calendar cannot answer (deadlineProblem says which year is missing). */
  deadlines: DeadlineView | null;
  deadlineProblem: { code: 'calendar_year_unknown'; year: number | null; message: string } | null;
  stage: DeadlineStage | null;
  alert: DeadlineAlert;
  elapsedShare: number | null;
  onTime: boolean | null;
  actions: BadReviewAction[];
  steps: StepView[];
}

/** The evaluated staff member's own view: ratings and bad reviews with no evaluator identity whatsoever. */
export interface StaffEvaluationView {
  id: string;
  level: EvaluationLevel;
  reasons: string[];
  reasonText: string | null;
  serviceDate: string;
  matterName: string;
  counterNumber: number;
  submittedAt: string;
  badReview: { id: string; state: BadReviewState; actions: BadReviewAction[]; steps: StepView[] } | null;
}

export interface RatingCounts {
  total: number;
  byLevel: Record<'1' | '2' | '3' | '4' | '5', number>;
  good: number;
  bad: number;
  /** 好评率 = levels 3–5 ÷ all evaluations; 差评率 = levels 1–2 ÷ all. null when there is none. */
  goodRate: number | null;
  badRate: number | null;
}

export interface EvaluationToday {
  hallId: string;
  serviceDate: string;
  ratings: RatingCounts;
  openBadReviews: BadReviewView[];
  alerts: { atRisk: number; overdue: number };
}

export interface EvaluationReportRow extends RatingCounts {
  key: string;
  label: string;
  badReviews: number;
  closed: number;
  closedOnTime: number;
  appealUpheld: number;
}

export interface EvaluationReportView {
  hallIds: string[];
  from: string;
  to: string;
  groupBy: EvaluationGroupBy;
  definition: string;
  rows: EvaluationReportRow[];
  totals: EvaluationReportRow;
}
