/**
 * The city for `npm run bench:city` (and the hall of `npm run bench:issue`): N halls, each with one
 * zone, two matters (or `matters`), C counters serving all of them, one staff member per counter
 * and a manager (sessions inserted directly, so no scrypt sign-in per socket), a kiosk and D displays. Bulk inserts through drizzle: works on PGlite and
 * PostgreSQL alike. Tokens are derived from the hall index, so the load generator knows them.
 * Also creates the two tables of the floor's minimal claim transaction (bench_floor_*), which no
 * product code reads.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { counterMatters, counters, devices, halls, matters, sessions, staff, zones } from '../db/schema';
import { hashToken } from '../server/app/auth';
import { DEFAULT_HALL_SETTINGS } from '../server/domain/wait-target';

export interface CityShape {
  halls: number;
  counters: number;
  displays: number;
  /** Matters per hall, every counter serving all of them (2). */
  matters?: number;
}

export interface SeededHall {
  index: number;
  id: string;
  matterIds: string[];
  counterIds: string[];
  staffTokens: string[];
  managerToken: string;
  kioskToken: string;
  displayTokens: string[];
}

/** The administrator whose socket reads each node's bench:metrics. */
export const BENCH_ADMIN_TOKEN = 'st_bench-admin';

const token = (kind: 'st' | 'dv', ...parts: (string | number)[]) => `${kind}_bench-${parts.join('-')}`;

export async function seedCity(db: Db, shape: CityShape): Promise<SeededHall[]> {
  const out: SeededHall[] = [];
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 24 * 3_600_000);
  // A hash no password matches: benchmark staff never sign in with a password.
  const passwordHash = 'scrypt$16384$8$1$bench$unusable';
  const BATCH = 20;
  const [admin] = await db
    .insert(staff)
    .values({ username: 'bench-admin', displayName: '基准测试管理员', passwordHash, role: 'admin', hallIds: [] })
    .returning({ id: staff.id });
  await db.insert(sessions).values({ tokenHash: hashToken(BENCH_ADMIN_TOKEN), staffId: admin!.id, createdAt: now, expiresAt });
  for (let start = 0; start < shape.halls; start += BATCH) {
    await db.transaction(async (tx) => {
      for (let h = start; h < Math.min(shape.halls, start + BATCH); h++) {
        const [hall] = await tx
          .insert(halls)
          .values({
            code: `BENCH-${h}`,
            name: `基准测试大厅 ${h}`,
            sessions: [{ start: '00:00', end: '23:59' }],
            settings: { ...DEFAULT_HALL_SETTINGS, kioskIssuing: 'always' },
          })
          .returning({ id: halls.id });
        const hallId = hall!.id;
        const [zone] = await tx.insert(zones).values({ hallId, code: 'Z', name: '综合受理区' }).returning({ id: zones.id });
        const ms = await tx
          .insert(matters)
          .values(
            Array.from({ length: shape.matters ?? 2 }, (_, i) => String.fromCharCode(65 + i)).map((prefix, i) => ({
              hallId,
              zoneId: zone!.id,
              code: `BENCH-${h}-${i}`,
              name: ['社保登记', '户籍证明'][i] ?? `基准事项 ${prefix}`,
              department: '基准测试',
              complexity: 'general' as const,
              ticketPrefix: prefix,
              flags: { zeroMaterial: false, fullyOnline: false, onTheSpot: false },
            })),
          )
          .returning({ id: matters.id });
        const cs = await tx
          .insert(counters)
          .values(Array.from({ length: shape.counters }, (_, c) => ({ hallId, zoneId: zone!.id, number: c + 1, name: `综合窗口 ${c + 1}`, type: 'comprehensive' as const })))
          .returning({ id: counters.id });
        await tx.insert(counterMatters).values(cs.flatMap((c) => ms.map((m) => ({ counterId: c.id, matterId: m.id }))));
        const people = await tx
          .insert(staff)
          .values([
            ...cs.map((_, c) => ({ username: `bench-${h}-s${c}`, displayName: `窗口人员 ${c + 1}`, passwordHash, role: 'staff' as const, hallIds: [hallId] })),
            { username: `bench-${h}-mgr`, displayName: '大厅负责人', passwordHash, role: 'manager' as const, hallIds: [hallId] },
          ])
          .returning({ id: staff.id });
        const staffTokens = cs.map((_, c) => token('st', h, c));
        const managerToken = token('st', h, 'mgr');
        await tx.insert(sessions).values([...staffTokens, managerToken].map((t, i) => ({ tokenHash: hashToken(t), staffId: people[i]!.id, createdAt: now, expiresAt })));
        const kioskToken = token('dv', h, 'kiosk');
        const displayTokens = Array.from({ length: shape.displays }, (_, d) => token('dv', h, 'display', d));
        await tx.insert(devices).values([
          { hallId, kind: 'kiosk' as const, name: '自助取号机', tokenHash: hashToken(kioskToken) },
          ...displayTokens.map((t, d) => ({ hallId, kind: 'display' as const, name: `大厅综合屏 ${d + 1}`, tokenHash: hashToken(t) })),
        ]);
        out.push({ index: h, id: hallId, matterIds: ms.map((m) => m.id), counterIds: cs.map((c) => c.id), staffTokens, managerToken, kioskToken, displayTokens });
      }
    });
  }
  await db.execute(sql`CREATE TABLE IF NOT EXISTS bench_floor_tickets (id bigserial PRIMARY KEY, hall_id uuid NOT NULL, status text NOT NULL DEFAULT 'waiting')`);
  await db.execute(sql`CREATE INDEX IF NOT EXISTS bench_floor_tickets_waiting ON bench_floor_tickets (hall_id, id) WHERE status = 'waiting'`);
  await db.execute(sql`CREATE TABLE IF NOT EXISTS bench_floor_events (id bigserial PRIMARY KEY, ticket_id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
  return out;
}

/** Waiting rows for the floor's claim transaction: `perHall` for each hall. */
export async function fillFloorQueue(db: Db, hallIds: string[], perHall: number): Promise<void> {
  for (const hallId of hallIds) {
    await db.execute(sql`INSERT INTO bench_floor_tickets (hall_id) SELECT ${hallId}::uuid FROM generate_series(1, ${perHall})`);
  }
}
