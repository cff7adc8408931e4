/** The kiosk refuses walk-in tickets outside ticket hours with hall_closed (nothing written); staff issue by exception. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { halls, tickets } from '../../db/schema';
import { AppError } from '../../server/app/app-error';
import { issueTicket } from '../../server/app/issue-ticket';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

let db: TestDb;
let hall: DemoHall;
const clock = manualClock('2026-11-24T02:00:00Z');
const deps = () => testDeps(db.db, clock);
const local = (s: string) => clock.set(new Date(`${s}:00+08:00`));

async function setHours(patch: Record<string, unknown>) {
  const [h] = await db.db.select().from(halls).where(eq(halls.id, hall.hallId));
  await db.db.update(halls).set({ settings: { ...h!.settings, ...patch } }).where(eq(halls.id, hall.hallId));
}

async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const t = suite('ticket hours at the kiosk');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
  await setHours({ kioskIssuing: 'sessions' });
});
t.after(async () => db.drop());

t('Sunday 21:00: hall_closed with the next opening (Monday 09:00), and no ticket, number or event written', async () => {
  const kiosk = await hall.kiosk();
  const matterId = (await hall.matter('社保登记')).id;
  local('2026-11-29T21:00');
  const before = (await db.db.select().from(tickets)).length;
  const err = await refusal(() => issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId }));
  assert.is(err.code, 'hall_closed');
  assert.is(err.fields?.reason, 'rest_day');
  assert.is(err.fields?.nextOpeningLocal, '2026-11-30 09:00');
  assert.is(err.fields?.nextOpening, '2026-11-30T01:00:00.000Z');
  assert.match(err.message, /2026-11-30 09:00/);
  assert.is((await db.db.select().from(tickets)).length, before);
});

t('a working day: open at 10:00, refused after the 11:30 cut-off and over lunch, open again at 13:30', async () => {
  const kiosk = await hall.kiosk();
  const matterId = (await hall.matter('社保登记')).id;
  local('2026-11-24T10:00');
  const first = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId });
  assert.ok(first.ticket.number);
  local('2026-11-24T11:45');
  const cut = await refusal(() => issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId }));
  assert.equal([cut.code, cut.fields?.reason, cut.fields?.nextOpeningLocal], ['hall_closed', 'after_last_ticket', '2026-11-24 13:30']);
  local('2026-11-24T12:40');
  assert.is((await refusal(() => issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId }))).fields?.reason, 'between_sessions');
  local('2026-11-24T13:30');
  const next = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId });
  assert.is(next.ticket.number, 'C002', 'the refused attempts used no number');
});

t('staff issue a ticket by exception outside ticket hours', async () => {
  const staff = await hall.staff('staff1');
  local('2026-11-29T21:00');
  const issued = await issueTicket(deps(), staff, hall.hallId, { commandId: cmd(), matterId: (await hall.matter('社保登记')).id });
  assert.ok(issued.ticket.number);
});

t('the cut-off and rest days are hall settings: 0 minutes issues until 12:00; openOnRestDays opens Sunday; "always" any hour', async () => {
  const kiosk = await hall.kiosk();
  const matterId = (await hall.matter('出入境证件办理')).id;
  await setHours({ lastTicketMinutes: 0 });
  local('2026-11-24T11:50');
  assert.ok((await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId })).ticket.number);
  await setHours({ openOnRestDays: true });
  local('2026-11-29T10:00');
  assert.ok((await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId })).ticket.number);
  await setHours({ kioskIssuing: 'always' });
  local('2026-11-29T23:30');
  assert.ok((await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId })).ticket.number);
});

t.run();
