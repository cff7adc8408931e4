/**
 * The case (办件) endpoints: public 办事指南, the back office's lists, detail and review steps,
 * the case report and kiosk pickup tickets. Part of ENDPOINTS (endpoints.ts); same format.
 */
import * as cs from './case-schemas';
import type { CaseFigures, CaseStepView, CaseView, MatterGuideView, PickupIssued } from './cases';
import { endpoint } from './endpoint';
import { ROUTES } from './routes';

const hallScoped = { hallFrom: 'hallId' } as const;

export const CASE_ENDPOINTS = {
  hallGuides: endpoint<MatterGuideView[]>()({ ...ROUTES.hallGuides, action: 'case:guide', tag: 'cases', summary: 'The 办事指南 of every matter of a hall (public)', ...hallScoped }),
  publicGuide: endpoint<MatterGuideView>()({ ...ROUTES.publicGuide, action: 'case:guide', tag: 'cases', summary: 'One matter’s 办事指南: materials, limits, fees (public)' }),
  listCases: endpoint<CaseView[]>()({ ...ROUTES.listCases, action: 'case:back-office', tag: 'cases', summary: 'Cases of a hall by stage, or found by number or identity number (reviewers: their departments only)', query: cs.caseListQuery, ...hallScoped }),
  caseReport: endpoint<CaseFigures[]>()({ ...ROUTES.caseReport, action: 'report:read', tag: 'cases', summary: 'Case figures: accepted, notice, 容缺, not accepted, 一次性通过率, within the promised date, overdue, on the spot', query: cs.caseReportQuery, ...hallScoped }),
  caseDetail: endpoint<{ case: CaseView; steps: CaseStepView[] }>()({ ...ROUTES.caseDetail, action: 'case:back-office', tag: 'cases', summary: 'A case and every step taken on it', hallFrom: 'caseId' }),
  reviewCase: endpoint<CaseView>()({ ...ROUTES.reviewCase, action: 'case:back-office', tag: 'cases', summary: 'A back-office step on a case (review, approve, refuse, produce, post …)', body: cs.caseReview, hallFrom: 'caseId' }),
  pickupTicket: endpoint<PickupIssued>()({ ...ROUTES.pickupTicket, action: 'case:pickup-ticket', tag: 'cases', summary: 'A ticket for the pickup counter (统一出件窗口), by case number or identity number', body: cs.pickupTicket, status: 201, ...hallScoped }),
} as const;
