/**
 * The staffing plan applied to the simulated hall, built the way the dashboard builds it: the
 * forecast from four earlier same-weekday days (server/domain/demand-forecast.ts), the plan from
 * the forecast (server/domain/staffing-plan.ts), then its advice followed — tidal moves as duties
 * on other matters, breaks moved to the half hours with spare counters, appointment seats capped
 * in the peaks. Same counters, same counter-minutes, same demand.
 */
import { cellKey, forecastArrivals, halfHourOf, type ArrivalCount, type ArrivalForecast } from '../server/domain/demand-forecast';
import { planStaffing, withinShare, type StaffingPlan } from '../server/domain/staffing-plan';
import type { ForecastDayInput } from './forecast-day';
import { createRng } from './rng';
import { SESSIONS, type Duty, type Scenario, type SimCounter } from './scenario';
import { drawVisitors, type Visitor } from './visitors';

export const HISTORY_WEEKS = 4;
const TARGET_DAY = '2026-11-24'; // a Tuesday; the history is the four Tuesdays before it

/** Tickets issued per half hour and matter on a simulated day (what the hall's history records). */
export function arrivalCounts(visitors: readonly Visitor[], serviceDate: string): ArrivalCount[] {
  const cells = new Map<string, ArrivalCount>();
  for (const v of visitors) {
    const slot = halfHourOf(v.arrival);
    const key = cellKey(slot, v.matterId);
    const c = cells.get(key) ?? { serviceDate, slot, matterId: v.matterId, count: 0 };
    c.count++;
    cells.set(key, c);
  }
  return [...cells.values()];
}

export function historyDate(weeksBack: number): string {
  return new Date(Date.parse(`${TARGET_DAY}T00:00:00Z`) - weeksBack * 7 * 86_400_000).toISOString().slice(0, 10);
}

/** The forecast for the target day from HISTORY_WEEKS simulated earlier days (seeds apart from the test days). */
export function simulatedForecast(s: Scenario, seed: number): ArrivalForecast {
  const history = Array.from({ length: HISTORY_WEEKS }, (_, k) => arrivalCounts(drawVisitors(s, createRng(seed).fork(`history:${k}`)), historyDate(k + 1))).flat();
  return forecastArrivals(history, TARGET_DAY, { weeks: HISTORY_WEEKS });
}

export const planSlots = (sessions = SESSIONS) => sessions.flatMap((x) => Array.from({ length: (x.end - x.start) / 30 }, (_, i) => x.start + i * 30));

export function planFor(s: Scenario, forecast: ArrivalForecast): StaffingPlan {
  return planStaffing({
    slots: planSlots(s.sessions),
    matters: s.matters.map((m) => ({ id: m.id, zoneId: m.zone, targetMinutes: m.targetMinutes, serviceMinutes: m.serviceMean + s.walkUpMinutes, appointmentShare: m.appointmentShare })),
    counters: s.counters.map((c) => ({ id: c.id, number: c.number, type: c.type, zoneId: c.zone, matterIds: c.matterIds, staffed: true })),
    expected: (slot, id) => forecast.expected.get(cellKey(slot, id)) ?? 0,
    defaultSeats: s.settings.appointmentSlotCapacity,
  });
}

/** The forecast day as the dashboard's pooling estimate sees it (simulate/forecast-day.ts), for the simulated hall. */
export function forecastDayOf(s: Scenario, forecast: ArrivalForecast): ForecastDayInput {
  return {
    sessions: s.sessions,
    slots: planSlots(s.sessions),
    matters: s.matters.map((m) => ({ id: m.id, zoneId: m.zone, complexity: m.complexity, targetMinutes: m.targetMinutes, serviceMinutes: m.serviceMean + s.walkUpMinutes, appointmentShare: m.appointmentShare })),
    counters: s.counters.map((c) => ({ id: c.id, number: c.number, type: c.type, zoneId: c.zone, matterIds: c.matterIds, preferredMatterIds: c.preferredMatterIds, staffed: true })),
    expected: (slot, id) => forecast.expected.get(cellKey(slot, id)) ?? 0,
    settings: s.settings,
  };
}

/**
 * Duties of one counter under the plan: its moves, and a break per session in the half hour
 * (neither the first nor the last) where its pool loses the fewest visitors within target by it.
 */
function plannedDuties(s: Scenario, c: SimCounter, plan: StaffingPlan, breaksAt: Map<string, number>, forecast: ArrivalForecast): Duty[] {
  const pool = plan.pools.find((p) => p.counterIds.includes(c.id));
  const moves = plan.moves.filter((m) => m.counterId === c.id);
  const zoneMatters = (zone: string) => new Set(s.matters.filter((m) => m.zone === zone).map((m) => m.id));
  const out: Duty[] = [];
  for (const session of s.sessions) {
    const candidates = (pool?.slots ?? []).filter((x) => x.slot > session.start && x.slot + 30 < session.end && !moves.some((m) => x.slot >= m.from && x.slot < m.to));
    const cost = (x: { slot: number; staffed: number }) => {
      const taken = (breaksAt.get(`${pool!.key}|${x.slot}`) ?? 0) / 2; // two 15-minute breaks fill a half hour
      const parts = pool!.matterIds.map((id) => {
        const m = s.matters.find((y) => y.id === id)!;
        return { rate: (forecast.expected.get(cellKey(x.slot, id)) ?? 0) / 30, service: m.serviceMean + s.walkUpMinutes, target: m.targetMinutes };
      });
      const arrivals = parts.reduce((a, p) => a + p.rate * 30, 0);
      const n = x.staffed - taken;
      return arrivals * (fractionalWithin(n, parts) - fractionalWithin(n - 0.5, parts));
    };
    // A desk whose breaks a B-post colleague covers (SimCounter.breakCover) stays open all session.
    const best = c.breakCover ? undefined : [...candidates].sort((a, b) => cost(a) - cost(b) || a.slot - b.slot)[0];
    const key = best && `${pool!.key}|${best.slot}`;
    const breakStart = best ? best.slot + ((breaksAt.get(key!) ?? 0) % 2) * 15 : c.breakCover ? session.end : session.start + 90;
    if (key) breaksAt.set(key, (breaksAt.get(key) ?? 0) + 1);
    const points = [...new Set([session.start, breakStart, breakStart + 15, ...moves.flatMap((m) => [m.from, m.to]), session.end].filter((t) => t >= session.start && t <= session.end))].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i]!, points[i + 1]!];
      if (from >= breakStart && to <= breakStart + 15) continue; // the break
      const move = moves.find((m) => from >= m.from && to <= m.to);
      out.push({ start: from, end: to, matterIds: move ? zoneMatters(move.toZoneId) : c.matterIds, closing: to === session.end });
    }
  }
  return out;
}

function fractionalWithin(c: number, parts: readonly { rate: number; service: number; target: number }[]): number {
  if (c <= 0) return 0;
  const lo = Math.floor(c);
  return (1 - (c - lo)) * withinShare(lo, parts) + (c - lo) * withinShare(lo + 1, parts);
}

/** The scenario with the plan's advice followed: moves, breaks where there is slack, seats capped in the peaks. */
export function withPlan(s: Scenario, plan: StaffingPlan, forecast: ArrivalForecast, name = `${s.name} + plan`): Scenario {
  const breaksAt = new Map<string, number>();
  return {
    ...s,
    name,
    description: `${s.description}, staffing plan and slot caps`,
    counters: s.counters.map((c) => ({ ...c, duties: plannedDuties(s, c, plan, breaksAt, forecast) })),
    slotCapacity: (matterId, slotStart) => plan.seats.get(`${slotStart}|${matterId}`) ?? s.settings.appointmentSlotCapacity,
  };
}
