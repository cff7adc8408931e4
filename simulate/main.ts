/**
 * `npm run simulate [-- --seed N --days N --loads 0.7,0.85,0.95]`
 *
 * Simulates realistic hall days on the demo district centre with the real domain code and
 * compares the calling policies on the same visitors, service times and staffing: FCFS with the
 * green channel, strict priority, the previous rule (breached first) and ours
 * (server/domain/routing-policy.ts). Then the forecast's accuracy, the staffing plan with slot
 * caps, and what pooling would gain.
 */
import { FCFS, OURS, OURS_BEFORE_BREAK, POLICIES, PREVIOUS } from './policies';
import { priorityMissTable } from './priority-misses';
import { accuracyReport } from './accuracy';
import { forecastDayOf, planFor, simulatedForecast, withPlan } from './plan';
import { flexMinutes } from '../server/domain/peak-staffing';
import { compare, drawDays, type PolicyResult } from './run';
import { demoCounters, pooledDemoCounters, REALISTIC_LOAD, scenario, scheduledMinutes, singleCounterMatters, visitorsPerDay } from './scenario';
import { ci, min, pct, policyTable, table } from './report';
import { poolingEstimates } from './forecast-day';
import { poolLoadTable } from './load-profile';
import { referenceScenario } from './reference-hall';
import { latePriorityTable } from './late-priority';

const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export interface SimOptions {
  seed: number;
  days: number;
  loads: number[];
}

export function parseArgs(argv: readonly string[]): SimOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const loads = (get('loads') ?? '0.7,0.85,0.95').split(',').map(Number).filter((x) => x > 0 && x < 2);
  return { seed: Number(get('seed') ?? 20261124), days: Math.max(2, Number(get('days') ?? 20)), loads: loads.length ? loads : [REALISTIC_LOAD] };
}

export function simulate(opts: SimOptions, print: (line: string) => void = console.log): Record<string, PolicyResult[]> {
  const out: Record<string, PolicyResult[]> = {};
  const demo = scenario('demo');
  const single = singleCounterMatters(demo);
  print(`一窗 hall-day simulation — seed ${opts.seed}, ${opts.days} days per row, demo district centre (${demo.counters.length} staffed counters, ${scheduledMinutes(demo)} scheduled counter-minutes a day after breaks).`);
  print('Waiting = first call − max(issue, slot start); targets 10 min general, 30 min complex. Cells "x ± h" are the mean share of the days with its 95 % confidence interval.');
  print(`Single-counter desks (the order cannot matter there): ${[...single].join(', ')}.`);
  for (const load of opts.loads) {
    const s = scenario(`demo ${load}`, load);
    const results = compare(s, opts.seed, opts.days);
    out[`demo ${load}`] = results;
    const perDay = [...visitorsPerDay(s).values()].reduce((a, b) => a + b, 0);
    print('');
    print(`Demo staffing, demand ${pct(load)} of scheduled counter-minutes (${Math.round(perDay)} visitors a day):`);
    print(policyTable(results));
    const ours = results.find((r) => r.policy.name === 'ours')!.stats;
    const prev = results.find((r) => r.policy.name === 'previous')!.stats;
    print(`ours vs previous: ${ci(prev.withinAll)} → ${ci(ours.withinAll)} within target; p99 ${min(prev.p99)} → ${min(ours.p99)} min; longest ${min(prev.max)} → ${min(ours.max)} min; utilisation ${pct(ours.utilisation)}.`);
    print('Where the load sits (expected work ÷ scheduled counter-minutes; the peak: work arriving in the half hour ÷ counter-minutes on duty in it):');
    print(poolLoadTable(s));
    if (load === REALISTIC_LOAD) {
      print('Late green-channel and appointment visitors under strict priority (always called first), by what their matter\'s counters were doing when their wait began:');
      print(latePriorityTable(s, results.find((r) => r.policy.name === 'strict')!.days));
      const breakFirst = compare(s, opts.seed, opts.days, [OURS_BEFORE_BREAK])[0]!;
      out[`demo ${load} before break`] = [breakFirst];
      print(`With the counters taking one more priority visitor before a due break (callBeforeBreak), ours: ${ci(breakFirst.stats.withinAll)} within target, appointments ${pct(breakFirst.stats.withinAppointment)}, green ${pct(breakFirst.stats.withinGreen)}, p99 ${min(breakFirst.stats.p99)} / longest ${min(breakFirst.stats.max)} min.`);
      print('Why the late green-channel and appointment visitors missed, traced call by call (simulate/priority-misses.ts):');
      print(priorityMissTable(s, [['strict', results.find((r) => r.policy.name === 'strict')!.days], ['ours', results.find((r) => r.policy.name === 'ours')!.days], ['ours + before break', breakFirst.days]]));
    }
  }
  print('');
  print(`Issue #16 summary, demo hall (${opts.days} seeded days per cell; share within target ± 95 % CI; appointments / green channel; p99 / longest wait in minutes):`);
  print(
    table(
      ['demand', ...POLICIES.map((p) => p.label)],
      opts.loads.flatMap((load) => {
        const r = out[`demo ${load}`]!;
        const cell = (f: (x: PolicyResult['stats']) => string) => POLICIES.map((p) => f(r.find((x) => x.policy === p)!.stats));
        return [
          [`${pct(load)} all`, ...cell((x) => ci(x.withinAll))],
          [`${pct(load)} appts / green`, ...cell((x) => `${pct(x.withinAppointment)} / ${pct(x.withinGreen)}`)],
          [`${pct(load)} p99 / longest`, ...cell((x) => `${min(x.p99)} / ${min(x.max)}`)],
        ];
      }),
    ),
  );
  print('');
  print("Reference hall — issue #16's description rebuilt (14 counters: 2 zones of 4 comprehensive + 2 professional + 1 complex-only, no single desks; 60/40 general/complex, CV 0.7, peaks 9–11 and 14–16), to check this simulator against the issue's figures (85 %: FCFS 73.2, best online rule 91.0):");
  for (const rules of ['open', 'ours'] as const) {
    const rows = opts.loads.map((load) => {
      const r = compare(referenceScenario(load, rules), opts.seed, opts.days);
      out[`reference ${rules} ${load}`] = r;
      return r;
    });
    const at = opts.loads.indexOf(REALISTIC_LOAD);
    print(rules === 'open' ? 'No breaks, no last-ticket cut-off:' : 'With our day (15-minute breaks, 30-minute last-ticket cut-off):');
    if (at >= 0) print(policyTable(rows[at]!));
    print(opts.loads.map((load, i) => `${pct(load)}: FCFS ${ci(rows[i]!.find((x) => x.policy === FCFS)!.stats.withinAll)}, ours ${ci(rows[i]!.find((x) => x.policy === OURS)!.stats.withinAll)}`).join('; '));
  }
  for (const rules of ['breaks', 'cutoff'] as const) {
    const r = compare(referenceScenario(REALISTIC_LOAD, rules), opts.seed, opts.days, [FCFS, PREVIOUS, OURS]);
    out[`reference ${rules}`] = r;
    const [f, p, o] = r.map((x) => x.stats);
    print(`${rules === 'breaks' ? 'Breaks only' : 'Last-ticket cut-off only'}, ${pct(REALISTIC_LOAD)}: FCFS ${ci(f!.withinAll)}, previous ${ci(p!.withinAll)}, ours ${ci(o!.withinAll)} (appointments ${pct(o!.withinAppointment)}, green ${pct(o!.withinGreen)}).`);
  }
  const perPool = scenario('per-pool', REALISTIC_LOAD, { demandMix: 'per-pool' });
  out.perPool = compare(perPool, opts.seed, opts.days, [PREVIOUS, OURS]);
  print('');
  print(`Sensitivity — every counter pool at ${pct(REALISTIC_LOAD)} of its own scheduled minutes (demandMix 'per-pool') instead of the hall as a whole:`);
  print(policyTable(out.perPool));
  print(poolLoadTable(perPool));
  const base = scenario('demo', REALISTIC_LOAD);
  const forecast = simulatedForecast(base, opts.seed);
  print('');
  print(accuracyReport(base, forecast, drawDays(base, opts.seed, opts.days)));
  const plan = planFor(base, forecast);
  const planned = withPlan(base, plan);
  const flex = flexMinutes(plan.peak);
  print('');
  print(`Staffing plan and slot caps (the dashboard's plan from that forecast: ${plan.moves.length} tidal moves, ${plan.breaks.length} breaks out of the peaks, ${new Set([...plan.seats.keys()].map((k) => k.split('|')[0])).size} half hours with capped seats; peak staffing: ${flex.opened} counter-minutes of the after-hours window opened in the peaks by back-office colleagues and the same ${flex.released} released elsewhere — ${scheduledMinutes(base)} → ${scheduledMinutes(planned)} scheduled counter-minutes), ${pct(REALISTIC_LOAD)} demand:`);
  print(`  ${plan.peak.openings.map((o) => `${hm(o.from)}–${hm(o.to)} window ${o.counterNumber} → ${o.zoneId}`).join('; ')}; back office: ${plan.peak.releases.map((r) => `${r.counterNumber} ${hm(r.from)}–${hm(r.to)}`).join(', ')}.`);
  out.plan = compare(planned, opts.seed, opts.days, [PREVIOUS, OURS], base);
  print(policyTable(out.plan));
  // The levers apart: the plan's duties (moves, breaks, peak staffing) without the caps, the caps alone, the plan without peak staffing.
  out.planBreaks = compare({ ...planned, slotCapacity: undefined }, opts.seed, opts.days, [OURS], base);
  out.planCaps = compare({ ...base, slotCapacity: planned.slotCapacity }, opts.seed, opts.days, [OURS]);
  out.planNoPeak = compare(withPlan(base, { ...plan, peak: { openings: [], releases: [] } }), opts.seed, opts.days, [OURS]);
  // With minutes the back office lends (no release): more counter-minutes, the demand reported as a share of the new total.
  const extraPlan = planFor(base, forecast, 'extra');
  const extra = withPlan(base, extraPlan);
  out.planExtra = compare(extra, opts.seed, opts.days, [OURS], base);
  for (const [label, r] of [
    ['the plan’s breaks, moves and peak staffing only', out.planBreaks[0]!],
    ['the slot caps only', out.planCaps[0]!],
    ['the plan and slot caps without peak staffing', out.planNoPeak[0]!],
    [`the plan and slot caps, the after-hours window lent by the back office for ${flexMinutes(extraPlan.peak).opened} more minutes (demand ${pct((REALISTIC_LOAD * scheduledMinutes(base)) / scheduledMinutes(extra))} of the ${scheduledMinutes(extra)} scheduled counter-minutes)`, out.planExtra[0]!],
  ] as const) {
    print(`${label}, ours: ${ci(r.stats.withinAll)} within target, appointments ${pct(r.stats.withinAppointment)}, p99 ${min(r.stats.p99)} min, overtime ${Math.round(r.stats.overtimePerDay)} min a day.`);
  }
  const pooled = scenario('pooled', REALISTIC_LOAD, { counters: demoCounters(pooledDemoCounters()) });
  out.pooled = compare(pooled, opts.seed, opts.days, [PREVIOUS, OURS]);
  print('');
  print(`Pooling — the professional counters (3 食品经营许可, 6 出入境) made comprehensive for their zone, ${pct(REALISTIC_LOAD)} demand:`);
  print(policyTable(out.pooled));
  const pooledPlan = planFor(pooled, forecast);
  out.pooledPlan = compare(withPlan(pooled, pooledPlan), opts.seed, opts.days, [OURS], pooled);
  print(`Pooling + plan + slot caps, ours: ${ci(out.pooledPlan[0]!.stats.withinAll)} within target, p99 ${min(out.pooledPlan[0]!.stats.p99)} min.`);
  // The same plan on issue #16's reference hall (our day: breaks and the last-ticket cut-off), from its own forecast.
  const ref = referenceScenario(REALISTIC_LOAD, 'ours');
  const refForecast = simulatedForecast(ref, opts.seed);
  out.referencePlan = compare(withPlan(ref, planFor(ref, refForecast)), opts.seed, opts.days, [OURS], ref);
  const rp = out.referencePlan[0]!.stats;
  print(`Reference hall (our day), plan + slot caps, ours: ${ci(rp.withinAll)} within target, appointments ${pct(rp.withinAppointment)}, green ${pct(rp.withinGreen)}, p99 ${min(rp.p99)} min, overtime ${Math.round(rp.overtimePerDay)} min a day.`);
  print('');
  print("The dashboard's pooling estimate (the same engine and our rule on the forecast day, 8 seeded days, no breaks; simulate/forecast-day.ts) — share within target, the counter's zone and the hall:");
  print(
    table(
      ['counter made comprehensive', 'zone now', 'zone pooled', 'hall now', 'hall pooled'],
      poolingEstimates(forecastDayOf(base, forecast)).map((g) => [`${g.counterNumber} (${g.zoneId})`, pct(g.withinNow), pct(g.withinPooled), pct(g.hallNow), pct(g.hallPooled)]),
    ),
  );
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  simulate(parseArgs(process.argv.slice(2)));
}
