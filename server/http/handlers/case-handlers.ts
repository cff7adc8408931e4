import { caseReport } from '../../app/cases/case-report';
import { caseDetail, listCases } from '../../app/cases/list-cases';
import { hallGuides, publicGuide } from '../../app/cases/matter-guide';
import { issuePickupTicket } from '../../app/cases/pickup';
import { reviewCase } from '../../app/cases/review-case';
import type { CASE_ENDPOINTS } from '../../protocol/case-endpoints';
import { signedIn, type EndpointHandlers } from '../handler';

export const caseHandlers: EndpointHandlers<keyof typeof CASE_ENDPOINTS> = {
  hallGuides: (deps, { params }) => hallGuides(deps.db, params.hallId),
  publicGuide: (deps, { params }) => publicGuide(deps.db, params.matterId),
  listCases: (deps, { actor, params, query }) => listCases(deps, signedIn(actor), params.hallId, query),
  caseReport: (deps, { actor, params, query }) => caseReport(deps, signedIn(actor), params.hallId, query),
  caseDetail: (deps, { actor, params }) => caseDetail(deps, signedIn(actor), params.caseId),
  reviewCase: (deps, { actor, params, body }) => reviewCase(deps, signedIn(actor), params.caseId, body),
  pickupTicket: (deps, { actor, params, body }) => issuePickupTicket(deps, signedIn(actor), params.hallId, body),
};
