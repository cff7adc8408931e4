/**
 * Concurrent issues of one hall share the people-ahead forecast: one read of the queue and one
 * simulation serve every ticket whose forecast was asked for before that read started
 * (queue-position.ts: queuePositions). A request that arrives while a read is in flight waits for
 * the next one, which starts after it — so every forecast reads a queue that already holds its
 * ticket (the issue asks only after its commit). Each round reads the database afresh; what the
 * node keeps between rounds (the hall's parsed queue, queue-position.ts readReusingQueue) is used
 * only as far as that read's event seq shows nothing but new tickets since, so any number of
 * nodes stay exact. At 500 waiting one forecast is a few ms of CPU; four kiosks issuing at once
 * then pay for it about once instead of four times.
 *
 * A round also waits (at most LINGER_MS) for the hall's issues that this node has in flight when
 * it would start — transactions that will commit within a few ms, each then asking for the same
 * forecast — so that they share it instead of each starting a round of its own right after: the
 * hall's issues serialise on its numbering row anyway, and while one commits the next is already
 * in its transaction. With no other issue of the hall in flight (a hall's usual pace, a few a
 * minute) a round starts at once.
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

/** Per database handle, per hall: the issues in their issuing transaction on this node. */
const issuing = new WeakMap<Db, Map<string, Set<Promise<void>>>>();

/** The longest a round waits for the hall's issues in flight. */
const LINGER_MS = 20;

/**
 * Marks an issue of the hall as in flight until the returned function is called — which the issue
 * does right after it has asked for its forecast (or failed), so a round that waited for it finds
 * its request queued.
 */
export function issueInFlight(db: Db, hallId: string): () => void {
  let perDb = issuing.get(db);
  if (!perDb) issuing.set(db, (perDb = new Map()));
  let flights = perDb.get(hallId);
  if (!flights) perDb.set(hallId, (flights = new Set()));
  let end!: () => void;
  const flight = new Promise<void>((resolve) => (end = resolve));
  flights.add(flight);
  const set = flights;
  return () => {
    set.delete(flight);
    if (set.size === 0 && perDb.get(hallId) === set) perDb.delete(hallId);
    end();
  };
}

/** Waits until the hall's issues in flight now have asked for their forecast, or LINGER_MS. */
async function lingerForIssues(db: Db, hallId: string): Promise<void> {
  const flights = issuing.get(db)?.get(hallId);
  if (!flights || flights.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all([...flights]), new Promise<void>((resolve) => (timer = setTimeout(resolve, LINGER_MS)))]);
  clearTimeout(timer);
}

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
    await lingerForIssues(db, hallId);
    const round = batch.queued.splice(0);
    try {
      // The hall's settings as the round's latest issue read them, never those of the batch's first.
      const hall = round[round.length - 1]!.hall;
      const positions = await queuePositions(db, { hallId, serviceDate, hall }, round.map((w) => w.target), clock.now(), { reuse: db });
      round.forEach((w, i) => w.resolve(positions[i]!));
    } catch (err) {
      for (const w of round) w.reject(err);
    }
  }
}
