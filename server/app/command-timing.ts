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
  /** Process CPU time spent while this scope's statements were in flight. */
  dbCpuMs: number;
  queries: number;
}

export interface CommandSample {
  name: string;
  totalMs: number;
  dbMs: number;
  /**
   * The process's CPU time (user + system, all threads) over the command: unlike wall time it does
   * not grow with the machine's load. On embedded PGlite it includes the database's own work.
   */
  cpuMs: number;
  /**
   * Of cpuMs, the part spent while a statement of the command was in flight (the driver, and on
   * PGlite the database itself): cpuMs − dbCpuMs is the server's own CPU per command. Work of other
   * commands that runs during the wait counts here too, so it is exact only for commands that do
   * not overlap (a single counter's loop).
   */
  dbCpuMs: number;
  /** Statements sent (BEGIN and COMMIT not counted). */
  queries: number;
}

const store = new AsyncLocalStorage<Scope>();
let samples: CommandSample[] = [];
let enabled = false;
const MAX_SAMPLES = 200_000;

const cpuMsSince = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

const addDb = (ms: number, cpu: NodeJS.CpuUsage, query = false) => {
  const scope = store.getStore();
  if (!scope) return;
  scope.dbMs += ms;
  scope.dbCpuMs += cpuMsSince(cpu);
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
    const cpu0 = process.cpuUsage();
    return original.call(this, q, p, run).finally(() => addDb(performance.now() - t0, cpu0, true));
  };
  const { PostgresJsSession } = await import('drizzle-orm/postgres-js/session');
  const { PgliteSession } = await import('drizzle-orm/pglite/session');
  for (const Session of [PostgresJsSession, PgliteSession] as unknown as Patchable[]) {
    const begin = Session.prototype.transaction as (this: unknown, body: (tx: unknown) => Promise<unknown>, config?: unknown) => Promise<unknown>;
    Session.prototype.transaction = function (this: unknown, body: (tx: unknown) => Promise<unknown>, config?: unknown) {
      // BEGIN: from the call to the body's start; COMMIT: from the body's end to the result.
      let mark = performance.now();
      let cpuMark = process.cpuUsage();
      return begin
        .call(
          this,
          async (tx: unknown) => {
            addDb(performance.now() - mark, cpuMark);
            try {
              return await body(tx);
            } finally {
              mark = performance.now();
              cpuMark = process.cpuUsage();
            }
          },
          config,
        )
        .finally(() => addDb(performance.now() - mark, cpuMark));
    };
  }
}

export async function timeCommand<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (!enabled) return run();
  const scope: Scope = { dbMs: 0, dbCpuMs: 0, queries: 0 };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    return await store.run(scope, run);
  } finally {
    const cpuMs = cpuMsSince(cpu0);
    if (samples.length < MAX_SAMPLES) samples.push({ name, totalMs: performance.now() - t0, dbMs: scope.dbMs, cpuMs, dbCpuMs: scope.dbCpuMs, queries: scope.queries });
  }
}

/** The samples since the last call (and forgets them). */
export function takeCommandSamples(): CommandSample[] {
  const out = samples;
  samples = [];
  return out;
}
