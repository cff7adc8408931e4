/**
 * Which counters have a workstation connected right now. Presence is connection state, not a
 * database fact, so it takes no hall seq: staff sockets sit in `counter:<id>` rooms for the
 * counters they hold (joined on take and again after every reconnect), the set is read with one
 * adapter-aware fetchSockets (so it spans server processes), and changes go to the hall's staff
 * room as 'counter:presence'. A grace period rides over brief reconnects.
 */
import { and, eq, ne } from 'drizzle-orm';
import { counters } from '../../db/schema';
import type { AppDeps } from '../app/deps';
import { rooms } from './rooms';
import type { IoServer } from './socket-server';

type PresenceSocket = { id: string; data: { actor: { kind: string; id: string } }; join(room: string): unknown; leave(room: string): unknown; rooms: Set<string> };

const COUNTER_ROOM = /^counter:(.+)$/;

export interface Presence {
  /** Joins a staff socket to the rooms of the counters it holds; announces them online. */
  attach(socket: PresenceSocket): Promise<void>;
  took(socket: PresenceSocket, hallId: string, counterId: string): Promise<void>;
  released(socket: PresenceSocket, hallId: string, counterId: string): Promise<void>;
  /** Call on 'disconnecting', while socket.rooms still lists its rooms. */
  leaving(socket: PresenceSocket): void;
  online(counterIds: readonly string[]): Promise<string[]>;
  close(): void;
}

export function createPresence(io: IoServer, deps: AppDeps, opts: { graceMs?: number; log: (m: string, e: unknown) => void }): Presence {
  const graceMs = opts.graceMs ?? 5000;
  const hallOf = new Map<string, string>(); // counterId → hallId
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const announce = (hallId: string, counterId: string, online: boolean) =>
    io.to(rooms.hallStaff(hallId)).emit('counter:presence', { hallId, counterId, online });

  async function online(counterIds: readonly string[]): Promise<string[]> {
    if (counterIds.length === 0) return [];
    const roomNames = counterIds.map(rooms.counter);
    // Across nodes, but bounded: a node that cannot hear the others (fan-out reconnecting) answers from its own sockets.
    const sockets = await io
      .timeout(1500)
      .in(roomNames)
      .fetchSockets()
      .catch(() => io.local.in(roomNames).fetchSockets());
    const present = new Set<string>();
    for (const s of sockets) for (const r of s.rooms) {
      const m = COUNTER_ROOM.exec(r);
      if (m) present.add(m[1]!);
    }
    return counterIds.filter((id) => present.has(id));
  }

  return {
    async attach(socket) {
      if (socket.data.actor.kind !== 'staff') return;
      const held = await deps.db
        .select({ id: counters.id, hallId: counters.hallId })
        .from(counters)
        .where(and(eq(counters.staffId, socket.data.actor.id), ne(counters.status, 'closed')));
      for (const c of held) {
        hallOf.set(c.id, c.hallId);
        await socket.join(rooms.counter(c.id));
        announce(c.hallId, c.id, true);
      }
    },
    async took(socket, hallId, counterId) {
      hallOf.set(counterId, hallId);
      await socket.join(rooms.counter(counterId));
      announce(hallId, counterId, true);
    },
    async released(socket, hallId, counterId) {
      await socket.leave(rooms.counter(counterId));
      announce(hallId, counterId, false);
    },
    leaving(socket) {
      const held = [...socket.rooms].map((r) => COUNTER_ROOM.exec(r)?.[1]).filter((id): id is string => !!id);
      if (held.length === 0) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        online(held).then(
          (still) => {
            for (const id of held) {
              const hallId = hallOf.get(id);
              if (hallId && !still.includes(id)) announce(hallId, id, false);
            }
          },
          (err) => opts.log('presence check failed', err),
        );
      }, graceMs);
      timer.unref?.();
      timers.add(timer);
    },
    online,
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
