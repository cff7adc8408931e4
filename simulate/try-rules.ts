/**
 * `npm run simulate:rules [-- --days 20 --load 0.85 --only id,id --lookahead 3 --online 3 --priority-bound 3 --halls 0,2]`
 *
 * Measures the rule variants of simulate/rule-variants.ts against the previous rule and ours,
 * on the same seeded days (seed 20261124): the demo hall, issue #16's reference hall as its
 * simulation has it (no breaks, no last-ticket cut-off) and the reference hall on our day.
 * Prints per variant the share within target (± 95 % CI), appointments / green channel, p99 and
 * the longest wait. `--lookahead N` adds the clairvoyant look-ahead over our rule's N best
 * tickets (simulate/rollout.ts; about a minute of CPU per hall for 20 days at N = 3), and
 * `--online N` the same look-ahead with only what the hall knows at the call; `--priority-bound N`
 * the clairvoyant look-ahead told to keep green-channel and appointment visitors within target
 * above all (each counts 1000 walk-ins), on our rule with a priority visitor before a due break.
 * `--halls 0,2` runs only those halls (0 demo, 1 reference open day, 2 reference our day).
 * docs/routing.md §The look-ahead, measured and not adopted quotes it.
 */
import { runDay } from './engine';
import { interval, measured, summarise, withinTarget } from './metrics';
import type { DayResult } from './engine';
import { OURS_BEFORE_BREAK, PREVIOUS, type Policy } from './policies';
import { referenceScenario } from './reference-hall';
import { ci, min, pct, table } from './report';
import { onlineRolloutDay, onTimeScore, rolloutDay } from './rollout';
import { drawDays } from './run';
import { variantPolicy, VARIANTS, type Knowledge } from './rule-variants';
import { scenario, singleCounterMatters, type Scenario } from './scenario';
import type { Visitor } from './visitors';

const SEED = 20261124;

function dailyShare(d: DayResult): number {
  const t = d.tickets.filter(measured);
  return t.filter(withinTarget).length / Math.max(1, t.length);
}

const points = (x: { mean: number; half: number }) => `${x.mean >= 0 ? '+' : '−'}${Math.abs(x.mean * 100).toFixed(1)} ± ${(x.half * 100).toFixed(1)}`;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Every variant on the same days; a clairvoyant one is built per day, from that day's visitors. */
export function measure(s: Scenario, days: number, ids?: readonly string[], lookahead = 0, online = 0, priorityBound = 0) {
  const visitorsByDay = drawDays(s, SEED, days);
  const single = singleCounterMatters(s);
  const means = new Map(s.matters.map((m) => [m.id, m.serviceMean + s.walkUpMinutes]));
  const knowledge = (v: readonly Visitor[]): Knowledge => {
    const byTicket = new Map(v.map((x) => [`v${x.id}`, x])); // the engine's ticket id
    return { expectedService: (m) => means.get(m)!, visitor: (id) => byTicket.get(id), walkUpMinutes: s.walkUpMinutes };
  };
  const chosen = VARIANTS.filter((v) => !ids || ids.includes(v.id));
  const rows: [string, (v: readonly Visitor[]) => Policy][] = [[PREVIOUS.label, () => PREVIOUS], ...chosen.map((v) => [v.label, (d: readonly Visitor[]) => variantPolicy(v, knowledge(d))] as [string, (v: readonly Visitor[]) => Policy])];
  const ourRule = VARIANTS[0]!;
  const plays: [string, (v: readonly Visitor[]) => DayResult][] = rows.map(([label, policyFor]) => [label, (v) => runDay(s, v, policyFor(v))]);
  if (lookahead > 0) plays.push([`CLAIRVOYANT: look-ahead over our ${lookahead} best`, (v) => rolloutDay(s, v, variantPolicy(ourRule, knowledge(v)), lookahead)]);
  // What a clairvoyant priority-first order reaches: a green-channel or appointment visitor within
  // target counts 1000 walk-ins, the counters take one priority visitor before a due break.
  const priorityFirst = (t: DayResult['tickets'][number]) => (t.candidate.priority > 0 || t.appointment ? 1000 : 1);
  if (priorityBound > 0) plays.push([`CLAIRVOYANT priority-first: look-ahead over our ${priorityBound} best, priority × 1000`, (v) => rolloutDay(s, v, OURS_BEFORE_BREAK, priorityBound, (d) => onTimeScore(d, priorityFirst))]);
  if (online > 0) plays.push([`online look-ahead over our ${online} best (mean service, known queue)`, (v) => onlineRolloutDay(s, v, variantPolicy(ourRule, knowledge(v)), (m) => means.get(m)!, online)]);
  const runs = plays.map(([label, play]) => {
    const days = visitorsByDay.map(play);
    return { label, stats: summarise(days, single, s.load), daily: days.map((d) => dailyShare(d)) };
  });
  // Paired with ours on the same days: the difference's own interval is much tighter than either share's.
  const ours = runs.find((r) => r.label === ourRule.label);
  return runs.map((r) => ({ ...r, vsOurs: ours ? interval(r.daily.map((x, d) => x - ours.daily[d]!)) : null }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const days = Number(arg('days') ?? 20);
  const load = Number(arg('load') ?? 0.85);
  const ids = arg('only')?.split(',');
  const lookahead = Number(arg('lookahead') ?? 0);
  const online = Number(arg('online') ?? 0);
  const priorityBound = Number(arg('priority-bound') ?? 0);
  const hallIds = arg('halls')?.split(',').map(Number);
  const halls: [string, Scenario][] = [
    ['demo hall, our day', scenario('demo', load)],
    ['reference hall, no breaks, no cut-off', referenceScenario(load, 'open')],
    ['reference hall, our day', referenceScenario(load, 'ours')],
  ];
  for (const [name, s] of halls.filter((_, i) => !hallIds || hallIds.includes(i))) {
    console.log(`\n${name}, demand ${pct(load)}, ${days} days, seed ${SEED}:`);
    console.log(
      table(
        ['rule', 'within target', 'vs ours (paired)', 'multi-counter', 'appts / green', 'p99 / longest (min)', 'gave up'],
        measure(s, days, ids, lookahead, online, priorityBound).map(({ label, stats: x, vsOurs }) => [label, ci(x.withinAll), vsOurs ? points(vsOurs) : '', pct(x.withinPooled.mean), `${pct(x.withinAppointment)} / ${pct(x.withinGreen)}`, `${min(x.p99)} / ${min(x.max)}`, pct(x.abandoned)]),
      ),
    );
  }
}
