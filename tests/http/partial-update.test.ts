/** A PATCH changes only the fields it names: every omitted field keeps its value (issue #11, point 2). */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CounterView, HallView, MatterView, ZoneView } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { api, loginAs, startTestServer } from '../_support/server';

let db: TestDb;
let server: RunningServer;
let base = '';
let admin = '';
let hallId = '';

const t = suite('PATCH changes only the fields it names');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
  base = server.url;
  admin = await loginAs(base, 'admin');
  hallId = (await api(base, 'GET', '/api/halls', undefined, admin)).json.data[0].id;
});
t.after(async () => {
  await server.close();
  await db.drop();
});

async function patch<T>(path: string, body: unknown): Promise<T> {
  const r = await api(base, 'PATCH', path, body, admin);
  assert.is(r.status, 200, `${path} ${JSON.stringify(r.json)}`);
  return r.json.data as T;
}

/** Everything but the named keys is exactly as before. */
function unchangedExcept(before: object, after: object, changed: string[]) {
  const strip = (o: object) => Object.fromEntries(Object.entries(o).filter(([k]) => !changed.includes(k)));
  assert.equal(strip(after), strip(before));
}

const get = async <T>(path: string, id: string): Promise<T> => (await api(base, 'GET', path, undefined, admin)).json.data.find((x: { id: string }) => x.id === id);

t('hall: a rename keeps its time zone, sessions and settings; one setting keeps the others', async () => {
  const made = await api(base, 'POST', '/api/halls', { code: 'PU-01', name: '浦东', timeZone: 'Asia/Urumqi', sessions: [{ start: '08:30', end: '11:30' }], settings: { starvationGuard: 7, announcementRepeat: 3 } }, admin);
  assert.is(made.status, 201);
  const before = made.json.data as HallView;
  const renamed = await patch<HallView>(`/api/halls/${before.id}`, { name: '浦东新区市民中心' });
  assert.is(renamed.name, '浦东新区市民中心');
  assert.is(renamed.timeZone, 'Asia/Urumqi', 'the time zone does not return to Asia/Shanghai');
  unchangedExcept(before, renamed, ['name']);
  const guard = await patch<HallView>(`/api/halls/${before.id}`, { settings: { starvationGuard: 4 } });
  assert.is(guard.settings.starvationGuard, 4);
  assert.is(guard.settings.announcementRepeat, 3, 'the other settings keep their value');
  unchangedExcept({ ...renamed, settings: { ...renamed.settings, starvationGuard: 4 } }, guard, []);
  const empty = await patch<HallView>(`/api/halls/${before.id}`, {});
  assert.equal(empty, guard, 'an empty PATCH changes nothing');
});

t('zone: a rename keeps its order', async () => {
  const made = await api(base, 'POST', `/api/halls/${hallId}/zones`, { code: 'PZ', name: '测试区', sortOrder: 9 }, admin);
  const before = made.json.data as ZoneView;
  const after = await patch<ZoneView>(`/api/halls/${hallId}/zones/${before.id}`, { name: '测试区（改）' });
  assert.is(after.sortOrder, 9, 'the order does not return to 0');
  unchangedExcept(before, after, ['name']);
});

t('matter: a new department keeps its materials, limits, flags and active state; one flag keeps the others', async () => {
  const zoneId = (await api(base, 'GET', `/api/halls/${hallId}/zones`, undefined, admin)).json.data[0].id;
  const made = await api(
    base,
    'POST',
    `/api/halls/${hallId}/matters`,
    {
      zoneId, code: 'PM-1', name: '部分更新事项', department: '市场监管局', complexity: 'complex', ticketPrefix: 'PM', waitTargetMinutes: 40,
      materials: ['申请书', '身份证明'], legalLimitDays: 20, promisedLimitDays: 5, flags: { zeroMaterial: true, onTheSpot: true }, active: false,
    },
    admin,
  );
  assert.is(made.status, 201);
  const before = made.json.data as MatterView;
  const after = await patch<MatterView>(`/api/halls/${hallId}/matters/${before.id}`, { department: '税务局' });
  assert.equal(after.materials, ['申请书', '身份证明'], 'materials are not emptied');
  assert.is(after.active, false, 'a disabled matter stays disabled');
  unchangedExcept(before, after, ['department']);
  const flagged = await patch<MatterView>(`/api/halls/${hallId}/matters/${before.id}`, { flags: { fullyOnline: true } });
  assert.equal(flagged.flags, { zeroMaterial: true, fullyOnline: true, onTheSpot: true });
  const cleared = await patch<MatterView>(`/api/halls/${hallId}/matters/${before.id}`, { legalLimitDays: null });
  assert.is(cleared.legalLimitDays, null, 'an explicit null clears the field');
  assert.is(cleared.promisedLimitDays, 5);
});

t('counter: a rename keeps its matters, preferred matters, zone, type and disabled state', async () => {
  const matters = (await api(base, 'GET', `/api/halls/${hallId}/matters`, undefined, admin)).json.data as MatterView[];
  const zoneId = matters[0]!.zoneId;
  const ids = matters.filter((m) => m.zoneId === zoneId).slice(0, 3).map((m) => m.id);
  const made = await api(base, 'POST', `/api/halls/${hallId}/counters`, { zoneId, number: 88, name: '测试窗口', type: 'professional', matterIds: ids, preferredMatterIds: [ids[0]], active: false }, admin);
  assert.is(made.status, 201, JSON.stringify(made.json));
  const before = made.json.data as CounterView;
  assert.equal(before.preferredMatterIds, [ids[0]]);
  const after = await patch<CounterView>(`/api/halls/${hallId}/counters/${before.id}`, { name: '测试窗口（改）' });
  assert.equal(after.matterIds.sort(), [...ids].sort(), 'the authorised matters are not emptied');
  assert.is(after.active, false, 'the counter is not re-enabled');
  unchangedExcept(before, after, ['name']);
  const pref = await patch<CounterView>(`/api/halls/${hallId}/counters/${before.id}`, { preferredMatterIds: [ids[1]] });
  assert.equal(pref.preferredMatterIds, [ids[1]]);
  assert.equal(pref.matterIds.sort(), [...ids].sort(), 'only the preferred marks change');
  const stray = await api(base, 'PATCH', `/api/halls/${hallId}/counters/${before.id}`, { preferredMatterIds: [matters.find((m) => !ids.includes(m.id))!.id] }, admin);
  assert.is(stray.status, 400);
  assert.ok(stray.json.error.fields.preferredMatterIds);
  assert.equal(await get<CounterView>(`/api/halls/${hallId}/counters`, before.id), pref, 'a refused PATCH writes nothing');
});

t.run();
