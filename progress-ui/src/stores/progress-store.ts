/**
 * The phone page's data: GET /api/progress/:token, refreshed every few seconds while the page is
 * visible and at once when it becomes visible again. Plain TS (no Lit), tested in Node with fakes.
 */
import type { Ack } from '../../../server/protocol/errors';
import type { ProgressView } from '../../../server/protocol/progress';
import { createStore, type Store } from '../../../ui-shared/src/store';

export type ProgressState =
  | { phase: 'loading' }
  | { phase: 'not_found' }
  | { phase: 'ready'; view: ProgressView; stale: boolean; fetchedAt: number };

export interface ProgressDeps {
  fetchProgress(token: string): Promise<Ack<ProgressView>>;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface ProgressStore {
  state: Store<ProgressState>;
  /** Loads now and keeps refreshing every `intervalMs`. */
  start(): void;
  stop(): void;
  refresh(): Promise<void>;
}

/** Tokens are base64url, ≥ 128 bits: anything else names no ticket and is not sent. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;

/** /p/<token> (printed QR) or /progress/?t=<token>. */
export function tokenFromLocation(pathname: string, search: string): string | null {
  const fromPath = /^\/p\/([^/?#]+)/.exec(pathname)?.[1];
  const raw = fromPath ? decodeURIComponent(fromPath) : new URLSearchParams(search).get('t');
  return raw && TOKEN_PATTERN.test(raw) ? raw : null;
}

export function createProgressStore(token: string | null, deps: ProgressDeps, intervalMs = 5000): ProgressStore {
  const state = createStore<ProgressState>(token ? { phase: 'loading' } : { phase: 'not_found' });
  let timer: unknown = null;
  let running = false;

  async function refresh(): Promise<void> {
    if (!token) return;
    const ack = await deps.fetchProgress(token);
    const current = state.get();
    if (ack.ok) state.set({ phase: 'ready', view: ack.data, stale: false, fetchedAt: deps.now() });
    else if (ack.error.code === 'not_found') state.set({ phase: 'not_found' });
    // Offline or a server hiccup: keep what we showed, marked stale, and try again on the next tick.
    else if (current.phase === 'ready') state.set({ ...current, stale: true });
  }

  function schedule(): void {
    if (!running) return;
    timer = deps.setTimer(() => {
      void refresh().finally(schedule);
    }, intervalMs);
  }

  return {
    state,
    start() {
      if (running || !token) return;
      running = true;
      void refresh().finally(schedule);
    },
    stop() {
      running = false;
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
    refresh,
  };
}
