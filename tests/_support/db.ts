/**
 * Each test file gets its own database: in-memory PGlite by default, or — when DATABASE_URL
 * points at PostgreSQL — a fresh database created for this file and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
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
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened = await openDb(url.toString());
  return {
    ...opened,
    url: url.toString(),
    async drop() {
      await opened.close();
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
