/** Cases over HTTP: public guides, the back office's lists and steps, kiosk pickup tickets. */
import Router from '@koa/router';
import { caseReport } from '../../app/cases/case-report';
import { caseDetail, listCases } from '../../app/cases/list-cases';
import { hallGuides, publicGuide } from '../../app/cases/matter-guide';
import { issuePickupTicket } from '../../app/cases/pickup';
import { reviewCase } from '../../app/cases/review-case';
import type { AppDeps } from '../../app/deps';
import * as cs from '../../protocol/case-schemas';
import type { AppState } from '../context';
import { actorOf, idParam, parse } from '../middleware';

export function caseRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api' });
  /** Public 办事指南: no sign-in. */
  r.get('/halls/:hallId/guides', async (ctx) => {
    ctx.body = { data: await hallGuides(deps.db, idParam(ctx, 'hallId')) };
  });
  r.get('/guides/:matterId', async (ctx) => {
    ctx.body = { data: await publicGuide(deps.db, idParam(ctx, 'matterId')) };
  });
  r.get('/halls/:hallId/cases', async (ctx) => {
    const query = parse(cs.caseListQuery, ctx.query);
    ctx.body = { data: await listCases(deps, actorOf(ctx), idParam(ctx, 'hallId'), query) };
  });
  /** Managers: accepted / notice / 容缺 / refused, 一次性通过率, within limit, overdue, on the spot. */
  r.get('/halls/:hallId/case-report', async (ctx) => {
    const q = parse(cs.caseReportQuery, ctx.query);
    ctx.body = { data: await caseReport(deps, actorOf(ctx), idParam(ctx, 'hallId'), q) };
  });
  r.get('/cases/:caseId', async (ctx) => {
    ctx.body = { data: await caseDetail(deps, actorOf(ctx), idParam(ctx, 'caseId')) };
  });
  r.post('/cases/:caseId/review', async (ctx) => {
    const body = parse(cs.caseReview, ctx.request.body);
    ctx.body = { data: await reviewCase(deps, actorOf(ctx), idParam(ctx, 'caseId'), body) };
  });
  r.post('/halls/:hallId/pickup-tickets', async (ctx) => {
    const body = parse(cs.pickupTicket, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await issuePickupTicket(deps, actorOf(ctx), idParam(ctx, 'hallId'), body) };
  });
  return r;
}
