/**
 * The seq heartbeat (protocol/heartbeat.ts): every `intervalMs`, this process reads the last seq of
 * each hall that has sockets here (one indexed query) and tells those sockets — its own only
 * (`io.local`): the beat must not depend on the fan-out it is there to back up. A client behind
 * the beat catches up after its reorder window; a client on another service day re-snapshots.
 * An extra beat is sent just after each hall's local midnight so every screen rolls over at once.
 *
 * A room that already heard its hall's last seq on this node — the fact itself, or an earlier beat
 * naming it (local-facts.ts) — is not beaten again: each of its sockets has that fact, or saw a gap
 * before it and re-snapshots on its own, or joined later and read a snapshot after joining. Only a
 * room behind the database's seq (a fact this node never heard: the fan-out was down, a NOTIFY
 * failed) is beaten, plus every room on a new service day and, as a backstop, each hall's rooms
 * once every FULL_BEAT_EVERY beats, their turns spread over the halls. Beating every socket every
 * 3 s was a third of a node's socket writes at the city load (docs/performance.md, "Fan-out, third pass").
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { inArray } from 'drizzle-orm';
import { halls } from '../../db/schema';
import type { AppDeps } from '../app/deps';
import { instantAt, serviceDate } from '../domain/hall-time';
import type { HallSeqBeat } from '../protocol/heartbeat';
import { heardSeqs, noteHeard } from './local-facts';
import { rooms } from './rooms';
import type { IoServer } from './socket-server';

const HALL_ROOM = /^hall:(.+):(staff|public)$/;
/**
 * Socket writes per event-loop turn: a node's beat to 5,000 screens in one turn held the loop for
 * 50–150 ms (docs/performance.md, "What a screen socket costs"); in turns of this many writes,
 * commands and facts get in between.
 */
export const BEAT_WRITES_PER_TURN = 200;
/** Every hall's rooms are beaten at least once every this many beats (30 s at the default interval), in sync or not. */
export const FULL_BEAT_EVERY = 10;

/** A hall's turn for its backstop beat: fixed by its id, so the halls' turns spread over FULL_BEAT_EVERY beats. */
export function backstopTurn(hallId: string): number {
  let h = 0;
  for (let i = 0; i < hallId.length; i++) h = (h * 31 + hallId.charCodeAt(i)) | 0;
  return (h >>> 0) % FULL_BEAT_EVERY;
}

export interface SeqHeartbeat {
  /**
   * Sends a beat now: to every hall room of this node, in sync or not (e.g. when the fan-out has
   * just reconnected), or with `full` false as the timer does (only rooms behind, on a new day, or
   * whose backstop turn it is).
   */
  beatNow(full?: boolean): Promise<void>;
  stop(): void;
}

export function startSeqHeartbeat(io: IoServer, deps: AppDeps, opts: { intervalMs?: number; log: (msg: string, err: unknown) => void }): SeqHeartbeat {
  const intervalMs = opts.intervalMs ?? 3000;
  let stopped = false;
  let running: Promise<void> | null = null;
  let failing = false;
  let midnightTimer: ReturnType<typeof setTimeout> | null = null;
  let round = 0;
  let wantFull = false;
  /** Per hall, the service day its rooms were last beaten with: a new day is beaten whatever the seq. */
  let beatenDay = new Map<string, string>();

  function localHallIds(): string[] {
    const ids = new Set<string>();
    for (const room of io.of('/').adapter.rooms.keys()) {
      const m = HALL_ROOM.exec(room);
      if (m) ids.add(m[1]!);
    }
    return [...ids];
  }

  async function beat(full: boolean): Promise<void> {
    const ids = localHallIds();
    if (ids.length === 0) return;
    const now = deps.clock.now();
    const local = io.of('/').adapter.rooms;
    const heard = heardSeqs(io);
    const turn = round++ % FULL_BEAT_EVERY;
    const days = new Map<string, string>();
    const rows = await deps.db.select({ id: halls.id, seq: halls.eventSeq, timeZone: halls.timeZone }).from(halls).where(inArray(halls.id, ids));
    let nextMidnight = Infinity;
    // A city's halls share a time zone or a few: the service day and the next midnight once per zone.
    const zones = new Map<string, string>();
    let writes = 0;
    for (const row of rows) {
      if (writes >= BEAT_WRITES_PER_TURN) {
        writes = 0;
        await yieldToLoop();
        if (stopped) return;
      }
      let day = zones.get(row.timeZone);
      if (day === undefined) {
        day = serviceDate(now, row.timeZone);
        zones.set(row.timeZone, day);
        const tomorrow = serviceDate(new Date(instantAt(day, '23:59', row.timeZone).getTime() + 120_000), row.timeZone);
        nextMidnight = Math.min(nextMidnight, instantAt(tomorrow, '00:00', row.timeZone).getTime() - now.getTime());
      }
      days.set(row.id, day);
      const staffRoom = rooms.hallStaff(row.id);
      const publicRoom = rooms.hallPublic(row.id);
      const behind = (room: string) => local.has(room) && (heard.get(room) ?? -1) < row.seq;
      if (!full && beatenDay.get(row.id) === day && backstopTurn(row.id) !== turn && !behind(staffRoom) && !behind(publicRoom)) continue;
      const b: HallSeqBeat = { hallId: row.id, seq: row.seq, serviceDate: day };
      writes += (local.get(staffRoom)?.size ?? 0) + (local.get(publicRoom)?.size ?? 0);
      io.local.to([staffRoom, publicRoom]).emit('hall:seq', b);
      noteHeard(io, staffRoom, row.seq);
      noteHeard(io, publicRoom, row.seq);
    }
    beatenDay = days;
    if (nextMidnight < intervalMs && midnightTimer === null && !stopped) {
      midnightTimer = setTimeout(() => {
        midnightTimer = null;
        void beatNow();
      }, Math.max(0, nextMidnight) + 20);
      midnightTimer.unref?.();
    }
  }

  function beatNow(full = true): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      // A full beat asked for while one is running follows it (that one may have read the seqs before a reconnect).
      if (full) wantFull = true;
      return running;
    }
    running = beat(full)
      .then(
        () => {
          if (failing) opts.log('seq heartbeat: database reachable again', null);
          failing = false;
        },
        (err) => {
          if (!failing) opts.log('seq heartbeat: database unreachable (beats resume when it is back)', err);
          failing = true;
        },
      )
      .finally(() => {
        running = null;
        if (wantFull) {
          wantFull = false;
          void beatNow(true);
        }
      });
    return running;
  }

  const timer = setInterval(() => void beatNow(false), intervalMs);
  timer.unref?.();
  return {
    beatNow,
    stop() {
      stopped = true;
      clearInterval(timer);
      if (midnightTimer) clearTimeout(midnightTimer);
    },
  };
}
