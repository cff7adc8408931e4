/**
 * The phone page's live socket (docs/cases.md "The phone page follows live"): the handshake carries
 * the ticket's progress token; on every (re)connect and on every nudge the page subscribes again
 * and takes the masked view the ack carries. A queue nudge reaches every waiting phone of the hall
 * at once, so each waits a random moment (up to `queueSpreadMs`) before it asks. While the socket
 * is up the store polls only as a safety net; when it is down, at the fallback rate. A token the
 * server does not know ends the socket (the poll then shows "not found"); nothing retries it.
 */
import type { Ack } from '../../../server/protocol/errors';
import type { ProgressNudge, ServerHello } from '../../../server/protocol/events';
import type { ProgressView } from '../../../server/protocol/progress';
import { PROTOCOL_VERSION } from '../../../server/protocol/version';
import type { ProgressStore } from './progress-store';

/** The slice of a socket.io client this needs (a fake in tests). */
export interface ProgressSocket {
  on(event: 'server:hello', fn: (hello: ServerHello) => void): unknown;
  on(event: 'progress:nudge', fn: (nudge: ProgressNudge) => void): unknown;
  on(event: 'disconnect', fn: () => void): unknown;
  on(event: 'connect_error', fn: (err: Error) => void): unknown;
  emit(event: 'progress:subscribe', input: Record<string, never>, ack: (ack: Ack<ProgressView>) => void): unknown;
  disconnect(): unknown;
}

export interface LiveOptions {
  setTimer(fn: () => void, ms: number): unknown;
  random(): number;
  queueSpreadMs?: number;
  /** The server speaks another protocol: reload the page (default). */
  onProtocolChange?: () => void;
}

export function followLive(socket: ProgressSocket, store: ProgressStore, opts: LiveOptions): void {
  const spread = opts.queueSpreadMs ?? 1500;
  let pending = false;
  const subscribe = () => {
    pending = false;
    socket.emit('progress:subscribe', {}, (ack) => {
      if (ack.ok) store.receive(ack.data);
      else void store.refresh();
    });
  };
  socket.on('server:hello', (hello) => {
    if (hello.protocolVersion !== PROTOCOL_VERSION) return (opts.onProtocolChange ?? (() => globalThis.location?.reload()))();
    store.setLive(true);
    subscribe();
  });
  socket.on('progress:nudge', (nudge) => {
    if (nudge.reason !== 'queue') return subscribe();
    // Nudges that arrive while one is pending fold into it.
    if (pending) return;
    pending = true;
    opts.setTimer(subscribe, Math.floor(opts.random() * spread));
  });
  socket.on('disconnect', () => store.setLive(false));
  socket.on('connect_error', (err) => {
    store.setLive(false);
    if (err.message === 'unauthenticated') socket.disconnect();
  });
}
