/**
 * Emitting facts to this process's own sockets (`io.local`), from the publisher (facts of this
 * node's commands) and from the fact bus (the other nodes' facts), and remembering, per hall room,
 * the highest seq this node has put in it. The seq beat (seq-heartbeat.ts) skips a room that
 * already heard its hall's last seq: every socket in it has that fact or a gap it sees itself
 * (docs/performance.md, "Fan-out, third pass").
 */
import { rooms as roomNames } from './rooms';

export type LocalEmitter = { local: unknown };
type Broadcast = { to(rooms: string[]): { emit(event: string, payload: unknown): void } };

const heard = new WeakMap<object, Map<string, number>>();

/** Per hall room (`hall:<id>:staff`, `hall:<id>:public`), the highest seq emitted in it on this node. */
export function heardSeqs(io: LocalEmitter): Map<string, number> {
  let m = heard.get(io);
  if (!m) heard.set(io, (m = new Map()));
  return m;
}

/** Remembers that `room` heard `seq` (a fact, or a beat naming it). */
export function noteHeard(io: LocalEmitter, room: string, seq: number): void {
  const m = heardSeqs(io);
  if ((m.get(room) ?? -1) < seq) m.set(room, seq);
}

export function emitLocal(io: LocalEmitter, to: string[], event: string, payload: unknown): void {
  (io.local as Broadcast).to(to).emit(event, payload);
  if (event !== 'hall:fact' && event !== 'public:fact') return;
  const { hallId, seq } = payload as { hallId?: unknown; seq?: unknown };
  if (typeof hallId !== 'string' || typeof seq !== 'number') return;
  const room = event === 'hall:fact' ? roomNames.hallStaff(hallId) : roomNames.hallPublic(hallId);
  if (to.includes(room)) noteHeard(io, room, seq);
}
