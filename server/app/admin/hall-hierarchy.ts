/**
 * 1+12+X: one district centre, its street centres, their service points. A hall's parent must be
 * exactly one level up, so the hierarchy can never loop; its children must stay one level down.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { halls } from '../../../db/schema';
import type { HallLevel } from '../../protocol/views';
import { AppError } from '../app-error';

const PARENT_OF: Record<HallLevel, HallLevel | null> = {
  district_centre: null,
  street_centre: 'district_centre',
  service_point: 'street_centre',
};

export async function checkHallPlace(tx: Tx, hallId: string | null, level: HallLevel, parentHallId: string | null): Promise<void> {
  if (parentHallId) {
    const [parent] = await tx.select({ level: halls.level }).from(halls).where(eq(halls.id, parentHallId));
    if (!parent) throw new AppError('validation_failed', 'The parent hall does not exist', { parentHallId: 'unknown hall' });
    if (parent.level !== PARENT_OF[level]) {
      throw new AppError('validation_failed', `A ${level.replace('_', ' ')} rolls up into a ${PARENT_OF[level]?.replace('_', ' ') ?? 'nothing'}`, {
        parentHallId: 'the parent must be one level up',
      });
    }
  }
  if (!hallId) return;
  const children = await tx.select({ level: halls.level }).from(halls).where(eq(halls.parentHallId, hallId));
  if (children.some((c) => PARENT_OF[c.level] !== level)) {
    throw new AppError('in_use', 'This hall has halls under it that must stay one level down; move them first', { level: 'halls below would no longer fit' });
  }
}
