/** Kiosk and staff ticket issuing, and the public progress page data behind the QR code. */
import Router from '@koa/router';
import type { AppDeps } from '../../app/deps';
import { issueTicket } from '../../app/issue-ticket';
import { ticketProgress } from '../../app/progress';
import { schemas } from '../../protocol';
import type { AppState } from '../context';
import { actorOf, idParam, parse } from '../middleware';

export function ticketRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api' });
  r.post('/halls/:hallId/tickets', async (ctx) => {
    const actor = actorOf(ctx);
    const hallId = idParam(ctx, 'hallId');
    const body = parse(schemas.issueTicketBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await issueTicket(deps, actor, hallId, body) };
  });
  /** Public: the token is the only key. Shows no personal data (the phone page /p/<token> reads it). */
  r.get('/progress/:token', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await ticketProgress(deps, ctx.params.token ?? '') };
  });
  return r;
}
