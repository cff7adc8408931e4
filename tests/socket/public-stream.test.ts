/**
 * The public stream as a wall display sees it, on a real server: calls arrive as 'public:fact' with a
 * CallView; no identity number, masked ID or staff name ever reaches a display; a display that
 * misses facts while disconnected converges to a fresh snapshot; the display session (as the
 * display UI wires it) comes back by itself after a server restart on the same port.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { maskIdNumber } from '../../server/protocol/masking';
import type { PublicHallFact, ServerHello } from '../../server/protocol/events';
import type { HallSnapshot, PublicHallSnapshot } from '../../server/protocol/views';
import { DEMO_STAFF } from '../../server/seed/demo-hall-data';
import type { RunningServer } from '../../server/server';
import { applyPublicFact } from '../../ui-shared/src/apply-fact';
import { connect } from '../../ui-shared/src/connection';
import { createHallSync, type HallSync } from '../../ui-shared/src/hall-sync';
import { createDisplaySession } from '../../display-ui/src/stores/display-session';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, waitFor, emitAck, loginAs, socketFor, startTestServer, type ClientSocket } from '../_support/server';

const DISPLAY = 'dv_demo-display-1';
const KIOSK = 'dv_demo-kiosk-1';
const ID_NUMBER = '11010519491231002X';

let db: TestDb;
let server: RunningServer;
let hallId = '';
let staff: ClientSocket;
const sockets: ClientSocket[] = [];
/** Everything any display socket received, as JSON, for the privacy check. */
const received: string[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openDisplay(): Promise<{ socket: ClientSocket; hello: ServerHello; facts: PublicHallFact[] }> {
  const socket = socketFor(server.url, DISPLAY);
  sockets.push(socket);
  const facts: PublicHallFact[] = [];
  socket.onAny((event: string, payload: unknown) => received.push(JSON.stringify({ event, payload })));
  socket.on('public:fact', (f) => facts.push(f));
  const hello = await new Promise<ServerHello>((resolve) => socket.once('server:hello', resolve));
  return { socket, hello, facts };
}

async function subscribe(socket: ClientSocket): Promise<PublicHallSnapshot> {
  const ack = await emitAck<PublicHallSnapshot>(socket, 'public:subscribe', { hallId });
  assert.ok(ack.ok, JSON.stringify(ack.error));
  received.push(JSON.stringify(ack));
  return ack.data!;
}

async function counterId(number: number): Promise<string> {
  const d = await openDisplay();
  const snap = await subscribe(d.socket);
  d.socket.close();
  return snap.counters.find((c) => c.number === number)!.id;
}

async function issue(matterName: string, idNumber?: string): Promise<{ id: string; number: string }> {
  const matters = (await api(server.url, 'GET', `/api/halls/${hallId}/matters`, undefined, await loginAs(server.url, 'admin'))).json.data as { id: string; name: string }[];
  const matterId = matters.find((m) => m.name === matterName)!.id;
  const r = await api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId, ...(idNumber && { idNumber }) }, KIOSK);
  assert.is(r.status, 201, JSON.stringify(r.json));
  return r.json.data.ticket;
}

async function command(event: string, payload: Record<string, unknown>) {
  const ack = await emitAck(staff, event, { commandId: randomUUID(), ...payload });
  assert.ok(ack.ok, `${event}: ${JSON.stringify(ack.error)}`);
  return ack.data;
}

/** A snapshot as comparable data: without the time it was taken, lists in a fixed order. */
function normalise(s: PublicHallSnapshot | null) {
  assert.ok(s);
  const { serverTime: _t, ...rest } = s!;
  return {
    ...rest,
    tickets: [...rest.tickets].sort((a, b) => a.id.localeCompare(b.id)),
    counters: [...rest.counters].sort((a, b) => a.number - b.number),
    recentCalls: [...rest.recentCalls].sort((a, b) => b.seq - a.seq),
  };
}

function syncFor(socket: ClientSocket): HallSync<PublicHallSnapshot> {
  const sync = createHallSync<PublicHallSnapshot, PublicHallFact>({ fetchSnapshot: () => subscribe(socket), applyFact: applyPublicFact });
  socket.on('public:fact', (f) => sync.receive(f));
  return sync;
}

const t = suite('public stream (wall display)');

t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
  hallId = (await api(server.url, 'GET', '/api/halls', undefined, await loginAs(server.url, 'admin'))).json.data[0].id;
  staff = socketFor(server.url, await loginAs(server.url, 'staff1'));
  sockets.push(staff);
  await connected(staff);
});

t.after(async () => {
  for (const s of sockets) s.close();
  await server.close();
  await db.drop();
});

t('the display is told its hall in server:hello and gets the public snapshot', async () => {
  const d = await openDisplay();
  assert.is(d.hello.role, 'display');
  assert.equal(d.hello.hallIds, [hallId]);
  const snap = await subscribe(d.socket);
  assert.is(snap.hall.id, hallId);
  assert.ok(snap.hall.announcementRepeat >= 1);
  assert.ok(snap.counters.some((c) => c.number === 5));
  const staffSnap = await emitAck(d.socket, 'hall:subscribe', { hallId });
  assert.is(staffSnap.error?.code, 'forbidden', 'a display never gets the staff snapshot');
  d.socket.close();
});

t('a call at counter 5 reaches the display as public:fact with a CallView', async () => {
  const c5 = await counterId(5);
  const d = await openDisplay();
  await subscribe(d.socket);
  await command('counter:take', { counterId: c5 });
  const ticket = await issue('社保登记', ID_NUMBER);
  const called = await command('ticket:call-next', { counterId: c5 });
  assert.is(called.ticket.number, ticket.number);
  const fact = await waitFor(() => d.facts.find((f) => f.type === 'ticket:called'), 3000, 'ticket:called');
  assert.is(fact.call?.number, ticket.number);
  assert.is(fact.call?.counterNumber, 5);
  assert.is(fact.call?.counterName, '自然人综合受理窗口');
  assert.is(fact.call?.matterName, '社保登记');
  assert.is(fact.call?.recall, false);
  assert.is(fact.counter?.currentTicketNumber, ticket.number);
  await command('ticket:recall', { counterId: c5, ticketId: ticket.id });
  const recall = await waitFor(() => d.facts.find((f) => f.type === 'ticket:recalled'), 3000, 'ticket:recalled');
  assert.is(recall.call?.recall, true);
  assert.is(recall.call?.number, ticket.number);
  assert.ok(recall.seq > fact.seq);
  await command('ticket:start', { counterId: c5, ticketId: ticket.id });
  await command('ticket:finish', { counterId: c5, ticketId: ticket.id });
  await waitFor(() => d.facts.find((f) => f.type === 'ticket:finished'), 3000, 'ticket:finished');
  d.socket.close();
});

t('nothing a display receives holds an identity number, a masked one, or a staff name', async () => {
  const c5 = await counterId(5);
  const d = await openDisplay();
  await subscribe(d.socket);
  const ticket = await issue('社会保障卡补换', ID_NUMBER);
  await command('ticket:call-next', { counterId: c5 });
  await command('ticket:start', { counterId: c5, ticketId: ticket.id });
  await waitFor(() => d.facts.find((f) => f.type === 'ticket:started'), 3000, 'ticket:started');
  await subscribe(d.socket); // a snapshot while the ID holder is being served
  // Negative control: the same ticket, seen by staff, does carry the masked number.
  const staffSnap = (await emitAck<HallSnapshot>(staff, 'hall:subscribe', { hallId })).data!;
  const masked = maskIdNumber(ID_NUMBER);
  assert.is(staffSnap.tickets.find((x) => x.id === ticket.id)?.visitorIdMasked, masked);
  assert.ok(JSON.stringify(staffSnap).includes('李娜'), 'staff see the staff name');
  const staffId = (await api(server.url, 'GET', '/api/auth/me', undefined, await loginAs(server.url, 'staff1'))).json.data.id as string;
  assert.is(staffSnap.counters.find((c) => c.id === c5)?.staffId, staffId, 'staff see who holds the counter by id');

  const all = received.join('\n');
  assert.ok(all.includes(ticket.number), 'the display did see the ticket');
  for (const secret of [ID_NUMBER, ID_NUMBER.toLowerCase(), masked, '110105', 'visitorIdMasked', 'staffName', 'staffId', staffId, ...DEMO_STAFF.map((s) => s.displayName)]) {
    assert.not.ok(all.includes(secret), `display received ${secret}`);
  }
  await command('ticket:finish', { counterId: c5, ticketId: ticket.id });
  d.socket.close();
});

t('a display that misses facts while disconnected converges to a fresh snapshot', async () => {
  const c5 = await counterId(5);
  const live = await openDisplay();
  const liveSync = syncFor(live.socket);
  await liveSync.resync();
  const flaky = await openDisplay();
  const flakySync = syncFor(flaky.socket);
  await flakySync.resync();

  flaky.socket.disconnect();
  const missedFrom = live.facts.length;
  await issue('社保登记');
  await issue('居住证办理', ID_NUMBER);
  await issue('企业设立登记');
  const first = await command('ticket:call-next', { counterId: c5 });
  await command('ticket:no-show', { counterId: c5, ticketId: first.ticket.id });
  const second = await command('ticket:call-next', { counterId: c5 });
  await command('ticket:start', { counterId: c5, ticketId: second.ticket.id });
  await command('ticket:finish', { counterId: c5, ticketId: second.ticket.id });
  await command('counter:pause', { counterId: c5, reason: '休息' });
  await waitFor(() => live.facts.slice(missedFrom).some((f) => f.type === 'counter:paused'), 3000, 'counter:paused');
  const missed = live.facts.length - missedFrom;
  assert.ok(missed >= 8, `${missed} facts happened while the display was away`);

  // Reconnect: the display takes a snapshot, as it does after every (re)connect.
  const before = flakySync.snapshots();
  flaky.socket.connect();
  await new Promise((r) => flaky.socket.once('server:hello', r));
  await flakySync.resync();
  assert.is(flakySync.snapshots(), before + 1);

  const fresh = await openDisplay();
  const freshSnap = await subscribe(fresh.socket);
  await waitFor(() => liveSync.state.get()?.seq === freshSnap.seq, 3000, 'live display caught up');
  assert.equal(normalise(flakySync.state.get()), normalise(freshSnap), 'reconnected display = fresh snapshot');
  assert.equal(normalise(liveSync.state.get()), normalise(freshSnap), 'live deltas = fresh snapshot');
  assert.is(freshSnap.counters.find((c) => c.number === 5)?.status, 'paused');
  assert.is(freshSnap.counters.find((c) => c.number === 5)?.pauseReason, '休息', 'the pause reason is public');
  assert.is(live.facts.find((f) => f.type === 'counter:paused')?.counter?.pauseReason, '休息', 'and travels in the fact');
  await command('counter:resume', { counterId: c5 });
  const resumed = await waitFor(() => live.facts.find((f) => f.type === 'counter:resumed'), 3000, 'counter:resumed');
  assert.is(resumed.counter?.pauseReason, null, 'cleared on resume');
  for (const s of [live, flaky, fresh]) s.socket.close();
});

t('the display session comes back by itself after a server restart on the same port', async () => {
  const c5 = await counterId(5);
  const conn = connect({ url: server.url, token: DISPLAY, onProtocolChange: () => assert.unreachable('same protocol') });
  const session = createDisplaySession(conn, { retryMs: 100 });
  try {
    await waitFor(() => session.hall.get(), 5000, 'first snapshot');
    const port = server.port;
    await server.close();
    await waitFor(() => conn.state.get() === 'offline', 5000, 'offline');

    server = await startTestServer(db, undefined, { port });
    staff = socketFor(server.url, await loginAs(server.url, 'staff1'));
    sockets.push(staff);
    await connected(staff);
    await waitFor(() => conn.state.get() === 'online', 10_000, 'reconnected');
    const ticket = await issue('社保登记');
    await command('counter:take', { counterId: c5 }).catch(() => null);
    const called = await command('ticket:call-next', { counterId: c5 });
    assert.is(called.ticket.number, ticket.number);
    const snap = await waitFor(() => {
      const s = session.hall.get();
      return s?.recentCalls[0]?.number === ticket.number ? s : undefined;
    }, 5000, 'the call after the restart');
    assert.is(snap.counters.find((c) => c.number === 5)?.currentTicketNumber, ticket.number);
    const fresh = await openDisplay();
    assert.equal(normalise(session.hall.get()), normalise(await subscribe(fresh.socket)));
    fresh.socket.close();
  } finally {
    session.dispose();
    conn.close();
  }
  await sleep(10);
});

t.run();
