/** The staffing-plan card's store: load, one-click tidal move through the tidal-counter command, one-click breaks, reload; table rows. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FlexOpeningView, StaffingPlanView, TidalMoveView } from '../../server/protocol/staffing-plan';
import { activeZones, createPlanStore, listedMoves, planRows } from '../../dashboard-ui/src/stores/plan-store';

const move: TidalMoveView = {
  counterId: 'c5', counterNumber: 5, fromZoneId: 'zr', toZoneId: 'bdc', toZoneName: '不动产服务区', from: '09:30', to: '11:00',
  matterIds: ['m1', 'm2'], text: '09:30–11:00: 5 号窗口 → 不动产服务区', applied: false,
  returnMatterIds: ['z1', 'z2'], returnText: '11:00: 5 号窗口 → 自然人服务区',
};
const opening: FlexOpeningView = {
  counterId: 'c14', counterNumber: 14, counterName: '延时服务窗口', toZoneId: 'bdc', toZoneName: '不动产服务区', from: '09:00', to: '11:00',
  matterIds: ['m1', 'm2'], text: '09:00–11:00: 14 号窗口（后台人员）→ 不动产服务区', applied: false,
  returnMatterIds: ['z1', 'p1'], returnText: '11:00: 14 号窗口恢复原办理事项',
};
function plan(applied = false): StaffingPlanView {
  return {
    date: '2026-11-24', basis: 'same_weekday', historyDays: ['2026-11-17'], staffingBasis: 'open_now', targetShare: 0.95,
    slots: ['09:00', '09:30'],
    zones: [
      { zoneId: 'zr', name: '自然人服务区', arrivals: [2, 1], needed: [1, 1], staffed: [2, 2], within: [0.99, 0.99], matters: [] },
      { zoneId: 'bdc', name: '不动产服务区', arrivals: [6, 12], needed: [3, 6], staffed: [2, 2], within: [0.7, 0.2], matters: [] },
      { zoneId: 'zh', name: '综合服务区', arrivals: [0, 0], needed: [0, 0], staffed: [0, 0], within: [null, null], matters: [] },
    ],
    moves: [{ ...move, applied }], flex: [{ ...opening, applied }], flexMinutes: 120, breaks: [], pooling: [], seats: [],
  };
}

const t = suite('dashboard plan store');

t('load, then apply: the tidal command gets the move’s matters and its text as the reason, then the plan reloads', async () => {
  const calls: unknown[][] = [];
  let applied = false;
  const store = createPlanStore({
    fetch: async (hallId) => (calls.push(['fetch', hallId]), { ok: true, data: plan(applied) }),
    apply: async (...args) => {
      calls.push(['apply', ...args]);
      applied = true;
      return { ok: true, data: {} as never };
    },
    applyBreaks: async () => ({ ok: true, data: {} as never }),
  });
  await store.load('h1');
  assert.is(store.state.get().plan!.moves[0]!.applied, false);
  assert.ok(await store.apply(store.state.get().plan!.moves[0]!));
  assert.equal(calls, [['fetch', 'h1'], ['apply', 'h1', 'c5', ['m1', 'm2'], '潮汐调度 09:30–11:00: 5 号窗口 → 不动产服务区'], ['fetch', 'h1']]);
  assert.is(store.state.get().applying, null);
  assert.equal(listedMoves(store.state.get()).map((m) => [m.counterId, m.applied]), [['c5', true]], 'listed once, as applied');
  assert.equal(listedMoves({ plan: plan(), applied: [] }).map((m) => m.applied), [false]);
});

t('a refused move keeps the plan and shows the error; a second click while applying sends nothing', async () => {
  let release: () => void = () => {};
  let applies = 0;
  const store = createPlanStore({
    fetch: async () => ({ ok: true, data: plan() }),
    apply: () => {
      applies++;
      return new Promise((resolve) => (release = () => resolve({ ok: false, error: { code: 'forbidden', message: 'no' } })));
    },
    applyBreaks: async () => ({ ok: true, data: {} as never }),
  });
  await store.load('h1');
  const first = store.apply(move);
  assert.is(await store.apply(move), false);
  release();
  assert.is(await first, false);
  assert.is(applies, 1);
  assert.equal(store.state.get().error, { code: 'forbidden', message: 'no' });
  assert.ok(store.state.get().plan);
});

t('breaks in one click: the counter’s advised times for the plan’s day, a reason that says them, then the plan reloads', async () => {
  const calls: unknown[][] = [];
  let scheduled = false;
  const withBreaks = () => ({ ...plan(), breaks: [{ counterId: 'c3', counterNumber: 3, times: [{ from: '09:15', to: '09:30' }, { from: '16:30', to: '17:00' }], backOffice: [{ from: '16:30', to: '17:00' }], applied: scheduled }] });
  const store = createPlanStore({
    fetch: async () => (calls.push(['fetch']), { ok: true, data: withBreaks() }),
    apply: async () => ({ ok: true, data: {} as never }),
    applyBreaks: async (...args) => {
      calls.push(['breaks', ...args]);
      scheduled = true;
      return { ok: true, data: { counterId: 'c3', date: '2026-11-24', times: [] } };
    },
  });
  await store.load('h1');
  assert.ok(await store.applyBreaks(store.state.get().plan!.breaks[0]!));
  assert.equal(calls, [['fetch'], ['breaks', 'h1', 'c3', '2026-11-24', [{ from: '09:15', to: '09:30' }, { from: '16:30', to: '17:00' }], '错峰休息 3 号窗口 09:15–09:30、16:30–17:00（后台）'], ['fetch']]);
  assert.is(store.state.get().plan!.breaks[0]!.applied, true);
  assert.is(store.state.get().applying, null);
});

t('a flexible counter opens with the zone’s matters, and both it and a tidal move give back their counter’s own matters at the end of the window', async () => {
  const calls: unknown[][] = [];
  let applied = false;
  const store = createPlanStore({
    fetch: async () => (calls.push(['fetch']), { ok: true, data: plan(applied) }),
    apply: async (...args) => {
      calls.push(['apply', ...args]);
      applied = !applied;
      return { ok: true, data: {} as never };
    },
    applyBreaks: async () => ({ ok: true, data: {} as never }),
  });
  await store.load('h1');
  assert.ok(await store.applyFlex(store.state.get().plan!.flex[0]!));
  assert.is(store.state.get().plan!.flex[0]!.applied, true);
  assert.ok(await store.giveBack(store.state.get().plan!.flex[0]!));
  assert.ok(await store.apply(store.state.get().plan!.moves[0]!));
  assert.ok(await store.giveBack(store.state.get().plan!.moves[0]!));
  assert.equal(calls.filter((c) => c[0] === 'apply'), [
    ['apply', 'h1', 'c14', ['m1', 'm2'], '弹性窗口 09:00–11:00: 14 号窗口（后台人员）→ 不动产服务区'],
    ['apply', 'h1', 'c14', ['z1', 'p1'], '潮汐调度 11:00: 14 号窗口恢复原办理事项'],
    ['apply', 'h1', 'c5', ['m1', 'm2'], '潮汐调度 09:30–11:00: 5 号窗口 → 不动产服务区'],
    ['apply', 'h1', 'c5', ['z1', 'z2'], '潮汐调度 11:00: 5 号窗口 → 自然人服务区'],
  ]);
  assert.equal(listedMoves(store.state.get()).map((m) => [m.counterId, m.applied]), [['c5', false]], 'a move given back is listed as not applied');
});

t('rows per half hour with short cells marked; zones with nobody expected or staffed are left out', () => {
  const p = plan();
  const rows = planRows(p);
  assert.equal(rows[1]!.cells[1], { arrivals: 12, needed: 6, staffed: 2, short: true });
  assert.is(rows[0]!.cells[0]!.short, false);
  assert.equal(activeZones(p).map((z) => z.zoneId), ['zr', 'bdc']);
});

t.run();
