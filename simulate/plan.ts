/**
 * The staffing plan applied to the simulated hall, built the way the dashboard builds it: the
 * forecast from four earlier same-weekday days (server/domain/demand-forecast.ts), the plan from
 * the forecast (server/domain/staffing-plan.ts), then its advice followed — tidal moves as duties
 * on other matters, breaks moved to the half hours with spare counters, appointment seats capped
 * in the peaks. Same counters, same counter-minutes, same demand.
 */
import { cellKey, forecastArrivals, halfHourOf, type ArrivalCount, type ArrivalForecast } from '../server/domain/demand-forecast';
import { planStaffing, type StaffingPlan } from '../server/domain/staffing-plan';
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

export function planFor(s: Scenario, forecast: ArrivalForecast, peakBudget: 'same' | 'extra' = 'same'): StaffingPlan {
  const spares = s.spareCounters ?? [];
  return planStaffing({
    slots: planSlots(s.sessions),
    matters: s.matters.map((m) => ({ id: m.id, zoneId: m.zone, targetMinutes: m.targetMinutes, serviceMinutes: m.serviceMean + s.walkUpMinutes, appointmentShare: m.appointmentShare })),
    counters: [
      ...s.counters.map((c) => ({ id: c.id, number: c.number, type: c.type, zoneId: c.zone, matterIds: c.matterIds, staffed: true })),
      ...spares.map((c) => ({ id: c.id, number: c.number, type: c.type, zoneId: c.zone, matterIds: c.matterIds, staffed: false, spare: true })),
    ],
    expected: (slot, id) => forecast.expected.get(cellKey(slot, id)) ?? 0,
    defaultSeats: s.settings.appointmentSlotCapacity,
    sessions: s.sessions,
    // A desk whose breaks a B-post colleague covers (SimCounter.breakCover) stays open all session.
    noBreak: new Set(s.counters.filter((c) => c.breakCover).map((c) => c.id)),
    peakBudget,
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

const zoneMatters = (s: Scenario, zone: string) => new Set(s.matters.filter((m) => m.zone === zone).map((m) => m.id));

/**
 * Duties of one counter under the plan: its tidal moves, the break the plan places in each
 * session, and the half hours its staff spend in the back office (the peak-staffing releases).
 */
function plannedDuties(s: Scenario, c: SimCounter, plan: StaffingPlan): Duty[] {
  const moves = plan.moves.filter((m) => m.counterId === c.id);
  const out: Duty[] = [];
  for (const session of s.sessions) {
    const inSession = (x: { start: number; end: number }) => x.start >= session.start && x.end <= session.end;
    const pauses = [
      ...plan.breaks.filter((b) => b.counterId === c.id),
      ...plan.peak.releases.filter((r) => r.counterId === c.id).map((r) => ({ start: r.from, end: r.to })),
    ].filter(inSession);
    const points = [...new Set([session.start, ...pauses.flatMap((p) => [p.start, p.end]), ...moves.flatMap((m) => [m.from, m.to]), session.end].filter((t) => t >= session.start && t <= session.end))].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i]!, points[i + 1]!];
      if (pauses.some((p) => from >= p.start && to <= p.end)) continue; // a break or the back office
      const move = moves.find((m) => from >= m.from && to <= m.to);
      out.push({ start: from, end: to, matterIds: move ? zoneMatters(s, move.toZoneId) : c.matterIds, closing: to === session.end });
    }
  }
  return out;
}

/** The scenario with the plan's advice followed: moves, breaks where there is slack, seats capped in the peaks. */
export function withPlan(s: Scenario, plan: StaffingPlan, name = `${s.name} + plan`): Scenario {
  return {
    ...s,
    name,
    description: `${s.description}, staffing plan and slot caps`,
    counters: [
      ...s.counters.map((c) => ({ ...c, duties: plannedDuties(s, c, plan) })),
      // A spare counter opened by a back-office colleague for a zone in its peak (弹性窗口).
      ...(s.spareCounters ?? [])
        .map((c) => {
          const opened = plan.peak.openings.filter((o) => o.counterId === c.id);
          const matterIds = new Set(opened.flatMap((o) => [...zoneMatters(s, o.zoneId)]));
          return { ...c, matterIds, duties: opened.map((o) => ({ start: o.from, end: o.to, matterIds: zoneMatters(s, o.zoneId), closing: false })) };
        })
        .filter((c) => c.duties.length > 0),
    ],
    slotCapacity: (matterId, slotStart) => plan.seats.get(`${slotStart}|${matterId}`) ?? s.settings.appointmentSlotCapacity,
  };
}
