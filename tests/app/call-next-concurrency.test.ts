/**
 * Many counters calling next at once never get the same ticket, and none is lost. On PostgreSQL
 * this runs 40 counters over 2,000 tickets through the connection pool; on PGlite (one connection)
 * a smaller run. The negative control shows the checker catches a naive read-then-write claim.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { and, eq, sql } from 'drizzle-orm';
import { ticketEvents, tickets } from '../../db/schema';
import { callNext } from '../../server/app/call-next';
import { actOnTicketAtCounter } from '../../server/app/ticket-actions';
import { manualClock } from '../../server/domain/clock';
import { serviceDate } from '../../server/domain/hall-time';
import { insertWaitingTickets, openCounters } from '../_support/bulk';
import { checkClaims, naiveClaim, type Claim } from '../_support/claims';
import { createTestDb, onPostgres, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const COUNTERS = onPostgres ? 40 : 10;
const TICKETS = onPostgres ? 2000 : 300;
const clock = manualClock('2026-11-23T01:00:00Z');
let db: TestDb;
let hall: DemoHall;

const t = suite(`call next: ${COUNTERS} counters over ${TICKETS} tickets (${onPostgres ? 'PostgreSQL' : 'PGlite'})`);
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('no ticket is given to two counters, none is lost', async () => {
  const matter = await hall.matter('社保登记');
  const day = serviceDate(clock.now(), 'Asia/Shanghai');
  const ids = await insertWaitingTickets(db.db, { hallId: hall.hallId, zoneId: matter.zoneId, matterId: matter.id, prefix: 'L' }, day, new Date('2026-11-23T00:00:00Z'), TICKETS);
  const counters = await openCounters(db.db, hall.hallId, [matter.id], COUNTERS);
  const deps = testDeps(db.db, clock);
  const claims: Claim[] = [];
  const errors: string[] = [];
  await Promise.all(
    counters.map(async ({ counterId, actor }) => {
      for (;;) {
        try {
          const r = await callNext(deps, actor, { commandId: cmd(), counterId });
          claims.push({ counterId, ticketId: r.ticket!.id });
          await actOnTicketAtCounter(deps, actor, 'no_show', { commandId: cmd(), counterId, ticketId: r.ticket!.id });
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (code === 'queue_empty') return;
          errors.push(code ?? String(err));
          return;
        }
      }
    }),
  );
  assert.equal(errors, [], 'no unexpected errors');
  const report = checkClaims(claims, ids);
  assert.equal(report.doubleClaimed, [], 'no ticket claimed twice');
  assert.equal(report.lost, [], 'no ticket lost');
  assert.is(report.claimed, TICKETS);
  const perCounter = new Set(claims.map((c) => c.counterId));
  assert.ok(perCounter.size > COUNTERS / 2, `work was spread over counters (${perCounter.size})`);
  const [calledEvents] = await db.db
    .select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct ${ticketEvents.ticketId})::int` })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.hallId, hall.hallId), eq(ticketEvents.type, 'ticket:called')));
  assert.is(calledEvents!.n, TICKETS);
  assert.is(calledEvents!.distinct, TICKETS);
  const seqCheck = await db.db.execute(sql`SELECT count(*)::int AS n, max(seq)::int AS max, min(seq)::int AS min FROM ticket_events WHERE hall_id = ${hall.hallId}`);
  const row = (Array.isArray(seqCheck) ? seqCheck[0] : (seqCheck as { rows: unknown[] }).rows[0]) as { n: number; max: number; min: number };
  assert.is(row.max - row.min + 1, row.n, 'hall seq is gapless under concurrency');
});

t('negative control: the checker catches a naive read-then-write claim', async () => {
  const matter = await hall.matter('社会保障卡补换');
  const day = serviceDate(clock.now(), 'Asia/Shanghai');
  await db.db.update(tickets).set({ status: 'done' }).where(eq(tickets.hallId, hall.hallId));
  const ids = await insertWaitingTickets(db.db, { hallId: hall.hallId, zoneId: matter.zoneId, matterId: matter.id, prefix: 'N' }, day, new Date('2026-11-23T00:00:00Z'), 200);
  const counters = await openCounters(db.db, hall.hallId, [matter.id], COUNTERS, 300);
  const claims: Claim[] = [];
  await Promise.all(
    counters.map(async ({ counterId }) => {
      for (let i = 0; i < 400; i++) {
        const id = await naiveClaim(db.db, hall.hallId, counterId);
        if (!id) return;
        claims.push({ counterId, ticketId: id });
      }
    }),
  );
  const report = checkClaims(claims, ids);
  assert.ok(report.doubleClaimed.length > 0, `the naive claim double-claimed nothing (${claims.length} claims) — the checker would be useless`);
});

t.run();
