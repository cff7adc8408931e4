/**
 * Sending commands: each gets a fresh commandId, a timeout, and an in-flight guard so a double
 * click (or a held-down shortcut key) sends one command. A retry after a timeout reuses the same
 * commandId, so the server applies it at most once.
 */
import type { CommandEvent, CommandInput, CommandResultOf } from '../../server/protocol/commands';
import type { Ack, ErrorBody } from '../../server/protocol/errors';
import { createStore, type Store } from './store';

/** What a command's sender passes: its input as server/protocol/commands.ts defines it, less the commandId the sender adds. */
export type CommandPayload<E extends CommandEvent> = Omit<CommandInput<E>, 'commandId'>;

/**
 * Typed by the command map: an event that is not a command, or a payload that is not its input,
 * does not compile (tests/protocol/command-types.test.ts); the ack carries the command's result.
 */
export interface CommandSender {
  busy: Store<string | null>;
  send<E extends CommandEvent>(event: E, payload: CommandPayload<E>): Promise<Ack<CommandResultOf<E>>>;
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
    async send<E extends CommandEvent>(event: E, payload: CommandPayload<E>): Promise<Ack<CommandResultOf<E>>> {
      type T = CommandResultOf<E>;
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
