/**
 * Sending commands: each gets a fresh commandId, a timeout, and an in-flight guard so a double
 * click (or a held-down shortcut key) sends one command. A retry after a timeout reuses the same
 * commandId, so the server applies it at most once.
 */
import type { Ack, ErrorBody } from '../../server/protocol/errors';
import type { ClientToServerEvents } from '../../server/protocol/events';
import { createStore, type Store } from './store';

export interface CommandSender {
  busy: Store<string | null>;
  send<T>(event: keyof ClientToServerEvents, payload: Record<string, unknown>): Promise<Ack<T>>;
}

interface EmitterLike {
  connected: boolean;
  timeout(ms: number): { emit(event: string, payload: unknown, cb: (err: Error | null, ack: unknown) => void): void };
}

export function newCommandId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

const offline: ErrorBody = { code: 'internal_error', message: 'offline' };

export function createCommandSender(socket: EmitterLike, opts: { timeoutMs?: number; retries?: number } = {}): CommandSender {
  const busy = createStore<string | null>(null);
  const timeoutMs = opts.timeoutMs ?? 5000;
  const retries = opts.retries ?? 1;

  function emitOnce<T>(event: string, payload: unknown): Promise<Ack<T> | 'timeout'> {
    return new Promise((resolve) => {
      socket.timeout(timeoutMs).emit(event, payload, (err, ack) => resolve(err ? 'timeout' : (ack as Ack<T>)));
    });
  }

  return {
    busy,
    async send<T>(event: keyof ClientToServerEvents, payload: Record<string, unknown>): Promise<Ack<T>> {
      if (busy.get() !== null) return { ok: false, error: { code: 'conflict', message: 'busy' } };
      if (!socket.connected) return { ok: false, error: offline };
      busy.set(event);
      const body = { ...payload, commandId: newCommandId() };
      try {
        for (let attempt = 0; attempt <= retries; attempt++) {
          const r = await emitOnce<T>(event, body);
          if (r !== 'timeout') return r;
        }
        return { ok: false, error: { code: 'internal_error', message: 'timeout' } };
      } finally {
        busy.set(null);
      }
    },
  };
}
