/**
 * Socket handshakes resolve their tokens in batches (docs/faults.md, "Node restarts at hall
 * size"): when a node comes back, every screen that was on it reconnects within a second or two,
 * and one lookup per handshake would queue hundreds of queries behind each other. Keys arriving
 * within `waitMs` of each other are looked up together (one query per table), at most `max` at a
 * time; a single handshake waits at most `waitMs` longer than before. Staff and device tokens
 * (resolveTokenHashes) and the phone pages' progress tokens (progress-handshake.ts) batch alike.
 */
import type { Actor } from '../app/actor';
import { hashToken, plausibleToken, resolveTokenHashes } from '../app/auth';
import type { AppDeps } from '../app/deps';

interface Waiting<V> {
  key: string;
  resolve(value: V | null): void;
  reject(err: unknown): void;
}

export interface BatchOptions {
  waitMs?: number;
  max?: number;
}

/** Looks keys up in batches: `lookup` gets the distinct keys of one batch and returns what it found. */
export function batchedLookup<V>(lookup: (keys: string[]) => Promise<Map<string, V>>, opts: BatchOptions = {}): (key: string) => Promise<V | null> {
  const waitMs = opts.waitMs ?? 5;
  const max = opts.max ?? 500;
  let batch: Waiting<V>[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const taken = batch;
    batch = [];
    lookup([...new Set(taken.map((w) => w.key))]).then(
      (found) => {
        for (const w of taken) w.resolve(found.get(w.key) ?? null);
      },
      (err) => {
        for (const w of taken) w.reject(err);
      },
    );
  }

  return (key) =>
    new Promise<V | null>((resolve, reject) => {
      batch.push({ key, resolve, reject });
      if (batch.length >= max) flush();
      else timer ??= setTimeout(flush, waitMs);
    });
}

export function batchedTokenResolver(deps: AppDeps, opts: BatchOptions = {}): (token: unknown) => Promise<Actor | null> {
  const lookup = batchedLookup((hashes) => resolveTokenHashes(deps, hashes), opts);
  return (token) => (typeof token !== 'string' || !plausibleToken(token) ? Promise.resolve(null) : lookup(hashToken(token)));
}
