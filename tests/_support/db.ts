/**
 * Each test file gets its own database: in-memory PGlite by default, or — when DATABASE_URL
 * points at PostgreSQL — a fresh database created for this file and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type OpenedDb } from '../../db/client';

export const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

export interface TestDb extends OpenedDb {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  if (!onPostgres) {
    const opened = await openDb('memory://');
    return { ...opened, url: 'memory://', drop: () => opened.close() };
  }
  const adminUrl = process.env.DATABASE_URL!;
  const name = `yc_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened = await openDb(url.toString());
  return {
    ...opened,
    url: url.toString(),
    async drop() {
      await opened.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** One statement on a short-lived connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
