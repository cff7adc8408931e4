/** Case figures for managers: per matter, department or counter over a range of opening days. */
import { and, between, eq } from 'drizzle-orm';
import { counters, halls, matters } from '../../../db/schema';
import { cases, departments } from '../../../db/schema-cases';
import { caseFigures, type CaseFigures } from '../../domain/case-figures';
import { serviceDate } from '../../domain/hall-time';
import { authorize, type Actor } from '../actor';
import type { AppDeps } from '../deps';

/** 'hall': one row for the whole hall (the dashboard's totals). */
export type CaseReportGroup = 'hall' | 'matter' | 'department' | 'counter';

export async function caseReport(deps: AppDeps, actor: Actor, hallId: string, q: { from: string; to: string; by: CaseReportGroup }): Promise<CaseFigures[]> {
  authorize(actor, 'report:read', { hallId });
  const rows = await deps.db
    .select({ c: cases, matterName: matters.name, departmentName: departments.name, counterNumber: counters.number, timeZone: halls.timeZone })
    .from(cases)
    .innerJoin(matters, eq(matters.id, cases.matterId))
    .innerJoin(departments, eq(departments.id, cases.departmentId))
    .innerJoin(halls, eq(halls.id, cases.hallId))
    .leftJoin(counters, eq(counters.id, cases.counterId))
    .where(and(eq(cases.hallId, hallId), between(cases.serviceDate, q.from, q.to)));
  return caseFigures(
    rows.map(({ c, matterName, departmentName, counterNumber, timeZone }) => {
      const finishedAt = c.readyAt ?? c.closedAt;
      return {
        key: q.by === 'hall' ? 'all' : q.by === 'matter' ? matterName : q.by === 'department' ? departmentName : counterNumber === null ? '—' : `${counterNumber} 号窗口`,
        accepted: c.acceptedAt !== null,
        noticeCount: c.noticeCount,
        tolerated: c.tolerated,
        notAccepted: c.status === 'not_accepted',
        onTheSpot: c.onTheSpot,
        finishedDate: c.acceptedAt && finishedAt && c.status !== 'withdrawn' && c.status !== 'refused' ? serviceDate(finishedAt, timeZone) : null,
        dueDate: c.dueDate,
        overdue: c.alertLevel >= 2,
      };
    }),
  );
}
