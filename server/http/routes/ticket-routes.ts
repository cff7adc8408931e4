/** Kiosk and staff ticket issuing, and the public progress page data behind the QR code. */
import Router from '@koa/router';
import { eq } from 'drizzle-orm';
import { halls, tickets } from '../../../db/schema';
import { AppError } from '../../app/app-error';
import type { AppDeps } from '../../app/deps';
import { issueTicket } from '../../app/issue-ticket';
import { ticketView } from '../../app/loaders';
import { queuePosition } from '../../app/queue-position';
import { toPublicTicket } from '../../app/presenters';
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
  /** Public: the token is the only key. Shows no personal data. */
  r.get('/progress/:token', async (ctx) => {
    const token = ctx.params.token ?? '';
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new AppError('not_found', 'No ticket for this code');
    const [row] = await deps.db
      .select({ t: tickets, hallName: halls.name })
      .from(tickets)
      .innerJoin(halls, eq(halls.id, tickets.hallId))
      .where(eq(tickets.token, token));
    if (!row) throw new AppError('not_found', 'No ticket for this code');
    const view = await ticketView(deps.db, row.t.id);
    const position = row.t.status === 'waiting' ? await queuePosition(deps.db, row.t, deps.clock.now(), 10) : null;
    ctx.body = { data: { hallName: row.hallName, ticket: toPublicTicket(view), serviceDate: row.t.serviceDate, ...position } };
  });
  return r;
}
