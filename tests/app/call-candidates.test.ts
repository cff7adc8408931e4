/** The bounded candidate window gives call-next exactly the pick the policy makes over the whole queue. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { tickets } from '../../db/schema';
import { loadCallCandidates } from '../../server/app/call-candidates';
import { toCandidate } from '../../server/app/queue-position';
import { rankCandidates } from '../../server/domain/routing-policy';
import { createTestDb, type TestDb } from '../_support/db';
import { seedDemoHall, type DemoHall } from '../_support/fixtures';

let db: TestDb;
let hall: DemoHall;
const DAY = '2026-11-23';
const NOW = new Date('2026-11-23T03:00:00Z'); // 11:00 in Shanghai

/** A small seeded PRNG so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const t = suite('call-next candidate window');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('over 30 random queues the windowed pick equals the pick over every waiting ticket', async () => {
  const matters = await Promise.all(['社保登记', '居住证办理', '户籍迁移', '出入境证件办理'].map((n) => hall.matter(n)));
  const counter = await hall.counter(4);
  for (let seed = 1; seed <= 30; seed++) {
    const rand = rng(seed);
    await db.db.delete(tickets).where(eq(tickets.hallId, hall.hallId));
    const rows = Array.from({ length: 120 }, (_, i) => {
      const m = matters[Math.floor(rand() * matters.length)]!;
      const issued = new Date(NOW.getTime() - Math.floor(rand() * (seed % 2 ? 150 : 55)) * 60_000);
      const hasSlot = rand() < 0.2;
      const slotStart = hasSlot ? new Date(NOW.getTime() + (Math.floor(rand() * 8) - 5) * 15 * 60_000) : null;
      return {
        hallId: hall.hallId,
        zoneId: m.zoneId,
        matterId: m.id,
        serviceDate: DAY,
        prefix: 'R',
        seqNo: i + 1,
        number: `R${String(i + 1).padStart(3, '0')}`,
        status: 'waiting' as const,
        source: hasSlot ? ('appointment' as const) : ('kiosk' as const),
        priority: rand() < 0.15 ? 1 : 0,
        slotStart,
        slotEnd: slotStart ? new Date(slotStart.getTime() + 30 * 60_000) : null,
        issuedAt: issued,
        waitStartAt: slotStart && slotStart > issued ? slotStart : issued,
        waitTargetMinutes: rand() < 0.3 ? 30 : 10,
        token: randomBytes(18).toString('base64url'),
      };
    });
    await db.db.insert(tickets).values(rows);
    const all = await db.db.select().from(tickets).where(eq(tickets.hallId, hall.hallId));
    const windowed = await db.db.transaction((tx) =>
      loadCallCandidates(tx, { hallId: hall.hallId, serviceDate: DAY, counterId: counter.id, matterIds: matters.map((m) => m.id), now: NOW }, 2),
    );
    assert.ok(windowed.length < all.length, 'the window is smaller than the queue');
    for (const [streak, early] of [[0, 0], [5, 0], [0, 15]] as const) {
      const ctx = { now: NOW, consecutivePriorityCalls: streak, starvationGuard: 3, appointmentGraceMinutes: 15, earlyAppointmentMinutes: early, waitCapMinutes: 60, preferredMatterIds: new Set([matters[0]!.id]) };
      const best = rankCandidates(all.map(toCandidate), ctx)[0]!;
      const bestWindowed = rankCandidates(windowed.map(toCandidate), ctx)[0]!;
      assert.is(bestWindowed.id, best.id, `seed ${seed}, streak ${streak}, early ${early}`);
    }
  }
});

t('an on-time appointment behind breached earlier slots and earlier-starting later slots is still in the window', async () => {
  const m = await hall.matter('社保登记');
  const counter = await hall.counter(4);
  await db.db.delete(tickets).where(eq(tickets.hallId, hall.hallId));
  const at = (min: number) => new Date(NOW.getTime() + min * 60_000);
  // [number, slot start, issued] in minutes from NOW (11:00): three breached 10:30 slots, the pick
  // (slot 10:45, checked in 10:55: makeable until 11:05) and two 10:50 slots waiting since 10:50.
  const spec: [string, number, number][] = [['B1', -30, -40], ['B2', -30, -40], ['B3', -30, -40], ['P', -15, -5], ['Q1', -10, -20], ['Q2', -10, -20]];
  await db.db.insert(tickets).values(spec.map(([number, slot, issued], i) => ({
    hallId: hall.hallId, zoneId: m.zoneId, matterId: m.id, serviceDate: DAY, prefix: 'R', seqNo: i + 1, number,
    status: 'waiting' as const, source: 'appointment' as const, priority: 0,
    slotStart: at(slot), slotEnd: at(slot + 30), issuedAt: at(issued), waitStartAt: at(Math.max(slot, issued)), waitTargetMinutes: 10,
    token: randomBytes(18).toString('base64url'),
  })));
  const windowed = await db.db.transaction((tx) => loadCallCandidates(tx, { hallId: hall.hallId, serviceDate: DAY, counterId: counter.id, matterIds: [m.id], now: NOW }, 2));
  const ctx = { now: NOW, consecutivePriorityCalls: 0, starvationGuard: 3, appointmentGraceMinutes: 15, waitCapMinutes: 60, preferredMatterIds: new Set<string>() };
  const all = await db.db.select().from(tickets).where(eq(tickets.hallId, hall.hallId));
  assert.is(rankCandidates(all.map(toCandidate), ctx)[0]!.number, 'P');
  assert.is(rankCandidates(windowed.map(toCandidate), ctx)[0]!.number, 'P');
});

t.run();
