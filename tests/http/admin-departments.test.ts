/**
 * Departments and matter guides through the admin API (issue #14): list with usage, create, rename
 * (the matters' department name follows), disable refused while matters or reviewers use it; a
 * matter's guide fields (department, fee, result, delivery) saved, its checklist following the
 * matter's materials; reviewer departments on staff accounts, checked against their halls.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { AdminStaffView } from '../../server/protocol/admin';
import type { MatterGuideView } from '../../server/protocol/cases';
import type { DepartmentView } from '../../server/protocol/departments';
import type { HallView, MatterView, ZoneView } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import { materialsFor } from '../../server/app/admin/matter-guides';
import { createTestDb, type TestDb } from '../_support/db';
import { api, loginAs, startTestServer } from '../_support/server';

let db: TestDb;
let server: RunningServer;
let admin = '';
let hallId = '';

const t = suite('admin API: departments and matter guides');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
  admin = await loginAs(server.url, 'admin');
  hallId = ((await api(server.url, 'GET', '/api/halls', undefined, admin)).json.data as HallView[])[0]!.id;
});
t.after(async () => {
  await server.close();
  await db.drop();
});

const call = (method: string, path: string, body?: unknown, token = admin) => api(server.url, method, path, body, token);
const departments = async () => (await call('GET', `/api/halls/${hallId}/departments`)).json.data as DepartmentView[];

t('the checklist follows the names: kept items keep their id and form, new ones get fresh ids', () => {
  const current = [
    { id: 'm1', name: '身份证', form: 'original_and_copy' as const, copies: 1, required: true, tolerable: false, note: null },
    { id: 'm2', name: '旧表', form: 'original' as const, copies: 1, required: true, tolerable: true, note: null },
  ];
  const next = materialsFor(['身份证', '申请表', '申请表'], current);
  assert.equal(next.map((m) => [m.id, m.name, m.form]), [['m1', '身份证', 'original_and_copy'], ['m3', '申请表', 'original']]);
  assert.equal(materialsFor([], current), []);
});

t('departments: listed with usage; created; a duplicate name is a conflict; bad input is 400', async () => {
  const list = await departments();
  const market = list.find((d) => d.name === '区市场监督管理局')!;
  assert.ok(market.matterCount > 0 && market.reviewerCount > 0, 'the demo department is used by matters and a reviewer');
  const made = await call('POST', `/api/halls/${hallId}/departments`, { name: '区文化旅游局', contact: '021-1234 5678' });
  assert.is(made.status, 201);
  assert.equal([made.json.data.active, made.json.data.matterCount, made.json.data.reviewerCount], [true, 0, 0]);
  assert.is((await call('POST', `/api/halls/${hallId}/departments`, { name: '区文化旅游局' })).json.error.code, 'conflict');
  const bad = await call('POST', `/api/halls/${hallId}/departments`, { name: '', contact: 'call me' });
  assert.is(bad.status, 400);
  assert.ok(bad.json.error.fields.name && bad.json.error.fields.contact);
  assert.is((await call('PATCH', `/api/halls/${hallId}/departments/${randomUUID()}`, { name: 'x' })).status, 404);
  const manager = await loginAs(server.url, 'manager');
  assert.is((await call('GET', `/api/halls/${hallId}/departments`, undefined, manager)).status, 200, 'managers read');
  assert.is((await call('POST', `/api/halls/${hallId}/departments`, { name: '经理建的' }, manager)).status, 403, 'only admins write');
});

t('disabling a department that matters or reviewers use is refused with why; an unused one is disabled', async () => {
  const market = (await departments()).find((d) => d.name === '区市场监督管理局')!;
  const refused = await call('PATCH', `/api/halls/${hallId}/departments/${market.id}`, { active: false });
  assert.is(refused.status, 409);
  assert.is(refused.json.error.code, 'in_use');
  assert.match(refused.json.error.fields.active, '个启用事项');
  assert.match(refused.json.error.fields.active, '名审查人员');
  assert.ok((await departments()).find((d) => d.id === market.id)!.active, 'nothing changed');
  const unused = (await departments()).find((d) => d.name === '区文化旅游局')!;
  const off = await call('PATCH', `/api/halls/${hallId}/departments/${unused.id}`, { active: false });
  assert.is(off.status, 200);
  assert.is(off.json.data.active, false);
});

t('a matter guide: department, fee, result, delivery saved; the department name reaches the matter; a rename follows', async () => {
  const zone = ((await call('GET', `/api/halls/${hallId}/zones`)).json.data as ZoneView[])[0]!;
  const dept = (await call('POST', `/api/halls/${hallId}/departments`, { name: '区卫生健康委' })).json.data as DepartmentView;
  const matter = (await call('POST', `/api/halls/${hallId}/matters`, { zoneId: zone.id, code: 'WJ-001', name: '医师执业注册', department: '旧名称', complexity: 'complex', ticketPrefix: 'WJ', materials: ['身份证', '申请表'] }))
    .json.data as MatterView;
  const guide = { departmentId: dept.id, fee: '不收费', resultName: '医师执业证书', deliveryMethods: ['pickup', 'post'] };
  const saved = await call('PUT', `/api/halls/${hallId}/matters/${matter.id}/guide`, guide);
  assert.is(saved.status, 200);
  const g = saved.json.data as MatterGuideView;
  assert.equal([g.departmentName, g.fee, g.resultName, g.deliveryMethods, g.materials.map((m) => m.name)], ['区卫生健康委', '不收费', '医师执业证书', ['pickup', 'post'], ['身份证', '申请表']]);
  const byMatter = async () => ((await call('GET', `/api/halls/${hallId}/matters`)).json.data as MatterView[]).find((m) => m.id === matter.id)!;
  assert.is((await byMatter()).department, '区卫生健康委', 'the matter shows the guide department’s name');

  await call('PATCH', `/api/halls/${hallId}/matters/${matter.id}`, { materials: ['身份证', '学历证明'] });
  const listed = ((await call('GET', `/api/halls/${hallId}/matter-guides`)).json.data as MatterGuideView[]).find((x) => x.matterId === matter.id)!;
  assert.equal(listed.materials.map((m) => m.name), ['身份证', '学历证明'], 'the checklist follows the matter’s materials');

  await call('PATCH', `/api/halls/${hallId}/departments/${dept.id}`, { name: '区卫健委' });
  assert.is((await byMatter()).department, '区卫健委', 'a rename reaches the matter');
  assert.is((await departments()).find((d) => d.id === dept.id)!.matterCount, 1);

  const noDelivery = await call('PUT', `/api/halls/${hallId}/matters/${matter.id}/guide`, { ...guide, deliveryMethods: [] });
  assert.is(noDelivery.status, 400);
  assert.ok(noDelivery.json.error.fields.deliveryMethods);
  const disabled = (await departments()).find((d) => d.name === '区文化旅游局')!;
  const toDisabled = await call('PUT', `/api/halls/${hallId}/matters/${matter.id}/guide`, { ...guide, departmentId: disabled.id });
  assert.is(toDisabled.status, 400);
  assert.ok(toDisabled.json.error.fields['guide.departmentId']);
  assert.is((await call('PUT', `/api/halls/${hallId}/matters/${randomUUID()}/guide`, guide)).status, 404);

  // With the matter, in one transaction: a refused guide leaves no matter behind.
  const withGuide = { zoneId: zone.id, code: 'WJ-002', name: '护士执业注册', department: '—', complexity: 'general', ticketPrefix: 'WH', materials: ['身份证'] };
  const refused = await call('POST', `/api/halls/${hallId}/matters`, { ...withGuide, guide: { ...guide, departmentId: disabled.id } });
  assert.is(refused.status, 400);
  assert.not.ok(((await call('GET', `/api/halls/${hallId}/matters`)).json.data as MatterView[]).some((m) => m.code === 'WJ-002'), 'nothing half-written');
  const made = await call('POST', `/api/halls/${hallId}/matters`, { ...withGuide, guide });
  assert.is(made.status, 201);
  assert.is(made.json.data.department, '区卫健委');
  const madeGuide = ((await call('GET', `/api/halls/${hallId}/matter-guides`)).json.data as MatterGuideView[]).find((x) => x.matterId === made.json.data.id)!;
  assert.equal([madeGuide.resultName, madeGuide.materials.map((m) => m.name)], ['医师执业证书', ['身份证']]);
});

t('reviewer departments: set on create and on edit, shown in the list; a department of another hall is refused', async () => {
  const police = (await departments()).find((d) => d.name === '区公安分局')!;
  const tax = (await departments()).find((d) => d.name === '区税务局')!;
  const made = await call('POST', '/api/staff', { username: 'rev.new', displayName: '新审查', password: 'reviewer-pass', role: 'reviewer', hallIds: [hallId], departmentIds: [police.id] });
  assert.is(made.status, 201);
  const id = made.json.data.id as string;
  const byId = async () => ((await call('GET', '/api/staff')).json.data as AdminStaffView[]).find((s) => s.id === id)!;
  assert.equal((await byId()).departmentIds, [police.id]);
  const moved = await call('PATCH', `/api/staff/${id}`, { departmentIds: [tax.id] });
  assert.is(moved.status, 200);
  assert.equal(moved.json.data.departmentIds, [tax.id]);
  const token = (await api(server.url, 'POST', '/api/auth/login', { username: 'rev.new', password: 'reviewer-pass' })).json.data.token as string;
  const cases = await call('GET', `/api/halls/${hallId}/cases?status=all`, undefined, token);
  assert.is(cases.status, 200, 'the reviewer reads the back office of their departments');

  const other = (await call('POST', '/api/halls', { code: 'DEP-B', name: '乙大厅', sessions: [{ start: '09:00', end: '17:00' }] })).json.data as HallView;
  const otherDept = (await call('POST', `/api/halls/${other.id}/departments`, { name: '乙局' })).json.data as DepartmentView;
  const wrong = await call('PATCH', `/api/staff/${id}`, { departmentIds: [otherDept.id] });
  assert.is(wrong.status, 400);
  assert.ok(wrong.json.error.fields.departmentIds);
  assert.equal((await byId()).departmentIds, [tax.id], 'nothing changed');
  assert.is((await call('PATCH', `/api/staff/${id}`, { hallIds: [other.id], departmentIds: [otherDept.id] })).status, 200, 'with the hall, it fits');
  assert.is((await call('POST', '/api/staff', { username: 'rev.bad', displayName: 'x', password: 'reviewer-pass', role: 'reviewer', hallIds: [hallId], departmentIds: [randomUUID()] })).status, 400);
});

t.run();
