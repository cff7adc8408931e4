/**
 * Where the offered load sits: per counter pool, the day's expected work ÷ its scheduled minutes
 * and, per half hour of the issuing windows, the work arriving ÷ the counter-minutes on duty in
 * that half hour. A day at "85 %" still has half hours far above 100 % in its peaks: that, not
 * the day average, is what breaks the targets.
 */
import { counterPools, scheduledMinutes, visitorsPerDay, workPerTicket, type Scenario } from './scenario';
import { issuingHalfHours } from './visitors';
import { pct, table } from './report';

export interface PoolLoad {
  label: string;
  counters: number;
  dayLoad: number;
  /** Highest half-hour arriving work ÷ on-duty counter-minutes of that half hour. */
  peakLoad: number;
  peakAt: number;
}

const onDutyMinutes = (s: Scenario, counterIds: ReadonlySet<string>, from: number, to: number) =>
  s.counters.filter((c) => counterIds.has(c.id)).reduce((a, c) => a + c.duties.reduce((b, d) => b + Math.max(0, Math.min(to, d.end) - Math.max(from, d.start)), 0), 0);

export function poolLoads(s: Scenario): PoolLoad[] {
  const perDay = visitorsPerDay(s);
  const buckets = issuingHalfHours(s);
  const byId = new Map(s.matters.map((m) => [m.id, m]));
  return counterPools(s).map((g) => {
    const ids = new Set(g.counters.map((c) => c.id));
    const work = (i: number) =>
      g.matterIds.reduce((a, id) => {
        const m = byId.get(id)!;
        const profile = buckets.map((_, k) => s.profiles[m.zone]?.[k] ?? 1);
        const total = profile.reduce((x, y) => x + y, 0);
        return a + perDay.get(id)! * workPerTicket(s, m) * (profile[i]! / total);
      }, 0);
    let peakLoad = 0;
    let peakAt = buckets[0]?.start ?? 0;
    buckets.forEach((b, i) => {
      const cap = onDutyMinutes(s, ids, b.start, b.start + 30);
      const load = cap > 0 ? work(i) / cap : Number.POSITIVE_INFINITY;
      if (load > peakLoad) [peakLoad, peakAt] = [load, b.start];
    });
    const dayWork = g.matterIds.reduce((a, id) => a + perDay.get(id)! * workPerTicket(s, byId.get(id)!), 0);
    const label = g.counters.map((c) => c.number).join('+') || '(no counter)';
    return { label, counters: g.counters.length, dayLoad: dayWork / Math.max(1, scheduledMinutes(g)), peakLoad, peakAt };
  });
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function poolLoadTable(s: Scenario): string {
  return table(
    ['counters (pool)', 'day load', 'peak half hour', 'peak load'],
    poolLoads(s).map((p) => [p.label, pct(p.dayLoad), hhmm(p.peakAt), pct(p.peakLoad)]),
  );
}
