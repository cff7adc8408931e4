/**
 * The trigger-kept counts (migration 0018, server/app/reports/live-counts.ts) against a recount of
 * the rows, on PGlite and, with DATABASE_URL, PostgreSQL: after a mixed sequence of real commands
 * (issue, call, recall, start, finish, no-show, reactivate, park and call back, transfer, cancel),
 * across the hall's midnight (the hall date, never the UTC one) and the end-of-day job's closes;
 * appointments inserted, changed, moved and deleted. The city roll-up shows the hall's own day.
 * ticket_closings (migration 0020) too: each ticket's latest closing event, on the ticket's own hall
 * day when it is closed after the hall's midnight, and the by-staff report that reads it.
 */
import { randomBytes } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { and, eq, sql } from 'drizzle-orm';
import { appointments } from '../../db/schema-appointments';
import { hallDayLive, ticketClosings } from '../../db/schema-reports';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { closeEndedDays } from '../../server/app/end-of-day';
import { issueTicket } from '../../server/app/issue-ticket';
import { cityLive } from '../../server/app/reports/city-live';
import { keptCountDifferences } from '../../server/app/reports/live-counts';
import { queryRows } from '../../server/app/reports/report-sql';
import { runReport } from '../../server/app/reports/run-report';
import { countAppointments } from '../../server/app/reports/report-sql';
import { cancelTicket, reactivateTicket } from '../../server/app/ticket-admin-actions';
import { actOnTicketAtCounter } from '../../server/app/ticket-actions';
import { transferTicket } from '../../server/app/transfer-ticket';
import { manualClock } from '../../server/domain/clock';
import { instantAt, serviceDate } from '../../server/domain/hall-time';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const TZ = 'Asia/Shanghai';
const D1 = '2026-11-23';
const D2 = '2026-11-24';
const clock = manualClock(instantAt(D1, '09:00', TZ));
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock);

const liveRow = async (day: string) =>
  (await db.db.select().from(hallDayLive).where(and(eq(hallDayLive.hallId, hall.hallId), eq(hallDayLive.serviceDate, day))))[0];
const assertAgrees = async (when: string) => assert.equal(await keptCountDifferences(db.db), [], `kept counts vs recount ${when}`);

const t = suite('trigger-kept counts');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('the live row equals a recount after every kind of command, across the hall midnight and the day close', async () => {
  const kiosk = await hall.kiosk();
  const s1 = await hall.staff('staff1');
  const s2 = await hall.staff('staff2');
  const manager = await hall.staff('manager');
  const c1 = (await hall.counter(1)).id;
  const c2 = (await hall.counter(2)).id;
  const setUp = (await hall.matter('企业设立登记')).id;
  const cancelReg = (await hall.matter('企业注销登记')).id;
  await actOnCounter(deps(), s1, 'take', { commandId: cmd(), counterId: c1 });
  await actOnCounter(deps(), s2, 'take', { commandId: cmd(), counterId: c2 });
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    ids.push((await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: i % 2 ? cancelReg : setUp })).ticket.id);
    clock.advance(60_000);
  }
  await assertAgrees('after issuing');
  assert.equal({ issued: (await liveRow(D1))?.issued, waiting: (await liveRow(D1))?.waiting }, { issued: 8, waiting: 8 });

  const act = (who: typeof s1, counterId: string, action: Parameters<typeof actOnTicketAtCounter>[2], ticketId: string) =>
    actOnTicketAtCounter(deps(), who, action, { commandId: cmd(), counterId, ticketId });
  clock.advance(5 * 60_000); // the first ones within their target, later ones past it
  const a = (await callNext(deps(), s1, { commandId: cmd(), counterId: c1 })).ticket!.id;
  await act(s1, c1, 'recall', a);
  await act(s1, c1, 'start', a);
  await act(s1, c1, 'finish', a);
  clock.advance(20 * 60_000);
  const b = (await callNext(deps(), s1, { commandId: cmd(), counterId: c1 })).ticket!.id;
  await act(s1, c1, 'no_show', b);
  await reactivateTicket(deps(), manager, { commandId: cmd(), ticketId: b });
  await assertAgrees('after a no-show and its reactivation');
  const c = (await callNext(deps(), s2, { commandId: cmd(), counterId: c2 })).ticket!.id;
  await act(s2, c2, 'park', c);
  await act(s2, c2, 'call_back', c);
  await transferTicket(deps(), s2, { commandId: cmd(), ticketId: c, counterId: c2, toMatterId: setUp, toCounterId: c1, reason: '转办' });
  await cancelTicket(deps(), manager, { commandId: cmd(), ticketId: ids[7]! });
  await callNext(deps(), s1, { commandId: cmd(), counterId: c1 }); // left called over midnight
  await assertAgrees('after park, call back, transfer, cancel');
  const d1 = (await liveRow(D1))!;
  assert.is(d1.issued, 8);
  assert.is(d1.served, 1);
  assert.is(d1.cancelled, 1);
  assert.equal({ waiting: d1.waiting, called: d1.called }, { waiting: 5, called: 1 });
  assert.ok(d1.callMeasured >= 2 && d1.waitWithin >= 1 && d1.waitWithin <= d1.callMeasured, JSON.stringify(d1));

  // 00:10 in the hall is 16:10 UTC the day before: the new tickets are the hall's D2, not the UTC date.
  clock.set(instantAt(D2, '00:10', TZ));
  assert.is(clock.now().toISOString().slice(0, 10), D1, 'the UTC date is still the day before');
  assert.is(serviceDate(clock.now(), TZ), D2);
  for (let i = 0; i < 3; i++) await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: setUp });
  await closeEndedDays(deps()); // closes D1's waiting and called tickets
  await assertAgrees('after midnight and the day close');
  assert.is((await liveRow(D1))!.waiting, 0);
  assert.is((await liveRow(D1))!.called, 0);
  assert.is((await liveRow(D2))!.issued, 3);

  const admin = await hall.staff('admin');
  const mine = (await cityLive(deps(), admin)).halls.find((h) => h.hallId === hall.hallId)!;
  assert.equal({ day: mine.serviceDate, issued: mine.issued, waiting: mine.waiting }, { day: D2, issued: 3, waiting: 3 });
  // 10 minutes after the first was issued: 3 waiting, the longest 10 minutes, none past its target yet.
  clock.set(instantAt(D2, '00:20', TZ));
  const later = (await cityLive(deps(), admin)).halls.find((h) => h.hallId === hall.hallId)!;
  assert.is(later.longestWaitMinutes, 10);
});

t('appointment counts follow inserts, status changes, moves and deletes; the report reads them', async () => {
  const matter = (await hall.matter('企业设立登记')).id;
  const other = (await hall.matter('企业注销登记')).id;
  const slot = (day: string, hhmm: string) => instantAt(day, hhmm, TZ);
  const row = (day: string, hhmm: string, status: 'booked' | 'checked_in' | 'no_show' | 'late' | 'cancelled') => ({
    hallId: hall.hallId, matterId: matter, serviceDate: day, slotStart: slot(day, hhmm), slotEnd: slot(day, hhmm), status,
    code: randomBytes(6).toString('hex'), channel: 'online' as const, visitorIdHash: 'h', visitorIdEnc: 'x', visitorIdMasked: '110105********002X',
    phoneHash: 'p', phoneEnc: 'x', phoneMasked: '138****1234', createdAt: slot(day, '08:00'),
  });
  const made = await db.db
    .insert(appointments)
    .values([row(D1, '09:00', 'booked'), row(D1, '09:30', 'checked_in'), row(D1, '10:00', 'late'), row(D2, '09:00', 'booked'), row(D2, '14:00', 'cancelled')])
    .returning({ id: appointments.id });
  await assertAgrees('after inserting appointments');
  await db.db.update(appointments).set({ status: 'no_show' }).where(eq(appointments.id, made[0]!.id));
  await db.db.update(appointments).set({ matterId: other, slotStart: slot(D2, '15:00'), serviceDate: D2 }).where(eq(appointments.id, made[1]!.id));
  await db.db.delete(appointments).where(eq(appointments.id, made[2]!.id));
  await db.db.transaction(async (tx) => {
    await tx.update(appointments).set({ status: 'checked_in' }).where(eq(appointments.id, made[3]!.id));
    await tx.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, made[3]!.id));
  });
  await assertAgrees('after changes, a move, a delete and two changes in one transaction');
  const manager = await hall.staff('manager');
  const scope = { hallIds: [hall.hallId], from: D1, to: D2, now: clock.now() };
  for (const groupBy of ['hall', 'zone', 'matter', 'hour', 'day'] as const) {
    const view = await runReport(deps(), manager, [hall.hallId], { from: D1, to: D2, groupBy });
    const counted = (await countAppointments(db.db, scope, groupBy))!;
    const booked = (k: string) => view.rows.find((r) => r.key === k)?.appointments?.booked ?? 0;
    const pad = (k: string | number | null) => (typeof k === 'number' ? String(k).padStart(2, '0') : String(k));
    for (const a of counted) assert.is(booked(pad(a.k)), a.booked, `${groupBy} ${a.k}`);
    assert.is(view.totals.appointments?.booked, 4, groupBy);
  }
  const [hours] = await queryRows<{ n: number }>(db.db, sql`SELECT count(*)::int AS n FROM report_appointment_counts WHERE dim = 'hour' AND key = '15' AND booked > 0`);
  assert.is(Number(hours!.n), 1, 'the moved appointment counts in its new hour');
});

t('ticket closings: the latest closing event per ticket, on the ticket\'s hall day after midnight; the staff report reads them', async () => {
  const D3 = '2026-11-25';
  const s3 = await hall.staff('staff3');
  const manager = await hall.staff('manager');
  const c3 = (await hall.counter(3)).id;
  const kiosk = await hall.kiosk();
  const matter = (await hall.matter('企业设立登记')).id;
  clock.set(instantAt(D2, '23:30', TZ));
  await actOnCounter(deps(), s3, 'take', { commandId: cmd(), counterId: c3 });
  await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: matter });
  const act = (action: Parameters<typeof actOnTicketAtCounter>[2], ticketId: string) =>
    actOnTicketAtCounter(deps(), s3, action, { commandId: cmd(), counterId: c3, ticketId });
  const closing = async (id: string) => (await db.db.select().from(ticketClosings).where(eq(ticketClosings.ticketId, id)))[0];
  // A no-show, reactivated, called again and started before the hall's midnight, finished after it.
  const y = (await callNext(deps(), s3, { commandId: cmd(), counterId: c3 })).ticket!.id;
  clock.advance(5 * 60_000);
  await act('no_show', y);
  assert.equal({ ...(await closing(y)), seq: 0 }, { hallId: hall.hallId, serviceDate: D2, ticketId: y, seq: 0, status: 'no_show', staffId: s3.id });
  await reactivateTicket(deps(), manager, { commandId: cmd(), ticketId: y });
  clock.set(instantAt(D2, '23:50', TZ));
  assert.is((await callNext(deps(), s3, { commandId: cmd(), counterId: c3 })).ticket!.id, y, 'the reactivated ticket is called first');
  await act('start', y);
  clock.set(instantAt(D3, '00:05', TZ));
  assert.is(clock.now().toISOString().slice(0, 10), D2, 'the UTC date is still the day before');
  await act('finish', y);
  const row = (await closing(y))!;
  assert.equal({ day: row.serviceDate, status: row.status, staffId: row.staffId }, { day: D2, status: 'done', staffId: s3.id }, 'the ticket\'s hall day, not the event\'s');
  await assertAgrees('after a no-show, its reactivation and a finish after midnight');
  // The staff report: the ticket once, served, on its own day; nothing of it on the next day.
  const staffRow = async (from: string, to: string) =>
    (await runReport(deps(), manager, [hall.hallId], { from, to, groupBy: 'staff' })).rows.find((r) => r.key === s3.id);
  const day2 = (await staffRow(D2, D2))!;
  assert.equal({ tickets: day2.tickets, served: day2.served, noShows: day2.noShows }, { tickets: 1, served: 1, noShows: 0 });
  assert.is(day2.handling.measured, 1);
  assert.is(await staffRow(D3, D3), undefined);
  // The day close cancels the day's tickets still open (a cancellation is no closing event): y keeps its row.
  await closeEndedDays(deps());
  assert.equal((await closing(y))?.status, 'done');
  await assertAgrees('after the day close');
});

t.run();
