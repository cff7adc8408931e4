/** Why priority visitors miss (simulate/priority-misses.ts) and the one visitor a counter still calls before a due break. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runDay } from '../../simulate/engine';
import { OURS, OURS_BEFORE_BREAK } from '../../simulate/policies';
import { priorityMisses } from '../../simulate/priority-misses';
import { scenario } from '../../simulate/scenario';

const s = suite('priority misses');

function oneCounter() {
  const base = scenario('x', 0.85);
  const counter = { ...base.counters[0]!, duties: [
    { start: 540, end: 630, matterIds: base.counters[0]!.matterIds, closing: false }, // break 630–645
    { start: 645, end: 720, matterIds: base.counters[0]!.matterIds, closing: true },
  ] };
  const sc = { ...base, counters: [counter] };
  const matterId = [...counter.matterIds].find((id) => sc.matters.find((m) => m.id === id)!.targetMinutes === 10)!;
  const person = { matterId, green: false, slot: null, noShow: false, patience: 999 };
  const visitors = [
    { ...person, id: 1, arrival: 620, serviceMinutes: 10 }, // called 620, leaves 630.5: the break is due
    { ...person, id: 2, arrival: 625, serviceMinutes: 5, green: true }, // green channel, deadline 635
    { ...person, id: 3, arrival: 632, serviceMinutes: 5 }, // a walk-in: waits for the break either way
  ];
  return { sc, visitors };
}

s('a counter whose break is due calls the waiting green-channel visitor first, then takes the whole break', () => {
  const { sc, visitors } = oneCounter();
  const plain = runDay(sc, visitors, OURS);
  assert.ok(Math.abs(plain.tickets[1]!.calledAt! - 645.5) < 1e-9, `without: after the break (${plain.tickets[1]!.calledAt})`);
  const first = runDay(sc, visitors, OURS_BEFORE_BREAK);
  assert.ok(Math.abs(first.tickets[1]!.calledAt! - 630.5) < 1e-9, `with: before the break (${first.tickets[1]!.calledAt})`);
  // The break is shifted, never shortened: 636–651, then the walk-in.
  assert.ok(Math.abs(first.tickets[2]!.calledAt! - 651) < 1e-9, `walk-in after the full break (${first.tickets[2]!.calledAt})`);
  assert.ok(Math.abs(plain.tickets[2]!.calledAt! - 651) < 1e-9, `without, the walk-in follows the green visitor (${plain.tickets[2]!.calledAt})`);
});

s('the late green-channel visitor is traced to the break; with the break put off nobody is late', () => {
  const { sc, visitors } = oneCounter();
  const plain = priorityMisses(sc, [runDay(sc, visitors, OURS)]);
  assert.is(plain.green, 1);
  assert.equal(plain.rows.filter((r) => r.green > 0).map((r) => r.cause), ['went on break while they waited']);
  const first = priorityMisses(sc, [runDay(sc, visitors, OURS_BEFORE_BREAK)]);
  assert.is(first.rows.reduce((a, r) => a + r.green + r.appointments, 0), 0);
});

s('a green-channel visitor behind a long visit at a single desk is capacity, not the order', () => {
  const { sc } = oneCounter();
  const single = { ...sc, counters: [{ ...sc.counters[0]!, duties: [{ start: 540, end: 720, matterIds: sc.counters[0]!.matterIds, closing: true }] }] };
  const matterId = [...single.counters[0]!.matterIds][0]!;
  const person = { matterId, green: false, slot: null, noShow: false, patience: 999 };
  const target = single.matters.find((m) => m.id === matterId)!.targetMinutes;
  const day = runDay(single, [{ ...person, id: 1, arrival: 600, serviceMinutes: 3 * target }, { ...person, id: 2, arrival: 601, green: true, serviceMinutes: 5 }], OURS);
  const b = priorityMisses(single, [day]);
  // One counter in this scenario serves the matter: a single desk, busy past the deadline.
  assert.equal(b.rows.filter((r) => r.green > 0).map((r) => [r.cause, r.green]), [['single desk, no call before the deadline', 1]]);
});

s.run();
