/** The live target scanner: at-risk at 80 %, breached at 100 %, handling overdue — each raised once. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { and, eq, inArray } from 'drizzle-orm';
import { halls, ticketEvents } from '../../db/schema';
import { DEFAULT_HALL_SETTINGS } from '../../server/domain/wait-target';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { issueTicket } from '../../server/app/issue-ticket';
import { startBackgroundJobs } from '../../server/app/targets/jobs';
import { scanTargets } from '../../server/app/targets/target-scanner';
import { actOnTicketAtCounter } from '../../server/app/ticket-actions';
import { transferTicket } from '../../server/app/transfer-ticket';
import { manualClock } from '../../server/domain/clock';
import type { HallFact } from '../../server/protocol/events';
import { socketPublisher, type IoServer } from '../../server/socket/socket-server';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, recordingPublisher, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const T0 = new Date('2026-11-23T02:00:00Z'); // 10:00 Shanghai
const clock = manualClock(T0);
const at = (min: number) => clock.set(new Date(T0.getTime() + min * 60_000));
let db: TestDb;
let hall: DemoHall;
const publisher = recordingPublisher();
const deps = () => testDeps(db.db, clock, publisher);
const alerts = (ticketId: string) =>
  publisher.facts.filter((f) => f.ticket?.id === ticketId && ['ticket:at-risk', 'ticket:breached', 'ticket:handling-overdue'].includes(f.type));

let counter1: string;
let counter3: string;
let kiosk: Awaited<ReturnType<DemoHall['kiosk']>>;

const t = suite('target scanner');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
  counter1 = (await hall.counter(1)).id; // 法人综合: all FR matters
  counter3 = (await hall.counter(3)).id; // 食品经营许可 + 企业设立登记
  kiosk = await hall.kiosk();
  clock.set(T0);
  await actOnCounter(deps(), await hall.staff('staff1'), 'take', { commandId: cmd(), counterId: counter1 });
  await actOnCounter(deps(), await hall.staff('staff2'), 'take', { commandId: cmd(), counterId: counter3 });
});
t.after(async () => db.drop());

t('a general ticket: at risk at 8 of 10 minutes, breached at 10 — each fact once, to the counters that can serve it', async () => {
  at(0);
  const issued = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: (await hall.matter('企业设立登记')).id });
  const id = issued.ticket.id;
  assert.is(issued.ticket.deadline, new Date(T0.getTime() + 10 * 60_000).toISOString());
  assert.is(issued.ticket.alertLevel, 'none');

  at(7.9);
  assert.equal(await scanTargets(deps()), { atRisk: 0, breached: 0, handlingOverdue: 0 });
  at(8);
  assert.equal(await scanTargets(deps()), { atRisk: 1, breached: 0, handlingOverdue: 0 });
  at(9);
  assert.equal(await scanTargets(deps()), { atRisk: 0, breached: 0, handlingOverdue: 0 }, 'not raised twice');
  let facts = alerts(id);
  assert.is(facts.length, 1);
  const risk = facts[0]!;
  assert.is(risk.type, 'ticket:at-risk');
  assert.is(risk.ticket?.alertLevel, 'at_risk');
  assert.equal(risk.alert?.kind, 'at_risk');
  assert.is(risk.alert?.deadline, issued.ticket.deadline);
  assert.is(risk.alert?.elapsedMinutes, 8);
  assert.equal(risk.alert?.counterIds.sort(), [counter1, counter3].sort(), 'both open counters authorised for 企业设立登记');

  at(10);
  assert.equal(await scanTargets(deps()), { atRisk: 0, breached: 1, handlingOverdue: 0 });
  at(15);
  assert.equal(await scanTargets(deps()), { atRisk: 0, breached: 0, handlingOverdue: 0 });
  facts = alerts(id);
  assert.equal(facts.map((f) => f.type), ['ticket:at-risk', 'ticket:breached']);
  assert.is(facts[1]!.ticket?.alertLevel, 'breached');
  assert.is(facts[1]!.seq, facts[0]!.seq + 1, 'facts carry the hall seq');
  const logged = await db.db.select().from(ticketEvents).where(and(eq(ticketEvents.ticketId, id), inArray(ticketEvents.type, ['ticket:at-risk', 'ticket:breached'])));
  assert.is(logged.length, 2, 'and are in the audit log');
  // Tidy up: serve it so later tests start from an empty queue.
  const staff = await hall.staff('staff1');
  await callNext(deps(), staff, { commandId: cmd(), counterId: counter1 });
  await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter1, ticketId: id });
});

t('a complex ticket is at risk at 24 of 30 minutes; a scanner that was down raises breached directly', async () => {
  at(20);
  const food = (await hall.matter('食品经营许可')).id;
  const a = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: food });
  const b = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: food });
  at(20 + 23.9);
  await scanTargets(deps());
  assert.is(alerts(a.ticket.id).length, 0);
  at(20 + 24);
  await scanTargets(deps());
  assert.equal(alerts(a.ticket.id).map((f) => f.type), ['ticket:at-risk']);
  at(20 + 31);
  await scanTargets(deps());
  assert.equal(alerts(b.ticket.id).map((f) => f.type), ['ticket:at-risk', 'ticket:breached'], 'b: at risk with a at minute 24, breached at 31');
  for (const x of [a, b]) {
    const staff = await hall.staff('staff2');
    const called = await callNext(deps(), staff, { commandId: cmd(), counterId: counter3 });
    assert.is(called.ticket?.id, x.ticket.id);
    await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter3, ticketId: x.ticket.id });
  }
});

t('breached directly when the scanner first sees the ticket past its target', async () => {
  at(60);
  const m = (await hall.matter('营业执照变更登记')).id;
  const x = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: m });
  at(72);
  await scanTargets(deps());
  assert.equal(alerts(x.ticket.id).map((f) => f.type), ['ticket:breached']);
  assert.equal(alerts(x.ticket.id)[0]!.alert?.counterIds, [counter1], 'only counter 1 is authorised for this matter');
  const staff = await hall.staff('staff1');
  await callNext(deps(), staff, { commandId: cmd(), counterId: counter1 });
  await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter1, ticketId: x.ticket.id });
});

t('several scanners at once (several server processes): each alert is raised exactly once', async () => {
  at(100);
  const m = (await hall.matter('企业设立登记')).id;
  const issued = await Promise.all(Array.from({ length: 5 }, () => issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: m })));
  at(108.5);
  const reports = await Promise.all([scanTargets(deps()), scanTargets(deps()), scanTargets(deps()), scanTargets(deps())]);
  assert.is(reports.reduce((s, r) => s + r.atRisk, 0), 5);
  for (const i of issued) assert.is(alerts(i.ticket.id).length, 1);
  at(111);
  const again = await Promise.all([scanTargets(deps()), scanTargets(deps())]);
  assert.is(again.reduce((s, r) => s + r.breached, 0), 5);
  for (const i of issued) assert.equal(alerts(i.ticket.id).map((f) => f.type), ['ticket:at-risk', 'ticket:breached']);
  const staff = await hall.staff('staff1');
  for (let k = 0; k < 5; k++) {
    const called = await callNext(deps(), staff, { commandId: cmd(), counterId: counter1 });
    await actOnTicketAtCounter(deps(), staff, 'no_show', { commandId: cmd(), counterId: counter1, ticketId: called.ticket!.id });
  }
});

t('a called ticket raises nothing; a ticket transferred to one counter alerts that counter only', async () => {
  at(200);
  const m = (await hall.matter('企业设立登记')).id;
  const x = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: m });
  const staff = await hall.staff('staff1');
  at(203);
  await callNext(deps(), staff, { commandId: cmd(), counterId: counter1 });
  at(230);
  await scanTargets(deps());
  assert.is(alerts(x.ticket.id).length, 0, 'called: no alert');
  await transferTicket(deps(), staff, { commandId: cmd(), ticketId: x.ticket.id, counterId: counter1, toCounterId: counter3, reason: '食品许可同窗办理' });
  at(231);
  await scanTargets(deps());
  const facts = alerts(x.ticket.id);
  assert.equal(facts.map((f) => f.type), ['ticket:breached'], 'its clock kept running through the transfer');
  assert.equal(facts[0]!.alert?.counterIds, [counter3]);
  const s2 = await hall.staff('staff2');
  await callNext(deps(), s2, { commandId: cmd(), counterId: counter3 });
  await actOnTicketAtCounter(deps(), s2, 'no_show', { commandId: cmd(), counterId: counter3, ticketId: x.ticket.id });
});

t('serving past the 20-minute handling target raises ticket:handling-overdue once, for that counter', async () => {
  at(300);
  const m = (await hall.matter('企业设立登记')).id;
  const x = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: m });
  const staff = await hall.staff('staff1');
  await callNext(deps(), staff, { commandId: cmd(), counterId: counter1 });
  await actOnTicketAtCounter(deps(), staff, 'start', { commandId: cmd(), counterId: counter1, ticketId: x.ticket.id });
  at(319.9);
  assert.is((await scanTargets(deps())).handlingOverdue, 0);
  at(320);
  assert.is((await scanTargets(deps())).handlingOverdue, 1);
  at(330);
  assert.is((await scanTargets(deps())).handlingOverdue, 0);
  const facts = alerts(x.ticket.id);
  assert.equal(facts.map((f) => f.type), ['ticket:handling-overdue']);
  assert.is(facts[0]!.counter?.id, counter1);
  assert.equal(facts[0]!.alert, {
    kind: 'handling_overdue',
    deadline: new Date(T0.getTime() + 320 * 60_000).toISOString(),
    targetMinutes: 20,
    elapsedMinutes: 20,
    counterIds: [counter1],
  });
  await actOnTicketAtCounter(deps(), staff, 'finish', { commandId: cmd(), counterId: counter1, ticketId: x.ticket.id });
});

t('the socket publisher sends alerts to the hall staff room and to each counter that can serve the ticket', () => {
  const sent: { rooms: string[]; event: string }[] = [];
  // The publisher emits to this node's sockets (io.local); other nodes get the facts through the fact bus.
  const local = { to: (rooms: string | string[]) => ({ emit: (event: string) => sent.push({ rooms: [rooms].flat(), event }) }) };
  const io = { local } as unknown as IoServer;
  const fact = alerts(publisher.facts.find((f) => f.type === 'ticket:at-risk')!.ticket!.id)[0]! as HallFact;
  socketPublisher(() => io).publish(hall.hallId, [fact]);
  const staffSend = sent.find((s) => s.event === 'hall:fact')!;
  assert.ok(staffSend.rooms.includes(`hall:${hall.hallId}:staff`));
  for (const c of fact.alert!.counterIds) assert.ok(staffSend.rooms.includes(`counter:${c}`));
  const publicSend = sent.find((s) => s.event === 'public:fact')!;
  assert.equal(publicSend.rooms, [`hall:${hall.hallId}:public`]);
});

t('a hall that fails is logged and skipped; the halls after it still get their alerts', async () => {
  at(300);
  const m = (await hall.matter('企业设立登记')).id;
  const x = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: m });
  // Scanned before the demo hall (XH-ZX); its time zone makes every hall-local date throw.
  const [bad] = await db.db
    .insert(halls)
    .values({ code: 'AA-BROKEN', name: '坏数据大厅', timeZone: 'Mars/Olympus', sessions: [{ start: '09:00', end: '12:00' }], settings: DEFAULT_HALL_SETTINGS })
    .returning();
  try {
    at(309);
    const logged: string[] = [];
    const report = await scanTargets(deps(), (msg) => logged.push(msg));
    assert.equal(report, { atRisk: 1, breached: 0, handlingOverdue: 0 }, 'the demo hall was still scanned');
    assert.equal(alerts(x.ticket.id).map((f) => f.type), ['ticket:at-risk']);
    assert.is(logged.length, 1);
    assert.ok(logged[0]!.includes('AA-BROKEN'), logged[0]);
  } finally {
    await db.db.delete(halls).where(eq(halls.id, bad!.id));
  }
});

t('the background jobs run on their interval with the injected clock and stop cleanly', async () => {
  at(400);
  const m = (await hall.matter('企业设立登记')).id;
  const x = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: m });
  at(409);
  const logged: unknown[] = [];
  const jobs = startBackgroundJobs(deps(), { log: (_m, e) => logged.push(e), targetScanMs: 20, noShowMs: 20 });
  for (let i = 0; i < 100 && alerts(x.ticket.id).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  await jobs.stop();
  assert.equal(alerts(x.ticket.id).map((f) => f.type), ['ticket:at-risk']);
  assert.equal(logged, []);
});

t.run();
