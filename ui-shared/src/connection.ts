/**
 * One socket per page. Exposes the connection state for an always-visible badge, resyncs the
 * subscribed hall on every (re)connect, and reloads the page when the server's protocol changes.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerHello, ServerToClientEvents } from '../../server/protocol/events';
import { PROTOCOL_VERSION } from '../../server/protocol/version';
import { createStore, type Store } from './store';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'unauthorised';

export interface Connection {
  socket: ClientSocket;
  state: Store<ConnectionState>;
  hello: Store<ServerHello | null>;
  onConnected(fn: () => void): () => void;
  close(): void;
}

export interface ConnectOptions {
  url?: string;
  token: string;
  /** Called when the server speaks another protocol version (default: reload the page). */
  onProtocolChange?: (serverVersion: number) => void;
  /** Delay before reconnecting after the server closed the connection itself (default 1 s). */
  serverDisconnectRetryMs?: number;
}

export function connect(opts: ConnectOptions): Connection {
  const socket: ClientSocket = io(opts.url ?? '', {
    auth: { token: opts.token },
    transports: ['websocket', 'polling'],
    reconnection: true,
    reconnectionDelay: 500,
    // At most ~3 s (2 s ± 50 % jitter) between tries: a screen is back within seconds of its node (docs/faults.md).
    reconnectionDelayMax: 2000,
  });
  const state = createStore<ConnectionState>('connecting');
  const hello = createStore<ServerHello | null>(null);
  const listeners = new Set<() => void>();
  let closed = false;
  socket.on('server:hello', (h) => {
    hello.set(h);
    if (h.protocolVersion !== PROTOCOL_VERSION) {
      (opts.onProtocolChange ?? (() => globalThis.location?.reload()))(h.protocolVersion);
      return;
    }
    state.set('online');
    for (const l of [...listeners]) l();
  });
  socket.on('disconnect', (reason) => {
    state.set('offline');
    // A server that shuts down (a restart, a deploy) disconnects every socket on purpose, and socket.io
    // then does not reconnect by itself: try again, so unattended screens come back on their own.
    if (reason === 'io server disconnect') setTimeout(() => !closed && !socket.connected && socket.connect(), opts.serverDisconnectRetryMs ?? 1000);
  });
  socket.on('connect_error', (err) => {
    if (err.message === 'unauthenticated') {
      state.set('unauthorised');
      socket.disconnect();
    } else {
      state.set('offline');
    }
  });
  return {
    socket,
    state,
    hello,
    onConnected(fn) {
      listeners.add(fn);
      if (state.get() === 'online') fn();
      return () => listeners.delete(fn);
    },
    close: () => {
      closed = true;
      socket.close();
    },
  };
}
