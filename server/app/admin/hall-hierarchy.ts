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
    if (!parent) throw new AppError('validation_failed', 'The parent hall does not exist', { parentHallId: '上级大厅不存在' });
    if (parent.level !== PARENT_OF[level]) {
      throw new AppError('validation_failed', `A ${level.replace('_', ' ')} rolls up into a ${PARENT_OF[level]?.replace('_', ' ') ?? 'nothing'}`, {
        parentHallId: '上级大厅须高一级（区中心 → 街道中心 → 站点）',
      });
    }
  }
  if (!hallId) return;
  const children = await tx.select({ level: halls.level }).from(halls).where(eq(halls.parentHallId, hallId));
  if (children.some((c) => PARENT_OF[c.level] !== level)) {
    throw new AppError('in_use', 'This hall has halls under it that must stay one level down; move them first', { level: '下级大厅将不再比本大厅低一级，请先调整下级大厅' });
  }
}
