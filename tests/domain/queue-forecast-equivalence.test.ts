/**
 * The fast forecast (grouped pool, server/domain/forecast-groups.ts) against the reference that
 * shows the rule every waiting ticket at every simulated call: the same calls, by the same
 * counters, at the same times, on thousands of random queues — green channel, appointments before,
 * in and after their window, transfers to a counter, transfers that kept another target, breached
 * and past-cap tickets, starvation guards, preferred matters, counters with different matter sets
 * and free times. The rule itself is never copied here: both sides call pickNext.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addToIndex, AGE_THRESHOLDS, groupedPool, groupIndex } from '../../server/domain/forecast-groups';
import { forecastCalls, forecastQueue, forecastQueues, type ForecastCall, type SimulationInput } from '../../server/domain/queue-forecast';
import { inAppointmentWindow, pastWaitCap, urgencyOf } from '../../server/domain/routing-policy';
import { randomHall } from '../_support/random-forecast-hall';

const CASES = 4_000;
const e = suite(`fast forecast = rescan forecast (${CASES} random halls)`);

/** What the calls exercised, so a generator that stopped reaching a corner fails here. */
function cover(input: SimulationInput, calls: ForecastCall[], seen: Record<string, number>): void {
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  const streak = new Map(input.counters.map((k) => [k.id, k.consecutivePriorityCalls]));
  for (const call of calls) {
    const c = byId.get(call.ticketId)!;
    const at = new Date(call.at);
    const s = streak.get(call.counterId)!;
    if (pastWaitCap(c, at, input.waitCapMinutes)) seen.pastCap!++;
    else if (urgencyOf(c, at) > 1) seen.breached!++;
    if (c.priority > 0) seen.green!++;
    if (inAppointmentWindow(c, at, input.appointmentGraceMinutes, input.earlyAppointmentMinutes)) seen.appointment!++;
    if (c.targetCounterId) seen.transfer!++;
    if (input.starvationGuard > 0 && s >= input.starvationGuard && c.priority === 0) seen.guard!++;
    streak.set(call.counterId, c.priority > 0 ? s + 1 : 0);
  }
}

e('every call of the full drain is the same, and so is every ticket’s forecast', () => {
  const seen: Record<string, number> = { pastCap: 0, breached: 0, green: 0, appointment: 0, transfer: 0, guard: 0 };
  let calls = 0;
  for (let seed = 1; seed <= CASES; seed++) {
    const input = randomHall(seed);
    const fast = forecastCalls(input, 'grouped');
    const rescan = forecastCalls(input, 'rescan');
    assert.equal(fast, rescan, `seed ${seed}`);
    calls += fast.length;
    cover(input, fast, seen);
    for (const c of input.candidates.slice(0, 3)) {
      const q = { ...input, ticketId: c.id };
      assert.equal(forecastQueue(q, 'grouped'), forecastQueue(q, 'rescan'), `seed ${seed} ticket ${c.id}`);
    }
  }
  if (process.env.SHOW_COVERAGE) console.log(calls, seen);
  for (const [what, n] of Object.entries(seen)) assert.ok(n >= 200, `only ${n} calls of ${what} tickets`);
  assert.ok(calls > 50_000, `only ${calls} calls`);
});

e('one simulation for several tickets gives each the forecast it gets alone', () => {
  let asked = 0;
  for (let seed = 1; seed <= 1_000; seed++) {
    const input = randomHall(seed);
    const ids = [...input.candidates.filter((_, i) => i % 7 === 3).map((c) => c.id), 'not-waiting'];
    const many = forecastQueues(input, ids);
    for (const id of ids) assert.equal(many.get(id), forecastQueue({ ...input, ticketId: id }), `seed ${seed} ticket ${id}`);
    asked += ids.length;
  }
  assert.ok(asked > 3_000, `only ${asked} tickets asked`);
});

e('a grouping kept between forecasts and grown ticket by ticket forecasts as the queue read whole', () => {
  let grown = 0;
  for (let seed = 1; seed <= 1_500; seed++) {
    const input = randomHall(seed);
    // The kept part, then tickets arriving in any order (a later one may start waiting earlier: an appointment).
    const cut = Math.floor(input.candidates.length * (seed % 3 === 0 ? 0 : 0.7));
    const index = groupIndex(input.candidates.slice(0, cut));
    for (const c of input.candidates.slice(cut)) addToIndex(index, c);
    grown += input.candidates.length - cut;
    assert.equal(index.size, input.candidates.length);
    assert.equal(forecastCalls({ ...input, index }, 'grouped'), forecastCalls(input, 'rescan'), `seed ${seed}`);
    // One index serves several simulations: a pool never changes it.
    const ids = input.candidates.slice(-3).map((c) => c.id);
    assert.equal(forecastQueues({ ...input, index }, ids), forecastQueues(input, ids, 'rescan'), `seed ${seed} again`);
  }
  assert.ok(grown > 10_000, `only ${grown} tickets added one by one`);
});

e('the comparison has teeth: a pool that ignores the age segments is caught', () => {
  let differ = 0;
  for (let seed = 1; seed <= 400; seed++) {
    const input = randomHall(seed);
    const oldestOnly = forecastCalls(input, (i) => groupedPool(i.candidates, i.waitCapMinutes, []));
    const breachOnly = forecastCalls(input, (i) => groupedPool(i.candidates, i.waitCapMinutes, AGE_THRESHOLDS.slice(1)));
    const rescan = forecastCalls(input, 'rescan');
    if (JSON.stringify(oldestOnly) !== JSON.stringify(rescan)) differ++;
    if (JSON.stringify(breachOnly) !== JSON.stringify(rescan)) differ++;
  }
  if (process.env.SHOW_COVERAGE) console.log("differ", differ);
  assert.ok(differ >= 40, `only ${differ} of 800 broken runs differ`);
});

e.run();
