import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { matters, zones } from '../../../db/schema';
import { waitTargetMinutes } from '../../domain/wait-target';
import type { matterCreate, matterUpdate } from '../../protocol/schemas';
import type { MatterView } from '../../protocol/views';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import { mapConstraintErrors } from '../db-errors';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';
import { presentHall, presentMatter } from '../presenters';
import { runCommand } from '../run-command';
import { linkComprehensiveCounters } from './comprehensive-counters';
import { refuseDisablingMatterInUse } from './in-use';
import { syncGuideMaterials, writeGuide } from './matter-guides';
import { namedFields, namesAny } from './patch';

export async function listMatters(deps: AppDeps, actor: Actor, hallId: string): Promise<MatterView[]> {
  authorize(actor, 'matter:list', { hallId });
  const hall = presentHall(await loadHall(deps.db, hallId));
  const rows = await deps.db.select().from(matters).where(eq(matters.hallId, hallId)).orderBy(matters.code);
  return rows
    .filter((m) => m.active || actor.kind === 'staff')
    .map((m) => presentMatter(m, waitTargetMinutes({ ...m, waitTargetMinutes: null }, hall.settings)));
}

export async function saveMatter(
  deps: AppDeps,
  actor: Actor,
  hallId: string,
  matterId: string | null,
  input: z.output<typeof matterCreate> | z.output<typeof matterUpdate>,
): Promise<MatterView> {
  authorize(actor, 'matter:save', { hallId });
  return runCommand(deps, { name: 'matter:save', hallId, actor }, async ({ tx, emit }) => {
    const hall = presentHall(await loadHall(tx, hallId));
    if (input.zoneId) {
      const [zone] = await tx.select().from(zones).where(and(eq(zones.id, input.zoneId), eq(zones.hallId, hallId)));
      if (!zone) throw new AppError('validation_failed', 'The zone does not belong to this hall', { zoneId: 'unknown zone' });
    }
    const { flags, guide, ...rest } = input;
    const noFlags = { zeroMaterial: false, fullyOnline: false, onTheSpot: false };
    const mine = matterId ? and(eq(matters.id, matterId), eq(matters.hallId, hallId)) : undefined;
    const [current] = matterId ? await tx.select().from(matters).where(mine).for('update') : [];
    if (matterId && !current) throw new AppError('not_found', 'Matter not found');
    if (current?.active && input.active === false) await refuseDisablingMatterInUse(tx, current.id);
    // Flags named in a PATCH change; the others keep their value.
    const fields = namedFields({ ...rest, ...(flags && { flags: { ...noFlags, ...current?.flags, ...flags } }) });
    const rows = await mapConstraintErrors('A matter with this code', () =>
      !matterId
        ? tx
            .insert(matters)
            .values({ ...(rest as Omit<z.output<typeof matterCreate>, 'flags'>), flags: { ...noFlags, ...flags }, hallId })
            .returning()
        : namesAny(fields)
          ? tx.update(matters).set(fields).where(mine).returning()
          : Promise.resolve([current!]),
    );
    const row = rows[0];
    if (!row) throw new AppError('not_found', 'Matter not found');
    if (guide) await writeGuide(tx, hallId, row, guide);
    else if (current && input.materials !== undefined) await syncGuideMaterials(tx, row.id, row.materials);
    if (!current || current.zoneId !== row.zoneId) await linkComprehensiveCounters(tx, hallId, { zoneId: row.zoneId });
    emit({ type: 'hall:configured', data: { what: 'matter', id: row.id } });
    const [saved] = guide ? await tx.select().from(matters).where(eq(matters.id, row.id)) : [row];
    return presentMatter(saved!, waitTargetMinutes({ ...saved!, waitTargetMinutes: null }, hall.settings));
  });
}
