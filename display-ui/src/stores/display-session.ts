/**
 * The display's live picture of its hall: subscribes with 'public:subscribe' on every (re)connect,
 * applies 'public:fact' deltas through the shared snapshot+delta sync, retries a failed snapshot,
 * re-snapshots when the hall's day changes, and keeps the server's clock offset for the clock.
 */
import { applyPublicFact } from '../../../ui-shared/src/apply-fact';
import type { ConnectionState } from '../../../ui-shared/src/connection';
import { createHallSync, type HallSync } from '../../../ui-shared/src/hall-sync';
import { createStore, type Store } from '../../../ui-shared/src/store';
import type { Ack } from '../../../server/protocol/errors';
import type { PublicHallFact, ServerHello } from '../../../server/protocol/events';
import type { HallSeqBeat } from '../../../server/protocol/heartbeat';
import type { PublicHallSnapshot } from '../../../server/protocol/views';
import type { Timers } from './announcer';

/** The part of ui-shared's Connection the display uses (a fake in tests). */
export interface DisplayConnection {
  socket: {
    connected: boolean;
    connect(): unknown;
    on(event: 'public:fact', fn: (fact: PublicHallFact) => void): unknown;
    off(event: 'public:fact', fn: (fact: PublicHallFact) => void): unknown;
    on(event: 'hall:seq', fn: (beat: HallSeqBeat) => void): unknown;
    off(event: 'hall:seq', fn: (beat: HallSeqBeat) => void): unknown;
    timeout(ms: number): {
      emit(event: 'public:subscribe', input: { hallId: string }, cb: (err: Error | null, ack: Ack<PublicHallSnapshot>) => void): unknown;
    };
  };
  state: Store<ConnectionState>;
  hello: Store<ServerHello | null>;
  onConnected(fn: () => void): () => void;
}

export type SessionProblem = 'no_hall' | null;

export interface DisplaySession {
  connection: Store<ConnectionState>;
  hall: Store<PublicHallSnapshot | null>;
  problem: Store<SessionProblem>;
  sync: HallSync<PublicHallSnapshot>;
  /** Server time now (ms): the display PC's clock may be wrong, the server's is the hall's. */
  now(): number;
  dispose(): void;
}

export interface SessionOptions {
  timers?: Timers & { setInterval(fn: () => void, ms: number): unknown; clearInterval(h: unknown): void };
  snapshotTimeoutMs?: number;
  retryMs?: number;
  /** How long a gap in seq may stay open before a fresh snapshot (ui-shared hall-sync; default 2 s). */
  reorderWindowMs?: number;
  unauthorisedRetryMs?: number;
  dayCheckMs?: number;
}

/** YYYY-MM-DD in the hall's time zone. */
export function hallDate(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

export function createDisplaySession(conn: DisplayConnection, opts: SessionOptions = {}): DisplaySession {
  const timers = opts.timers ?? {
    setTimeout: (fn: () => void, ms: number) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h: unknown) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
    setInterval: (fn: () => void, ms: number) => globalThis.setInterval(fn, ms),
    clearInterval: (h: unknown) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
  };
  const problem = createStore<SessionProblem>(null);
  let offsetMs = 0;
  let retry: unknown = null;

  const sync = createHallSync<PublicHallSnapshot, PublicHallFact>({
    fetchSnapshot: () =>
      new Promise((resolve, reject) => {
        const hallId = conn.hello.get()?.hallIds[0];
        if (!hallId) {
          problem.set('no_hall');
          return reject(new Error('no_hall'));
        }
        conn.socket.timeout(opts.snapshotTimeoutMs ?? 8000).emit('public:subscribe', { hallId }, (err, ack) => {
          if (err) return reject(err);
          if (!ack.ok) return reject(new Error(ack.error.code));
          problem.set(null);
          offsetMs = Date.parse(ack.data.serverTime) - Date.now();
          resolve(ack.data);
        });
      }),
    applyFact: applyPublicFact,
    ...(opts.reorderWindowMs !== undefined && { reorderWindowMs: opts.reorderWindowMs }),
    onError: () => scheduleRetry(opts.retryMs ?? 3000),
  });

  function scheduleRetry(ms: number): void {
    if (retry !== null) return;
    retry = timers.setTimeout(() => {
      retry = null;
      if (conn.state.get() === 'online') void sync.resync();
    }, ms);
  }

  const onFact = (fact: PublicHallFact) => sync.receive(fact);
  conn.socket.on('public:fact', onFact);
  const onBeat = (beat: HallSeqBeat) => {
    if (beat.hallId === conn.hello.get()?.hallIds[0]) sync.beat(beat);
  };
  conn.socket.on('hall:seq', onBeat);
  const offConnected = conn.onConnected(() => void sync.resync());

  // A revoked or mistyped token: ui-shared stops reconnecting; try again now and then (someone may fix it).
  let authRetry: unknown = null;
  const offState = conn.state.subscribe((s) => {
    if (s !== 'unauthorised' || authRetry !== null) return;
    authRetry = timers.setTimeout(() => {
      authRetry = null;
      conn.socket.connect();
    }, opts.unauthorisedRetryMs ?? 60_000);
  });

  // After midnight the hall starts a new service day: its snapshot, not yesterday's, is the truth.
  const dayTimer = timers.setInterval(() => {
    const snap = sync.state.get();
    if (snap && conn.state.get() === 'online' && hallDate(Date.now() + offsetMs, snap.hall.timeZone) !== snap.serviceDate) void sync.resync();
  }, opts.dayCheckMs ?? 1000);

  return {
    connection: conn.state,
    hall: sync.state,
    problem,
    sync,
    now: () => Date.now() + offsetMs,
    dispose() {
      conn.socket.off('public:fact', onFact);
      conn.socket.off('hall:seq', onBeat);
      offConnected();
      offState();
      timers.clearInterval(dayTimer);
      if (retry !== null) timers.clearTimeout(retry);
      if (authRetry !== null) timers.clearTimeout(authRetry);
    },
  };
}
