/** Runs a scenario over several seeded days under each policy, on the same visitors. */
import { runDay, type DayResult } from './engine';
import { POLICIES, type Policy } from './policies';
import { createRng } from './rng';
import { singleCounterMatters, type Scenario } from './scenario';
import { summarise, type Stats } from './metrics';
import { drawVisitors, type Visitor } from './visitors';

export interface PolicyResult {
  policy: Policy;
  stats: Stats;
  days: DayResult[];
}

export function drawDays(s: Scenario, seed: number, days: number): Visitor[][] {
  return Array.from({ length: days }, (_, d) => drawVisitors(s, createRng(seed).fork(`day:${d}`)));
}

/**
 * `from`: the scenario whose visitors (and single-counter desks) are used — a plan that lends the
 * hall more counter-minutes serves the same visitors, it does not bring more.
 */
export function compare(s: Scenario, seed: number, days: number, policies: readonly Policy[] = POLICIES, from: Scenario = s): PolicyResult[] {
  // The bookings follow this scenario's slot caps; how many visitors come, the demand scenario's minutes.
  const visitorsByDay = drawDays(from === s ? s : { ...from, slotCapacity: s.slotCapacity }, seed, days);
  const single = singleCounterMatters(from);
  return policies.map((policy) => {
    const results = visitorsByDay.map((v) => runDay(s, v, policy));
    return { policy, stats: summarise(results, single, s.load), days: results };
  });
}
