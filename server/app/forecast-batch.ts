/**
 * Concurrent issues of one hall share the people-ahead forecast: one read of the queue and one
 * simulation serve every ticket whose forecast was asked for before that read started
 * (queue-position.ts: queuePositions). A request that arrives while a read is in flight waits for
 * the next one, which starts after it — so every forecast reads a queue that already holds its
 * ticket (the issue asks only after its commit), and nothing is cached: each round reads the
 * database afresh, on any number of nodes. At 500 waiting one forecast is a few ms of CPU; four
 * kiosks issuing at once then pay for it about once instead of four times.
 */
import type { Db } from '../../db/client';
import type { Clock } from '../domain/clock';
import type { HallView } from '../protocol/views';
import { queuePositions, type PositionTarget, type QueuePosition } from './queue-position';

interface Waiter {
  target: PositionTarget;
  hall: HallView;
  resolve(position: QueuePosition): void;
  reject(err: unknown): void;
}

interface Batch {
  queued: Waiter[];
}

/** Per database handle, per hall and service date: the requests waiting for the next round. */
const batches = new WeakMap<Db, Map<string, Batch>>();

export interface ForecastScope {
  hallId: string;
  serviceDate: string;
  /** The hall as its issuing transaction read it (settings of the rule). */
  hall: HallView;
}

export function batchedQueuePosition(db: Db, clock: Clock, scope: ForecastScope, target: PositionTarget): Promise<QueuePosition> {
  let perDb = batches.get(db);
  if (!perDb) batches.set(db, (perDb = new Map()));
  const key = `${scope.hallId}|${scope.serviceDate}`;
  const running = perDb.get(key);
  const batch = running ?? { queued: [] };
  const position = new Promise<QueuePosition>((resolve, reject) => batch.queued.push({ target, hall: scope.hall, resolve, reject }));
  if (!running) {
    perDb.set(key, batch);
    void drain(db, clock, scope.hallId, scope.serviceDate, batch, () => perDb.delete(key));
  }
  return position;
}

/**
 * Rounds until nobody waits: each takes every request queued so far and answers them from one
 * read. `done` runs in the same synchronous step as the last empty check, so a request never
 * joins a batch that has stopped.
 */
async function drain(db: Db, clock: Clock, hallId: string, serviceDate: string, batch: Batch, done: () => void): Promise<void> {
  for (;;) {
    if (batch.queued.length === 0) return done();
    const round = batch.queued.splice(0);
    try {
      // The hall's settings as the round's latest issue read them, never those of the batch's first.
      const hall = round[round.length - 1]!.hall;
      const positions = await queuePositions(db, { hallId, serviceDate, hall }, round.map((w) => w.target), clock.now());
      round.forEach((w, i) => w.resolve(positions[i]!));
    } catch (err) {
      for (const w of round) w.reject(err);
    }
  }
}
