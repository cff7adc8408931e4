/** The back office's and managers' case lists: scoped to the reviewer's departments, filtered by stage. */
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { cases } from '../../../db/schema-cases';
import type { CaseStatus, CaseStepView, CaseView } from '../../protocol/cases';
import { authorize, type Actor } from '../actor';
import type { AppDeps } from '../deps';
import { recordAudit } from '../audit';
import { lookupHash } from '../pii';
import { AppError } from '../app-error';
import { caseDay } from './case-context';
import { caseSteps, caseViews } from './case-store';
import { requireBackOffice, requireCaseDepartment, reviewerDepartments } from './review-case';

export type CaseListFilter = 'open' | 'all' | 'at_counter' | 'back_office' | 'ready' | 'alerts';

const STAGES: Record<Exclude<CaseListFilter, 'all' | 'alerts'>, CaseStatus[]> = {
  open: ['intake', 'notice', 'accepted', 'reviewing', 'supplement', 'approved', 'producing', 'ready', 'posted'],
  at_counter: ['intake', 'notice'],
  back_office: ['accepted', 'reviewing', 'supplement', 'approved', 'producing'],
  ready: ['ready', 'posted'],
};

export async function listCases(deps: AppDeps, actor: Actor, hallId: string, filter: { status: CaseListFilter; q?: string | undefined }): Promise<CaseView[]> {
  const staff = requireBackOffice(actor);
  authorize(staff, 'case:back-office', { hallId });
  const scope = await reviewerDepartments(deps.db, staff);
  const where: (SQL | undefined)[] = [eq(cases.hallId, hallId)];
  if (scope !== 'all') where.push(scope.length ? inArray(cases.departmentId, scope) : eq(cases.id, '00000000-0000-0000-0000-000000000000'));
  if (filter.status !== 'all' && filter.status !== 'alerts') where.push(inArray(cases.status, STAGES[filter.status]));
  if (filter.q) {
    const q = filter.q.trim().toUpperCase();
    where.push(/^\d{17}[\dX]$/.test(q) ? or(eq(cases.visitorIdHash, lookupHash(deps.piiKey, q)), eq(cases.number, q)) : eq(cases.number, q));
  }
  const now = deps.clock.now();
  const day = await caseDay(deps.db, hallId, now);
  const views = await caseViews(deps.db, and(...where), day.calendar, now);
  // Cases carry masked identity numbers: the read is audited (what was asked for, never the number searched).
  await recordAudit(deps, staff, { action: 'cases:list', hallId, subject: filter.status, detail: { searchedBy: searchKind(filter.q), found: views.length } });
  return filter.status === 'alerts' ? views.filter((v) => v.alertLevel !== 'none' || v.promiseOverdue) : views;
}

export async function caseDetail(deps: AppDeps, actor: Actor, caseId: string): Promise<{ case: CaseView; steps: CaseStepView[] }> {
  const staff = requireBackOffice(actor);
  const now = deps.clock.now();
  const [row] = await deps.db.select({ hallId: cases.hallId, departmentId: cases.departmentId }).from(cases).where(eq(cases.id, caseId));
  if (!row) throw new AppError('not_found', 'Case not found');
  authorize(staff, 'case:back-office', { hallId: row.hallId });
  await requireCaseDepartment(deps.db, staff, row.departmentId);
  const day = await caseDay(deps.db, row.hallId, now);
  const [view] = await caseViews(deps.db, eq(cases.id, caseId), day.calendar, now);
  await recordAudit(deps, staff, { action: 'case:read', hallId: row.hallId, subject: caseId });
  return { case: view!, steps: await caseSteps(deps.db, row.hallId, caseId) };
}

/** How a case search was made, for the audit entry: the identity number itself is never recorded. */
export function searchKind(q: string | undefined): 'none' | 'id_number' | 'case_number' {
  if (!q?.trim()) return 'none';
  return /^\d{17}[\dX]$/i.test(q.trim()) ? 'id_number' : 'case_number';
}
