import type { AppDeps } from '../../app/deps';
import type { Actor } from '../../app/actor';
import { evaluationToday, listBadReviews, myEvaluations, takeBadReviewStep } from '../../app/evaluations/bad-reviews';
import { evaluationReport, evaluationReportCsv } from '../../app/evaluations/evaluation-report';
import { padState, submitFromPad } from '../../app/evaluations/pad';
import { createPad, listPads, pairPad } from '../../app/evaluations/pads-admin';
import { qrEvaluationState, submitByToken } from '../../app/evaluations/qr';
import { reportHalls } from '../../app/reports/run-report';
import type { EVALUATION_ENDPOINTS } from '../../protocol/evaluation-endpoints';
import type { EvaluationReportQuery, EvaluationReportView } from '../../protocol/evaluations';
import { csvReply } from '../csv-attachment';
import { signedIn, type EndpointHandlers, type RawReply } from '../handler';

/** The report for the halls asked (every hall the caller may see when none), as JSON or a CSV download. */
async function report(deps: AppDeps, actor: Actor, hallIds: string[] | undefined, q: EvaluationReportQuery): Promise<EvaluationReportView | RawReply> {
  const view = await evaluationReport(deps, actor, await reportHalls(deps, actor, hallIds), q);
  if (q.format === 'json') return view;
  return csvReply(`evaluations-${q.groupBy}-${q.from}-${q.to}.csv`, evaluationReportCsv(view, q.lang));
}

export const evaluationHandlers: EndpointHandlers<keyof typeof EVALUATION_ENDPOINTS> = {
  padState: (deps, { actor }) => padState(deps, signedIn(actor)),
  padEvaluate: (deps, { actor, body }) => submitFromPad(deps, signedIn(actor), body),
  qrEvaluationState: (deps, { params }) => qrEvaluationState(deps, params.token),
  qrEvaluate: (deps, { params, body }) => submitByToken(deps, params.token, body),
  listPads: (deps, { actor, params }) => listPads(deps, signedIn(actor), params.hallId),
  createPad: (deps, { actor, params, body }) => createPad(deps, signedIn(actor), params.hallId, body),
  pairPad: (deps, { actor, params, body }) => pairPad(deps, signedIn(actor), params.deviceId, body.counterId),
  unpairPad: (deps, { actor, params }) => pairPad(deps, signedIn(actor), params.deviceId, null),
  evaluationToday: (deps, { actor, params }) => evaluationToday(deps, signedIn(actor), params.hallId),
  listBadReviews: (deps, { actor, params, query }) => listBadReviews(deps, signedIn(actor), params.hallId, { open: query.open === 'true' }),
  badReviewStep: (deps, { actor, params, body }) => takeBadReviewStep(deps, signedIn(actor), params.reviewId, body),
  myEvaluations: (deps, { actor, query }) => myEvaluations(deps, signedIn(actor), query),
  hallEvaluationReport: (deps, { actor, params, query }) => report(deps, signedIn(actor), [params.hallId], query),
  evaluationReport: (deps, { actor, query }) => report(deps, signedIn(actor), undefined, query),
};
