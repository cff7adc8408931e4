/** Plain-text tables for the terminal (CJK-free, fixed width). */
import type { PolicyResult } from './run';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const min = (x: number) => x.toFixed(1);

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function policyTable(results: readonly PolicyResult[]): string {
  return table(
    ['policy', 'general≤10', 'complex≤30', 'all', 'appointments', 'p50', 'p90', 'max', 'utilisation', 'normal>2×target', 'normal max', 'green p90'],
    results.map(({ policy, stats: s }) => [
      policy.label,
      pct(s.withinGeneral),
      pct(s.withinComplex),
      pct(s.withinAll),
      pct(s.withinAppointment),
      min(s.p50),
      min(s.p90),
      min(s.max),
      pct(s.utilisation),
      pct(s.starvedShare),
      min(s.normalMax),
      min(s.greenP90),
    ]),
  );
}

export { pct, min };
