/** Forecast from history and the staffing plan (pure): Erlang C, counters needed, tidal moves, seats. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { forecastArrivals, halfHourOf } from '../../server/domain/demand-forecast';
import { countersNeeded, erlangC, planStaffing, withinShare, type PlanCounter, type PlanMatter } from '../../server/domain/staffing-plan';

const f = suite('demand forecast');

f('same weekday of the last four weeks, averaged; a day without the cell counts as 0', () => {
  const h = [
    { serviceDate: '2026-11-17', slot: 570, matterId: 'm', count: 6 },
    { serviceDate: '2026-11-10', slot: 570, matterId: 'm', count: 2 },
    { serviceDate: '2026-11-10', slot: 600, matterId: 'm', count: 4 },
    { serviceDate: '2026-11-23', slot: 570, matterId: 'm', count: 40 }, // a Monday: not used
    { serviceDate: '2026-10-13', slot: 570, matterId: 'm', count: 99 }, // six weeks back: not used
  ];
  const r = forecastArrivals(h, '2026-11-24');
  assert.is(r.basis, 'same_weekday');
  assert.equal(r.days, ['2026-11-10', '2026-11-17']);
  assert.is(r.expected.get('570|m'), 4);
  assert.is(r.expected.get('600|m'), 2);
});

f('fallbacks: the recent days when no same weekday, none when no history; the future is never used', () => {
  const h = [{ serviceDate: '2026-11-23', slot: 570, matterId: 'm', count: 3 }, { serviceDate: '2026-12-01', slot: 570, matterId: 'm', count: 9 }];
  const r = forecastArrivals(h, '2026-11-24');
  assert.equal([r.basis, r.days, r.expected.get('570|m')], ['recent_days', ['2026-11-23'], 3]);
  const none = forecastArrivals([], '2026-11-24');
  assert.equal([none.basis, none.days, none.expected.size], ['none', [], 0]);
  assert.is(halfHourOf(9 * 60 + 47), 570);
});

const q = suite('Erlang C and counters needed');

q('Erlang C matches the textbook values; an overloaded pool always waits', () => {
  assert.ok(Math.abs(erlangC(2, 1) - 1 / 3) < 1e-12);
  assert.ok(Math.abs(erlangC(1, 0.5) - 0.5) < 1e-12);
  assert.is(erlangC(3, 3), 1);
  assert.is(erlangC(3, 0), 0);
});

q('the share within target grows with counters; the counters needed is the first that reaches the target', () => {
  const parts = [{ rate: 0.5, service: 8, target: 10 }]; // 4 counters of work
  const shares = [4, 5, 6, 7, 8].map((c) => withinShare(c, parts));
  for (let i = 1; i < shares.length; i++) assert.ok(shares[i]! > shares[i - 1]!);
  const need = countersNeeded(parts, 0.95);
  assert.ok(withinShare(need, parts) >= 0.95 && withinShare(need - 1, parts) < 0.95);
  assert.is(countersNeeded([{ rate: 0, service: 8, target: 10 }], 0.95), 0);
});

const p = suite('staffing plan');
const M = (id: string, zoneId: string, serviceMinutes = 10, appointmentShare = 0.25): PlanMatter => ({ id, zoneId, targetMinutes: 10, serviceMinutes, appointmentShare });
const C = (number: number, zoneId: string, matterIds: string[], type: PlanCounter['type'] = 'comprehensive'): PlanCounter => ({ id: `c${number}`, number, type, zoneId, matterIds: new Set(matterIds), staffed: true });
const SLOTS = [540, 570, 600, 630, 660];
const matters = [M('a1', 'A'), M('a2', 'A'), M('b1', 'B')];
const hall = [C(1, 'A', ['a1', 'a2']), C(2, 'A', ['a1', 'a2']), C(3, 'A', ['a1', 'a2']), C(4, 'B', ['b1']), C(5, 'B', ['b1']), C(6, 'A', ['a1'], 'professional')];
// Zone B peaks at 09:30–10:30 (15 visitors of 10 min a half hour on 2 counters); zone A is quiet.
const peak = (slot: number, id: string) => (id === 'b1' ? (slot === 570 || slot === 600 ? 15 : 3) : id === 'a1' ? 2 : 1);

p('pools follow the authorisations; counters needed and staffed per half hour', () => {
  const plan = planStaffing({ slots: SLOTS, matters, counters: hall, expected: peak, defaultSeats: 4 });
  assert.equal(plan.pools.map((x) => [x.zoneId, x.matterIds.sort(), x.counterIds.sort()]), [
    ['A', ['a1', 'a2'], ['c1', 'c2', 'c3', 'c6']],
    ['B', ['b1'], ['c4', 'c5']],
  ]);
  const b = plan.pools[1]!;
  assert.equal(b.slots.map((s) => s.staffed), [2, 2, 2, 2, 2]);
  assert.ok(b.slots[1]!.needed > b.slots[0]!.needed && b.slots[1]!.needed > 2);
});

p('a comprehensive counter of the quiet zone is advised to the peak, for one range of at least an hour; professional counters never move', () => {
  const plan = planStaffing({ slots: SLOTS, matters, counters: hall, expected: peak, defaultSeats: 4 });
  assert.ok(plan.moves.length >= 1);
  for (const m of plan.moves) {
    assert.is(m.toZoneId, 'B');
    assert.is(m.fromZoneId, 'A');
    assert.ok([1, 2, 3].includes(m.counterNumber));
    assert.ok(m.from === 570 && m.to - m.from >= 60, `${m.from}–${m.to}`);
  }
  const even = planStaffing({ slots: SLOTS, matters, counters: hall, expected: () => 1, defaultSeats: 4 });
  assert.equal(even.moves, [], 'no peak, no advice');
});

p('appointment seats are capped in the peak half hours only, never above the default', () => {
  const plan = planStaffing({ slots: SLOTS, matters, counters: hall, expected: peak, defaultSeats: 4 });
  const bSeats = [...plan.seats.entries()].filter(([k]) => k.endsWith('|b1'));
  assert.ok(bSeats.length > 0);
  for (const [k, v] of bSeats) {
    assert.ok(k.startsWith('570|') || k.startsWith('600|'), k);
    assert.ok(v >= 0 && v < 4);
  }
  assert.not.ok([...plan.seats.keys()].some((k) => k.endsWith('|a1') || k.endsWith('|a2')));
});

p('breaks out of the peaks: each staffed counter one per session, at most half a pool away at once, never in a move or the last quarter hour', () => {
  const sessions = [{ start: 540, end: 690 }];
  const plan = planStaffing({ slots: SLOTS, matters, counters: hall, expected: peak, defaultSeats: 4, sessions, noBreak: new Set(['c6']) });
  assert.equal(plan.breaks.map((b) => b.counterNumber).sort(), [1, 2, 3, 4, 5], 'one per counter, none for the covered counter 6');
  for (const b of plan.breaks) {
    assert.is(b.end - b.start, 15);
    assert.ok(b.start >= 540 && b.end <= 690 - 15, `${b.counterNumber}: ${b.start}–${b.end}`);
  }
  // Zone B (4, 5) peaks 09:30–10:30: a break keeps no peak ticket from its target (it ends by 09:30,
  // or starts once the last peak ticket is past its 10 minutes), and the two are not away at once.
  const b = plan.breaks.filter((x) => x.counterNumber >= 4);
  for (const x of b) assert.ok(x.end <= 570 || x.start >= 640, `${x.counterNumber} breaks at ${x.start}`);
  assert.not.equal(b[0]!.start, b[1]!.start, 'a pool of two keeps one counter working');
  for (const m of plan.moves) assert.not.ok(plan.breaks.some((x) => x.counterId === m.counterId && x.start < m.to && x.end > m.from), 'no break inside a tidal move');
  const zone = planStaffing({ slots: SLOTS, matters, counters: hall, expected: peak, defaultSeats: 4, sessions });
  const inA = zone.breaks.filter((x) => [1, 2, 3, 6].includes(x.counterNumber));
  for (const t of [540, 555, 570, 585, 600, 615, 630, 645, 660]) assert.ok(inA.filter((x) => x.start <= t && t < x.end).length <= 2, `at most half of zone A's 4 counters away at ${t}`);
  assert.equal(planStaffing({ slots: SLOTS, matters, counters: hall, expected: peak, defaultSeats: 4 }).breaks, [], 'no sessions, no break plan');
});

f.run();
q.run();
p.run();
