/** Seeds the demo district centre into an empty database (no halls yet). Idempotent. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { counterMatters, counters, devices, halls, matters, staff, zones } from '../../db/schema';
import { hashToken } from '../app/auth';
import { hashPassword } from '../app/passwords';
import { DEFAULT_HALL_SETTINGS } from '../domain/wait-target';
import { seedDemoGuides } from './seed-guides';
import { DEMO_COUNTERS, DEMO_DEVICES, DEMO_HOTLINE, DEMO_PADS, DEMO_PASSWORD, DEMO_STAFF, DEMO_ZONES } from './demo-hall-data';

export interface SeedResult {
  seeded: boolean;
  hallId: string | null;
  /** The demo's published credentials work on this database (seeded now or earlier). */
  present: boolean;
}

/** Whether the demo kiosk token is live here: then the demo credentials are known to everyone. */
export async function demoPresent(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: devices.id }).from(devices).where(and(eq(devices.tokenHash, hashToken(DEMO_DEVICES[0]!.token)), eq(devices.active, true)));
  return row !== undefined;
}

export async function seedDemo(db: Db): Promise<SeedResult> {
  if (await demoPresent(db)) return { seeded: false, hallId: null, present: true };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // Serialise concurrent first starts of several processes on one PostgreSQL.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(724011)`);
    const [existing] = await tx.select({ id: halls.id }).from(halls).limit(1);
    if (existing) return { seeded: false, hallId: null, present: false };

    const [hall] = await tx
      .insert(halls)
      .values({
        code: 'XH-ZX',
        name: '徐汇区行政服务中心',
        timeZone: 'Asia/Shanghai',
        sessions: [
          { start: '09:00', end: '12:00' },
          { start: '13:30', end: '17:00' },
        ],
        // A demo is tried at any hour: its kiosk issues outside opening sessions too. A real hall
        // (created in the admin console) keeps the default, ticket hours from its sessions.
        settings: { ...DEFAULT_HALL_SETTINGS, hotline: DEMO_HOTLINE, kioskIssuing: 'always' },
      })
      .returning();
    const hallId = hall!.id;
    const matterIds = new Map<string, string>();
    const zoneIds = new Map<string, string>();
    for (const [i, z] of DEMO_ZONES.entries()) {
      const [zone] = await tx.insert(zones).values({ hallId, code: z.code, name: z.name, sortOrder: i, location: z.location }).returning();
      zoneIds.set(z.code, zone!.id);
      const rows = await tx
        .insert(matters)
        .values(
          z.matters.map((m) => ({
            hallId,
            zoneId: zone!.id,
            code: m.code,
            name: m.name,
            department: m.department,
            complexity: m.complexity,
            ticketPrefix: m.prefix,
            materials: m.materials,
            legalLimitDays: m.legal,
            promisedLimitDays: m.promised,
            flags: { zeroMaterial: false, fullyOnline: false, onTheSpot: false, ...m.flags },
          })),
        )
        .returning();
      for (const r of rows) matterIds.set(r.name, r.id);
    }
    const counterIds = new Map<number, { id: string; zoneId: string | null }>();
    for (const c of DEMO_COUNTERS) {
      const [row] = await tx
        .insert(counters)
        .values({ hallId, zoneId: c.zone ? zoneIds.get(c.zone)! : null, number: c.number, name: c.name, type: c.type })
        .returning();
      counterIds.set(c.number, { id: row!.id, zoneId: row!.zoneId });
      await tx.insert(counterMatters).values(
        [...new Set(c.matters)].map((name) => ({ counterId: row!.id, matterId: matterIds.get(name)!, preferred: c.preferred?.includes(name) ?? false })),
      );
    }
    await tx.insert(staff).values(DEMO_STAFF.map((s) => ({ ...s, passwordHash, hallIds: [hallId] })));
    await seedDemoGuides(tx, hallId, matterIds, passwordHash);
    await tx.insert(devices).values(DEMO_DEVICES.map((d) => ({ hallId, kind: d.kind, name: d.name, tokenHash: hashToken(d.token) })));
    await tx.insert(devices).values(
      DEMO_PADS.map((p) => ({ hallId, kind: 'evaluator_pad' as const, name: p.name, counterId: counterIds.get(p.counter)!.id, zoneId: counterIds.get(p.counter)!.zoneId, tokenHash: hashToken(p.token) })),
    );
    return { seeded: true, hallId, present: true };
  });
}
