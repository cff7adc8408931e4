/**
 * openDb(url): no url or file:// → embedded PGlite persisted on disk; memory:// → in-memory PGlite;
 * postgres:// → node-postgres (pg) through a pool that survives lost connections (db/postgres-pool.ts).
 * Migrations run with the matching drizzle migrator.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface OpenedDb {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** For the socket.io postgres adapter: the connection string, when on PostgreSQL. */
  url: string | null;
  close(): Promise<void>;
}

const migrationsFolder = join(dirname(new URL(import.meta.url).pathname), 'migrations');

export interface OpenDbOptions {
  dataDir?: string;
  migrate?: boolean;
  /** PostgreSQL: told (with the error) whenever a pooled connection is lost; the pool itself carries on. */
  onConnectionLost?: (err: Error) => void;
}

export async function openDb(url: string | undefined, opts: OpenDbOptions = {}): Promise<OpenedDb> {
  const migrate = opts.migrate ?? true;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { openPostgresPool } = await import('./postgres-pool');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = openPostgresPool(url, { max: Number(process.env.DB_POOL_MAX ?? 20), onLost: opts.onConnectionLost });
    const db = drizzle(pool, { schema });
    if (migrate) {
      const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
      try {
        await run(db, { migrationsFolder });
      } catch (err) {
        await pool.end().catch(() => {});
        throw err;
      }
    }
    return { db: db as unknown as Db, kind: 'postgres', url, close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let lock: DataDirLock | null = null;
  let client: InstanceType<typeof PGlite>;
  if (url === 'memory://') {
    client = new PGlite();
  } else {
    const dataDir = resolve(url?.startsWith('file://') ? url.slice('file://'.length) : (opts.dataDir ?? './data'));
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
    try {
      client = new PGlite(join(dataDir, 'pgdata'));
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
