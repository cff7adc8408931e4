/**
 * Counter staff act on the ticket at their own counter only. Transferring a waiting ticket, a
 * ticket at a colleague's counter, or cancelling any ticket is a manager action (issue #11 §4).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { issueTicket } from '../../server/app/issue-ticket';
import { ticketView as loadTicket } from '../../server/app/loaders';
import { cancelTicket } from '../../server/app/ticket-admin-actions';
import { transferTicket } from '../../server/app/transfer-ticket';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { codeOf, cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const clock = manualClock('2026-11-23T01:30:00Z');
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock);

const t = suite('staff ticket rights');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('staff cannot move a waiting ticket, even naming their own counter; a manager can', async () => {
  const kiosk = await hall.kiosk();
  const s1 = await hall.staff('staff1');
  const c1 = await hall.counter(1);
  const c2 = await hall.counter(2);
  const m = await hall.matter('企业设立登记');
  await actOnCounter(deps(), s1, 'take', { commandId: cmd(), counterId: c1.id });
  const waiting = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: m.id });
  assert.is(await codeOf(transferTicket(deps(), s1, { commandId: cmd(), ticketId: waiting.ticket.id, counterId: c1.id, toCounterId: c2.id, reason: '插队' })), 'forbidden');
  assert.is(await codeOf(transferTicket(deps(), s1, { commandId: cmd(), ticketId: waiting.ticket.id, toCounterId: c2.id, reason: '插队' })), 'forbidden');
  assert.is((await loadTicket(db.db, waiting.ticket.id)).targetCounterId, null, 'nothing written');
  const moved = await transferTicket(deps(), await hall.staff('manager'), { commandId: cmd(), ticketId: waiting.ticket.id, toCounterId: c2.id, reason: '分流' });
  assert.is(moved.ticket?.targetCounterId, c2.id);
});

t('staff transfer the ticket in hand at their counter, not one at a colleague’s counter', async () => {
  const kiosk = await hall.kiosk();
  const s1 = await hall.staff('staff1');
  const s2 = await hall.staff('staff2');
  const c1 = await hall.counter(1);
  const c2 = await hall.counter(2);
  const m = await hall.matter('企业设立登记');
  await actOnCounter(deps(), s2, 'take', { commandId: cmd(), counterId: c2.id });
  await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: m.id });
  await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: m.id });
  const atC2 = await callNext(deps(), s2, { commandId: cmd(), counterId: c2.id });
  assert.is(
    await codeOf(transferTicket(deps(), s1, { commandId: cmd(), ticketId: atC2.ticket!.id, counterId: c1.id, toCounterId: c1.id, reason: '抢号' })),
    'forbidden',
    'naming their own counter does not reach the ticket at counter 2',
  );
  assert.is(await codeOf(transferTicket(deps(), s1, { commandId: cmd(), ticketId: atC2.ticket!.id, counterId: c2.id, toCounterId: c1.id, reason: '抢号' })), 'forbidden', 'nor does naming counter 2');
  const mine = await transferTicket(deps(), s2, { commandId: cmd(), ticketId: atC2.ticket!.id, counterId: c2.id, toCounterId: c1.id, reason: '应由1号窗口办理' });
  assert.is(mine.ticket?.status, 'waiting');
  assert.is(mine.ticket?.targetCounterId, c1.id);
});

t('staff cancel only the ticket at their own counter; a waiting or a colleague’s ticket is a manager’s', async () => {
  const kiosk = await hall.kiosk();
  const s2 = await hall.staff('staff2');
  const c2 = await hall.counter(2);
  const m = await hall.matter('企业设立登记');
  const w = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: m.id });
  assert.is(await codeOf(cancelTicket(deps(), s2, { commandId: cmd(), ticketId: w.ticket.id })), 'forbidden');
  const called = await callNext(deps(), s2, { commandId: cmd(), counterId: c2.id });
  assert.is(await codeOf(cancelTicket(deps(), await hall.staff('staff1'), { commandId: cmd(), ticketId: called.ticket!.id })), 'forbidden', 'a colleague’s ticket');
  assert.is((await loadTicket(db.db, called.ticket!.id)).status, 'called', 'nothing written');
  const own = await cancelTicket(deps(), s2, { commandId: cmd(), ticketId: called.ticket!.id, reason: '办事人离开' });
  assert.is(own.ticket?.status, 'cancelled');
  const byManager = await cancelTicket(deps(), await hall.staff('manager'), { commandId: cmd(), ticketId: w.ticket.id, reason: '办事人离开' });
  assert.is(byManager.ticket?.status, 'cancelled');
});

t.run();
