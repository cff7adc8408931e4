/** Managers' dashboard: today's stats, history reports (JSON or CSV), ticket history, tidal counters, notices. */
import Router from '@koa/router';
import { assignCounterMatters } from '../../app/manager/set-counter-matters';
import { staffingPlan } from '../../app/manager/staffing-plan';
import { staffingPlanQuery } from '../../protocol/staffing-plan';
import { activeNotice, clearNotice, postNotice } from '../../app/manager/notices';
import { ticketHistory } from '../../app/manager/ticket-history';
import { reportCsv } from '../../app/reports/report-csv';
import { reportHalls, runReport } from '../../app/reports/run-report';
import { todayStats } from '../../app/reports/today-stats';
import { AppError } from '../../app/app-error';
import type { Actor } from '../../app/actor';
import { recordAudit } from '../../app/audit';
import type { AppDeps } from '../../app/deps';
import { counterMattersBody, noticeBody, noticeClearBody, reportQuery, type ReportQuery, type ReportView } from '../../protocol/dashboard';
import type { AppContext, AppState } from '../context';
import { sendCsv } from '../csv-attachment';
import { actorOf, idParam, parse } from '../middleware';

function present(ctx: AppContext, q: ReportQuery, view: ReportView): void {
  if (q.format === 'json') {
    ctx.body = { data: view };
    return;
  }
  sendCsv(ctx, `report-${q.groupBy}-${q.from}-${q.to}.csv`, reportCsv(view, q.lang));
}

/** Reports name staff (by staff grouping) and are exported as files: every read and export is audited. */
async function auditReport(deps: AppDeps, actor: Actor, hallIds: string[], q: ReportQuery): Promise<void> {
  await recordAudit(deps, actor, {
    action: q.format === 'csv' ? 'report:export' : 'report:read',
    hallId: hallIds.length === 1 ? hallIds[0]! : null,
    subject: `${q.from}..${q.to}`,
    detail: { groupBy: q.groupBy, format: q.format, hallIds },
  });
}

export function dashboardRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api' });

  r.get('/halls/:hallId/stats/today', async (ctx) => {
    ctx.body = { data: await todayStats(deps, actorOf(ctx), idParam(ctx, 'hallId')) };
  });

  r.get('/halls/:hallId/reports', async (ctx) => {
    const actor = actorOf(ctx);
    const hallId = idParam(ctx, 'hallId');
    const q = parse(reportQuery, ctx.query);
    if (q.hallIds) throw new AppError('validation_failed', 'hallIds is only for /api/reports', { hallIds: 'not allowed here' });
    const halls = await reportHalls(deps, actor, [hallId]);
    const view = await runReport(deps, actor, halls, q);
    await auditReport(deps, actor, halls, q);
    present(ctx, q, view);
  });

  /** Several halls at once (a manager's roll-up): every hall the caller may see, or the hallIds given. */
  r.get('/reports', async (ctx) => {
    const actor = actorOf(ctx);
    const q = parse(reportQuery, ctx.query);
    const halls = await reportHalls(deps, actor, q.hallIds);
    const view = await runReport(deps, actor, halls, q);
    await auditReport(deps, actor, halls, q);
    present(ctx, q, view);
  });

  r.get('/halls/:hallId/staffing-plan', async (ctx) => {
    const q = parse(staffingPlanQuery, ctx.query);
    ctx.body = { data: await staffingPlan(deps, actorOf(ctx), idParam(ctx, 'hallId'), q.date) };
  });

  r.get('/tickets/:ticketId/history', async (ctx) => {
    ctx.body = { data: await ticketHistory(deps, actorOf(ctx), idParam(ctx, 'ticketId')) };
  });

  r.put('/halls/:hallId/counters/:counterId/matters', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parse(counterMattersBody, ctx.request.body);
    ctx.body = { data: await assignCounterMatters(deps, actor, idParam(ctx, 'hallId'), idParam(ctx, 'counterId'), input) };
  });

  r.get('/halls/:hallId/notices/active', async (ctx) => {
    ctx.body = { data: await activeNotice(deps, actorOf(ctx), idParam(ctx, 'hallId')) };
  });
  r.post('/halls/:hallId/notices', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parse(noticeBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await postNotice(deps, actor, idParam(ctx, 'hallId'), input) };
  });
  r.post('/halls/:hallId/notices/clear', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.body = { data: await clearNotice(deps, actor, idParam(ctx, 'hallId'), parse(noticeClearBody, ctx.request.body)) };
  });
  return r;
}
