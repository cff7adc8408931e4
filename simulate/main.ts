/**
 * `npm run simulate [-- --seed N --days N --scenario normal|hard|all --no-sweep]`
 *
 * Simulates hall days on the demo district centre with the real domain code and compares the
 * calling policies: first come, first served per matter (the common baseline), strict priority,
 * and ours (server/domain/routing-policy.ts). Same visitors, same service times, same staffing.
 */
import { compare, type PolicyResult } from './run';
import { HARD_LOAD, NORMAL_LOAD, scenario } from './scenario';
import type { Stats } from './metrics';
import { pct, policyTable, table } from './report';

export interface SimOptions {
  seed: number;
  days: number;
  scenarios: ('normal' | 'hard')[];
  sweep: boolean;
}

export function parseArgs(argv: readonly string[]): SimOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const which = get('scenario') ?? 'all';
  return {
    seed: Number(get('seed') ?? 20261124),
    days: Math.max(1, Number(get('days') ?? 20)),
    scenarios: which === 'all' ? ['normal', 'hard'] : [which as 'normal' | 'hard'],
    sweep: !argv.includes('--no-sweep'),
  };
}

/** Where a policy "breaks": the first load of the sweep at which each criterion fails. */
export const CRITERIA = [
  { key: 'appointments', label: 'appointments<90%', fails: (x: Stats) => x.withinAppointment < 0.9 },
  { key: 'green', label: 'green p90>10min', fails: (x: Stats) => x.greenP90 > 10 },
  { key: 'general', label: 'general<70%', fails: (x: Stats) => x.withinGeneral < 0.7 },
  { key: 'complex', label: 'complex<70%', fails: (x: Stats) => x.withinComplex < 0.7 },
  { key: 'starved', label: 'normal>2×target>20%', fails: (x: Stats) => x.starvedShare > 0.2 },
] as const;
export const SWEEP_LOADS = [0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4] as const;

export function simulate(opts: SimOptions, print: (line: string) => void = console.log): Record<string, PolicyResult[]> {
  const out: Record<string, PolicyResult[]> = {};
  print(`一窗 hall-day simulation — seed ${opts.seed}, ${opts.days} days per scenario, demo district centre, 13 staffed counters`);
  print('Waiting = first call − max(issue, slot start); targets: general 10 min, complex 30 min (appointments and walk-ins).');
  for (const name of opts.scenarios) {
    const s = scenario(name);
    const results = compare(s, opts.seed, opts.days);
    out[name] = results;
    const perDay = Math.round(results[0]!.stats.visitors / opts.days);
    print('');
    print(`Scenario "${name}" (load ${s.load}): ${s.description}; ${perDay} visitors a day.`);
    print(policyTable(results));
    const ours = results.find((r) => r.policy.name === 'ours')!.stats;
    const fcfs = results.find((r) => r.policy.name === 'fcfs')!.stats;
    print(`ours vs FCFS: ${((ours.withinAll - fcfs.withinAll) * 100).toFixed(1)} percentage points more visitors within target (${pct(fcfs.withinAll)} → ${pct(ours.withinAll)}).`);
  }
  if (opts.sweep) {
    print('');
    print(`Load sweep (same staffing, ${opts.days} days each). Cells: share within target / normal tickets over 2× target`);
    const rows: string[][] = [];
    const firstFail = new Map<string, Map<string, string>>();
    for (const load of SWEEP_LOADS) {
      const results = compare(scenario(`load ${load}`, load), opts.seed, opts.days);
      out[`load ${load}`] = results;
      rows.push([load.toFixed(2), pct(results[0]!.stats.utilisation), ...results.map((r) => `${pct(r.stats.withinAll)} / ${pct(r.stats.starvedShare)}`)]);
      for (const r of results) {
        const fails = firstFail.get(r.policy.label) ?? new Map<string, string>();
        firstFail.set(r.policy.label, fails);
        for (const c of CRITERIA) if (!fails.has(c.key) && c.fails(r.stats)) fails.set(c.key, `${pct(r.stats.utilisation)}`);
      }
    }
    const labels = [...firstFail.keys()];
    print(table(['load', 'utilisation', ...labels], rows));
    print('');
    print('Where each policy breaks: the utilisation at which each criterion first fails ("-" = holds over the sweep)');
    print(table(['policy', ...CRITERIA.map((c) => c.label)], labels.map((l) => [l, ...CRITERIA.map((c) => firstFail.get(l)!.get(c.key) ?? '-')])));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  simulate(parseArgs(process.argv.slice(2)));
}
export { NORMAL_LOAD, HARD_LOAD };
