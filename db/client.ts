/**
 * openDb(url): no url or file:// → embedded PGlite persisted on disk; memory:// → in-memory PGlite;
 * postgres:// → postgres.js, which reconnects by itself after a lost connection (its nextWrite
 * crash on a close with a write pending is patched: patches/postgres+3.4.9.patch, docs/faults.md).
 * Migrations run with the matching drizzle migrator.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

const migrationsFolder = join(dirname(new URL(import.meta.url).pathname), 'migrations');

export interface OpenDbOptions {
  dataDir?: string;
  migrate?: boolean;
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
      client = new PGlite(join(dataDir, 'pgdata'), { startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
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
