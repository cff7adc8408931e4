/** Bulk set-up for load tests: many counters with signed-in staff, many waiting tickets. */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { counterMatters, counters, matters, staff, tickets } from '../../db/schema';
import type { StaffActor } from '../../server/app/actor';
import { staffActor } from '../../server/app/auth';
import { callNext } from '../../server/app/call-next';
import type { AppDeps } from '../../server/app/deps';
import { issueTicket } from '../../server/app/issue-ticket';

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

/**
 * A hall under full load for screen tests: every counter in `numbers` (existing ones staffed and
 * opened, missing ones created with the hall's matters) calls a ticket of one of its matters, and
 * `waitingPerCounter` more tickets wait behind it. Goes through the real issue and call-next use cases.
 */
export async function loadHall(
  deps: AppDeps,
  hallId: string,
  numbers: readonly number[],
  opts: { waitingPerCounter?: number; zoneId?: string | null } = {},
): Promise<void> {
  const db = deps.db;
  const all = await db.select().from(matters).where(eq(matters.hallId, hallId));
  for (const number of numbers) {
    let [c] = await db.select().from(counters).where(and(eq(counters.hallId, hallId), eq(counters.number, number)));
    if (c?.status !== 'closed' && c?.staffId) continue; // already serving
    const [s] = await db
      .insert(staff)
      .values({ username: `hall${number}-${randomBytes(3).toString('hex')}`, displayName: `窗口${number}`, role: 'staff', hallIds: [hallId], passwordHash: 'x' })
      .returning();
    if (!c) {
      [c] = await db
        .insert(counters)
        .values({ hallId, zoneId: opts.zoneId ?? null, number, name: `综合受理窗口${number}`, type: 'comprehensive', status: 'open', staffId: s!.id })
        .returning();
      await db.insert(counterMatters).values(all.filter((m) => m.active).map((m) => ({ counterId: c!.id, matterId: m.id })));
    } else {
      await db.update(counters).set({ status: 'open', staffId: s!.id }).where(eq(counters.id, c.id));
    }
    const actor = staffActor(s!);
    const links = await db.select().from(counterMatters).where(eq(counterMatters.counterId, c!.id));
    const matterId = links[number % links.length]!.matterId;
    await issueTicket(deps, actor, hallId, { commandId: randomUUID(), matterId });
    await callNext(deps, actor, { commandId: randomUUID(), counterId: c!.id });
    for (let i = 0; i < (opts.waitingPerCounter ?? 0); i++) await issueTicket(deps, actor, hallId, { commandId: randomUUID(), matterId });
  }
}
