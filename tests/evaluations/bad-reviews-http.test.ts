/**
 * Over HTTP on a real server: pad pairing, the bad-review workflow with its step log, managers
 * seeing real-name evaluators masked, and the evaluated staff member's views holding no evaluator
 * identity at all; bad input answers clear codes.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { HallSnapshot } from '../../server/protocol/views';
import type { BadReviewView } from '../../server/protocol/evaluations';
import { manualClock } from '../../server/domain/clock';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, loginAs, socketFor, startTestServer, type ClientSocket } from '../_support/server';

const clock = manualClock('2026-11-23T01:30:00Z'); // Monday 09:30 Shanghai
const ID = '11010519491231002X';
let db: TestDb;
let server: RunningServer;
let admin: string;
let manager: string;
let staff1: string;
let staff2: string;
let hallId: string;
let snap: HallSnapshot;
let sockets: ClientSocket[] = [];

const t = suite('bad reviews over HTTP');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db, clock);
  admin = await loginAs(server.url, 'admin');
  manager = await loginAs(server.url, 'manager');
  staff1 = await loginAs(server.url, 'staff1');
  staff2 = await loginAs(server.url, 'staff2');
  hallId = (await api(server.url, 'GET', '/api/halls', undefined, manager)).json.data[0].id;
  snap = (await api(server.url, 'GET', `/api/halls/${hallId}/snapshot`, undefined, manager)).json.data;
});
t.after(async () => {
  for (const s of sockets) s.close();
  await server?.close();
  await db?.drop();
});

async function staffSocket(token: string): Promise<ClientSocket> {
  const s = socketFor(server.url, token);
  sockets.push(s);
  await connected(s);
  return s;
}

async function serve(socket: ClientSocket, counterNumber: number, o: { idNumber?: string } = {}): Promise<{ token: string; ticketId: string; number: string }> {
  const counter = snap.counters.find((c) => c.number === counterNumber)!;
  const matter = snap.matters.find((m) => m.name === '企业设立登记')!;
  const issued = await api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: matter.id, ...o }, 'dv_demo-kiosk-1');
  assert.is(issued.status, 201, JSON.stringify(issued.json));
  const ticketId = issued.json.data.ticket.id;
  for (const [event, extra] of [['ticket:call-next', {}], ['ticket:start', { ticketId }], ['ticket:finish', { ticketId }]] as const) {
    const r = await emitAck(socket, event, { commandId: randomUUID(), counterId: counter.id, ...extra });
    assert.ok(r.ok, `${event} ${JSON.stringify(r.error)}`);
  }
  return { token: issued.json.data.token, ticketId, number: issued.json.data.ticket.number };
}

const step = (token: string, reviewId: string, action: string, note: string, decision?: string) =>
  api(server.url, 'POST', `/api/bad-reviews/${reviewId}/steps`, { commandId: randomUUID(), action, note, ...(decision && { decision }) }, token);

t('admins create, pair and unpair evaluator pads; others may not', async () => {
  const c2 = snap.counters.find((c) => c.number === 2)!;
  const c3 = snap.counters.find((c) => c.number === 3)!;
  assert.is((await api(server.url, 'POST', `/api/halls/${hallId}/evaluator-pads`, { name: '2号评价器', counterId: c2.id }, manager)).status, 403);
  const created = await api(server.url, 'POST', `/api/halls/${hallId}/evaluator-pads`, { name: '2号评价器', counterId: c2.id }, admin);
  assert.is(created.status, 201);
  const padToken = created.json.data.token as string;
  assert.match(padToken, /^dv_/);
  assert.is((await api(server.url, 'GET', '/api/evaluation/pad', undefined, padToken)).json.data.counter.number, 2);
  const moved = await api(server.url, 'PUT', `/api/evaluator-pads/${created.json.data.id}/counter`, { counterId: c3.id }, admin);
  assert.is(moved.json.data.counterNumber, 3);
  assert.is((await api(server.url, 'GET', '/api/evaluation/pad', undefined, padToken)).json.data.counter.number, 3);
  const unpaired = await api(server.url, 'DELETE', `/api/evaluator-pads/${created.json.data.id}/counter`, undefined, admin);
  assert.is(unpaired.json.data.counterId, null);
  assert.is((await api(server.url, 'GET', '/api/evaluation/pad', undefined, padToken)).json.data.counter, null);
  const listed = await api(server.url, 'GET', `/api/halls/${hallId}/evaluator-pads`, undefined, manager);
  assert.ok(listed.json.data.some((p: { name: string }) => p.name === '1号窗口评价器'));
  // An unpaired pad rates nothing.
  const s1 = await staffSocket(staff1);
  assert.ok((await emitAck(s1, 'counter:take', { commandId: randomUUID(), counterId: snap.counters.find((c) => c.number === 1)!.id })).ok);
  const served = await serve(s1, 1);
  const r = await api(server.url, 'POST', '/api/evaluation/pad/evaluations', { commandId: randomUUID(), serviceId: served.ticketId, level: 5 }, padToken);
  assert.is(r.status, 409);
  assert.is(r.json.error.code, 'wrong_counter');
  // A pad of another counter may not read as a kiosk would, nor a kiosk rate as a pad.
  assert.is((await api(server.url, 'GET', '/api/evaluation/pad', undefined, 'dv_demo-kiosk-1')).status, 403);
});

t('bad input over HTTP: clear codes', async () => {
  const s1 = sockets[0]!;
  const served = await serve(s1, 1);
  const post = (body: unknown) => api(server.url, 'POST', `/api/evaluation/by-token/${served.token}`, body);
  const cases: [unknown, number, string][] = [
    [{ commandId: randomUUID(), level: 7 }, 400, 'evaluation_level_invalid'],
    [{ commandId: randomUUID(), level: 'five' }, 400, 'validation_failed'],
    [{ commandId: randomUUID(), level: 2 }, 400, 'evaluation_reason_required'],
    [{ commandId: randomUUID(), level: 5, extra: 1 }, 400, 'validation_failed'],
    [{ level: 5 }, 400, 'validation_failed'],
  ];
  for (const [body, status, code] of cases) {
    const r = await post(body);
    assert.is(r.status, status, JSON.stringify(body));
    assert.is(r.json.error.code, code, JSON.stringify(body));
  }
  assert.is((await api(server.url, 'GET', `/api/evaluation/by-token/${served.token}`)).json.data.status, 'open', 'nothing written');
  assert.is((await api(server.url, 'GET', '/api/evaluation/by-token/AAAAAAAAAAAAAAAAAAAAAAAA')).status, 404);
  assert.is((await api(server.url, 'POST', '/api/bad-reviews/not-a-uuid/steps', { commandId: randomUUID(), action: 'contact', note: 'x' }, manager)).status, 404);
});

t('the "1、3、1" workflow: every step logged; a real-name review closes only after a call-back; managers see the evaluator masked', async () => {
  const s1 = sockets[0]!;
  const served = await serve(s1, 1, { idNumber: ID });
  const rated = await api(server.url, 'POST', `/api/evaluation/by-token/${served.token}`, { commandId: randomUUID(), level: 1, reasons: ['attitude'], text: '态度生硬' });
  assert.is(rated.status, 201);
  const open = await api(server.url, 'GET', `/api/halls/${hallId}/bad-reviews`, undefined, manager);
  const review = (open.json.data as BadReviewView[]).find((b) => b.ticketNumber === served.number)!;
  assert.ok(review);
  assert.is(review.state, 'pending_contact');
  assert.is(review.realName, true);
  assert.is(review.evaluatorMasked, '110105********002X');
  assert.not.ok(JSON.stringify(open.json).includes(ID), 'never the raw identity number');
  assert.equal(review.deadlines?.dueDates, { contact: '2026-11-24', reply: '2026-11-27', close: '2026-11-30' });
  assert.equal(review.actions, ['contact']);

  assert.is((await step(staff2, review.id, 'contact', '冒充处理')).json.error.code, 'forbidden');
  for (const [action, note] of [['contact', '电话 13812345678 联系评价人，已致歉'], ['rectify', '组织窗口整改'], ['reply', '签字反馈已送达']] as const) {
    clock.advance(3_600_000);
    const r = await step(manager, review.id, action, note);
    assert.is(r.status, 201, `${action}: ${JSON.stringify(r.json)}`);
  }
  const refused = await step(manager, review.id, 'close', '想直接办结');
  assert.is(refused.status, 409);
  assert.is(refused.json.error.code, 'callback_required');
  assert.is((await step(manager, review.id, 'revisit', '回访：评价人表示满意')).status, 201);
  assert.is((await step(manager, review.id, 'close', '复核通过，办结')).status, 201);
  const all = await api(server.url, 'GET', `/api/halls/${hallId}/bad-reviews?open=false`, undefined, manager);
  const closed = (all.json.data as BadReviewView[]).find((b) => b.id === review.id)!;
  assert.is(closed.state, 'closed');
  assert.is(closed.onTime, true);
  assert.equal(
    closed.steps.map((s) => [s.action, s.toState, s.actorName]),
    [
      ['open', 'pending_contact', null],
      ['contact', 'contacted', '王主任'],
      ['rectify', 'rectifying', '王主任'],
      ['reply', 'replied', '王主任'],
      ['revisit', 'revisited', '王主任'],
      ['close', 'closed', '王主任'],
    ],
  );
  assert.not.ok(JSON.stringify(all.json).includes('13812345678'), 'a phone number typed into a note is blanked before it is stored');
  const open2 = await api(server.url, 'GET', `/api/halls/${hallId}/bad-reviews`, undefined, manager);
  assert.not.ok((open2.json.data as BadReviewView[]).some((b) => b.id === review.id), 'closed reviews leave the open list');
});

t('appeal: the evaluated staff member contests, a manager decides; the staff views hold no evaluator identity', async () => {
  const s1 = sockets[0]!;
  const served = await serve(s1, 1, { idNumber: ID });
  await api(server.url, 'POST', `/api/evaluation/by-token/${served.token}`, { commandId: randomUUID(), level: 2, reasons: ['slow'] });
  const mine = await api(server.url, 'GET', '/api/evaluation/mine', undefined, staff1);
  assert.is(mine.status, 200);
  const entry = mine.json.data.find((e: { badReview: { state: string } | null; level: number }) => e.level === 2 && e.badReview?.state === 'pending_contact');
  assert.ok(entry, 'staff1 sees the rating of their own service');
  assert.equal(entry.badReview.actions, ['appeal']);
  const text = JSON.stringify(mine.json);
  for (const secret of [ID, '110105********002X', '002X', 'evaluatorMasked', 'realName', 'visitor', served.token, served.number, 'deviceId', 'ticketId']) {
    assert.not.ok(text.includes(secret), `the staff view must not contain ${secret}`);
  }
  assert.is((await api(server.url, 'GET', `/api/halls/${hallId}/bad-reviews`, undefined, staff1)).status, 403, 'the manager list is not for staff');
  assert.is((await api(server.url, 'GET', `/api/halls/${hallId}/evaluation/today`, undefined, staff1)).status, 403);
  assert.is((await api(server.url, 'GET', `/api/halls/${hallId}/evaluation-report?from=2026-11-01&to=2026-11-30`, undefined, staff1)).status, 403);
  // Another staff member may not appeal it; the evaluated one may, and gets back only id and state.
  assert.is((await step(staff2, entry.badReview.id, 'appeal', '不是我')).json.error.code, 'forbidden');
  const appealed = await step(staff1, entry.badReview.id, 'appeal', '评价人因排队时间长迁怒窗口，有录像为证');
  assert.is(appealed.status, 201);
  assert.equal(Object.keys(appealed.json.data).sort(), ['id', 'state']);
  assert.is(appealed.json.data.state, 'appealing');
  assert.is((await step(staff1, entry.badReview.id, 'decide_appeal', '我裁定', 'upheld')).json.error.code, 'forbidden');
  const decided = await step(manager, entry.badReview.id, 'decide_appeal', '核实录像，申诉成立', 'upheld');
  assert.is(decided.json.data.state, 'closed');
  const after = JSON.stringify((await api(server.url, 'GET', '/api/evaluation/mine', undefined, staff1)).json);
  assert.not.ok(after.includes('002X'));
  assert.ok(after.includes('核实录像，申诉成立'), 'the staff member reads the decision on their appeal');
});

t('the report over HTTP: JSON for the manager’s halls, CSV as a download', async () => {
  const day = '2026-11-23';
  const json = await api(server.url, 'GET', `/api/evaluation-report?from=${day}&to=${day}&groupBy=staff`, undefined, manager);
  assert.is(json.status, 200);
  assert.equal(json.json.data.hallIds, [hallId]);
  // This file rated two services: level 1 (closed after the call-back) and level 2 (appeal upheld).
  const totals = json.json.data.totals;
  assert.equal([totals.total, totals.byLevel, totals.badRate, totals.closed, totals.closedOnTime, totals.appealUpheld], [2, { '1': 1, '2': 1, '3': 0, '4': 0, '5': 0 }, 1, 2, 2, 1]);
  const res = await fetch(`${server.url}/api/halls/${hallId}/evaluation-report?from=${day}&to=${day}&groupBy=day&format=csv&lang=en`, { headers: { authorization: `Bearer ${manager}` } });
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', 'text/csv');
  assert.match(res.headers.get('content-disposition') ?? '', 'attachment; filename="evaluations-day-2026-11-23-2026-11-23.csv"');
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark for Excel');
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(text.startsWith('Group,Evaluations'));
  assert.ok(text.includes('\r\n2026-11-23,2,0,0,0,1,1,0.0,100.0,2,2,2,1\r\n'), text);
  const bad = await api(server.url, 'GET', `/api/halls/${hallId}/evaluation-report?from=2026-11-24&to=2026-11-23`, undefined, manager);
  assert.is(bad.status, 400);
});

t('the "1、3、1" days are hall settings: a review opened after an admin changes them follows the new days; open ones keep theirs', async () => {
  clock.set('2026-11-30T02:00:00Z'); // Monday 10:00: a week later, sign in again
  const admin2 = await loginAs(server.url, 'admin');
  const manager2 = await loginAs(server.url, 'manager');
  // The counter too: last week's session has expired (12 hours), and the server's session
  // re-check disconnects its socket within seconds — the old socket may not be used.
  const s1 = await staffSocket(await loginAs(server.url, 'staff1'));
  const counter1 = snap.counters.find((c) => c.number === 1)!;
  const took = await emitAck(s1, 'counter:take', { commandId: randomUUID(), counterId: counter1.id });
  assert.ok(took.ok, JSON.stringify(took.error));
  const before = await serve(s1, 1);
  await api(server.url, 'POST', `/api/evaluation/by-token/${before.token}`, { commandId: randomUUID(), level: 2, reasons: ['slow'] });
  const changed = await api(server.url, 'PATCH', `/api/halls/${hallId}`, { settings: { badReviewContactDays: 2, badReviewReplyDays: 4, badReviewCloseDays: 2 } }, admin2);
  assert.is(changed.status, 200, JSON.stringify(changed.json));
  assert.is((await api(server.url, 'PATCH', `/api/halls/${hallId}`, { settings: { badReviewCloseDays: 0 } }, admin2)).status, 400, 'closing always has a deadline: at least one working day');
  assert.is((await api(server.url, 'PATCH', `/api/halls/${hallId}`, { settings: { badReviewContactDays: -1 } }, admin2)).status, 400, 'no negative days');
  assert.is((await api(server.url, 'PATCH', `/api/halls/${hallId}`, { settings: { badReviewReplyDays: 31 } }, admin2)).status, 400, 'at most 30 working days');
  const after = await serve(s1, 1);
  await api(server.url, 'POST', `/api/evaluation/by-token/${after.token}`, { commandId: randomUUID(), level: 1, reasons: ['slow'] });
  const list = (await api(server.url, 'GET', `/api/halls/${hallId}/bad-reviews`, undefined, manager2)).json.data as BadReviewView[];
  const dues = (n: string) => list.find((b) => b.ticketNumber === n && b.serviceDate === '2026-11-30')!.deadlines?.dueDates;
  assert.equal(dues(before.number), { contact: '2026-12-01', reply: '2026-12-04', close: '2026-12-07' }, 'opened before the change: 1, 3, 1');
  assert.equal(dues(after.number), { contact: '2026-12-02', reply: '2026-12-08', close: '2026-12-10' }, 'opened after: 2, 4, 2');
  // Stages are configurable too: 0 days for contact = no deadline of its own, due with the reply.
  assert.is((await api(server.url, 'PATCH', `/api/halls/${hallId}`, { settings: { badReviewContactDays: 0, badReviewReplyDays: 3, badReviewCloseDays: 1 } }, admin2)).status, 200);
  const merged = await serve(s1, 1);
  await api(server.url, 'POST', `/api/evaluation/by-token/${merged.token}`, { commandId: randomUUID(), level: 2, reasons: ['slow'] });
  const list2 = (await api(server.url, 'GET', `/api/halls/${hallId}/bad-reviews`, undefined, manager2)).json.data as BadReviewView[];
  assert.equal(list2.find((b) => b.ticketNumber === merged.number && b.serviceDate === '2026-11-30')!.deadlines?.dueDates, { contact: '2026-12-03', reply: '2026-12-03', close: '2026-12-04' }, 'contact merged into reply: 0, 3, 1');
});

t.run();
