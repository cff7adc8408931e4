/**
 * A PostgreSQL server of the test's own — initdb + pg_ctl into a temp folder, on a free port of
 * 127.0.0.1 — that the test may stop, restart and cut off at will, and that is removed afterwards.
 * Never the shared server. As root, the server runs as the `postgres` user (initdb refuses root).
 */
import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { adminQuery } from './db';
import { freePort } from './processes';

const run = promisify(execFile);

export interface ThrowawayPg {
  port: number;
  /** Connection string of the database `yc` (created at start). */
  url: string;
  /** Stops the server (`fast`: connections are told; `immediate`: like a crash). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Ends every backend of the product's database (what `pg_terminate_backend` does to a live system). */
  terminateConnections(): Promise<number>;
  /** Stops the server and deletes its folder. */
  remove(): Promise<void>;
}

export async function startThrowawayPg(): Promise<ThrowawayPg> {
  const dir = mkdtempSync(join(tmpdir(), 'yc-pg-'));
  const asRoot = process.getuid?.() === 0;
  const pgUid = asRoot ? Number((await run('id', ['-u', 'postgres'])).stdout.trim()) : undefined;
  if (asRoot) chownSync(dir, pgUid!, -1);
  const as = (cmd: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args));
  const data = join(dir, 'data');
  const port = await freePort();
  await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=100`;
  let running = false;
  const pgCtl = (...args: string[]) => as('pg_ctl', ['-D', data, ...args]);
  const start = async () => {
    await pgCtl('-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start');
    running = true;
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    if (!running) return;
    await pgCtl('-m', mode, '-w', '-t', '60', 'stop');
    running = false;
  };
  await start();
  const base = `postgres://postgres@127.0.0.1:${port}`;
  await adminQuery(`${base}/postgres`, 'CREATE DATABASE yc');
  return {
    port,
    url: `${base}/yc`,
    stop,
    start,
    async terminateConnections() {
      const pg = (await import('pg')).default;
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      c.on('error', () => {});
      await c.connect();
      const r = await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'yc' AND pid <> pg_backend_pid()`);
      await c.end();
      return r.rowCount ?? 0;
    },
    async remove() {
      await stop('immediate').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
