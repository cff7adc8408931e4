/**
 * The phone page's live socket (docs/cases.md "The phone page follows live"), on a real server:
 * a handshake with the ticket's progress token is a visitor that may only follow its own ticket;
 * after a call it is nudged (no data in the nudge) and its re-subscription carries the masked view
 * with the counter; a waiting ticket behind hears the queue move; it cannot join a hall's rooms or
 * do any command; a token that names no ticket is refused at the handshake with a clear code.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { ProgressNudge, ServerHello } from '../../server/protocol/events';
import type { ProgressView } from '../../server/protocol/progress';
import type { PublicHallSnapshot } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, waitFor, emitAck, loginAs, progressSocketFor, socketFor, startTestServer, type ClientSocket } from '../_support/server';

const KIOSK = 'dv_demo-kiosk-1';
const ID_NUMBER = '11010519491231002X';

let db: TestDb;
let server: RunningServer;
let hallId = '';
let c5 = '';
let staff: ClientSocket;
const sockets: ClientSocket[] = [];

async function issue(matterName: string, idNumber?: string): Promise<{ ticket: { id: string; number: string }; token: string }> {
  const matters = (await api(server.url, 'GET', `/api/halls/${hallId}/matters`, undefined, await loginAs(server.url, 'admin'))).json.data as { id: string; name: string }[];
  const matterId = matters.find((m) => m.name === matterName)!.id;
  const r = await api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId, ...(idNumber && { idNumber }) }, KIOSK);
  assert.is(r.status, 201, JSON.stringify(r.json));
  return r.json.data;
}

async function command(event: string, payload: Record<string, unknown>) {
  const ack = await emitAck(staff, event, { commandId: randomUUID(), ...payload });
  assert.ok(ack.ok, `${event}: ${JSON.stringify(ack.error)}`);
  return ack.data;
}

/** A phone page's socket: everything it hears, as JSON (for the privacy check), and its nudges. */
async function openPhone(token: unknown) {
  const socket = progressSocketFor(server.url, token);
  sockets.push(socket);
  const heard: string[] = [];
  const nudges: ProgressNudge[] = [];
  socket.onAny((event: string, payload: unknown) => heard.push(JSON.stringify({ event, payload })));
  socket.on('progress:nudge', (n) => nudges.push(n));
  const hello = new Promise<ServerHello>((resolve) => socket.once('server:hello', resolve));
  await connected(socket);
  return { socket, heard, nudges, hello: await hello };
}

async function follow(socket: ClientSocket): Promise<ProgressView> {
  const ack = await emitAck<ProgressView>(socket, 'progress:subscribe', {});
  assert.ok(ack.ok, JSON.stringify(ack.error));
  return ack.data!;
}

const t = suite('the phone page follows its ticket live (visitor socket)');

t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
  hallId = (await api(server.url, 'GET', '/api/halls', undefined, await loginAs(server.url, 'admin'))).json.data[0].id;
  staff = socketFor(server.url, await loginAs(server.url, 'staff1'));
  sockets.push(staff);
  await connected(staff);
  const snap = (await emitAck<PublicHallSnapshot>(staff, 'hall:subscribe', { hallId })).data!;
  c5 = snap.counters.find((c) => c.number === 5)!.id;
});

t.after(async () => {
  for (const s of sockets) s.close();
  await server.close();
  await db.drop();
});

t('a call nudges the called ticket’s phone (no data in the nudge) and the one behind it; the re-read says 请到 5 号窗口', async () => {
  await command('counter:take', { counterId: c5 });
  const first = await issue('社保登记', ID_NUMBER);
  const second = await issue('社保登记');
  const phone = await openPhone(first.token);
  const behind = await openPhone(second.token);
  assert.is(phone.hello.role, 'visitor');
  assert.equal(phone.hello.hallIds, []);
  const before = await follow(phone.socket);
  assert.is(before.ticket.status, 'waiting');
  assert.is(before.ticket.number, first.ticket.number);
  const behindBefore = await follow(behind.socket);
  assert.ok(behindBefore.peopleAhead! >= 1, JSON.stringify(behindBefore));

  await command('ticket:call', { counterId: c5, ticketId: first.ticket.id });
  await waitFor(() => phone.nudges.some((n) => n.reason === 'ticket'), 5000, 'the called ticket’s nudge');
  assert.ok(phone.nudges.every((n) => Object.keys(n).join() === 'reason'), JSON.stringify(phone.nudges));
  const after = await follow(phone.socket);
  assert.is(after.ticket.status, 'called');
  assert.is(after.ticket.counterNumber, 5);
  // The ticket behind is not called, but its people ahead went down: the queue room nudged it.
  await waitFor(() => behind.nudges.some((n) => n.reason === 'queue'), 5000, 'the queue nudge');
  assert.is((await follow(behind.socket)).peopleAhead, behindBefore.peopleAhead! - 1);
  // Only masked data: the identity number never reaches the phone, neither in a nudge nor in a view.
  const all = phone.heard.join('\n') + JSON.stringify(after);
  assert.not.ok(all.includes(ID_NUMBER));
  assert.not.ok(all.includes('110105'));
  await command('ticket:start', { counterId: c5, ticketId: first.ticket.id });
  await command('ticket:finish', { counterId: c5, ticketId: first.ticket.id });
  await waitFor(() => phone.nudges.filter((n) => n.reason === 'ticket').length >= 3, 5000, 'nudges for start and finish');
  const done = await follow(phone.socket);
  assert.is(done.ticket.status, 'done');
  // A finished ticket has left the queue: the queue's moves (a third ticket called) no longer nudge it.
  const heardBefore = phone.nudges.length;
  const third = await issue('社保登记');
  await command('ticket:call', { counterId: c5, ticketId: third.ticket.id });
  await waitFor(() => behind.nudges.filter((n) => n.reason === 'queue').length >= 2, 5000, 'a second queue nudge');
  assert.is(phone.nudges.length, heardBefore);
  await command('ticket:start', { counterId: c5, ticketId: third.ticket.id });
  await command('ticket:finish', { counterId: c5, ticketId: third.ticket.id });
});

t('the visitor may follow only its own ticket: no hall room, no other ticket, no command', async () => {
  const mine = await issue('社保登记');
  const other = await issue('社保登记');
  const phone = await openPhone(mine.token);
  for (const [event, input] of [
    ['hall:subscribe', { hallId }],
    ['public:subscribe', { hallId }],
    ['ticket:call-next', { commandId: randomUUID(), counterId: c5 }],
    ['ticket:cancel', { commandId: randomUUID(), ticketId: other.ticket.id }],
    ['counter:take', { commandId: randomUUID(), counterId: c5 }],
  ] as const) {
    const ack = await emitAck(phone.socket, event, input);
    assert.is(ack.error?.code, 'forbidden', `${event}: ${JSON.stringify(ack)}`);
  }
  // The subscription names no ticket: asking for another one is invalid input, not a way in.
  const named = await emitAck(phone.socket, 'progress:subscribe', { ticketId: other.ticket.id });
  assert.is(named.error?.code, 'validation_failed');
  assert.is((await follow(phone.socket)).ticket.number, mine.ticket.number);
  // Its rooms are its own ticket's and the queue's; the other ticket being called nudges it only as 'queue'.
  const rooms = [...(server.io.of('/').sockets.get(phone.socket.id!)?.rooms ?? [])].filter((r) => r !== phone.socket.id);
  assert.equal(rooms.sort(), [`progress-queue:${hallId}`, `progress:${mine.ticket.id}`].sort());
  await command('ticket:call', { counterId: c5, ticketId: other.ticket.id });
  await waitFor(() => phone.nudges.length > 0, 5000, 'the queue nudge');
  assert.ok(phone.nudges.every((n) => n.reason === 'queue'), JSON.stringify(phone.nudges));
  // Staff sockets cannot use the visitor's subscription either.
  assert.is((await emitAck(staff, 'progress:subscribe', {})).error?.code, 'forbidden');
  await command('ticket:start', { counterId: c5, ticketId: other.ticket.id });
  await command('ticket:finish', { counterId: c5, ticketId: other.ticket.id });
});

t('a token that names no ticket, or is no token at all, is refused at the handshake with a clear code', async () => {
  for (const bad of ['A'.repeat(43), 'short', 42, { $ne: null }, '']) {
    const socket = progressSocketFor(server.url, bad);
    sockets.push(socket);
    const err = await connected(socket).then(
      () => null,
      (e: Error & { data?: { code?: string; message?: string } }) => e,
    );
    assert.ok(err, `accepted ${JSON.stringify(bad)}`);
    assert.is(err!.message, 'unauthenticated');
    assert.is(err!.data?.code, 'unauthenticated');
    assert.match(err!.data?.message ?? '', /No ticket/);
  }
});

t.run();
