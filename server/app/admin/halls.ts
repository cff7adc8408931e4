import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { halls } from '../../../db/schema';
import { DEFAULT_HALL_SETTINGS } from '../../domain/wait-target';
import type { hallCreate, hallUpdate } from '../../protocol/schemas';
import type { HallView } from '../../protocol/views';
import { authorize, may, type Actor } from '../actor';
import { mapConstraintErrors } from '../db-errors';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';
import { AppError } from '../app-error';
import { checkHallPlace } from './hall-hierarchy';
import { presentHall } from '../presenters';
import { runCommand } from '../run-command';
import { namedFields, namesAny } from './patch';

export async function listHalls(deps: AppDeps, actor: Actor): Promise<HallView[]> {
  authorize(actor, 'hall:list');
  const rows = await deps.db.select().from(halls).orderBy(halls.code);
  return rows.filter((h) => may(actor, 'hall:list', { hallId: h.id })).map(presentHall);
}

export async function createHall(deps: AppDeps, actor: Actor, input: z.output<typeof hallCreate>): Promise<HallView> {
  authorize(actor, 'hall:create');
  return deps.db.transaction(async (tx) => {
    await checkHallPlace(tx, null, input.level, input.parentHallId);
    const [row] = await mapConstraintErrors('A hall with this code', () =>
      tx
        .insert(halls)
        // Not on the public booking page until an administrator publishes it (settings.bookingPublished).
        .values({ ...input, settings: { ...DEFAULT_HALL_SETTINGS, bookingPublished: false, ...input.settings } })
        .returning(),
    );
    return presentHall(row!);
  });
}

export async function updateHall(deps: AppDeps, actor: Actor, hallId: string, input: z.output<typeof hallUpdate>): Promise<HallView> {
  authorize(actor, 'hall:update', { hallId });
  return runCommand(deps, { name: 'hall:update', hallId, actor }, async ({ tx, emit }) => {
    const current = await loadHall(tx, hallId);
    if (input.level !== undefined || input.parentHallId !== undefined) {
      if (input.parentHallId === hallId) throw new AppError('validation_failed', 'A hall cannot roll up into itself', { parentHallId: 'not itself' });
      await checkHallPlace(tx, hallId, input.level ?? current.level, input.parentHallId === undefined ? current.parentHallId : input.parentHallId);
    }
    const { settings, ...rest } = input;
    // Settings named in a PATCH change; the others keep their value.
    const fields = namedFields({ ...rest, ...(settings && { settings: { ...DEFAULT_HALL_SETTINGS, ...current.settings, ...settings } }) });
    const [row] = namesAny(fields)
      ? await mapConstraintErrors('A hall with this code', () => tx.update(halls).set(fields).where(eq(halls.id, hallId)).returning())
      : [current];
    emit({ type: 'hall:configured', data: { what: 'hall' } });
    return presentHall(row!);
  });
}
