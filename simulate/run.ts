/** Runs a scenario over several seeded days under each policy, on the same visitors. */
import { runDay, type DayResult } from './engine';
import { POLICIES, type Policy } from './policies';
import { createRng } from './rng';
import type { Scenario } from './scenario';
import { summarise, type Stats } from './metrics';
import { drawVisitors } from './visitors';

export interface PolicyResult {
  policy: Policy;
  stats: Stats;
}

export function compare(s: Scenario, seed: number, days: number, policies: readonly Policy[] = POLICIES): PolicyResult[] {
  const visitorsByDay = Array.from({ length: days }, (_, d) => drawVisitors(s, createRng(seed).fork(`day:${d}`)));
  return policies.map((policy) => {
    const results: DayResult[] = visitorsByDay.map((v) => runDay(s, v, policy));
    return { policy, stats: summarise(results) };
  });
}
