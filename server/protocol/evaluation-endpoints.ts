/**
 * The 好差评 endpoints: the evaluator pad, the ticket's QR phone page, pad pairing, the bad-review
 * workflow, staff's own ratings and the evaluation reports. Part of ENDPOINTS (endpoints.ts).
 */
import { endpoint } from './endpoint';
import * as ev from './evaluations';
import type { BadReviewState, BadReviewView, EvaluationReportView, EvaluationToday, PadState, PadView, QrEvaluationState, StaffEvaluationView, SubmittedEvaluation } from './evaluations';
import { ROUTES } from './routes';

const hallScoped = { hallFrom: 'hallId' } as const;

export const EVALUATION_ENDPOINTS = {
  padState: endpoint<PadState>()({ ...ROUTES.padState, action: 'pad:use', tag: 'evaluations', summary: 'The evaluator pad: its counter, who serves there and the service waiting for a rating' }),
  padEvaluate: endpoint<SubmittedEvaluation>()({ ...ROUTES.padEvaluate, action: 'pad:use', tag: 'evaluations', summary: 'Submit the visitor’s rating from the pad', body: ev.padEvaluationBody, status: 201 }),
  qrEvaluationState: endpoint<QrEvaluationState>()({ ...ROUTES.qrEvaluationState, action: 'evaluation:by-token', tag: 'evaluations', summary: 'The phone page’s rating form behind a ticket QR code (the token is the only key)', params: { token: 'text' }, rateLimit: 'evaluation-qr' }),
  qrEvaluate: endpoint<SubmittedEvaluation>()({ ...ROUTES.qrEvaluate, action: 'evaluation:by-token', tag: 'evaluations', summary: 'Rate the service from the phone page, once', body: ev.qrEvaluationBody, status: 201, params: { token: 'text' }, rateLimit: 'evaluation-qr' }),
  listPads: endpoint<PadView[]>()({ ...ROUTES.listPads, action: 'pad:list', tag: 'evaluations', summary: 'Evaluator pads of a hall', ...hallScoped }),
  createPad: endpoint<PadView & { token: string }>()({ ...ROUTES.createPad, action: 'pad:write', tag: 'evaluations', summary: 'Register an evaluator pad paired to a counter; its token is shown once', body: ev.padCreateBody, status: 201, ...hallScoped }),
  pairPad: endpoint<PadView>()({ ...ROUTES.pairPad, action: 'pad:write', tag: 'evaluations', summary: 'Pair a pad with another counter', body: ev.padPairBody, hallFrom: 'deviceId' }),
  unpairPad: endpoint<PadView>()({ ...ROUTES.unpairPad, action: 'pad:write', tag: 'evaluations', summary: 'Unpair a pad from its counter', hallFrom: 'deviceId' }),
  evaluationToday: endpoint<EvaluationToday>()({ ...ROUTES.evaluationToday, action: 'evaluation:bad-reviews', tag: 'evaluations', summary: 'Today’s ratings in a hall and the open bad reviews', ...hallScoped }),
  listBadReviews: endpoint<BadReviewView[]>()({ ...ROUTES.listBadReviews, action: 'evaluation:bad-reviews', tag: 'evaluations', summary: 'Bad reviews of a hall with their deadlines (open ones unless open=false)', query: ev.badReviewListQuery, ...hallScoped }),
  badReviewStep: endpoint<{ id: string; state: BadReviewState }>()({ ...ROUTES.badReviewStep, action: 'evaluation:bad-review-step', tag: 'evaluations', summary: 'A step on a bad review: contact, rectify, reply, revisit, close, appeal, decide the appeal', body: ev.badReviewStepBody, status: 201, hallFrom: 'reviewId' }),
  myEvaluations: endpoint<StaffEvaluationView[]>()({ ...ROUTES.myEvaluations, action: 'evaluation:mine', tag: 'evaluations', summary: 'The caller’s own ratings and their bad reviews', query: ev.myEvaluationsQuery }),
  hallEvaluationReport: endpoint<EvaluationReportView>()({ ...ROUTES.hallEvaluationReport, action: 'report:read', tag: 'evaluations', summary: 'Evaluation report for one hall (JSON, or CSV with format=csv)', query: ev.evaluationReportQuery, csv: true, ...hallScoped }),
  evaluationReport: endpoint<EvaluationReportView>()({ ...ROUTES.evaluationReport, action: 'report:read', tag: 'evaluations', summary: 'Evaluation report over every hall the caller may see (JSON, or CSV with format=csv)', query: ev.evaluationReportQuery, csv: true }),
} as const;
