/** Peak staffing with the same counter-minutes (弹性窗口): the fluid model of the calling rule, openings and releases (pure). */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { flexMinutes, makeableServed } from '../../server/domain/peak-staffing';
import { planStaffing, type PlanCounter, type PlanMatter } from '../../server/domain/staffing-plan';

const f = suite('makeable-first fluid model');
const arrivals = (work: number[], target = 10, service = 10) => work.map((w, step) => [{ step, work: w, visitors: w / service, target }]);
const starts = (n: number) => Array.from({ length: n }, (_, k) => k === 0);

f('capacity that keeps up serves everyone within target; an overload serves only what the counters reach before the deadlines', () => {
  assert.is(makeableServed(arrivals([10, 10, 10, 10]), [10, 10, 10, 10], starts(4)), 4);
  // 20 work-minutes a step against 10: a 10-minute target lets an arrival wait two steps, so the
  // capacity of the two steps after the rush still counts, and the rest (2 visitors) is late.
  assert.is(makeableServed(arrivals([20, 20, 20, 20, 0, 0]), [10, 10, 10, 10, 10, 10], starts(6)), 6);
  assert.is(makeableServed(arrivals([20, 20, 20, 20, 0, 0, 0]), [10, 10, 10, 10, 10, 10, 10], starts(7)), 6, 'not a third step');
  // Capacity after the deadlines is worth nothing; the same capacity earlier is.
  const late = makeableServed(arrivals([40, 0, 0, 0, 0]), [0, 0, 0, 40, 40], starts(5));
  const early = makeableServed(arrivals([40, 0, 0, 0, 0]), [40, 40, 0, 0, 0], starts(5));
  assert.is(late, 0);
  assert.is(early, 4);
});

f('a new session starts with an empty queue (what is left is served as overtime)', () => {
  assert.is(makeableServed(arrivals([40, 0]), [0, 40], [true, true]), 0);
  assert.is(makeableServed(arrivals([40, 0]), [0, 40], [true, false]), 4);
});

const p = suite('peak staffing');
const M = (id: string, zoneId: string, serviceMinutes = 10): PlanMatter => ({ id, zoneId, targetMinutes: 10, serviceMinutes, appointmentShare: 0 });
const C = (number: number, zoneId: string, matterIds: string[], extra: Partial<PlanCounter> = {}): PlanCounter => ({ id: `c${number}`, number, type: 'comprehensive', zoneId, matterIds: new Set(matterIds), staffed: true, ...extra });
const SESSION = [{ start: 540, end: 720 }];
const SLOTS = [540, 570, 600, 630, 660, 690];
const matters = [M('a', 'A'), M('b', 'B')];
// Zone B peaks 09:30–10:30 beyond what 2 counters and tidal moves from A cover; zone A (3 counters) is quiet and nobody arrives after the 11:30 cut-off.
const peak = (slot: number, id: string) => (slot >= 690 ? 0 : id === 'b' ? (slot === 570 || slot === 600 ? 20 : 3) : 2);
const hall = [C(1, 'A', ['a']), C(2, 'A', ['a']), C(3, 'A', ['a']), C(4, 'B', ['b']), C(5, 'B', ['b']), C(14, 'ZH', ['a'], { type: 'after_hours', staffed: false, spare: true })];
const plan = (counters: PlanCounter[], expected: (slot: number, id: string) => number = peak, noBreak?: Set<string>) =>
  planStaffing({ slots: SLOTS, matters, counters, expected, defaultSeats: 4, sessions: SESSION, noBreak });

p('the spare counter opens in the peak of the short zone; the same minutes are released where they cost least', () => {
  const x = plan(hall).peak;
  assert.ok(x.openings.length > 0, JSON.stringify(x));
  for (const o of x.openings) {
    assert.is(o.counterNumber, 14);
    assert.is(o.zoneId, 'B');
    assert.ok(o.from >= 570 && o.to <= 690, `${o.from}–${o.to} in or right after the peak`);
  }
  const m = flexMinutes(x);
  assert.is(m.opened, m.released, 'the same counter-minutes');
  for (const r of x.releases) assert.ok(r.to - r.from >= 30 && [1, 2, 3, 4, 5].includes(r.counterNumber));
});

p('a release never leaves a pool without a counter, never takes a covered desk, never overlaps its break; the spare is no pool member', () => {
  const full = planStaffing({ slots: SLOTS, matters, counters: hall, expected: peak, defaultSeats: 4, sessions: SESSION, noBreak: new Set(['c1']) });
  assert.ok(full.pools.every((pool) => !pool.counterIds.includes('c14')));
  const x = full.peak;
  assert.ok(x.releases.every((r) => r.counterId !== 'c1'), 'c1 is covered (AB岗)');
  for (const r of x.releases) {
    for (const b of full.breaks.filter((b) => b.counterId === r.counterId)) assert.ok(b.end <= r.from || b.start >= r.to, `break ${b.start} vs release ${r.from}`);
    const pool = full.pools.find((pl) => pl.counterIds.includes(r.counterId))!;
    const away = x.releases.filter((o) => pool.counterIds.includes(o.counterId) && o.from < r.to && o.to > r.from).length;
    assert.ok(away < pool.counterIds.length, 'someone stays on duty');
  }
});

p('nothing moves without a spare counter, or when the counters keep up everywhere', () => {
  assert.equal(plan(hall.filter((c) => !c.spare)).peak, { openings: [], releases: [] });
  assert.equal(plan(hall, (slot) => (slot >= 690 ? 0 : 0.5)).peak, { openings: [], releases: [] });
});

p('"staffed" counts only the counters on duty for the whole half hour: a scheduled break takes its counter out; the advice stays', () => {
  const offDuty = new Map([['c4', [{ start: 660, end: 675 }]]]);
  const without = plan(hall);
  const withBreak = planStaffing({ slots: SLOTS, matters, counters: hall, expected: peak, defaultSeats: 4, sessions: SESSION, offDuty });
  const b = (pl: typeof without) => pl.pools.find((x) => x.zoneId === 'B')!.slots.map((s) => s.staffed);
  assert.equal(b(without), [2, 2, 2, 2, 2, 2]);
  assert.equal(b(withBreak), [2, 2, 2, 2, 1, 2]);
  assert.equal(withBreak.peak, without.peak);
  assert.equal(withBreak.breaks, without.breaks);
  assert.ok(withBreak.pools.find((x) => x.zoneId === 'B')!.slots[4]!.within! < without.pools.find((x) => x.zoneId === 'B')!.slots[4]!.within!);
});

p.run();
f.run();
