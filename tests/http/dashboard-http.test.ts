/** Dashboard HTTP routes on a real server: role and hall scoping, input checks, CSV, no personal data, notices reach displays. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { manualClock } from '../../server/domain/clock';
import type { PublicHallFact } from '../../server/protocol/events';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, loginAs, socketFor, startTestServer } from '../_support/server';

const ID = '11010519491231002X';
const clock = manualClock('2026-03-05T02:00:00Z'); // Thursday 10:00 in Shanghai
let db: TestDb;
let server: RunningServer;
let base = '';
const tok: Record<string, string> = {};
let hallId = '';
let hall2 = '';
let ticketId = '';
let counterId = '';
let matterIds: string[] = [];

const today = '2026-03-05';
const reportPath = (hall: string, extra = '') => `/api/halls/${hall}/reports?from=${today}&to=${today}&groupBy=matter${extra}`;

const t = suite('dashboard HTTP');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db, clock);
  base = server.url;
  for (const u of ['admin', 'manager', 'staff1']) tok[u] = await loginAs(base, u);
  hallId = (await api(base, 'GET', '/api/halls', undefined, tok.admin)).json.data[0].id;
  const h2 = await api(base, 'POST', '/api/halls', { code: 'XH-TJ', name: '天平街道社区事务受理服务中心', sessions: [{ start: '09:00', end: '17:00' }] }, tok.admin);
  hall2 = h2.json.data.id;
  await api(base, 'POST', '/api/staff', { username: 'manager2', displayName: '王芳', password: 'yichuang2026', role: 'manager', hallIds: [hall2] }, tok.admin);
  tok.manager2 = await loginAs(base, 'manager2');
  const matters = await api(base, 'GET', `/api/halls/${hallId}/matters`, undefined, tok.admin);
  matterIds = matters.json.data.map((m: { id: string }) => m.id);
  const issued = await api(base, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: matterIds[0], idNumber: ID }, 'dv_demo-kiosk-1');
  assert.is(issued.status, 201, JSON.stringify(issued.json));
  ticketId = issued.json.data.ticket.id;
  counterId = (await api(base, 'GET', `/api/halls/${hallId}/counters`, undefined, tok.admin)).json.data[0].id;
});
t.after(async () => {
  await server.close();
  await db.drop();
});

t('no token → 401 on every dashboard route', async () => {
  for (const path of [reportPath(hallId), `/api/reports?from=${today}&to=${today}`, `/api/halls/${hallId}/stats/today`, `/api/tickets/${ticketId}/history`]) {
    assert.is((await api(base, 'GET', path)).status, 401, path);
  }
});

t('staff may not see reports or stats, but may see a ticket history of their hall', async () => {
  assert.is((await api(base, 'GET', reportPath(hallId), undefined, tok.staff1)).status, 403);
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/stats/today`, undefined, tok.staff1)).status, 403);
  assert.is((await api(base, 'GET', `/api/tickets/${ticketId}/history`, undefined, tok.staff1)).status, 200);
  assert.is((await api(base, 'PUT', `/api/halls/${hallId}/counters/${counterId}/matters`, { commandId: randomUUID(), matterIds: [], reason: 'x' }, tok.staff1)).status, 403);
  assert.is((await api(base, 'POST', `/api/halls/${hallId}/notices`, { commandId: randomUUID(), text: '通知', minutes: 5 }, tok.staff1)).status, 403);
});

t('a manager sees only their halls: another hall is 403 everywhere, the roll-up covers only their own', async () => {
  const m2 = tok.manager2!;
  for (const path of [reportPath(hallId), `/api/halls/${hallId}/stats/today`, `/api/tickets/${ticketId}/history`, `/api/reports?from=${today}&to=${today}&hallIds=${hallId}`]) {
    assert.is((await api(base, 'GET', path, undefined, m2)).status, 403, path);
  }
  assert.is((await api(base, 'PUT', `/api/halls/${hallId}/counters/${counterId}/matters`, { commandId: randomUUID(), matterIds: [], reason: 'x' }, m2)).status, 403);
  const mine = await api(base, 'GET', `/api/reports?from=${today}&to=${today}&groupBy=hall`, undefined, m2);
  assert.equal(mine.json.data.hallIds, [hall2]);
  const admin = await api(base, 'GET', `/api/reports?from=${today}&to=${today}&groupBy=hall`, undefined, tok.admin);
  assert.equal([...admin.json.data.hallIds].sort(), [hallId, hall2].sort());
  assert.is(admin.json.data.totals.tickets, 1);
});

t('reports and stats for the own hall; bad queries are 400 with the field named', async () => {
  const r = await api(base, 'GET', reportPath(hallId), undefined, tok.manager);
  assert.is(r.status, 200);
  assert.is(r.json.data.totals.tickets, 1);
  const s = await api(base, 'GET', `/api/halls/${hallId}/stats/today`, undefined, tok.manager);
  assert.equal([s.status, s.json.data.serviceDate, s.json.data.byHour], [200, today, [{ hour: 10, issued: 1, served: 0 }]]);
  const bad = async (q: string) => (await api(base, 'GET', `/api/halls/${hallId}/reports?${q}`, undefined, tok.manager)).json.error;
  assert.ok((await bad(`from=2026-03-06&to=2026-03-05`)).fields.to);
  assert.ok((await bad(`from=2025-01-01&to=2026-03-05`)).fields.to);
  assert.ok((await bad(`from=2026-3-5&to=2026-03-05`)).fields.from);
  assert.ok((await bad(`from=${today}&to=${today}&groupBy=visitor`)).fields.groupBy);
  assert.ok((await bad(`from=${today}&to=${today}&extra=1`)));
  assert.is((await api(base, 'GET', `/api/halls/not-a-uuid/reports?from=${today}&to=${today}`, undefined, tok.manager)).status, 404);
});

t('CSV export: UTF-8 with BOM for Excel, attachment, Chinese headers; nothing personal in CSV, JSON or history', async () => {
  const res = await fetch(base + reportPath(hallId, '&format=csv'), { headers: { authorization: `Bearer ${tok.manager}` } });
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="report-matter-2026-03-05-2026-03-05.csv"/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.equal([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  assert.ok(text.includes('分组,取号数,办结数'));
  const en = await (await fetch(base + reportPath(hallId, '&format=csv&lang=en'), { headers: { authorization: `Bearer ${tok.manager}` } })).text();
  assert.ok(en.includes('Group,Tickets,Served'));
  const history = await api(base, 'GET', `/api/tickets/${ticketId}/history`, undefined, tok.manager);
  assert.is(history.json.data.events[0].type, 'ticket:issued');
  const json = JSON.stringify([history.json, (await api(base, 'GET', reportPath(hallId), undefined, tok.manager)).json]);
  for (const leak of [ID, '110105', '002X']) {
    assert.not.ok(text.includes(leak) || en.includes(leak) || json.includes(leak), leak);
  }
});

t('a manager moves a waiting ticket (no counterId, reason required); its history tells where from and why', async () => {
  const sock = socketFor(base, tok.manager);
  await connected(sock);
  const noReason = await emitAck(sock, 'ticket:transfer', { commandId: randomUUID(), ticketId, toMatterId: matterIds[1] });
  assert.is(noReason.error?.code, 'validation_failed');
  const moved = await emitAck(sock, 'ticket:transfer', { commandId: randomUUID(), ticketId, toMatterId: matterIds[1], reason: '材料属于变更登记' });
  assert.ok(moved.ok, JSON.stringify(moved.error));
  sock.close();
  const h = (await api(base, 'GET', `/api/tickets/${ticketId}/history`, undefined, tok.manager)).json.data;
  const last = h.events.at(-1);
  assert.equal([last.type, last.reason, last.actor.name, typeof last.fromMatterName], ['ticket:transferred', '材料属于变更登记', '王主任', 'string']);
  assert.is.not(last.fromMatterName, last.matterName);
});

t('tidal counter: a manager reassigns a counter’s matters with a reason; checks and idempotency', async () => {
  const path = `/api/halls/${hallId}/counters/${counterId}/matters`;
  const commandId = randomUUID();
  const body = { commandId, matterIds: matterIds.slice(0, 2), reason: '午间人多，开潮汐窗口' };
  const r = await api(base, 'PUT', path, body, tok.manager);
  assert.is(r.status, 200, JSON.stringify(r.json));
  assert.equal([...r.json.data.matterIds].sort(), matterIds.slice(0, 2).sort());
  const again = await api(base, 'PUT', path, { ...body, matterIds: [] }, tok.manager);
  assert.equal([...again.json.data.matterIds].sort(), matterIds.slice(0, 2).sort()); // same commandId: first result, nothing changed
  assert.is((await api(base, 'PUT', path, { commandId: randomUUID(), matterIds: [] }, tok.manager)).status, 400);
  const other = (await api(base, 'GET', `/api/halls/${hall2}/matters`, undefined, tok.admin)).json.data;
  assert.is(other.length, 0);
  assert.is((await api(base, 'PUT', path, { commandId: randomUUID(), matterIds: [randomUUID()], reason: 'x' }, tok.manager)).status, 400);
  assert.is((await api(base, 'PUT', `/api/halls/${hall2}/counters/${counterId}/matters`, { commandId: randomUUID(), matterIds: [], reason: 'x' }, tok.admin)).status, 404);
});

t('scheduled breaks: the staff snapshot carries them for the counter screens, the public one does not; the plan lists peak staffing and counts them out of "staffed"', async () => {
  const path = `/api/halls/${hallId}/counters/${counterId}/breaks`;
  const times = [{ from: '10:00', to: '10:15' }, { from: '16:30', to: '17:00' }];
  const r = await api(base, 'PUT', path, { commandId: randomUUID(), date: today, times, reason: '错峰休息 1 号窗口 10:00–10:15、16:30–17:00（后台）' }, tok.manager);
  assert.is(r.status, 200, JSON.stringify(r.json));
  assert.is((await api(base, 'PUT', path, { commandId: randomUUID(), date: today, times: [{ from: '12:15', to: '12:30' }], reason: 'x' }, tok.manager)).status, 400, 'outside the sessions');
  assert.is((await api(base, 'PUT', path, { commandId: randomUUID(), date: today, times, reason: 'x' }, tok.staff1)).status, 403, 'staff do not schedule');
  const snap = await api(base, 'GET', `/api/halls/${hallId}/snapshot`, undefined, tok.staff1);
  assert.is(snap.status, 200);
  assert.equal(snap.json.data.scheduledBreaks.find((b: { counterId: string }) => b.counterId === counterId)?.times, times);
  const pub = await api(base, 'GET', `/api/halls/${hallId}/public-snapshot`, undefined, 'dv_demo-display-1');
  assert.ok(pub.status === 200 && !('scheduledBreaks' in pub.json.data), 'not on public screens');
  const plan = await api(base, 'GET', `/api/halls/${hallId}/staffing-plan?date=${today}`, undefined, tok.manager);
  assert.is(plan.status, 200, JSON.stringify(plan.json));
  assert.ok(Array.isArray(plan.json.data.flex));
  assert.is(plan.json.data.flexMinutes, plan.json.data.flex.reduce((a: number, o: { from: string; to: string }) => a + (Number(o.to.slice(0, 2)) * 60 + Number(o.to.slice(3))) - (Number(o.from.slice(0, 2)) * 60 + Number(o.from.slice(3))), 0));
  const at = plan.json.data.slots.indexOf('10:00');
  const staffed = (p: { zones: { staffed: number[] }[] }, i: number) => p.zones.reduce((a, z) => a + z.staffed[i]!, 0);
  assert.is(staffed(plan.json.data, at), staffed(plan.json.data, at + 1) - 1, 'counter 1 on its break at 10:00 is not staffed then');
  await api(base, 'PUT', path, { commandId: randomUUID(), date: today, times: [], reason: '清除' }, tok.manager);
});

t('notices: refused with an identity or phone number; otherwise a public fact the wall display receives, and its active notice', async () => {
  const post = (text: string) => api(base, 'POST', `/api/halls/${hallId}/notices`, { commandId: randomUUID(), text, minutes: 10 }, tok.manager);
  assert.is((await post(`请 ${ID} 到服务台`)).status, 400);
  assert.is((await post('请 138 1234 5678 回电')).status, 400);
  assert.is((await post('x'.repeat(101))).status, 400);
  const display = socketFor(base, 'dv_demo-display-1');
  await connected(display);
  await emitAck(display, 'public:subscribe', { hallId });
  const got = new Promise<PublicHallFact>((resolve) => display.on('public:fact', (f) => f.type === 'hall:notice' && resolve(f)));
  const r = await post('系统维护中，请耐心等候');
  assert.is(r.status, 201);
  const fact = await got;
  assert.equal([fact.notice?.text, fact.notice?.until], ['系统维护中，请耐心等候', '2026-03-05T02:10:00.000Z']);
  const active = await api(base, 'GET', `/api/halls/${hallId}/notices/active`, undefined, 'dv_demo-display-1');
  assert.is(active.json.data.text, '系统维护中，请耐心等候');
  await api(base, 'POST', `/api/halls/${hallId}/notices/clear`, { commandId: randomUUID() }, tok.manager);
  assert.is((await api(base, 'GET', `/api/halls/${hallId}/notices/active`, undefined, 'dv_demo-display-1')).json.data, null);
  display.close();
});

t.run();
