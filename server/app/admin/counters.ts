import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../db/client';
import { counterMatters, counters, matters, zones } from '../../../db/schema';
import type { counterCreate, counterUpdate } from '../../protocol/schemas';
import type { CounterView } from '../../protocol/views';
import { requireAdmin, requireHall, requireStaff, type Actor } from '../actor';
import { AppError } from '../app-error';
import { mapConstraintErrors } from '../db-errors';
import type { AppDeps } from '../deps';
import { counterView, counterViews, loadHall } from '../loaders';
import { runCommand } from '../run-command';

export async function listCounters(deps: AppDeps, actor: Actor, hallId: string): Promise<CounterView[]> {
  requireStaff(actor);
  requireHall(actor, hallId);
  return counterViews(deps.db, eq(counters.hallId, hallId));
}

export async function saveCounter(
  deps: AppDeps,
  actor: Actor,
  hallId: string,
  counterId: string | null,
  input: z.output<typeof counterCreate> | z.output<typeof counterUpdate>,
): Promise<CounterView> {
  requireAdmin(actor);
  return runCommand(deps, { name: 'counter:save', hallId, actor }, async ({ tx, emit }) => {
    await loadHall(tx, hallId);
    if (input.zoneId) {
      const [zone] = await tx.select().from(zones).where(and(eq(zones.id, input.zoneId), eq(zones.hallId, hallId)));
      if (!zone) throw new AppError('validation_failed', 'The zone does not belong to this hall', { zoneId: 'unknown zone' });
    }
    const { matterIds, preferredMatterIds, ...fields } = input;
    const rows = await mapConstraintErrors('A counter with this number', () =>
      counterId
        ? tx.update(counters).set(fields).where(and(eq(counters.id, counterId), eq(counters.hallId, hallId))).returning()
        : tx
            .insert(counters)
            .values({ ...(fields as Omit<z.output<typeof counterCreate>, 'matterIds' | 'preferredMatterIds'>), hallId })
            .returning(),
    );
    const row = rows[0];
    if (!row) throw new AppError('not_found', 'Counter not found');
    if (matterIds) await setCounterMatters(tx, hallId, row.id, matterIds, preferredMatterIds ?? []);
    const view = await counterView(tx, row.id);
    emit({ type: 'hall:configured', counter: view, data: { what: 'counter' } });
    return view;
  });
}

/** Replaces the matters a counter is authorised for (also used for tidal counters, 潮汐窗口). */
export async function setCounterMatters(tx: Tx, hallId: string, counterId: string, matterIds: string[], preferred: string[]): Promise<void> {
  const unique = [...new Set(matterIds)];
  if (unique.length) {
    const found = await tx.select({ id: matters.id }).from(matters).where(and(inArray(matters.id, unique), eq(matters.hallId, hallId)));
    if (found.length !== unique.length) {
      throw new AppError('validation_failed', 'Some matters do not belong to this hall', { matterIds: 'unknown matter' });
    }
  }
  await tx.delete(counterMatters).where(eq(counterMatters.counterId, counterId));
  if (unique.length) {
    await tx.insert(counterMatters).values(unique.map((matterId) => ({ counterId, matterId, preferred: preferred.includes(matterId) })));
  }
}
