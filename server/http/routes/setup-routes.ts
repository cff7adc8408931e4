/** First-admin set-up (public, rate-limited): status, and creating the first administrator with the logged code. */
import Router from '@koa/router';
import { login } from '../../app/auth';
import type { AppDeps } from '../../app/deps';
import { createFirstAdmin, setupStatus } from '../../app/setup/first-admin';
import { firstAdminBody } from '../../protocol/setup';
import type { AppState } from '../context';
import { parse } from '../middleware';
import { rateLimit } from '../rate-limit';

export function setupRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/setup' });
  r.get('/status', async (ctx) => {
    ctx.body = { data: await setupStatus(deps) };
  });
  r.post('/first-admin', rateLimit({ max: 10, windowMs: 60_000 }), async (ctx) => {
    const input = parse(firstAdminBody, ctx.request.body);
    await createFirstAdmin(deps, input);
    ctx.status = 201;
    ctx.body = { data: await login(deps, input.username, input.password) };
  });
  return r;
}
