/**
 * Server processes for fault tests: `server/main.ts` in a child process of its own (as in
 * production), on a free port of 127.0.0.1, its output kept for the failure message and its exit
 * recorded — a fault test asserts that nothing exited.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** null while running; the exit code or signal once it exited. */
  exited(): string | null;
  output(): string;
  /** SIGKILL, like a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  name: string;
  env: Record<string, string>;
  port?: number;
  startTimeoutMs?: number;
}

export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', FAKE_PRINTER: '0', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let exit: string | null = null;
  const append = (d: Buffer) => {
    out += d;
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const gone = new Promise<void>((resolve) => child.once('exit', (code, signal) => ((exit = signal ?? String(code)), resolve())));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${opts.name} did not start in time:\n${out}`)), opts.startTimeoutMs ?? 90_000);
    const check = () => {
      if (/Demo sign-in/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    void gone.then(() => {
      clearTimeout(timer);
      reject(new Error(`${opts.name} exited (${exit}) while starting:\n${out}`));
    });
  });
  const waitGone = async (signal: NodeJS.Signals) => {
    if (exit !== null) return;
    child.kill(signal);
    await gone;
  };
  return {
    name: opts.name,
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    exited: () => exit,
    output: () => out,
    kill: () => waitGone('SIGKILL'),
    stop: () => waitGone('SIGTERM'),
  };
}
