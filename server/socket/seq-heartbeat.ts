/**
 * The seq heartbeat (protocol/heartbeat.ts): every `intervalMs`, this process reads the last seq of
 * each hall that has sockets here (one indexed query) and tells those sockets — its own only
 * (`io.local`): the beat must not depend on the fan-out it is there to back up. A client behind
 * the beat catches up after its reorder window; a client on another service day re-snapshots.
 * An extra beat is sent just after each hall's local midnight so every screen rolls over at once.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { inArray } from 'drizzle-orm';
import { halls } from '../../db/schema';
import type { AppDeps } from '../app/deps';
import { instantAt, serviceDate } from '../domain/hall-time';
import type { HallSeqBeat } from '../protocol/heartbeat';
import { rooms } from './rooms';
import type { IoServer } from './socket-server';

const HALL_ROOM = /^hall:(.+):(staff|public)$/;
/**
 * Socket writes per event-loop turn: a node's beat to 5,000 screens in one turn held the loop for
 * 50–150 ms (docs/performance.md, "What a screen socket costs"); in turns of this many writes,
 * commands and facts get in between.
 */
export const BEAT_WRITES_PER_TURN = 500;

export interface SeqHeartbeat {
  /** Sends a beat now (e.g. when the fan-out has just reconnected). */
  beatNow(): Promise<void>;
  stop(): void;
}

export function startSeqHeartbeat(io: IoServer, deps: AppDeps, opts: { intervalMs?: number; log: (msg: string, err: unknown) => void }): SeqHeartbeat {
  const intervalMs = opts.intervalMs ?? 3000;
  let stopped = false;
  let running: Promise<void> | null = null;
  let failing = false;
  let midnightTimer: ReturnType<typeof setTimeout> | null = null;

  function localHallIds(): string[] {
    const ids = new Set<string>();
    for (const room of io.of('/').adapter.rooms.keys()) {
      const m = HALL_ROOM.exec(room);
      if (m) ids.add(m[1]!);
    }
    return [...ids];
  }

  async function beat(): Promise<void> {
    const ids = localHallIds();
    if (ids.length === 0) return;
    const now = deps.clock.now();
    const local = io.of('/').adapter.rooms;
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
      const b: HallSeqBeat = { hallId: row.id, seq: row.seq, serviceDate: day };
      const staffRoom = rooms.hallStaff(row.id);
      const publicRoom = rooms.hallPublic(row.id);
      writes += (local.get(staffRoom)?.size ?? 0) + (local.get(publicRoom)?.size ?? 0);
      io.local.to([staffRoom, publicRoom]).emit('hall:seq', b);
    }
    if (nextMidnight < intervalMs && midnightTimer === null && !stopped) {
      midnightTimer = setTimeout(() => {
        midnightTimer = null;
        void beatNow();
      }, Math.max(0, nextMidnight) + 20);
      midnightTimer.unref?.();
    }
  }

  function beatNow(): Promise<void> {
    if (stopped) return Promise.resolve();
    running ??= beat()
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
      });
    return running;
  }

  const timer = setInterval(() => void beatNow(), intervalMs);
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
