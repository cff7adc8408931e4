/**
 * 综合窗口: a comprehensive counter serves every matter of its zone (every matter of the hall when it
 * has no zone), including matters added or moved there later. This adds the missing links; matters
 * it was given from other zones stay.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { counterMatters, counters, matters } from '../../../db/schema';

/** For one counter, or for every comprehensive counter whose zone the given zone is (or hall-wide ones). */
export async function linkComprehensiveCounters(tx: Tx, hallId: string, scope: { counterId: string } | { zoneId: string }): Promise<void> {
  const which: SQL | undefined =
    'counterId' in scope ? eq(counters.id, scope.counterId) : sql`(${counters.zoneId} = ${scope.zoneId} OR ${isNull(counters.zoneId)})`;
  const targets = await tx
    .select({ id: counters.id, zoneId: counters.zoneId })
    .from(counters)
    .where(and(eq(counters.hallId, hallId), eq(counters.type, 'comprehensive'), which));
  for (const c of targets) {
    const ids = await tx
      .select({ id: matters.id })
      .from(matters)
      .where(and(eq(matters.hallId, hallId), c.zoneId ? eq(matters.zoneId, c.zoneId) : undefined));
    if (ids.length === 0) continue;
    await tx
      .insert(counterMatters)
      .values(ids.map((m) => ({ counterId: c.id, matterId: m.id })))
      .onConflictDoNothing();
  }
}
