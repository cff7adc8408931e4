/**
 * The waiting tickets a counter could call, bounded without changing the routing decision.
 * Within one partition (matter, priority class, with/without appointment, wait target, and
 * whether the deadline has passed at `now`) the policy orders tickets by wait start (the deadline,
 * the cap and the guard's "oldest first" are all monotone in it) and appointments by slot start
 * (within makeable or breached: the partition of the slot order splits on it too),
 * so the first K of each partition by those orders always contain the policy's pick, however long
 * the queue. K also leaves room for counters claiming the same tickets concurrently.
 */
import { and, eq, inArray, isNull, lte, notExists, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { tickets } from '../../db/schema';
import { statement } from './prepared';

export const PER_PARTITION = 50;

type Reader = Db | Tx;

const p = sql.placeholder;
/** uuid lists travel as one comma-separated text parameter: one statement text whatever their length. */
const uuidList = (name: string) => sql`string_to_array(${p(name)}::text, ',')::uuid[]`;

/** The ids the policy could pick: the first `perPartition` of every partition (see above). */
const candidateIds = (db: Reader) => {
  const t = tickets;
  const windowed = db
    .select({
      id: t.id,
      hasSlot: sql<boolean>`(${t.slotStart} IS NOT NULL)`.as('has_slot'),
      byWait: sql<number>`row_number() OVER (PARTITION BY ${t.matterId}, ${t.priority}, (${t.slotStart} IS NOT NULL), ${t.waitTargetMinutes}, (${t.waitStartAt} + ${t.waitTargetMinutes} * interval '1 minute' >= ${p('now')}::timestamptz) ORDER BY ${t.waitStartAt}, ${t.issuedAt}, ${t.number}, ${t.id})`.as('by_wait'),
      bySlot: sql<number>`row_number() OVER (PARTITION BY ${t.matterId}, ${t.priority}, (${t.waitStartAt} + ${t.waitTargetMinutes} * interval '1 minute' >= ${p('now')}::timestamptz) ORDER BY ${t.slotStart} NULLS LAST, ${t.id})`.as('by_slot'),
    })
    .from(t)
    .where(
      and(
        eq(t.hallId, p('hallId')),
        eq(t.serviceDate, p('serviceDate')),
        eq(t.status, 'waiting'),
        sql`${t.matterId} = ANY(${uuidList('matterIds')})`,
        or(isNull(t.targetCounterId), eq(t.targetCounterId, p('counterId'))),
      ),
    )
    .as('w');
  return db
    .select({ id: windowed.id })
    .from(windowed)
    .where(or(lte(windowed.byWait, p('perPartition')), and(eq(windowed.hasSlot, true), lte(windowed.bySlot, p('perPartition')))));
};

/**
 * The candidates' rows in the same statement (one snapshot: the window already kept only waiting
 * tickets), and none at all while the counter has a ticket in hand — the caller, holding the
 * counter's lock, then tells the two cases apart (call-next.ts).
 */
const candidates = statement('yc_call_candidates', (db) => {
  const inHand = db
    .select({ one: sql`1` })
    .from(tickets)
    .where(and(eq(tickets.counterId, p('counterId')), inArray(tickets.status, ['called', 'serving'])));
  return db
    .select()
    .from(tickets)
    .where(and(inArray(tickets.id, candidateIds(db)), notExists(inHand)));
});

/**
 * The waiting tickets `counterId` could call, or none while it has a ticket in hand. A claim
 * re-checks each one's status (newer commits: READ COMMITTED), so a row taken meanwhile is skipped.
 */
export async function loadCallCandidates(
  tx: Tx,
  q: { hallId: string; serviceDate: string; counterId: string; matterIds: string[]; now: Date },
  perPartition = PER_PARTITION,
): Promise<(typeof tickets.$inferSelect)[]> {
  return candidates(tx, {
    now: q.now.toISOString(),
    hallId: q.hallId,
    serviceDate: q.serviceDate,
    matterIds: q.matterIds.join(','),
    counterId: q.counterId,
    perPartition,
  });
}
