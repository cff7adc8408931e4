/** The PGlite data-directory lock: refuses a live owner, takes over from a dead one — even when its pid was reused. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { acquireDataDirLock, currentOwner, DataDirLockedError, linuxProbe, ownerAlive, parseOwner, type ProcessProbe } from '../../db/data-dir-lock';

const t = suite('data directory lock');
const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'yc-lock-'));
  dirs.push(d);
  return d;
};
const lockFile = (dir: string) => join(dir, 'yichuang.lock');
t.after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function refused(dir: string, probe?: ProcessProbe): DataDirLockedError {
  try {
    acquireDataDirLock(dir, probe);
  } catch (err) {
    assert.instance(err, DataDirLockedError);
    return err as DataDirLockedError;
  }
  throw new Error('expected the lock to be refused');
}

t('the lock names its owner by pid, boot id and start time; a second acquire in the same process is refused', () => {
  const dir = fresh();
  const lock = acquireDataDirLock(dir);
  const owner = parseOwner(readFileSync(lockFile(dir), 'utf8'))!;
  assert.is(owner.pid, process.pid);
  assert.ok(owner.bootId && owner.startTime, 'Linux: boot id and start time recorded');
  assert.equal(owner, currentOwner());
  assert.is(refused(dir).ownerPid, process.pid);
  lock.release();
  acquireDataDirLock(dir).release();
});

t('pid reuse: a lock whose pid is alive but started at another time is taken over', () => {
  const dir = fresh();
  writeFileSync(lockFile(dir), JSON.stringify({ ...currentOwner(), startTime: '1' }));
  const lock = acquireDataDirLock(dir);
  assert.equal(parseOwner(readFileSync(lockFile(dir), 'utf8')), currentOwner());
  lock.release();
});

t('a stale lock from a dead container (pid 1, another boot / pid namespace) is taken over', () => {
  const dir = fresh();
  writeFileSync(lockFile(dir), JSON.stringify({ pid: 1, bootId: 'a-container-that-is-gone', startTime: '4242' }));
  acquireDataDirLock(dir).release();
  // The same container restarted: pid 1 again, same boot, but pid 1 now started at another time.
  const container: ProcessProbe = { bootId: () => 'boot-1', startTime: (pid) => (pid === 1 ? '9000' : null), alive: (pid) => pid === 1 };
  assert.is(ownerAlive({ pid: 1, bootId: 'boot-1', startTime: '5000' }, container), false, 'restarted container: old pid 1 is dead');
  assert.is(ownerAlive({ pid: 1, bootId: 'boot-1', startTime: '9000' }, container), true, 'the live pid 1 holds it');
  assert.is(ownerAlive({ pid: 1, bootId: 'boot-0', startTime: '9000' }, container), false, 'another boot');
});

t('an old-style lock (bare pid) and garbage are handled', () => {
  const dir = fresh();
  writeFileSync(lockFile(dir), String(process.pid));
  assert.is(refused(dir).ownerPid, process.pid, 'a bare live pid cannot be told apart: refused');
  writeFileSync(lockFile(dir), '999999999');
  acquireDataDirLock(dir).release();
  writeFileSync(lockFile(dir), 'not a lock');
  acquireDataDirLock(dir).release();
});

t('a live owner in another process is refused; after kill -9 its lock is taken over', async () => {
  const dir = fresh();
  const code = `import('${join(import.meta.dirname, '../../db/data-dir-lock.ts')}').then((m) => { m.acquireDataDirLock(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000); });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('locked') && resolve());
    child.once('exit', (c) => reject(new Error(`child exited ${c}`)));
  });
  assert.is(refused(dir).ownerPid, child.pid);
  assert.ok(ownerAlive(parseOwner(readFileSync(lockFile(dir), 'utf8'))!, linuxProbe));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  acquireDataDirLock(dir).release();
});

t.run();
