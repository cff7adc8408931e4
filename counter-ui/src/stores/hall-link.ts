/**
 * The live link to one hall: the socket connection, snapshot + delta sync (re-snapshot on every
 * connect and reconnect), the command sender, server-time sync and the connection badge.
 */
import type { ErrorBody } from '../../../server/protocol/errors';
import type { HallFact } from '../../../server/protocol/events';
import type { HallSeqBeat } from '../../../server/protocol/heartbeat';
import type { HallSnapshot } from '../../../server/protocol/views';
import { applyHallFact } from '../../../ui-shared/src/apply-fact';
import { createCommandSender, type CommandSender } from '../../../ui-shared/src/commands';
import type { ConnectionState } from '../../../ui-shared/src/connection';
import { createHallSync, type HallSync, type SyncStatus } from '../../../ui-shared/src/hall-sync';
import { createStore, type Store } from '../../../ui-shared/src/store';
import type { ServerClock } from './server-clock';

type AckCallback = (err: Error | null, ack: unknown) => void;

/** What the link needs from a socket.io client socket (a fake in tests). */
export interface LinkSocket {
  connected: boolean;
  on(event: 'hall:fact', fn: (fact: HallFact) => void): unknown;
  off(event: 'hall:fact', fn: (fact: HallFact) => void): unknown;
  on(event: 'hall:seq', fn: (beat: HallSeqBeat) => void): unknown;
  off(event: 'hall:seq', fn: (beat: HallSeqBeat) => void): unknown;
  timeout(ms: number): { emit(event: string, payload: unknown, cb: AckCallback): void };
}

export interface LinkConnection {
  socket: LinkSocket;
  state: Store<ConnectionState>;
  onConnected(fn: () => void): () => void;
  close(): void;
}

export type Badge = 'connecting' | 'online' | 'syncing' | 'reconnecting' | 'offline';

export function badgeFor(state: ConnectionState, everOnline: boolean, sync: SyncStatus, browserOnline: boolean): Badge {
  if (state === 'online') return sync === 'loading' ? 'syncing' : 'online';
  if (state === 'unauthorised' || !browserOnline) return 'offline';
  if (state === 'connecting') return everOnline ? 'reconnecting' : 'connecting';
  return 'reconnecting';
}

export interface HallLink {
  hallId: string;
  sync: HallSync<HallSnapshot>;
  sender: CommandSender;
  /** A second sender for the acceptance panel (办件), so a case read never blocks a counter command. */
  caseSender: CommandSender;
  badge: Store<Badge>;
  online: Store<boolean>;
  /** Why the last snapshot could not be loaded, in protocol terms. */
  error: Store<ErrorBody | null>;
  dispose(): void;
}

export interface HallLinkOptions {
  connection: LinkConnection;
  hallId: string;
  clock: ServerClock;
  browserOnline?: Store<boolean>;
  onUnauthorised(): void;
  localNow?: () => number;
  retryMs?: number;
  /** How long a gap in seq may stay open before a fresh snapshot (ui-shared hall-sync; default 2 s). */
  reorderWindowMs?: number;
}

class AckError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.code);
  }
}

export function createHallLink(opts: HallLinkOptions): HallLink {
  const { connection, hallId, clock } = opts;
  const localNow = opts.localNow ?? Date.now;
  const error = createStore<ErrorBody | null>(null);
  const browserOnline = opts.browserOnline ?? createStore(true);
  let retry: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  const fetchSnapshot = () =>
    new Promise<HallSnapshot>((resolve, reject) => {
      const sentAt = localNow();
      connection.socket.timeout(8000).emit('hall:subscribe', { hallId }, (err, raw) => {
        if (err) return reject(new AckError({ code: 'internal_error', message: 'timeout' }));
        const ack = raw as { ok: true; data: HallSnapshot } | { ok: false; error: ErrorBody };
        if (!ack.ok) return reject(new AckError(ack.error));
        clock.sync(ack.data.serverTime, sentAt, localNow());
        error.set(null);
        resolve(ack.data);
      });
    });

  const sync = createHallSync<HallSnapshot, HallFact>({
    fetchSnapshot,
    applyFact: applyHallFact,
    ...(opts.reorderWindowMs !== undefined && { reorderWindowMs: opts.reorderWindowMs }),
    onError(err) {
      const body = err instanceof AckError ? err.body : { code: 'internal_error' as const, message: 'internal_error' };
      if (body.code === 'unauthenticated') return opts.onUnauthorised();
      error.set(body);
      // Try again a little later while still connected; a reconnect resyncs anyway.
      if (retry === null && !disposed) {
        retry = setTimeout(() => {
          retry = null;
          if (!disposed && connection.socket.connected) void sync.resync();
        }, opts.retryMs ?? 3000);
      }
    },
  });

  const onFact = (fact: HallFact) => {
    if (fact.hallId === hallId) sync.receive(fact);
  };
  connection.socket.on('hall:fact', onFact);
  const onBeat = (beat: HallSeqBeat) => {
    if (beat.hallId === hallId) sync.beat(beat);
  };
  connection.socket.on('hall:seq', onBeat);
  const offConnected = connection.onConnected(() => void sync.resync());

  let everOnline = connection.state.get() === 'online';
  const badge = createStore<Badge>('connecting');
  const online = createStore(false);
  const recompute = () => {
    const state = connection.state.get();
    if (state === 'online') everOnline = true;
    badge.set(badgeFor(state, everOnline, sync.status.get(), browserOnline.get()));
    online.set(state === 'online');
    if (state === 'unauthorised') opts.onUnauthorised();
  };
  const unsubs = [connection.state.subscribe(recompute), sync.status.subscribe(recompute), browserOnline.subscribe(recompute)];
  recompute();

  return {
    hallId,
    sync,
    sender: createCommandSender(connection.socket),
    caseSender: createCommandSender(connection.socket),
    badge,
    online,
    error,
    dispose() {
      disposed = true;
      if (retry !== null) clearTimeout(retry);
      offConnected();
      for (const u of unsubs) u();
      connection.socket.off('hall:fact', onFact);
      connection.socket.off('hall:seq', onBeat);
      connection.close();
    },
  };
}
