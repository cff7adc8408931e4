/** Bulk set-up for load tests: many counters with signed-in staff, many waiting tickets. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { counterMatters, counters, staff, tickets } from '../../db/schema';
import type { StaffActor } from '../../server/app/actor';
import { staffActor } from '../../server/app/auth';

export async function openCounters(db: Db, hallId: string, matterIds: string[], n: number, firstNumber = 100) {
  const result: { counterId: string; actor: StaffActor }[] = [];
  for (let i = 0; i < n; i++) {
    const [s] = await db
      .insert(staff)
      .values({ username: `load${firstNumber + i}`, displayName: `Load ${i}`, role: 'staff', hallIds: [hallId], passwordHash: 'x' })
      .returning();
    const [c] = await db
      .insert(counters)
      .values({ hallId, number: firstNumber + i, name: `Load ${i}`, type: 'comprehensive', status: 'open', staffId: s!.id })
      .returning();
    await db.insert(counterMatters).values(matterIds.map((matterId) => ({ counterId: c!.id, matterId })));
    result.push({ counterId: c!.id, actor: staffActor(s!) });
  }
  return result;
}

export async function insertWaitingTickets(
  db: Db,
  m: { hallId: string; zoneId: string; matterId: string; prefix: string },
  serviceDate: string,
  start: Date,
  n: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; offset < n; offset += 500) {
    const rows = Array.from({ length: Math.min(500, n - offset) }, (_, k) => {
      const i = offset + k + 1;
      const at = new Date(start.getTime() + i * 1000);
      return {
        hallId: m.hallId,
        zoneId: m.zoneId,
        matterId: m.matterId,
        serviceDate,
        prefix: m.prefix,
        seqNo: i,
        number: `${m.prefix}${String(i).padStart(4, '0')}`,
        status: 'waiting' as const,
        source: 'kiosk' as const,
        issuedAt: at,
        waitStartAt: at,
        waitTargetMinutes: 10,
        token: randomBytes(18).toString('base64url'),
      };
    });
    const inserted = await db.insert(tickets).values(rows).returning({ id: tickets.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}
