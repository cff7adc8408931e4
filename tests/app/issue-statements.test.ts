/**
 * The issue's statements are prepared (server/app/issue-ticket.ts, queue-position.ts; placeholders
 * take driver values: ISO timestamps, null): the row written and returned, and the view acked, are
 * the full objects the builder wrote and read — identity number, green channel, appointment slot
 * (after and before the issue time), staff and kiosk — and the forecast outside the batch (the
 * matters' own lines while no counter is open) answers as before. On both databases.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { matters, tickets } from '../../db/schema';
import { issueTicket, type AppointmentClaim } from '../../server/app/issue-ticket';
import { loadHall, ticketView } from '../../server/app/loaders';
import { decryptField, lookupHash } from '../../server/app/pii';
import { presentHall, presentTicket } from '../../server/app/presenters';
import { queuePosition } from '../../server/app/queue-position';
import { manualClock } from '../../server/domain/clock';
import { waitTargetMinutes } from '../../server/domain/wait-target';
import type { IssueTicketBody } from '../../server/protocol/schemas';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type Actor, type DemoHall } from '../_support/fixtures';

let db: TestDb;
let hall: DemoHall;
const t = suite('issue statements (prepared)');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

type Row = typeof tickets.$inferSelect;
const ELDERLY_ID = '11010519491231002x'; // born 1949-12-31, valid check character (lower-case x is accepted)

/** The builder's read of a ticket row and of its view (matter joined), for comparison. */
async function builderRead(id: string) {
  const [row] = await db.db.select().from(tickets).where(eq(tickets.id, id));
  const [m] = await db.db.select().from(matters).where(eq(matters.id, row!.matterId));
  return { row: row!, view: presentTicket({ t: row!, matterName: m!.name, complexity: m!.complexity, counterNumber: null }) };
}

/**
 * Issues twice with the same input: once plain (the view acked is built from the insert's
 * returned row) and once with an onIssued hook that captures that returned row. Each is compared
 * with the builder's read of what was committed, and the row with `expected`.
 */
async function check(actor: Actor, body: Omit<IssueTicketBody, 'commandId'>, appointment: AppointmentClaim | null, expected: (issuedAt: Date) => Partial<Row>) {
  const clock = manualClock('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai
  const deps = testDeps(db.db, clock);
  const plain = await issueTicket(deps, actor, hall.hallId, { ...body, commandId: cmd() }, appointment);
  const committed = await builderRead(plain.ticket.id);
  assert.equal(plain.ticket, committed.view, 'view acked = view of the committed row');
  assert.equal(plain.ticket, await ticketView(db.db, plain.ticket.id), 'view acked = view read back');
  assert.is(plain.token, committed.row.token);

  const matter = (await db.db.select().from(matters).where(eq(matters.id, body.matterId)))[0]!;
  const settings = presentHall(await loadHall(db.db, hall.hallId)).settings;
  const now = clock.now();
  const full: Row = {
    id: plain.ticket.id,
    hallId: hall.hallId,
    zoneId: matter.zoneId,
    matterId: matter.id,
    serviceDate: '2026-11-23',
    prefix: matter.ticketPrefix,
    seqNo: Number(plain.ticket.number.slice(matter.ticketPrefix.length)),
    number: plain.ticket.number,
    status: 'waiting',
    source: 'kiosk',
    priority: 0,
    priorityReason: null,
    counterId: null,
    targetCounterId: null,
    appointmentId: null,
    slotStart: null,
    slotEnd: null,
    issuedAt: now,
    waitStartAt: now,
    waitTargetMinutes: waitTargetMinutes(matter, settings),
    firstCalledAt: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    recallCount: 0,
    transferCount: 0,
    lastTransferReason: null,
    token: plain.token,
    visitorIdHash: null,
    visitorIdEnc: committed.row.visitorIdEnc,
    visitorIdMasked: null,
    alertLevel: 0,
    handlingAlertedAt: null,
    ...expected(now),
  };
  assert.equal(committed.row, full, 'the committed row, every column');
  if (full.visitorIdEnc !== null) assert.is(decryptField(deps.piiKey, full.visitorIdEnc), ELDERLY_ID.toUpperCase());

  let returned = null as Row | null;
  const hooked = await issueTicket(deps, actor, hall.hallId, { ...body, commandId: cmd() }, appointment, { onIssued: async (_tx, row) => void (returned = row) });
  const again = await builderRead(hooked.ticket.id);
  assert.ok(returned !== null);
  assert.equal(returned, again.row, 'the row the insert returned = the committed row (Date objects, nulls)');
  assert.ok(again.row.issuedAt instanceof Date && again.row.waitStartAt instanceof Date);
  assert.equal(hooked.ticket, again.view);
  assert.is(again.row.seqNo, full.seqNo + 1, 'the next number of the prefix');
}

t('kiosk, identity number of an elderly visitor: elderly green channel, masked / hashed / encrypted identity', async () => {
  const kiosk = await hall.kiosk();
  const matter = await hall.matter('企业设立登记');
  await check(kiosk, { matterId: matter.id, idNumber: ELDERLY_ID }, null, () => ({
    priority: 1,
    priorityReason: 'elderly',
    visitorIdHash: lookupHash(Buffer.alloc(32, 7), ELDERLY_ID.toUpperCase()),
    visitorIdMasked: '110105********002X',
  }));
});

t('staff, declared green channel, no identity: the visitor columns null', async () => {
  const staff = await hall.staff('staff1');
  const matter = await hall.matter('出入境证件办理');
  await check(staff, { matterId: matter.id, greenChannel: 'pregnant', language: 'en' }, null, () => ({ source: 'staff', priority: 1, priorityReason: 'pregnant', visitorIdEnc: null }));
});

t('appointment check-in: slot after the issue time (the wait starts at the slot), and before it', async () => {
  const kiosk = await hall.kiosk();
  const matter = await hall.matter('居住证办理');
  for (const offsetMin of [25, -10]) {
    const slotStart = new Date(Date.parse('2026-11-23T02:00:00Z') + offsetMin * 60_000);
    const slotEnd = new Date(slotStart.getTime() + 30 * 60_000);
    const appointmentId = randomUUID();
    await check(kiosk, { matterId: matter.id, greenChannel: 'military' }, { appointmentId, slotStart, slotEnd }, (now) => ({
      source: 'appointment',
      priority: 1,
      priorityReason: 'military',
      appointmentId,
      slotStart,
      slotEnd,
      waitStartAt: offsetMin > 0 ? slotStart : now,
      visitorIdEnc: null,
    }));
  }
});

t('forecast outside the batch, no counter open: the place in the matter’s own line', async () => {
  const clock = manualClock('2026-11-23T06:00:00Z');
  const deps = testDeps(db.db, clock);
  const kiosk = await hall.kiosk();
  const a = await hall.matter('营业执照变更登记');
  const g = await hall.matter('不动产登记资料查询');
  const before = await db.db.select().from(tickets).where(eq(tickets.hallId, hall.hallId));
  const issue = (matterId: string) => {
    clock.advance(1_000);
    return issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId });
  };
  const a1 = await issue(a.id);
  const g1 = await issue(g.id);
  const a2 = await issue(a.id);
  const position = (i: typeof a1) => queuePosition(db.db, i.ticket, clock.now(), i.ticket.complexity);
  const aheadOfA = before.filter((r) => r.matterId === a.id && r.status === 'waiting').length;
  assert.is((await position(g1)).peopleAhead, 0, 'no G ticket before it; the A tickets are another line');
  assert.is((await position(a2)).peopleAhead, aheadOfA + 1);
  assert.equal(await position(a1), { peopleAhead: a1.peopleAhead, estimatedWaitMinutes: a1.estimatedWaitMinutes }, 'as acked');
});

t.run();
