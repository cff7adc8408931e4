/**
 * Server time on the client. The counter PC's clock may be minutes off; every live wait is
 * measured on the server's clock, estimated from the snapshot's serverTime and the round trip.
 */
import { createStore, type Store } from '../../../ui-shared/src/store';

export interface ServerClock {
  /** Milliseconds to add to the local clock. */
  offset(): number;
  now(): number;
  /** The server said `serverTime` while the request went out at `sentAt` and came back at `receivedAt` (local ms). */
  sync(serverTime: string, sentAt: number, receivedAt: number): void;
}

export function createServerClock(localNow: () => number = Date.now): ServerClock {
  let offset = 0;
  return {
    offset: () => offset,
    now: () => localNow() + offset,
    sync(serverTime, sentAt, receivedAt) {
      const server = Date.parse(serverTime);
      if (Number.isNaN(server)) return;
      offset = server - (sentAt + Math.max(0, receivedAt - sentAt) / 2);
    },
  };
}

export interface Ticker {
  /** Server-corrected now, updated once a second while started. */
  now: Store<number>;
  start(): void;
  stop(): void;
  /** Refresh immediately (after a resync moved the offset). */
  refresh(): void;
}

interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realTimers: Timers = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

export function createTicker(clock: ServerClock, timers: Timers = realTimers, intervalMs = 1000): Ticker {
  const now = createStore(clock.now());
  let handle: unknown = null;
  const refresh = () => now.set(clock.now());
  return {
    now,
    refresh,
    start() {
      if (handle !== null) return;
      refresh();
      handle = timers.setInterval(refresh, intervalMs);
    },
    stop() {
      if (handle === null) return;
      timers.clearInterval(handle);
      handle = null;
    },
  };
}
