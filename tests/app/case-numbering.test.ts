/**
 * Case numbers are gapless per hall and day under concurrent acceptance (on PGlite and, with
 * DATABASE_URL, PostgreSQL): twelve counters open cases at once → 0001…0012, no gaps, no repeats;
 * the same ticket opened from two sessions at once → one case, and the number is not burnt.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { counters, tickets } from '../../db/schema';
import { cases } from '../../db/schema-cases';
import { openCase } from '../../server/app/cases/open-case';
import { issueTicket } from '../../server/app/issue-ticket';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

let db: TestDb;
let hall: DemoHall;
const t = suite('case numbering');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('concurrent openings at twelve counters → 0001…0012; a doubled opening is one case', async () => {
  const deps = testDeps(db.db, manualClock('2026-03-02T02:00:00Z'));
  const manager = await hall.staff('manager');
  const kiosk = await hall.kiosk();
  const matter = await hall.matter('营业执照变更登记');
  // Put one ticket at each counter, as if each had called it (the manager may act at any counter).
  const all = (await db.db.select().from(counters).where(eq(counters.hallId, hall.hallId))).slice(0, 12);
  const held: { counterId: string; ticketId: string }[] = [];
  for (const c of all) {
    const issued = await issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id });
    await db.db.update(tickets).set({ status: 'called', counterId: c.id, calledAt: new Date('2026-03-02T02:00:00Z') }).where(eq(tickets.id, issued.ticket.id));
    held.push({ counterId: c.id, ticketId: issued.ticket.id });
  }
  const opened = await Promise.all([
    ...held.map((h) => openCase(deps, manager, { commandId: cmd(), ...h })),
    openCase(deps, manager, { commandId: cmd(), ...held[0]! }),
    openCase(deps, manager, { commandId: cmd(), ...held[5]! }),
  ]);
  const numbers = [...new Set(opened.map((o) => o.case.number))].sort();
  assert.equal(numbers, Array.from({ length: 12 }, (_, i) => `20260302${String(i + 1).padStart(4, '0')}`));
  assert.is(opened[12]!.case.id, opened[0]!.case.id);
  assert.is(opened[13]!.case.id, opened[5]!.case.id);
  const rows = await db.db.select().from(cases).where(eq(cases.serviceDate, '2026-03-02'));
  assert.is(rows.length, 12);
});

t.run();
