/** Plain-text tables for the terminal (fixed width). */
import type { Interval } from './metrics';
import type { PolicyResult } from './run';

export const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
export const min = (x: number) => x.toFixed(1);
export const ci = (x: Interval) => `${(x.mean * 100).toFixed(1)} ± ${(x.half * 100).toFixed(1)}`;

/** Display width: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((a, ch) => a + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function policyTable(results: readonly PolicyResult[]): string {
  return table(
    ['policy', 'all % (95 % CI)', 'multi-counter', 'single desks', 'general', 'complex', 'appointments', 'green', 'p50', 'p90', 'p99', 'max', 'gave up', 'overtime/day'],
    results.map(({ policy, stats: s }) => [
      policy.label,
      ci(s.withinAll),
      ci(s.withinPooled),
      s.singleDeskTickets > 0 ? ci(s.withinSingle) : '—',
      pct(s.withinGeneral),
      pct(s.withinComplex),
      pct(s.withinAppointment),
      pct(s.withinGreen),
      min(s.p50),
      min(s.p90),
      min(s.p99),
      min(s.max),
      pct(s.abandoned),
      `${Math.round(s.overtimePerDay)} min`,
    ]),
  );
}
