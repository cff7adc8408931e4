/**
 * A clairvoyant look-ahead, to bound what any calling order could reach on a hall: at each call
 * it tries the `breadth` best tickets of our rule, plays the rest of the day out for each — with
 * the day's real future arrivals, service times and patience, our rule deciding every later
 * call — and calls the ticket whose day ends with the most visitors within target (or the most
 * by another `score`, e.g. counting the green channel and appointments more). An online rule
 * knows none of that future, so this is far above what one can do; it is not an exact optimum
 * either (one step of look-ahead, our rule after). docs/routing.md §The look-ahead, measured and not adopted, quotes it.
 *
 * Deterministic: the engine replays the same day for the same decisions, so the committed calls
 * are forced by ticket id and only the call being decided differs between the plays.
 */
import { runDay, type DayResult } from './engine';
import { measured, withinTarget } from './metrics';
import type { Policy } from './policies';
import type { Scenario } from './scenario';
import type { Visitor } from './visitors';

/** Our rule, except that call i (0-based, in the engine's order) goes to forced[i] while there is one. */
function forcing(base: Policy, forced: readonly string[], seen?: (ranked: readonly string[], now: Date) => void): Policy {
  let call = 0;
  return {
    ...base,
    rank(candidates, ctx) {
      const ranked = base.rank(candidates, ctx);
      const i = call++;
      if (i === forced.length) seen?.(ranked.map((c) => c.id), ctx.now);
      const id = forced[i];
      if (id === undefined) return ranked;
      const pick = ranked.find((c) => c.id === id);
      if (!pick) throw new Error(`rollout: forced ticket ${id} not a candidate at call ${i}`);
      return [pick, ...ranked.filter((c) => c !== pick)];
    },
  };
}

/** Visitors within target — the default objective; `weighOf` can count some visitors more (e.g. the green channel). */
export function onTimeScore(d: DayResult, weighOf: (t: DayResult['tickets'][number]) => number = () => 1): number {
  return d.tickets.filter(measured).filter(withinTarget).reduce((a, t) => a + weighOf(t), 0);
}

export function rolloutDay(s: Scenario, visitors: readonly Visitor[], base: Policy, breadth = 3, score: (d: DayResult) => number = (d) => onTimeScore(d)): DayResult {
  const forced: string[] = [];
  for (;;) {
    let options: readonly string[] = [];
    const first = runDay(s, visitors, forcing(base, forced, (ids) => (options = ids.slice(0, breadth))));
    if (options.length === 0) return first; // no call left to decide
    let best = { id: options[0]!, score: score(first), day: first };
    for (const id of options.slice(1)) {
      const day = runDay(s, visitors, forcing(base, [...forced, id]));
      const value = score(day);
      if (value > best.score) best = { id, score: value, day };
    }
    forced.push(best.id);
  }
}

/**
 * The same look-ahead with only what the hall knows at the call (an online look-ahead): the
 * visitors who have taken a ticket so far, each waiting one served in the matter's mean time
 * (`expected`, walk-up included) and staying however long it takes, a visit in progress lasting
 * at least its mean; no future arrivals. The plays score the visitors known at the call.
 */
export function onlineRolloutDay(s: Scenario, visitors: readonly Visitor[], base: Policy, expected: (matterId: string) => number, breadth = 3): DayResult {
  const forced: string[] = [];
  const DAY0 = Date.UTC(2026, 10, 24); // the engine's day (engine.ts toDate)
  const EPS = 1e-4; // the call's time comes as a Date, to the millisecond
  for (;;) {
    let options: readonly string[] = [];
    let at = 0;
    const probe = runDay(s, visitors, forcing(base, forced, (ids, now) => {
      options = ids.slice(0, breadth);
      at = (now.getTime() - DAY0) / 60_000;
    }));
    if (options.length <= 1) {
      if (options.length === 0) return probe;
      forced.push(options[0]!);
      continue;
    }
    const calledAt = new Map(probe.tickets.filter((t) => t.calledAt !== null && t.calledAt < at - EPS).map((t) => [t.visitor.id, t.calledAt!]));
    const known = visitors
      .filter((v) => v.arrival <= at + EPS)
      .map((v): Visitor => {
        const start = calledAt.get(v.id);
        const mean = Math.max(0.01, expected(v.matterId) - s.walkUpMinutes);
        if (start === undefined) return { ...v, serviceMinutes: mean, patience: Number.POSITIVE_INFINITY, noShow: false };
        if (v.noShow || start + (s.walkUpMinutes + v.serviceMinutes) <= at + EPS) return v; // done before the call: history
        return { ...v, serviceMinutes: Math.max(mean, at - start - s.walkUpMinutes + 0.01) };
      });
    let best = { id: options[0]!, score: -1 };
    for (const id of options) {
      const value = onTimeScore(runDay(s, known, forcing(base, [...forced, id])));
      if (value > best.score) best = { id, score: value };
    }
    forced.push(best.id);
  }
}
