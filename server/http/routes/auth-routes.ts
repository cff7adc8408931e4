import Router from '@koa/router';
import { AppError } from '../../app/app-error';
import { login, logout, noteLockOut } from '../../app/auth';
import { createLoginThrottle } from '../../app/login-throttle';
import type { AppDeps } from '../../app/deps';
import { schemas } from '../../protocol';
import type { AppState } from '../context';
import { actorOf, parse } from '../middleware';

export function authRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/auth' });
  const throttle = (deps.loginThrottle ??= createLoginThrottle(() => deps.clock.now().getTime()));
  r.post('/login', async (ctx) => {
    const body = parse(schemas.loginBody, ctx.request.body);
    throttle.check(ctx.ip, body.username);
    try {
      ctx.body = { data: await login(deps, body.username, body.password) };
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid_credentials') {
        try {
          throttle.failed(ctx.ip, body.username);
        } catch (locked) {
          // For the admin console only (staff.lockedUntil is shown there, never enforced): a lock-out happened.
          await noteLockOut(deps, body.username, new Date(throttle.lockedUntil(ctx.ip, body.username) ?? Date.now()));
          throw locked;
        }
      }
      throw err;
    }
    throttle.succeeded(ctx.ip, body.username);
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
