/**
 * The server's own time per command, for the city benchmark (BENCH_HOOKS=1 only): each command
 * runs in an AsyncLocalStorage scope; every drizzle query (the driver round trip inside
 * PgPreparedQuery.queryWithCache) and every transaction's BEGIN and COMMIT add their wall time to
 * that scope's database time. Own time = the command's wall time − its database time. Under load
 * a query's wall time also holds the wait for the event loop to read its answer, so own time is,
 * if anything, under-stated on a saturated node, never inflated by the database.
 * Off (the default), timeCommand is a plain call and nothing is patched.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { PgPreparedQuery } from 'drizzle-orm/pg-core';

interface Scope {
  dbMs: number;
  queries: number;
}

export interface CommandSample {
  name: string;
  totalMs: number;
  dbMs: number;
  /** Statements sent (BEGIN and COMMIT not counted). */
  queries: number;
}

const store = new AsyncLocalStorage<Scope>();
let samples: CommandSample[] = [];
let enabled = false;
const MAX_SAMPLES = 200_000;

const addDb = (ms: number, query = false) => {
  const scope = store.getStore();
  if (!scope) return;
  scope.dbMs += ms;
  if (query) scope.queries++;
};

type Patchable = { prototype: Record<string, unknown> };

/** Patches drizzle's query path and both drivers' transactions; idempotent. */
export async function enableCommandTiming(): Promise<void> {
  if (enabled) return;
  enabled = true;
  const proto = PgPreparedQuery.prototype as unknown as { queryWithCache: (q: string, p: unknown[], run: () => Promise<unknown>) => Promise<unknown> };
  const original = proto.queryWithCache;
  proto.queryWithCache = function (this: unknown, q, p, run) {
    const t0 = performance.now();
    return original.call(this, q, p, run).finally(() => addDb(performance.now() - t0, true));
  };
  const { PostgresJsSession } = await import('drizzle-orm/postgres-js/session');
  const { PgliteSession } = await import('drizzle-orm/pglite/session');
  for (const Session of [PostgresJsSession, PgliteSession] as unknown as Patchable[]) {
    const begin = Session.prototype.transaction as (this: unknown, body: (tx: unknown) => Promise<unknown>, config?: unknown) => Promise<unknown>;
    Session.prototype.transaction = function (this: unknown, body: (tx: unknown) => Promise<unknown>, config?: unknown) {
      // BEGIN: from the call to the body's start; COMMIT: from the body's end to the result.
      let mark = performance.now();
      return begin
        .call(
          this,
          async (tx: unknown) => {
            addDb(performance.now() - mark);
            try {
              return await body(tx);
            } finally {
              mark = performance.now();
            }
          },
          config,
        )
        .finally(() => addDb(performance.now() - mark));
    };
  }
}

export async function timeCommand<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (!enabled) return run();
  const scope: Scope = { dbMs: 0, queries: 0 };
  const t0 = performance.now();
  try {
    return await store.run(scope, run);
  } finally {
    if (samples.length < MAX_SAMPLES) samples.push({ name, totalMs: performance.now() - t0, dbMs: scope.dbMs, queries: scope.queries });
  }
}

/** The samples since the last call (and forgets them). */
export function takeCommandSamples(): CommandSample[] {
  const out = samples;
  samples = [];
  return out;
}
