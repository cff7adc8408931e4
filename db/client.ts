/**
 * openDb(url): no url or file:// → embedded PGlite persisted on disk; memory:// → in-memory PGlite;
 * postgres:// → postgres.js, which reconnects by itself after a lost connection (its nextWrite
 * crash on a close with a write pending is patched: patches/postgres+3.4.9.patch, docs/faults.md).
 * Migrations run with the matching drizzle migrator.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { CONNECT_TIMEOUT_MS } from './postgres-pool';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface OpenedDb {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** For the socket.io postgres adapter: the connection string, when on PostgreSQL. */
  url: string | null;
  close(): Promise<void>;
}

/**
 * Embedded PostgreSQL sized for one process that is also the web server: 16 MB of shared buffers
 * instead of 128 MB (a hall's live rows are a few MB; the data files are in the OS page cache
 * anyway), small per-sort memory. Measured on a restart over an existing data folder: 352 → 250 MB
 * resident for PGlite alone (docs/performance.md).
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'work_mem=4MB', '-c', 'maintenance_work_mem=16MB', '-c', 'temp_buffers=2MB', '-c', 'wal_buffers=1MB'];

/**
 * By default a new data folder is created (PGlite's initdb) in a short-lived child process. initdb runs a
 * second PostgreSQL inside the process and dumps its folder; WebAssembly memory and the dump
 * never go back to the OS, so a server that created its own folder idled at 440–840 MB resident
 * instead of the ~330 MB of the same server restarted (docs/performance.md). The child exits and
 * takes that peak with it; the server then opens the folder as on any restart.
 */
async function initDataFolderInChild(pgdata: string): Promise<void> {
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const code = `const { PGlite } = await import(${JSON.stringify(pglite)}); const pg = new PGlite(process.argv[1]); await pg.waitReady; await pg.close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code, pgdata], { timeout: 120_000 });
}

/** A pgdata folder with files but no PG_VERSION: not ours to overwrite. */
export class NotADatabaseError extends Error {
  constructor(readonly pgdata: string) {
    super(`${pgdata} holds files but no database (PG_VERSION is missing): restore it from a backup, or move it away to start with a new database.`);
    this.name = 'NotADatabaseError';
  }
}

export const migrationsFolder = join(dirname(new URL(import.meta.url).pathname), 'migrations');

export interface OpenDbOptions {
  dataDir?: string;
  migrate?: boolean;
  /**
   * Creates a new embedded data folder at the path given (default: initdb in a child process).
   * The server passes one that also migrates and seeds in the child (server/seed/first-start.ts).
   * It works on a temporary folder renamed into place only when it succeeded, so a failed or
   * interrupted first start leaves no half-made database behind; the next start begins again.
   */
  createFolder?: (pgdata: string) => Promise<void>;
}

/**
 * Seconds a closed connection waits before it connects again after `retries` failed connections
 * of the pool: 10 ms doubling to at most RECONNECT_DELAY_MAX_MS, so a command during an outage
 * still fails within CONNECT_TIMEOUT_MS plus that.
 */
export const RECONNECT_DELAY_MAX_MS = 250;
export function reconnectDelaySeconds(retries: number): number {
  return Math.min(10 * 2 ** retries, RECONNECT_DELAY_MAX_MS) / 1000;
}

export async function openDb(url: string | undefined, opts: OpenDbOptions = {}): Promise<OpenedDb> {
  const migrate = opts.migrate ?? true;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(url, {
      max: Number(process.env.DB_POOL_MAX ?? 20),
      // A command during an outage fails fast (database_unavailable) instead of waiting 30 s.
      connect_timeout: CONNECT_TIMEOUT_MS / 1000,
      // postgres.js waits before a closed connection connects again, growing with the failures
      // of the whole pool (3^n / 100 s, up to 20 s): during an outage a command then waited for
      // the delay before it even tried, and failed after 3–11 s instead of at once (docs/faults.md).
      // A query only connects when it needs to, so a short delay cannot hammer the database.
      backoff: reconnectDelaySeconds,
      onnotice: () => {},
    });
    const db = drizzle(client, { schema });
    if (migrate) {
      const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
      try {
        await run(db, { migrationsFolder });
      } catch (err) {
        await client.end({ timeout: 1 }).catch(() => {});
        throw err;
      }
    }
    return { db: db as unknown as Db, kind: 'postgres', url, close: () => client.end({ timeout: 5 }) };
  }
  // V8 compiles PGlite's 9 MB of WebAssembly on up to one task per core; each task's compiler
  // memory stays in its own malloc arena, never returned to the OS. One task: about 40–60 MB less
  // resident, the same code once tiered up, no slower to start (docs/performance.md).
  v8.setFlagsFromString('--wasm-num-compilation-tasks=1');
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let lock: DataDirLock | null = null;
  let client: InstanceType<typeof PGlite>;
  if (url === 'memory://') {
    client = new PGlite({ startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
  } else {
    const dataDir = resolve(url?.startsWith('file://') ? url.slice('file://'.length) : (opts.dataDir ?? './data'));
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
    try {
      const pgdata = join(dataDir, 'pgdata');
      if (!existsSync(join(pgdata, 'PG_VERSION'))) {
        if (existsSync(pgdata) && readdirSync(pgdata).length > 0) throw new NotADatabaseError(pgdata);
        const creating = `${pgdata}.creating`;
        rmSync(creating, { recursive: true, force: true }); // left by a first start that died; the lock is ours
        await (opts.createFolder ?? initDataFolderInChild)(creating);
        if (!existsSync(join(creating, 'PG_VERSION'))) throw new Error(`creating the embedded database in ${pgdata} failed: no database was written`);
        if (existsSync(pgdata)) rmdirSync(pgdata); // empty (checked above)
        renameSync(creating, pgdata);
      }
      client = new PGlite(pgdata, { startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
      await client.waitReady;
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  const db = drizzle(client, { schema });
  if (migrate) {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(db, { migrationsFolder });
  }
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    url: null,
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}
