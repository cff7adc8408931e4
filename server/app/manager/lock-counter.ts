/**
 * The manager commands on one counter (tidal matters, scheduled breaks) lock the counter row
 * first, so two managers' commands on the same counter run one after the other. Only an active
 * counter of this hall qualifies; anything else is `not_found`.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { counters } from '../../../db/schema';
import { AppError } from '../app-error';

export async function lockCounter(tx: Tx, hallId: string, counterId: string): Promise<typeof counters.$inferSelect> {
  const [counter] = await tx
    .select()
    .from(counters)
    .where(and(eq(counters.id, counterId), eq(counters.hallId, hallId)))
    .for('update');
  if (!counter || !counter.active) throw new AppError('not_found', 'Counter not found in this hall');
  return counter;
}
