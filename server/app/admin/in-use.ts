/**
 * Refusals for deleting or disabling what is still in use, each with a message saying why:
 * a matter visitors are waiting for, a counter someone holds, a zone that still has counters,
 * matters, screens or ticket history.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { counters, devices, matters, staff, tickets } from '../../../db/schema';
import { AppError } from '../app-error';

const OPEN = ['waiting', 'called', 'serving', 'parked'] as const;

export async function refuseDisablingMatterInUse(tx: Tx, matterId: string): Promise<void> {
  const [open] = await tx
    .select({ n: count() })
    .from(tickets)
    .where(and(eq(tickets.matterId, matterId), inArray(tickets.status, [...OPEN])));
  if (open && open.n > 0) {
    throw new AppError('in_use', `${open.n} visitor(s) are waiting for or being served on this matter; serve or move them before disabling it`, {
      active: `${open.n} 位办事群众正在等候或办理此事项`,
    });
  }
}

export async function refuseDisablingHeldCounter(tx: Tx, counterId: string): Promise<void> {
  const [row] = await tx
    .select({ number: counters.number, staffName: staff.displayName })
    .from(counters)
    .leftJoin(staff, eq(staff.id, counters.staffId))
    .where(eq(counters.id, counterId));
  if (row?.staffName) {
    throw new AppError('in_use', `Counter ${row.number} is held by ${row.staffName}; they must leave it before it is disabled`, {
      active: `${row.number} 号窗口正由 ${row.staffName} 使用，请先退出窗口`,
    });
  }
}

export async function refuseDeletingZoneInUse(tx: Tx, zoneId: string): Promise<void> {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const [c, m, d, t] = await Promise.all([
    n(tx.select({ n: count() }).from(counters).where(eq(counters.zoneId, zoneId))),
    n(tx.select({ n: count() }).from(matters).where(eq(matters.zoneId, zoneId))),
    n(tx.select({ n: count() }).from(devices).where(eq(devices.zoneId, zoneId))),
    n(tx.select({ n: count() }).from(tickets).where(eq(tickets.zoneId, zoneId))),
  ]);
  const parts = [c && `${c} counter(s)`, m && `${m} matter(s)`, d && `${d} screen(s)`].filter(Boolean);
  const zh = [c && `${c} 个窗口`, m && `${m} 个事项`, d && `${d} 台设备`].filter(Boolean);
  if (parts.length) {
    throw new AppError('in_use', `This zone still has ${parts.join(', ')}; move or remove them first`, {
      active: `该服务区还有 ${zh.join('、')}，请先移走或删除`,
    });
  }
  if (t) {
    throw new AppError('in_use', 'Tickets were issued in this zone, and their history must stay; rename the zone instead', {
      active: '该服务区已发过号，须保留历史记录：请改名而不是删除',
    });
  }
}
