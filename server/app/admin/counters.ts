import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../db/client';
import { counterMatters, counters, matters, zones } from '../../../db/schema';
import type { counterCreate, counterUpdate } from '../../protocol/schemas';
import type { CounterView } from '../../protocol/views';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import { mapConstraintErrors } from '../db-errors';
import type { AppDeps } from '../deps';
import { counterView, counterViews, loadHall } from '../loaders';
import { runCommand } from '../run-command';
import { linkComprehensiveCounters } from './comprehensive-counters';
import { refuseDisablingHeldCounter } from './in-use';
import { namedFields, namesAny } from './patch';

export async function listCounters(deps: AppDeps, actor: Actor, hallId: string): Promise<CounterView[]> {
  authorize(actor, 'counter:list', { hallId });
  return counterViews(deps.db, eq(counters.hallId, hallId));
}

type CounterInput = z.output<typeof counterCreate> | z.output<typeof counterUpdate>;

export async function saveCounter(deps: AppDeps, actor: Actor, hallId: string, counterId: string | null, input: CounterInput): Promise<CounterView> {
  authorize(actor, 'counter:save', { hallId });
  return runCommand(deps, { name: 'counter:save', hallId, actor }, async ({ tx, emit }) => {
    await loadHall(tx, hallId);
    if (input.zoneId) {
      const [zone] = await tx.select().from(zones).where(and(eq(zones.id, input.zoneId), eq(zones.hallId, hallId)));
      if (!zone) throw new AppError('validation_failed', 'The zone does not belong to this hall', { zoneId: 'unknown zone' });
    }
    const { matterIds, preferredMatterIds, ...rest } = input;
    const fields = namedFields(rest);
    if (counterId && fields.active === false) await refuseDisablingHeldCounter(tx, counterId);
    const id = counterId ? await updateCounterRow(tx, hallId, counterId, fields) : await insertCounterRow(tx, hallId, fields as NewCounterFields);
    if (matterIds) await setCounterMatters(tx, hallId, id, matterIds, preferredMatterIds ?? []);
    await linkComprehensiveCounters(tx, hallId, { counterId: id });
    if (!matterIds && preferredMatterIds) await setPreferredMatters(tx, id, preferredMatterIds);
    const view = await counterView(tx, id);
    emit({ type: 'hall:configured', counter: view, data: { what: 'counter', fields: Object.keys(input) } });
    return view;
  });
}

type NewCounterFields = Omit<z.output<typeof counterCreate>, 'matterIds' | 'preferredMatterIds'>;

async function insertCounterRow(tx: Tx, hallId: string, fields: NewCounterFields): Promise<string> {
  const [row] = await mapConstraintErrors('A counter with this number', () => tx.insert(counters).values({ ...fields, hallId }).returning({ id: counters.id }));
  return row!.id;
}

async function updateCounterRow(tx: Tx, hallId: string, counterId: string, fields: Partial<NewCounterFields>): Promise<string> {
  const where = and(eq(counters.id, counterId), eq(counters.hallId, hallId));
  const rows = namesAny(fields)
    ? await mapConstraintErrors('A counter with this number', () => tx.update(counters).set(fields).where(where).returning({ id: counters.id }))
    : await tx.select({ id: counters.id }).from(counters).where(where).for('update');
  if (!rows[0]) throw new AppError('not_found', 'Counter not found');
  return rows[0].id;
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
  refuseStrayPreferred(unique, preferred);
  await tx.delete(counterMatters).where(eq(counterMatters.counterId, counterId));
  if (unique.length) {
    await tx.insert(counterMatters).values(unique.map((matterId) => ({ counterId, matterId, preferred: preferred.includes(matterId) })));
  }
}

/** Only the preferred marks change; the authorised matters stay as they are. */
async function setPreferredMatters(tx: Tx, counterId: string, preferred: string[]): Promise<void> {
  const links = await tx.select({ matterId: counterMatters.matterId }).from(counterMatters).where(eq(counterMatters.counterId, counterId));
  refuseStrayPreferred(
    links.map((l) => l.matterId),
    preferred,
  );
  await tx.update(counterMatters).set({ preferred: false }).where(eq(counterMatters.counterId, counterId));
  if (preferred.length) {
    await tx
      .update(counterMatters)
      .set({ preferred: true })
      .where(and(eq(counterMatters.counterId, counterId), inArray(counterMatters.matterId, preferred)));
  }
}

function refuseStrayPreferred(authorised: string[], preferred: string[]): void {
  if (preferred.some((id) => !authorised.includes(id))) {
    throw new AppError('validation_failed', 'A preferred matter must be one the counter is authorised for', {
      preferredMatterIds: 'not an authorised matter of this counter',
    });
  }
}
