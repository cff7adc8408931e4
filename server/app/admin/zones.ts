import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { zones } from '../../../db/schema';
import type { zoneCreate, zoneUpdate } from '../../protocol/schemas';
import type { ZoneView } from '../../protocol/views';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import { mapConstraintErrors } from '../db-errors';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';
import { presentZone } from '../presenters';
import { runCommand } from '../run-command';
import { refuseDeletingZoneInUse } from './in-use';
import { namedFields, namesAny } from './patch';

export async function listZones(deps: AppDeps, actor: Actor, hallId: string): Promise<ZoneView[]> {
  authorize(actor, 'zone:list', { hallId });
  const rows = await deps.db.select().from(zones).where(eq(zones.hallId, hallId)).orderBy(zones.sortOrder);
  return rows.map(presentZone);
}

export async function saveZone(
  deps: AppDeps,
  actor: Actor,
  hallId: string,
  zoneId: string | null,
  input: z.output<typeof zoneCreate> | z.output<typeof zoneUpdate>,
): Promise<ZoneView> {
  authorize(actor, 'zone:save', { hallId });
  return runCommand(deps, { name: 'zone:save', hallId, actor }, async ({ tx, emit }) => {
    await loadHall(tx, hallId);
    const fields = namedFields(input);
    const mine = zoneId ? and(eq(zones.id, zoneId), eq(zones.hallId, hallId)) : undefined;
    const rows = await mapConstraintErrors('A zone with this code', () =>
      !zoneId
        ? tx.insert(zones).values({ ...(input as z.output<typeof zoneCreate>), hallId }).returning()
        : namesAny(fields)
          ? tx.update(zones).set(fields).where(mine).returning()
          : tx.select().from(zones).where(mine),
    );
    if (!rows[0]) throw new AppError('not_found', 'Zone not found');
    emit({ type: 'hall:configured', data: { what: 'zone', id: rows[0].id } });
    return presentZone(rows[0]);
  });
}

export async function deleteZone(deps: AppDeps, actor: Actor, hallId: string, zoneId: string): Promise<void> {
  authorize(actor, 'zone:save', { hallId });
  await runCommand(deps, { name: 'zone:delete', hallId, actor }, async ({ tx, emit }) => {
    const [zone] = await tx.select().from(zones).where(and(eq(zones.id, zoneId), eq(zones.hallId, hallId))).for('update');
    if (!zone) throw new AppError('not_found', 'Zone not found');
    await refuseDeletingZoneInUse(tx, zoneId);
    await tx.delete(zones).where(eq(zones.id, zoneId));
    emit({ type: 'hall:configured', data: { what: 'zone-deleted', id: zoneId, code: zone.code, name: zone.name } });
  });
}
