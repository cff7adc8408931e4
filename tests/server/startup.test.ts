/** `npm start` as a user runs it: a second process on the same data dir is refused; SIGTERM closes cleanly. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../db/client';
import { DataDirLockedError } from '../../db/data-dir-lock';

const root = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'yc-start-'));

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...base, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(r: Run, text: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!r.output().includes(text)) {
    if (Date.now() > until) throw new Error(`timed out waiting for "${text}"; output:\n${r.output()}`);
    if (r.child.exitCode !== null) throw new Error(`exited early:\n${r.output()}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

const t = suite('server start-up and shut-down');
t.after(() => rmSync(dataDir, { recursive: true, force: true }));

t('first start seeds the demo hall and prints URLs and credentials; a second process is refused; SIGTERM closes cleanly', async () => {
  const first = run({});
  await waitFor(first, 'Demo sign-in');
  assert.match(first.output(), 'demo hall created');
  assert.match(first.output(), '/kiosk/?token=dv_demo-kiosk-1');
  assert.match(first.output(), 'yichuang2026');
  assert.ok(existsSync(join(dataDir, 'yichuang.lock')));
  // The demo was seeded by the first start's child process (server/seed/first-start.ts): its password works here.
  const port = /localhost:(\d+)\/admin/.exec(first.output())![1];
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'yichuang2026' }),
  });
  assert.is(login.status, 200);
  assert.is(((await login.json()) as { data: { staff: { role: string } } }).data.staff.role, 'admin');

  const second = run({});
  const code = await second.exited;
  assert.is(code, 1);
  assert.match(second.output(), 'is in use by another Yichuang process');
  assert.not.match(second.output(), /\n\s+at /, 'no stack trace for a known condition');

  first.child.kill('SIGTERM');
  assert.is(await first.exited, 0, `first start's exit (signal ${first.child.signalCode}); output:\n${first.output()}`);
  assert.match(first.output(), 'closed cleanly');
  assert.not.ok(existsSync(join(dataDir, 'yichuang.lock')), 'lock released');

  const third = run({});
  await waitFor(third, 'Demo sign-in');
  assert.not.match(third.output(), 'demo hall created', 'data persisted: no second seed');
  third.child.kill('SIGTERM');
  assert.is(await third.exited, 0, `third start's exit (signal ${third.child.signalCode}); output:\n${third.output()}`);
});

t('a real installation (SEED_DEMO=false): no demo credentials, a one-time set-up code for the first administrator', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yc-real-'));
  try {
    const real = run({ SEED_DEMO: 'false', DATA_DIR: dir });
    await waitFor(real, 'Set-up code');
    assert.match(real.output(), /Set-up code\s+[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    assert.match(real.output(), '/admin/');
    assert.not.match(real.output(), 'yichuang2026');
    assert.not.match(real.output(), 'dv_demo');
    real.child.kill('SIGTERM');
    assert.is(await real.exited, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

t('a data folder whose pgdata is not a database: a clear message, the files left alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yc-broken-'));
  try {
    mkdirSync(join(dir, 'pgdata'));
    writeFileSync(join(dir, 'pgdata', 'postgresql.conf'), '# kept');
    const r = run({ DATA_DIR: dir });
    assert.is(await r.exited, 1);
    assert.match(r.output(), 'Yichuang could not start');
    assert.match(r.output(), 'PG_VERSION is missing');
    assert.not.match(r.output(), /\n\s+at /);
    assert.is(readFileSync(join(dir, 'pgdata', 'postgresql.conf'), 'utf8'), '# kept');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

t('two opens of one data directory in one process are refused too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yc-lock-'));
  const a = await openDb(`file://${dir}`);
  try {
    await openDb(`file://${dir}`);
    assert.unreachable('second open must fail');
  } catch (err) {
    assert.instance(err, DataDirLockedError);
  } finally {
    await a.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

t('bad configuration is a clear message, not a crash', async () => {
  const r = run({ PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
  assert.is(await r.exited, 1);
  assert.match(r.output(), 'Invalid configuration');
  assert.match(r.output(), 'PORT');
  assert.match(r.output(), 'DATABASE_URL');
  assert.not.match(r.output(), /\n\s+at /);
});

t.run();
