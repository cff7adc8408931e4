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

export function compare(s: Scenario, seed: number, days: number, policies: readonly Policy[] = POLICIES): PolicyResult[] {
  const visitorsByDay = drawDays(s, seed, days);
  const single = singleCounterMatters(s);
  return policies.map((policy) => {
    const results = visitorsByDay.map((v) => runDay(s, v, policy));
    return { policy, stats: summarise(results, single, s.load), days: results };
  });
}
