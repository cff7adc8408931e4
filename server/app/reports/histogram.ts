/**
 * Fixed-bin histograms of minutes for the report roll-ups (docs/performance.md, "Report roll-ups"). A bin is named
 * by its upper bound `ub` in whole minutes and holds the values in (lower, ub]; bin 0 holds exactly 0.
 * Widths: 1 minute up to 120, 5 up to 240, 15 up to 1440 (a day), 60 beyond.
 *
 * Because every bound up to 120 is a whole minute and a value v lands in bin ceil(v), "v ≤ T" for a
 * whole-minute target T ≤ 120 is exactly "ub ≤ T": within-target counts from bins are exact.
 * A percentile from bins lies in the same bin as the exact one: off by less than the bin's width.
 */
import { sql, type SQL } from 'drizzle-orm';

/** The SQL twin of binOf, for a float8 expression in minutes. */
export const binSql = (v: SQL): SQL =>
  sql`(CASE WHEN ${v} <= 0 THEN 0 WHEN ${v} <= 120 THEN ceil(${v}) WHEN ${v} <= 240 THEN ceil(${v} / 5) * 5
            WHEN ${v} <= 1440 THEN ceil(${v} / 15) * 15 ELSE ceil(${v} / 60) * 60 END)::int`;

export function binOf(minutes: number): number {
  if (minutes <= 0) return 0;
  if (minutes <= 120) return Math.ceil(minutes);
  if (minutes <= 240) return Math.ceil(minutes / 5) * 5;
  if (minutes <= 1440) return Math.ceil(minutes / 15) * 15;
  return Math.ceil(minutes / 60) * 60;
}

/** The width of the bin with upper bound ub (0 for bin 0): the stated resolution there. */
export function binWidth(ub: number): number {
  if (ub <= 0) return 0;
  if (ub <= 120) return 1;
  if (ub <= 240) return 5;
  if (ub <= 1440) return 15;
  return 60;
}

/** Counts by upper bound. */
export type Histogram = Map<number, number>;

export function addBin(h: Histogram, ub: number, n: number): void {
  h.set(ub, (h.get(ub) ?? 0) + n);
}

export function mergeHistograms(into: Histogram, from: Histogram): Histogram {
  for (const [ub, n] of from) addBin(into, ub, n);
  return into;
}

/**
 * percentile_cont(p) estimated from bins: the same interpolation between the ranks around
 * p × (N − 1), each rank's value placed evenly inside its bin. Null when empty. `resolution` is
 * the widest of the two ranks' bins: the estimate is off the exact percentile by no more.
 */
export function percentileOf(h: Histogram, p: number): number | null {
  return percentileWithResolution(h, p)?.value ?? null;
}

export function percentileWithResolution(h: Histogram, p: number): { value: number; resolution: number } | null {
  const bins = [...h].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rankAt = (rank: number): { value: number; width: number } => {
    let before = 0;
    for (const [ub, n] of bins) {
      if (rank < before + n) {
        const width = binWidth(ub);
        return { value: ub - width + ((rank - before + 0.5) / n) * width, width };
      }
      before += n;
    }
    const [ub] = bins[bins.length - 1]!;
    return { value: ub, width: binWidth(ub) };
  };
  const r = p * (total - 1);
  const lo = Math.floor(r);
  const a = rankAt(lo);
  if (lo === r) return { value: a.value, resolution: a.width };
  const b = rankAt(lo + 1);
  return { value: a.value + (r - lo) * (b.value - a.value), resolution: Math.max(a.width, b.width) };
}
