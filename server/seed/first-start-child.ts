/**
 * The child process of an embedded first start (server/seed/first-start.ts): creates the PGlite
 * data folder given as argv[2] (initdb), runs the migrations and, when argv[3] is "demo", seeds the
 * demo hall; prints the seed result as one JSON line and exits. Run by the server only — the
 * folder is the server's and its lock is held by the parent while this runs.
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder, type Db } from '../../db/client';
import * as schema from '../../db/schema';
import { RESULT_PREFIX } from './first-start';
import { seedDemo, type SeedResult } from './seed-demo';

async function main(pgdata: string, demo: boolean): Promise<void> {
  const client = new PGlite(pgdata);
  try {
    await client.waitReady;
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder });
    const result: SeedResult = demo ? await seedDemo(db as unknown as Db) : { seeded: false, hallId: null, present: false };
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  } finally {
    await client.close();
  }
}

const [pgdata, mode] = process.argv.slice(2);
main(pgdata!, mode === 'demo').then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
