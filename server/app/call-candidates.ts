/**
 * The waiting tickets a counter could call, bounded without changing the routing decision.
 * Within one partition (matter, priority class, with/without appointment, wait target, and
 * whether the deadline has passed at `now`) the policy orders tickets by wait start (the deadline,
 * the cap and the guard's "oldest first" are all monotone in it) and appointments by slot start
 * (within makeable or breached: the partition of the slot order splits on it too),
 * so the first K of each partition by those orders always contain the policy's pick, however long
 * the queue. K also leaves room for counters claiming the same tickets concurrently.
 */
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { tickets } from '../../db/schema';

export const PER_PARTITION = 50;

export async function loadCallCandidates(
  tx: Tx,
  q: { hallId: string; serviceDate: string; counterId: string; matterIds: string[]; now: Date },
  perPartition = PER_PARTITION,
): Promise<(typeof tickets.$inferSelect)[]> {
  const t = tickets;
  const windowed = tx
    .select({
      id: t.id,
      hasSlot: sql<boolean>`(${t.slotStart} IS NOT NULL)`.as('has_slot'),
      byWait: sql<number>`row_number() OVER (PARTITION BY ${t.matterId}, ${t.priority}, (${t.slotStart} IS NOT NULL), ${t.waitTargetMinutes}, (${t.waitStartAt} + ${t.waitTargetMinutes} * interval '1 minute' >= ${q.now.toISOString()}::timestamptz) ORDER BY ${t.waitStartAt}, ${t.issuedAt}, ${t.number}, ${t.id})`.as('by_wait'),
      bySlot: sql<number>`row_number() OVER (PARTITION BY ${t.matterId}, ${t.priority}, (${t.waitStartAt} + ${t.waitTargetMinutes} * interval '1 minute' >= ${q.now.toISOString()}::timestamptz) ORDER BY ${t.slotStart} NULLS LAST, ${t.id})`.as('by_slot'),
    })
    .from(t)
    .where(
      and(
        eq(t.hallId, q.hallId),
        eq(t.serviceDate, q.serviceDate),
        eq(t.status, 'waiting'),
        inArray(t.matterId, q.matterIds),
        or(isNull(t.targetCounterId), eq(t.targetCounterId, q.counterId)),
      ),
    )
    .as('w');
  const ids = await tx
    .select({ id: windowed.id })
    .from(windowed)
    .where(or(lte(windowed.byWait, perPartition), and(eq(windowed.hasSlot, true), lte(windowed.bySlot, perPartition))));
  if (ids.length === 0) return [];
  // A new statement sees newer commits (READ COMMITTED): keep only rows still waiting.
  return tx.select().from(t).where(and(inArray(t.id, ids.map((r) => r.id)), eq(t.status, 'waiting')));
}
