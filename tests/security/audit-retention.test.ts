/**
 * Audit and lifecycle (issue #11 §11): staff reads of personal data and report exports leave audit
 * entries (append-only, no personal data in them); the retention purge drops command results, blanks
 * visitors' data on old tickets and appointments, and keeps both audit trails (events and entries).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { commandResults, ticketEvents, tickets } from '../../db/schema';
import { appointments } from '../../db/schema-appointments';
import { auditEntries as auditLog } from '../../db/schema-audit';
import { purgeExpiredData } from '../../server/app/retention/purge';
import { manualClock } from '../../server/domain/clock';
import { retentionCutoffs } from '../../server/domain/retention';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, loginAs, socketFor, startTestServer } from '../_support/server';

const DAY = 86_400_000;
const clock = manualClock('2026-11-23T02:00:00Z');
const VISITOR = { idNumber: '11010519491231002X', phone: '13812341234' };
let db: TestDb;
let server: RunningServer;
let base = '';
let hallId = '';

const rows = (action: string) => db.db.select().from(auditLog).where(eq(auditLog.action, action));
const total = async (table: typeof ticketEvents | typeof commandResults) => (await db.db.select({ n: count() }).from(table))[0]!.n;

const t = suite('audit and retention');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db, clock);
  base = server.url;
  hallId = server.seed.hallId!;
});
t.after(async () => {
  await server.close();
  await db.drop();
});

t('staff reads of personal data and report exports write audit rows that name the read, not the data', async () => {
  const staff = await loginAs(base, 'staff1');
  const manager = await loginAs(base, 'manager');
  const snap = await api(base, 'GET', `/api/halls/${hallId}/snapshot`, undefined, staff);
  assert.is(snap.status, 200);
  const socket = socketFor(base, staff);
  await connected(socket);
  assert.ok((await emitAck(socket, 'hall:subscribe', { hallId })).ok);
  socket.close();
  const snapshots = await rows('hall:snapshot');
  assert.is(snapshots.length, 2, 'HTTP snapshot and socket subscribe');
  assert.ok(snapshots.every((r) => r.actorType === 'staff' && r.hallId === hallId && r.data.role === 'staff'));

  const matterId = snap.json.data.matters[0].id;
  const issued = await api(base, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId, idNumber: VISITOR.idNumber }, 'dv_demo-kiosk-1');
  assert.is((await api(base, 'GET', `/api/tickets/${issued.json.data.ticket.id}/history`, undefined, manager)).status, 200);
  assert.is((await rows('ticket:history'))[0]?.subjectId, issued.json.data.ticket.id);

  await api(base, 'POST', `/api/halls/${hallId}/appointments`, { commandId: randomUUID(), matterId, date: '2026-11-24', slotStart: '10:00', ...VISITOR }, staff);
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/appointments?date=2026-11-24`, undefined, staff)).status, 200);
  assert.equal((await rows('appointments:list')).map((r) => [r.subjectId, r.data]), [['2026-11-24', { role: 'staff', appointments: 1 }]]);

  const csv = await fetch(`${base}/api/halls/${hallId}/reports?from=2026-11-01&to=2026-11-23&groupBy=staff&format=csv`, { headers: { authorization: `Bearer ${manager}` } });
  assert.is(csv.status, 200);
  await csv.text();
  await api(base, 'GET', `/api/halls/${hallId}/reports?from=2026-11-01&to=2026-11-23&groupBy=day`, undefined, manager);
  const exported = await rows('report:export');
  assert.is(exported.length, 1);
  assert.equal(exported[0]!.data, { role: 'manager', groupBy: 'staff', format: 'csv', hallIds: [hallId] });
  assert.is((await rows('report:read')).length, 1);

  const all = JSON.stringify(await db.db.select().from(auditLog));
  assert.not.ok(all.includes(VISITOR.idNumber) || all.includes(VISITOR.phone) || all.includes('********'), 'no personal data, not even masked');
});

t('case searches, 差评 lists and the evaluation export are audited too, without the number searched for', async () => {
  const reviewer = await loginAs(base, 'reviewer1');
  const manager = await loginAs(base, 'manager');
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/cases?status=all&q=${VISITOR.idNumber}`, undefined, reviewer)).status, 200);
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/cases?status=open`, undefined, reviewer)).status, 200);
  assert.equal((await rows('cases:list')).map((r) => [r.actorType, r.hallId, r.subjectId, r.data]), [
    ['staff', hallId, 'all', { role: 'reviewer', searchedBy: 'id_number', found: 0 }],
    ['staff', hallId, 'open', { role: 'reviewer', searchedBy: 'none', found: 0 }],
  ]);
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/bad-reviews`, undefined, manager)).status, 200);
  assert.equal((await rows('bad-reviews:list')).map((r) => [r.subjectId, r.data.role]), [['open', 'manager']], 'the default list is the open ones');
  const before = (await rows('report:export')).length;
  const csv = await fetch(`${base}/api/halls/${hallId}/evaluation-report?from=2026-11-01&to=2026-11-23&groupBy=staff&format=csv`, { headers: { authorization: `Bearer ${manager}` } });
  assert.is(csv.status, 200);
  await csv.text();
  const exported = await rows('report:export');
  assert.is(exported.length, before + 1);
  assert.equal(exported.at(-1)!.data, { role: 'manager', report: 'evaluations', groupBy: 'staff', format: 'csv', hallIds: [hallId] });
  const all = JSON.stringify(await db.db.select().from(auditLog));
  assert.not.ok(all.includes(VISITOR.idNumber), 'the identity number searched for is not in the audit log');
});

t('audit entries refuse UPDATE and DELETE', async () => {
  const [one] = await db.db.select().from(auditLog).limit(1);
  let refused = 0;
  await db.db.update(auditLog).set({ subjectId: 'tampered' }).where(eq(auditLog.id, one!.id)).catch(() => refused++);
  await db.db.delete(auditLog).where(eq(auditLog.id, one!.id)).catch(() => refused++);
  assert.is(refused, 2);
});

t('the purge: command results after 7 days; visitor data after 180; the audit trails never', async () => {
  const events = await total(ticketEvents);
  assert.ok((await total(commandResults)) > 0);
  clock.advance(8 * DAY);
  const week = await purgeExpiredData(server.deps);
  assert.ok(week.commandResults > 0);
  assert.is(await total(commandResults), 0);
  assert.is(week.tickets, 0, 'visitor data is still needed');
  const [withId] = await db.db.select().from(tickets).where(eq(tickets.visitorIdMasked, '110105********002X'));
  assert.ok(withId, 'still there after a week');

  clock.set(new Date(Date.parse('2026-11-24T02:00:00Z') + 182 * DAY));
  const half = await purgeExpiredData(server.deps);
  assert.ok(half.tickets >= 1);
  assert.ok(half.appointments >= 1);
  const kept = await db.db.select().from(tickets).where(eq(tickets.id, withId!.id));
  assert.equal([kept[0]!.visitorIdHash, kept[0]!.visitorIdEnc, kept[0]!.visitorIdMasked], [null, null, null]);
  assert.is(kept[0]!.number, withId!.number, 'the ticket itself stays for reports');
  const appts = JSON.stringify(await db.db.select().from(appointments));
  assert.not.ok(appts.includes('110105********002X') || appts.includes('138****1234'));
  assert.is(await total(ticketEvents), events, 'the event log is untouched');
  clock.advance(400 * DAY);
  await purgeExpiredData(server.deps);
  assert.is((await rows('hall:snapshot')).length, 2, 'audit entries of more than a year ago are kept');
  const purges = await rows('retention:purge');
  assert.is(purges.length, 2, 'each purge that removed something is itself audited');
  assert.is(await total(ticketEvents), events);
});

t('cut-offs from the policy', () => {
  const now = new Date('2027-06-30T00:00:00Z');
  const cut = retentionCutoffs(now, { commandResults: 1, visitorData: 30, expiredCredentials: 1 });
  assert.is(cut.ticketDayBefore, '2027-05-31');
  assert.is(cut.commandResultsBefore.toISOString(), '2027-06-29T00:00:00.000Z');
});

t.run();
