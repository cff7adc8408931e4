/** The demo hall as a fixture, with helpers to find its parts and act as its people. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { counters, devices, halls, matters, staff } from '../../db/schema';
import type { Actor, DeviceActor, StaffActor } from '../../server/app/actor';
import { staffActor } from '../../server/app/auth';
import type { AppDeps } from '../../server/app/deps';
import { nullPublisher, type Publisher } from '../../server/app/deps';
import type { Clock } from '../../server/domain/clock';
import { seedDemo } from '../../server/seed/seed-demo';

export interface DemoHall {
  hallId: string;
  matter(name: string): Promise<typeof matters.$inferSelect>;
  counter(number: number): Promise<typeof counters.$inferSelect>;
  staff(username: string): Promise<StaffActor>;
  kiosk(): Promise<DeviceActor>;
  display(): Promise<DeviceActor>;
}

/**
 * Test halls issue kiosk tickets at any hour (`kioskIssuing: 'always'`), so suites that run on the
 * real clock pass at night and at weekends; tests of ticket hours set the hall back to 'sessions'.
 */
export async function openTicketHoursAlways(db: Db, code = 'XH-ZX'): Promise<void> {
  const [hall] = await db.select().from(halls).where(eq(halls.code, code));
  if (hall) await db.update(halls).set({ settings: { ...hall.settings, kioskIssuing: 'always' } }).where(eq(halls.id, hall.id));
}

export async function seedDemoHall(db: Db): Promise<DemoHall> {
  await seedDemo(db);
  await openTicketHoursAlways(db);
  const [hall] = await db.select().from(halls).where(eq(halls.code, 'XH-ZX'));
  const hallId = hall!.id;
  const device = async (kind: 'kiosk' | 'display'): Promise<DeviceActor> => {
    const [d] = await db.select().from(devices).where(eq(devices.kind, kind));
    return { kind: 'device', id: d!.id, deviceKind: d!.kind, hallId, zoneId: d!.zoneId, counterId: d!.counterId };
  };
  return {
    hallId,
    async matter(name) {
      const [m] = await db.select().from(matters).where(eq(matters.name, name));
      if (!m) throw new Error(`no matter ${name}`);
      return m;
    },
    async counter(number) {
      const [c] = await db.select().from(counters).where(eq(counters.number, number));
      if (!c) throw new Error(`no counter ${number}`);
      return c;
    },
    async staff(username) {
      const [s] = await db.select().from(staff).where(eq(staff.username, username));
      if (!s) throw new Error(`no staff ${username}`);
      return staffActor(s);
    },
    kiosk: () => device('kiosk'),
    display: () => device('display'),
  };
}

export function testDeps(db: Db, clock: Clock, publisher: Publisher = nullPublisher): AppDeps {
  return { db, clock, publisher, piiKey: Buffer.alloc(32, 7), publicBaseUrl: 'http://test' };
}

export const cmd = () => randomUUID();

/** A publisher that records what would have been broadcast. */
export function recordingPublisher(): Publisher & { facts: import('../../server/protocol/events').HallFact[] } {
  const facts: import('../../server/protocol/events').HallFact[] = [];
  return { facts, publish: (_hallId, f) => facts.push(...f) };
}

export type { Actor };

/** The error code a use case's promise rejects with ('ok' when it resolves). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}
