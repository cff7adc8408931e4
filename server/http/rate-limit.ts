/**
 * A fixed-window limiter per client address for public endpoints, counted in the database
 * (server/app/throttle-store.ts) so the limit is the same whichever server process answers: one
 * INSERT … ON CONFLICT per request, and a request past the limit costs nothing. Limiters with the
 * same name share one budget. The client address is the socket's unless TRUST_PROXY is set (see
 * http-app.ts), so X-Forwarded-For cannot be spoofed. The booking rules themselves (capacity, one
 * booking per person per day) are enforced in the database by the use cases.
 */
import type { Next, ParameterizedContext } from 'koa';
import { AppError } from '../app/app-error';
import type { AppDeps } from '../app/deps';
import { countInWindow, readCounter, throttleKey } from '../app/throttle-store';
import type { AppState } from './context';

export interface RateLimitOptions {
  /** Requests per window per client address. */
  max: number;
  windowMs: number;
}

export function rateLimit(deps: Pick<AppDeps, 'db' | 'piiKey' | 'clock'>, name: string, opts: RateLimitOptions) {
  return async (ctx: ParameterizedContext<AppState>, next: Next) => {
    const now = deps.clock.now();
    const key = throttleKey(deps, `limit:${name}`, ctx.ip);
    if (!(await countInWindow(deps, key, `limit:${name}`, now, opts.windowMs, opts.max))) {
      const row = await readCounter(deps, key);
      const left = row ? row.windowStart.getTime() + opts.windowMs - now.getTime() : opts.windowMs;
      ctx.set('Retry-After', String(Math.max(1, Math.ceil(left / 1000))));
      throw new AppError('rate_limited', 'Too many requests; please wait a minute and try again');
    }
    await next();
  };
}
