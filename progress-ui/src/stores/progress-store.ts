/**
 * The phone page's data: GET /api/progress/:token, refreshed at once when the page becomes visible
 * again and on a timer — every 5 s while the live socket is down, every 30 s (a safety net) while it
 * is up and pushes the view itself (progress-live.ts, `receive`). Plain TS (no Lit), tested in Node with fakes.
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
  /** A view pushed by the live socket (the same masked view as the GET). */
  receive(view: ProgressView): void;
  /** The live socket came up (poll slowly) or went down (poll at the fallback rate again). */
  setLive(live: boolean): void;
}

/** The fallback poll while the socket is down, and the safety-net poll while it is live. */
export const POLL_MS = { fallback: 5000, live: 30_000 };

/** Tokens are base64url, ≥ 128 bits: anything else names no ticket and is not sent. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;

/** /p/<token> (printed QR) or /progress/?t=<token>. */
export function tokenFromLocation(pathname: string, search: string): string | null {
  const fromPath = /^\/p\/([^/?#]+)/.exec(pathname)?.[1];
  const raw = fromPath ? decodeURIComponent(fromPath) : new URLSearchParams(search).get('t');
  return raw && TOKEN_PATTERN.test(raw) ? raw : null;
}

export function createProgressStore(token: string | null, deps: ProgressDeps, intervals = POLL_MS): ProgressStore {
  const state = createStore<ProgressState>(token ? { phase: 'loading' } : { phase: 'not_found' });
  let timer: unknown = null;
  let running = false;
  let live = false;

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
    if (timer !== null) deps.clearTimer(timer);
    timer = deps.setTimer(() => {
      timer = null;
      void refresh().finally(schedule);
    }, live ? intervals.live : intervals.fallback);
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
    receive(view) {
      state.set({ phase: 'ready', view, stale: false, fetchedAt: deps.now() });
    },
    setLive(on) {
      if (on === live) return;
      live = on;
      // The next poll comes at the new rate: at once 5 s after the socket fell away, not up to 30 s later.
      schedule();
    },
  };
}
