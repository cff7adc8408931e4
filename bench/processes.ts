/** Starting the measured processes: the product server and the bare baseline, each in its own process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
  peakRssMb(): number;
  rssMb(): number;
}

function waitForLine(child: ChildProcess, pattern: RegExp, ms = 60_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`timeout waiting for ${pattern}: ${out}`)), ms);
    const onData = (d: Buffer) => {
      out += d;
      const m = out.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

function procStatusMb(child: ChildProcess, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

function wrap(child: ChildProcess, port: number): Child {
  return {
    child,
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    peakRssMb: () => procStatusMb(child, 'VmHWM'),
    rssMb: () => procStatusMb(child, 'VmRSS'),
  };
}

export async function startProductServer(databaseUrl: string): Promise<Child> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, PII_KEY: '33'.repeat(32), SEED_DEMO: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(child, /Demo sign-in/);
  return wrap(child, port);
}

export async function startBareServer(): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/bare-server.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const m = await waitForLine(child, /PORT (\d+)/);
  return wrap(child, Number(m[1]));
}

/**
 * The V8 flags `npm start` gives the server (package.json "start"): a young generation of 2 MB per
 * semi-space instead of up to 16 MB (docs/performance.md). BENCH_START_FLAGS overrides them
 * (e.g. BENCH_START_FLAGS= for V8's defaults), to compare.
 */
const START_FLAGS = (process.env.BENCH_START_FLAGS ?? '--max-semi-space-size=2').split(' ').filter(Boolean);

/** `npm start`'s server process on embedded PGlite in dataDir (no DATABASE_URL), demo data or none. */
export async function startEmbeddedServer(dataDir: string, seedDemo: boolean): Promise<Child> {
  const port = await freePort();
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  const env = { ...inherited, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: String(seedDemo), FAKE_PRINTER: '0' };
  const child = spawn(process.execPath, [...START_FLAGS, '--import', 'tsx', join(root, 'server/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForLine(child, /Yichuang is running/, 180_000);
  return wrap(child, port);
}

/** A product node for the city benchmark: no demo data, benchmark hooks on, optionally CPU-profiled. */
export async function startCityNode(databaseUrl: string, opts: { cpuProfDir?: string; nodeFlags?: string[] } = {}): Promise<Child> {
  const port = await freePort();
  const prof = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...prof, ...(opts.nodeFlags ?? []), '--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, PII_KEY: '33'.repeat(32), SEED_DEMO: 'false', FAKE_PRINTER: '0', BENCH_HOOKS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(child, /Yichuang is running/, 120_000);
  // The node's own complaints (a failed handshake, a lost connection) go to the benchmark's stderr.
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(String(d).replace(/^(?=.)/gm, `[node :${port}] `)));
  return wrap(child, port);
}
