/**
 * The phone page's socket (/p/<token>, docs/cases.md "The phone page follows live"): the handshake
 * carries `auth: { progressToken }`, the ticket's random progress token (the same key as
 * GET /api/progress/:token, ≥ 128 bits). It resolves to a visitor actor that the policy table lets
 * do exactly one thing, 'progress:subscribe' to its own ticket. Handshakes are counted per client
 * address like the public HTTP paths (server/http/rate-limit.ts) and looked up in batches like
 * staff and device tokens (handshake-auth.ts).
 */
import { inArray } from 'drizzle-orm';
import { tickets } from '../../db/schema';
import type { VisitorActor } from '../app/actor';
import { AppError } from '../app/app-error';
import type { AppDeps } from '../app/deps';
import { countInWindow, throttleKey } from '../app/throttle-store';
import { batchedLookup, type BatchOptions } from './handshake-auth';

/** The progress token's shape (server/app/progress.ts): anything else names no ticket and costs no query. */
const PROGRESS_TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

/** Handshakes per client address per minute: a phone reconnects a few times a day; a hall behind one address stays well under. */
export const PROGRESS_HANDSHAKE_LIMIT = { max: 120, windowMs: 60_000 };

export async function visitorsByToken(deps: AppDeps, tokens: string[]): Promise<Map<string, VisitorActor>> {
  const rows = await deps.db.select({ id: tickets.id, hallId: tickets.hallId, token: tickets.token }).from(tickets).where(inArray(tickets.token, tokens));
  return new Map(rows.map((r) => [r.token, { kind: 'visitor', id: r.id, hallId: r.hallId } satisfies VisitorActor]));
}

/**
 * Resolves a progress token to its visitor, or throws: `rate_limited` past the limit,
 * `unauthenticated` for a token that names no ticket (the page shows it and stops retrying).
 */
export function progressHandshake(deps: AppDeps, opts: BatchOptions & { limit?: typeof PROGRESS_HANDSHAKE_LIMIT } = {}): (token: unknown, address: string) => Promise<VisitorActor> {
  const limit = opts.limit ?? PROGRESS_HANDSHAKE_LIMIT;
  const lookup = batchedLookup((tokens) => visitorsByToken(deps, tokens), opts);
  return async (token, address) => {
    const kind = 'limit:progress-socket';
    if (!(await countInWindow(deps, throttleKey(deps, kind, address), kind, deps.clock.now(), limit.windowMs, limit.max))) {
      throw new AppError('rate_limited', 'Too many connections from this address; please wait a minute');
    }
    const visitor = typeof token === 'string' && PROGRESS_TOKEN.test(token) ? await lookup(token) : null;
    if (!visitor) throw new AppError('unauthenticated', 'No ticket for this code');
    return visitor;
  };
}
