import { scheduleCounterBreaks } from '../../app/manager/set-counter-breaks';
import type { Actor } from '../../app/actor';
import { AppError } from '../../app/app-error';
import { recordAudit } from '../../app/audit';
import type { AppDeps } from '../../app/deps';
import { activeNotice, clearNotice, postNotice } from '../../app/manager/notices';
import { assignCounterMatters } from '../../app/manager/set-counter-matters';
import { staffingPlan } from '../../app/manager/staffing-plan';
import { reportCsv } from '../../app/reports/report-csv';
import { reportHalls, runReport } from '../../app/reports/run-report';
import { todayStats } from '../../app/reports/today-stats';
import { cityLive } from '../../app/reports/city-live';
import type { ReportQuery, ReportView } from '../../protocol/dashboard';
import { csvReply } from '../csv-attachment';
import { signedIn, type EndpointHandlers, type RawReply } from '../handler';

/** Reports name staff (by staff grouping) and are exported as files: every read and export is audited. */
async function auditReport(deps: AppDeps, actor: Actor, hallIds: string[], q: ReportQuery): Promise<void> {
  await recordAudit(deps, actor, {
    action: q.format === 'csv' ? 'report:export' : 'report:read',
    hallId: hallIds.length === 1 ? hallIds[0]! : null,
    subject: `${q.from}..${q.to}`,
    detail: { groupBy: q.groupBy, format: q.format, hallIds },
  });
}

function present(q: ReportQuery, view: ReportView): ReportView | RawReply {
  if (q.format === 'json') return view;
  return csvReply(`report-${q.groupBy}-${q.from}-${q.to}.csv`, reportCsv(view, q.lang));
}

type DashboardEndpoints = 'staffingPlan' | 'todayStats' | 'hallReport' | 'report' | 'cityLive' | 'setCounterMatters' | 'setCounterBreaks' | 'activeNotice' | 'postNotice' | 'clearNotice';

export const dashboardHandlers: EndpointHandlers<DashboardEndpoints> = {
  staffingPlan: (deps, { actor, params, query }) => staffingPlan(deps, signedIn(actor), params.hallId, query.date),
  todayStats: (deps, { actor, params }) => todayStats(deps, signedIn(actor), params.hallId),
  async hallReport(deps, { actor, params, query }) {
    if (query.hallIds) throw new AppError('validation_failed', 'hallIds is only for /api/reports', { hallIds: 'not allowed here' });
    const a = signedIn(actor);
    const halls = await reportHalls(deps, a, [params.hallId]);
    const view = await runReport(deps, a, halls, query);
    await auditReport(deps, a, halls, query);
    return present(query, view);
  },
  /** Several halls at once (a manager's roll-up): every hall the caller may see, or the hallIds given. */
  async report(deps, { actor, query }) {
    const a = signedIn(actor);
    const halls = await reportHalls(deps, a, query.hallIds);
    const view = await runReport(deps, a, halls, query);
    await auditReport(deps, a, halls, query);
    return present(query, view);
  },
  cityLive: (deps, { actor }) => cityLive(deps, signedIn(actor)),
  setCounterMatters: (deps, { actor, params, body }) => assignCounterMatters(deps, signedIn(actor), params.hallId, params.counterId, body),
  setCounterBreaks: (deps, { actor, params, body }) => scheduleCounterBreaks(deps, signedIn(actor), params.hallId, params.counterId, body),
  activeNotice: (deps, { actor, params }) => activeNotice(deps, signedIn(actor), params.hallId),
  postNotice: (deps, { actor, params, body }) => postNotice(deps, signedIn(actor), params.hallId, body),
  clearNotice: (deps, { actor, params, body }) => clearNotice(deps, signedIn(actor), params.hallId, body),
};
