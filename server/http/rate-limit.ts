/**
 * A fixed-window limiter per client address for public endpoints. Two buckets (this window and
 * the last) rotate, so each request costs O(1) and memory holds at most two windows of clients;
 * past `maxClients` new addresses are refused rather than tracked. The client address is the
 * socket's unless TRUST_PROXY is set (see http-app.ts), so X-Forwarded-For cannot be spoofed.
 * The limit is per server process: it guards against abuse; the booking rules themselves
 * (capacity, one booking per person per day) are enforced in the database.
 */
import type { Next, ParameterizedContext } from 'koa';
import { AppError } from '../app/app-error';
import type { AppState } from './context';

export interface RateLimitOptions {
  /** Requests per window per client address. */
  max: number;
  windowMs: number;
  maxClients?: number;
}

export function rateLimit(opts: RateLimitOptions, now: () => number = Date.now) {
  const maxClients = opts.maxClients ?? 50_000;
  let windowStart = now();
  let current = new Map<string, number>();
  return async (ctx: ParameterizedContext<AppState>, next: Next) => {
    const t = now();
    if (t - windowStart >= opts.windowMs) {
      windowStart = t - ((t - windowStart) % opts.windowMs);
      current = new Map();
    }
    const key = ctx.ip;
    const count = (current.get(key) ?? 0) + 1;
    if (count > opts.max || (count === 1 && current.size >= maxClients)) {
      ctx.set('Retry-After', String(Math.max(1, Math.ceil((windowStart + opts.windowMs - t) / 1000))));
      throw new AppError('rate_limited', 'Too many requests; please wait a minute and try again');
    }
    current.set(key, count);
    await next();
  };
}
