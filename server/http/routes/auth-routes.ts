import Router from '@koa/router';
import { login, logout } from '../../app/auth';
import type { AppDeps } from '../../app/deps';
import { schemas } from '../../protocol';
import type { AppState } from '../context';
import { actorOf, parse } from '../middleware';

export function authRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/auth' });
  r.post('/login', async (ctx) => {
    const body = parse(schemas.loginBody, ctx.request.body);
    ctx.body = { data: await login(deps, body.username, body.password) };
  });
  r.post('/logout', async (ctx) => {
    actorOf(ctx);
    if (ctx.state.token) await logout(deps, ctx.state.token);
    ctx.body = { data: { ok: true } };
  });
  r.get('/me', (ctx) => {
    const actor = actorOf(ctx);
    ctx.body = { data: actor.kind === 'staff' ? { kind: 'staff', id: actor.id, role: actor.role, displayName: actor.displayName, hallIds: actor.hallIds } : actor };
  });
  return r;
}
