/**
 * Builds the Koa routes from the endpoint definitions in server/protocol/endpoints.ts. For every
 * call, in this order: rate limit → the policy's role check (401 with no valid token) → path
 * parameters (a malformed id names nothing: 404) → the policy's hall check, with the hall taken
 * from the path or from the record it names → input parsed with the definition's schemas (400)
 * → the handler → `{ data }` with the definition's status.
 */
import Router from '@koa/router';
import { eq } from 'drizzle-orm';
import { devices, tickets } from '../../db/schema';
import { cases } from '../../db/schema-cases';
import { badReviews } from '../../db/schema-evaluations';
import { printJobs } from '../../db/schema-printing';
import { authorize } from '../app/actor';
import { AppError } from '../app/app-error';
import type { AppDeps } from '../app/deps';
import type { EndpointDef } from '../protocol/endpoint';
import { ENDPOINTS, type EndpointName } from '../protocol/endpoints';
import type { AppContext, AppState } from './context';
import { RawReply, type EndpointHandler, type EndpointHandlers } from './handler';
import { parse } from './middleware';
import { rateLimit, type RateLimitOptions } from './rate-limit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RouterOptions {
  /** Public booking writes per client address; reads get five times as many. */
  publicLimit?: RateLimitOptions;
}

export function buildRouter<K extends EndpointName>(deps: AppDeps, names: readonly K[], handlers: EndpointHandlers<K>, opts: RouterOptions = {}): Router<AppState> {
  const r = new Router<AppState>();
  const limit = opts.publicLimit ?? { max: 60, windowMs: 60_000 };
  const write = rateLimit(deps, 'public-write', limit);
  // Writing a booking and texting a phone are the abusable ones: 10 per address per 10 minutes each.
  const bookings = rateLimit(deps, 'booking', { max: 10, windowMs: 10 * 60_000 });
  const limiters = {
    'public-write': [write],
    'public-read': [rateLimit(deps, 'public-read', { ...limit, max: limit.max * 5 })],
    booking: [write, bookings],
    'phone-code': [rateLimit(deps, 'phone-code', { max: 10, windowMs: 10 * 60_000 })],
    setup: [rateLimit(deps, 'setup', { max: 10, windowMs: 60_000 })],
    // The ticket's phone page rates a service: 60 reads and writes per address per minute, together.
    'evaluation-qr': [rateLimit(deps, 'evaluation-qr', { max: 60, windowMs: 60_000 })],
  };
  for (const name of names) {
    const def: EndpointDef = ENDPOINTS[name];
    const handler = handlers[name] as EndpointHandler<EndpointDef>;
    const run = async (ctx: AppContext) => {
      const actor = ctx.state.actor;
      authorize(actor, def.action);
      const params = pathParams(def, ctx.params);
      const hallId = await hallOf(deps, def, params);
      if (hallId !== undefined) authorize(actor, def.action, { hallId });
      const body = def.body ? parse(def.body, ctx.request.body) : undefined;
      const query = def.query ? parse(def.query, ctx.query) : undefined;
      ctx.status = def.status ?? 200;
      const out = await handler(deps, { actor, token: ctx.state.token, params, body, query, ctx } as never);
      if (out instanceof RawReply) {
        for (const [k, v] of Object.entries(out.headers)) ctx.set(k, v);
        ctx.type = out.contentType;
        ctx.body = out.body;
      } else {
        ctx.body = { data: out ?? null };
      }
    };
    const method = def.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    r[method](def.path, ...(def.rateLimit ? limiters[def.rateLimit] : []), run);
  }
  return r;
}

function pathParams(def: EndpointDef, raw: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of def.path.match(/:([A-Za-z]+)/g)?.map((m) => m.slice(1)) ?? []) {
    const value = raw[name] ?? '';
    if ((def.params?.[name] ?? 'uuid') === 'uuid' && !UUID.test(value)) throw new AppError('not_found', `No such ${name.replace(/Id$/, '')}`);
    out[name] = value;
  }
  return out;
}

/** The hall the call acts in, when the path names it or a record in it; undefined when the record does not exist (the handler answers 404). */
async function hallOf(deps: AppDeps, def: EndpointDef, params: Record<string, string>): Promise<string | undefined> {
  switch (def.hallFrom) {
    case undefined:
      return undefined;
    case 'hallId':
      return params.hallId;
    case 'ticketId': {
      const [row] = await deps.db.select({ hallId: tickets.hallId }).from(tickets).where(eq(tickets.id, params.ticketId!));
      return row?.hallId;
    }
    case 'deviceId': {
      const [row] = await deps.db.select({ hallId: devices.hallId }).from(devices).where(eq(devices.id, params.deviceId!));
      return row?.hallId;
    }
    case 'printJobId': {
      const [row] = await deps.db.select({ hallId: printJobs.hallId }).from(printJobs).where(eq(printJobs.id, params.printJobId!));
      return row?.hallId;
    }
    case 'caseId': {
      const [row] = await deps.db.select({ hallId: cases.hallId }).from(cases).where(eq(cases.id, params.caseId!));
      return row?.hallId;
    }
    case 'reviewId': {
      const [row] = await deps.db.select({ hallId: badReviews.hallId }).from(badReviews).where(eq(badReviews.id, params.reviewId!));
      return row?.hallId;
    }
  }
}
