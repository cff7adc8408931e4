/**
 * PGlite is a single-process database: two servers on one data directory would corrupt it.
 * A lock file names its owner and refuses a second process with a clear message; a lock left by
 * a process that no longer exists is taken over.
 *
 * "Exists" is judged by the owner's identity, not its pid alone: pids are reused (after kill -9 a
 * new server may get the old number; in a container the server is pid 1 every time). The lock
 * records the pid, the kernel's boot id and the process's start time (from /proc). The owner is
 * alive only if this machine has not rebooted since (same boot id), that pid exists, and it started
 * at the recorded time. A lock from a dead container — another pid namespace or another boot —
 * fails that test and is taken over. Where /proc is missing (not Linux), the pid check stands alone.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface DataDirLock {
  path: string;
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Yichuang process (pid ${ownerPid}). ` +
        `Stop that process, or set DATABASE_URL to a PostgreSQL server to run several processes.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Who holds the lock. `bootId` and `startTime` are null where /proc does not tell. */
export interface LockOwner {
  pid: number;
  bootId: string | null;
  startTime: string | null;
}

export interface ProcessProbe {
  bootId(): string | null;
  /** The start time of a live pid (clock ticks since boot), or null if unknown. */
  startTime(pid: number): string | null;
  alive(pid: number): boolean;
}

export const linuxProbe: ProcessProbe = {
  bootId: () => readOrNull('/proc/sys/kernel/random/boot_id'),
  startTime(pid) {
    const stat = readOrNull(`/proc/${pid}/stat`);
    if (!stat) return null;
    // Field 22; the command name (field 2) may hold spaces, so count from its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  },
  alive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
};

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

export function currentOwner(probe: ProcessProbe = linuxProbe, pid = process.pid): LockOwner {
  return { pid, bootId: probe.bootId(), startTime: probe.startTime(pid) };
}

/** Reads a lock file: the JSON owner, or a bare pid written by an older version. */
export function parseOwner(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), bootId: null, startTime: null };
  try {
    const o = JSON.parse(trimmed) as Partial<LockOwner>;
    if (typeof o.pid !== 'number' || !Number.isInteger(o.pid) || o.pid <= 0) return null;
    return { pid: o.pid, bootId: typeof o.bootId === 'string' ? o.bootId : null, startTime: typeof o.startTime === 'string' ? o.startTime : null };
  } catch {
    return null;
  }
}

/** Pure given the probe: is the recorded owner still the process it was? */
export function ownerAlive(owner: LockOwner, probe: ProcessProbe = linuxProbe): boolean {
  const bootNow = probe.bootId();
  if (owner.bootId && bootNow && owner.bootId !== bootNow) return false; // the machine rebooted, or another one wrote it
  if (!probe.alive(owner.pid)) return false;
  if (owner.startTime) {
    const started = probe.startTime(owner.pid);
    if (started !== null && started !== owner.startTime) return false; // the pid was reused
  }
  return true;
}

export function acquireDataDirLock(dataDir: string, probe: ProcessProbe = linuxProbe): DataDirLock {
  const path = join(dataDir, 'yichuang.lock');
  const me = currentOwner(probe);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return {
        path,
        release: () => {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = parseOwner(readOrNull(path) ?? '');
      if (owner && ownerAlive(owner, probe)) throw new DataDirLockedError(dataDir, owner.pid);
      rmSync(path, { force: true }); // stale: its process died (or the file is unreadable garbage)
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
