/**
 * Abuse counters in the database (db/schema-security.ts `throttle_counters`), so every server
 * process on one database counts together (issue #11 §6). Each operation is one statement —
 * INSERT … ON CONFLICT DO UPDATE … RETURNING or a conditional UPDATE — so two nodes incrementing
 * the same counter at the same instant both land and both see the sum. Keys are keyed hashes of what
 * is counted (an address, a user name), never the address or name itself.
 */
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { throttleCounters } from '../../db/schema-security';
import type { AppDeps } from './deps';
import { lookupHash } from './pii';

type Deps = Pick<AppDeps, 'db' | 'piiKey'>;

export const throttleKey = (deps: Deps, ...parts: string[]) => lookupHash(deps.piiKey, `throttle:${parts.join('\u0000')}`);
export const accountKey = (deps: Deps, username: string) => lookupHash(deps.piiKey, `throttle-account:${username.trim().toLowerCase()}`);

/** Instants in raw SQL go as typed text: postgres.js cannot infer a bare Date inside CASE. */
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export interface WindowCount {
  count: number;
  windowStart: Date;
}

/**
 * Counts one event in the fixed window of `windowMs` that began with the key's first event (a new
 * window once that one is over). With `max`, a window already at `max` is left as it is and null is
 * returned: refused events cost nothing and cannot keep the window open.
 */
export async function countInWindow(deps: Deps, key: string, kind: string, now: Date, windowMs: number, max?: number): Promise<WindowCount | null> {
  const over = sql`${throttleCounters.windowStart} <= ${at(new Date(now.getTime() - windowMs))}`;
  const [row] = await deps.db
    .insert(throttleCounters)
    .values({ key, kind, windowStart: now, count: 1, expiresAt: new Date(now.getTime() + windowMs) })
    .onConflictDoUpdate({
      target: throttleCounters.key,
      set: {
        count: sql`CASE WHEN ${over} THEN 1 ELSE ${throttleCounters.count} + 1 END`,
        windowStart: sql`CASE WHEN ${over} THEN ${at(now)} ELSE ${throttleCounters.windowStart} END`,
        expiresAt: sql`CASE WHEN ${over} THEN ${at(new Date(now.getTime() + windowMs))} ELSE ${throttleCounters.expiresAt} END`,
      },
      ...(max === undefined ? {} : { setWhere: sql`(${over} OR ${throttleCounters.count} < ${max})` }),
    })
    .returning({ count: throttleCounters.count, windowStart: throttleCounters.windowStart });
  return row ?? null;
}

/** Marks a key as seen now, for `ms` from now (a name known at an address). */
export async function remember(deps: Deps, key: string, kind: string, now: Date, ms: number): Promise<void> {
  const expiresAt = new Date(now.getTime() + ms);
  await deps.db
    .insert(throttleCounters)
    .values({ key, kind, windowStart: now, count: 1, expiresAt })
    .onConflictDoUpdate({ target: throttleCounters.key, set: { windowStart: now, expiresAt } });
}

/** Takes one event back (a sign-in that turned out right), never below zero. */
export async function uncount(deps: Deps, key: string): Promise<void> {
  await deps.db
    .update(throttleCounters)
    .set({ count: sql`GREATEST(${throttleCounters.count} - 1, 0)` })
    .where(eq(throttleCounters.key, key));
}

export async function readCounter(deps: Deps, key: string) {
  const [row] = await deps.db.select().from(throttleCounters).where(eq(throttleCounters.key, key));
  return row ?? null;
}

export interface BackOff {
  /** Failures that lock. */
  failures: number;
  firstLockMs: number;
  maxLockMs: number;
  /** A quiet spell this long (after the last failure and the end of the last lock) forgets earlier failures and locks. */
  forgetMs: number;
}

/**
 * Counts one failure of a lockable key (`account` is kept for unlocking). The failure that reaches
 * `failures` locks the key for firstLockMs · 2^(locks so far), capped at maxLockMs, and starts the
 * count again. Returns when the key is now locked until, or null. The lock is a second UPDATE,
 * conditional on the count and lock number it read: of two failures racing past the threshold only
 * one locks, the other reads that lock.
 */
export async function countFailure(deps: Deps, key: string, kind: string, account: string | null, now: Date, p: BackOff): Promise<Date | null> {
  const forgetBefore = at(new Date(now.getTime() - p.forgetMs));
  const stale = sql`(${throttleCounters.windowStart} <= ${forgetBefore} AND (${throttleCounters.lockedUntil} IS NULL OR ${throttleCounters.lockedUntil} <= ${forgetBefore}))`;
  const remember = new Date(now.getTime() + p.forgetMs);
  const [row] = await deps.db
    .insert(throttleCounters)
    .values({ key, kind, account, windowStart: now, count: 1, locks: 0, expiresAt: remember })
    .onConflictDoUpdate({
      target: throttleCounters.key,
      set: {
        count: sql`CASE WHEN ${stale} THEN 1 ELSE ${throttleCounters.count} + 1 END`,
        locks: sql`CASE WHEN ${stale} THEN 0 ELSE ${throttleCounters.locks} END`,
        windowStart: now,
        expiresAt: sql`GREATEST(${throttleCounters.expiresAt}, ${at(remember)})`,
      },
    })
    .returning({ count: throttleCounters.count, locks: throttleCounters.locks, lockedUntil: throttleCounters.lockedUntil });
  if (!row) return null;
  if (row.count < p.failures) return row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
  const until = new Date(now.getTime() + Math.min(p.maxLockMs, p.firstLockMs * 2 ** Math.min(row.locks, 30)));
  const [locked] = await deps.db
    .update(throttleCounters)
    .set({ count: 0, locks: row.locks + 1, lockedUntil: until, expiresAt: sql`GREATEST(${throttleCounters.expiresAt}, ${at(new Date(until.getTime() + p.forgetMs))})` })
    .where(and(eq(throttleCounters.key, key), eq(throttleCounters.locks, row.locks), gte(throttleCounters.count, p.failures)))
    .returning({ lockedUntil: throttleCounters.lockedUntil });
  if (locked?.lockedUntil) return locked.lockedUntil;
  const current = await readCounter(deps, key);
  return current?.lockedUntil && current.lockedUntil > now ? current.lockedUntil : null;
}

export async function forgetKey(deps: Deps, key: string): Promise<void> {
  await deps.db.delete(throttleCounters).where(eq(throttleCounters.key, key));
}

export async function forgetAccount(deps: Deps, account: string): Promise<void> {
  await deps.db.delete(throttleCounters).where(eq(throttleCounters.account, account));
}

/** The retention purge: counters whose window and lock are over. */
export async function purgeExpiredCounters(deps: Deps, now: Date): Promise<number> {
  return (await deps.db.delete(throttleCounters).where(lte(throttleCounters.expiresAt, now)).returning({ key: throttleCounters.key })).length;
}
