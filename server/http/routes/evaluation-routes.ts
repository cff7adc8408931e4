/** 好差评 over HTTP: the evaluator pad, the QR phone page, pad pairing, bad-review handling, figures and reports. */
import Router from '@koa/router';
import { evaluationReport, evaluationReportCsv } from '../../app/evaluations/evaluation-report';
import { evaluationToday, listBadReviews, myEvaluations, takeBadReviewStep } from '../../app/evaluations/bad-reviews';
import { padState, submitFromPad } from '../../app/evaluations/pad';
import { createPad, listPads, pairPad } from '../../app/evaluations/pads-admin';
import { qrEvaluationState, submitByToken } from '../../app/evaluations/qr';
import { reportHalls } from '../../app/reports/run-report';
import type { AppDeps } from '../../app/deps';
import { badReviewStepBody, evaluationReportQuery, padCreateBody, padEvaluationBody, padPairBody, qrEvaluationBody, type EvaluationReportQuery, type EvaluationReportView } from '../../protocol/evaluations';
import type { AppContext, AppState } from '../context';
import { sendCsv } from '../csv-attachment';
import { actorOf, idParam, parse } from '../middleware';
import { rateLimit } from '../rate-limit';
import { z } from 'zod';

const myRange = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict();
const openOnly = z.object({ open: z.enum(['true', 'false']).default('true') }).strict();

function presentReport(ctx: AppContext, q: EvaluationReportQuery, view: EvaluationReportView): void {
  if (q.format === 'json') {
    ctx.body = { data: view };
    return;
  }
  sendCsv(ctx, `evaluations-${q.groupBy}-${q.from}-${q.to}.csv`, evaluationReportCsv(view, q.lang));
}

export function evaluationRoutes(deps: AppDeps, opts: { qrLimit?: { max: number; windowMs: number } } = {}): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api' });
  const qrLimited = rateLimit(deps, 'evaluation-qr', opts.qrLimit ?? { max: 60, windowMs: 60_000 });

  // The evaluator pad (device token of kind evaluator_pad).
  r.get('/evaluation/pad', async (ctx) => {
    ctx.body = { data: await padState(deps, actorOf(ctx)) };
  });
  r.post('/evaluation/pad/evaluations', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.status = 201;
    ctx.body = { data: await submitFromPad(deps, actor, parse(padEvaluationBody, ctx.request.body)) };
  });

  // The ticket's phone page (public: the ticket token is the key).
  r.get('/evaluation/by-token/:token', qrLimited, async (ctx) => {
    ctx.body = { data: await qrEvaluationState(deps, ctx.params.token ?? '') };
  });
  r.post('/evaluation/by-token/:token', qrLimited, async (ctx) => {
    const body = parse(qrEvaluationBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await submitByToken(deps, ctx.params.token ?? '', body) };
  });

  // Pads: admins create (token shown once), pair and unpair; managers list.
  r.get('/halls/:hallId/evaluator-pads', async (ctx) => {
    ctx.body = { data: await listPads(deps, actorOf(ctx), idParam(ctx, 'hallId')) };
  });
  r.post('/halls/:hallId/evaluator-pads', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parse(padCreateBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await createPad(deps, actor, idParam(ctx, 'hallId'), input) };
  });
  r.put('/evaluator-pads/:deviceId/counter', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parse(padPairBody, ctx.request.body);
    ctx.body = { data: await pairPad(deps, actor, idParam(ctx, 'deviceId'), input.counterId) };
  });
  r.delete('/evaluator-pads/:deviceId/counter', async (ctx) => {
    ctx.body = { data: await pairPad(deps, actorOf(ctx), idParam(ctx, 'deviceId'), null) };
  });

  // Managers: live figures, bad reviews and their steps; staff: their own ratings and appeals.
  r.get('/halls/:hallId/evaluation/today', async (ctx) => {
    ctx.body = { data: await evaluationToday(deps, actorOf(ctx), idParam(ctx, 'hallId')) };
  });
  r.get('/halls/:hallId/bad-reviews', async (ctx) => {
    const actor = actorOf(ctx);
    const q = parse(openOnly, ctx.query);
    ctx.body = { data: await listBadReviews(deps, actor, idParam(ctx, 'hallId'), { open: q.open === 'true' }) };
  });
  r.post('/bad-reviews/:reviewId/steps', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parse(badReviewStepBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await takeBadReviewStep(deps, actor, idParam(ctx, 'reviewId'), input) };
  });
  r.get('/evaluation/mine', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.body = { data: await myEvaluations(deps, actor, parse(myRange, ctx.query)) };
  });

  r.get('/halls/:hallId/evaluation-report', async (ctx) => {
    const actor = actorOf(ctx);
    const hallId = idParam(ctx, 'hallId');
    const q = parse(evaluationReportQuery, ctx.query);
    presentReport(ctx, q, await evaluationReport(deps, actor, await reportHalls(deps, actor, [hallId]), q));
  });
  /** Every hall the manager may see. */
  r.get('/evaluation-report', async (ctx) => {
    const actor = actorOf(ctx);
    const q = parse(evaluationReportQuery, ctx.query);
    presentReport(ctx, q, await evaluationReport(deps, actor, await reportHalls(deps, actor, undefined), q));
  });
  return r;
}
