/**
 * Socket handshakes resolve their tokens in batches (docs/faults.md, "Node restarts at hall
 * size"): when a node comes back, every screen that was on it reconnects within a second or two,
 * and one lookup per handshake would queue hundreds of queries behind each other. Tokens arriving
 * within `waitMs` of each other are looked up together (resolveTokenHashes: one query per table),
 * at most `max` at a time; a single handshake waits at most `waitMs` longer than before.
 */
import type { Actor } from '../app/actor';
import { hashToken, plausibleToken, resolveTokenHashes } from '../app/auth';
import type { AppDeps } from '../app/deps';

interface Waiting {
  hash: string;
  resolve(actor: Actor | null): void;
  reject(err: unknown): void;
}

export function batchedTokenResolver(deps: AppDeps, opts: { waitMs?: number; max?: number } = {}): (token: unknown) => Promise<Actor | null> {
  const waitMs = opts.waitMs ?? 5;
  const max = opts.max ?? 500;
  let batch: Waiting[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const taken = batch;
    batch = [];
    resolveTokenHashes(deps, [...new Set(taken.map((w) => w.hash))]).then(
      (found) => {
        for (const w of taken) w.resolve(found.get(w.hash) ?? null);
      },
      (err) => {
        for (const w of taken) w.reject(err);
      },
    );
  }

  return (token) => {
    if (typeof token !== 'string' || !plausibleToken(token)) return Promise.resolve(null);
    return new Promise<Actor | null>((resolve, reject) => {
      batch.push({ hash: hashToken(token), resolve, reject });
      if (batch.length >= max) flush();
      else timer ??= setTimeout(flush, waitMs);
    });
  };
}
