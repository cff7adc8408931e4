/**
 * An embedded server's first start (a new PGlite data folder) runs in a short-lived child process:
 * initdb, the migrations of the new database and, unless SEED_DEMO=false, the demo seed with its
 * password hashing. PGlite's WebAssembly memory never shrinks and malloc keeps what the migrations
 * and scrypt touched, so a server that did this work itself idled 50–60 MB above the same server
 * restarted (docs/performance.md §Memory of the embedded server). The child exits and takes that
 * peak with it; the server then opens the folder as on any restart.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { SeedResult } from './seed-demo';

export const RESULT_PREFIX = 'first-start-result ';

const childScript = join(dirname(fileURLToPath(import.meta.url)), 'first-start-child.ts');

/** Creates, migrates and (with demo) seeds the PGlite folder pgdata in a child process; the child's seed result. */
export async function createEmbeddedFolderInChild(pgdata: string, demo: boolean): Promise<SeedResult> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const args = ['--import', tsx, childScript, pgdata, demo ? 'demo' : 'bare'];
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(process.execPath, args, { timeout: 180_000, maxBuffer: 4 * 1024 * 1024 }));
  } catch (err) {
    const e = err as { stderr?: string; killed?: boolean; message?: string };
    const reason = e.killed ? 'timed out after 180 s' : (e.stderr ?? '').trim().split('\n').filter(Boolean).pop() ?? e.message ?? String(err);
    throw new Error(`creating the embedded database in ${pgdata} failed: ${reason}`);
  }
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) throw new Error(`creating the embedded database in ${pgdata} failed: the set-up process reported no result`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as SeedResult;
}
