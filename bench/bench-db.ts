/** A throwaway database for a benchmark run: a fresh PostgreSQL database on `pgUrl`, or embedded PGlite in a temp dir (pgUrl null). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface BenchDatabase {
  url: string;
  label: string;
  /** Commits so far (PostgreSQL's pg_stat_database), null on PGlite. */
  commits(): Promise<number | null>;
  drop(): Promise<void>;
}

/** `yc_bench_<name>_<time>` on PostgreSQL (dropped by drop(); no other database is touched). */
export async function createBenchDatabase(name: string, pgUrl: string | null): Promise<BenchDatabase> {
  if (pgUrl === null) {
    const dir = mkdtempSync(join(tmpdir(), `yc-bench-${name}-`));
    return { url: `file://${dir}`, label: 'embedded PGlite (file)', commits: async () => null, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const db = `yc_bench_${name}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  const url = new URL(pgUrl);
  url.pathname = `/${db}`;
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version;
  return {
    url: url.toString(),
    label: `PostgreSQL ${version} (database ${db})`,
    async commits() {
      const r = await admin.query<{ c: string }>('SELECT xact_commit::text AS c FROM pg_stat_database WHERE datname = $1', [db]);
      return Number(r.rows[0]?.c ?? NaN);
    },
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await admin.end();
    },
  };
}
