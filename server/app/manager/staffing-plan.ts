/**
 * The managers' forecast and staffing plan for a day (default today): expected arrivals per half
 * hour, zone and matter from the hall's history (server/domain/demand-forecast.ts), the counters
 * each zone needs for 95 % within target beside the counters open now, tidal advice a manager
 * applies in one click (PUT …/counters/:id/matters), when each counter takes its break (out of
 * the peaks), appointment seats capped in the peaks, and
 * what making a professional counter comprehensive would gain — measured by the simulator engine
 * with our calling rule on the forecast day (simulate/forecast-day.ts).
 */
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { counterBreaks, counterMatters, counters, matters, tickets, zones } from '../../../db/schema';
import { forecastArrivals, type ArrivalCount } from '../../domain/demand-forecast';
import { serviceDate } from '../../domain/hall-time';
import { planStaffing, type StaffingPlan } from '../../domain/staffing-plan';
import { effectiveSettings, waitTargetMinutes } from '../../domain/wait-target';
import type { HallView } from '../../protocol/views';
import type { StaffingPlanView } from '../../protocol/staffing-plan';
import { authorize, type Actor } from '../actor';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';
import { presentHall } from '../presenters';
import { FALLBACK_SERVICE_MINUTES } from '../../domain/wait-target';
import { loadCalendar } from '../appointments/calendar';
import { hallSessionsOn } from '../ticket-hours';
import { poolingEstimates, type ForecastDayInput, type PoolingEstimate } from '../../../simulate/forecast-day';

type Reader = Db | Tx;
export const HISTORY_WEEKS = 4;
const TARGET_SHARE = 0.95;

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutesOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Half-hour starts of the opening sessions. */
export function sessionSlots(sessions: readonly Pick<HallView['sessions'][number], 'start' | 'end'>[]): number[] {
  return sessions.flatMap((s) => {
    const out: number[] = [];
    for (let t = Math.floor(minutesOf(s.start) / 30) * 30; t < minutesOf(s.end); t += 30) out.push(t);
    return out;
  });
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Tickets issued per day, local half hour and matter over the history window, with service times and appointment shares. */
async function loadHistory(tx: Reader, hall: HallView, date: string) {
  const from = addDays(date, -HISTORY_WEEKS * 7);
  const local = sql`(${tickets.issuedAt} AT TIME ZONE ${hall.timeZone})`;
  const slot = sql<number>`(floor((extract(hour from ${local}) * 60 + extract(minute from ${local})) / 30) * 30)::int`;
  const window = and(eq(tickets.hallId, hall.id), gte(tickets.serviceDate, from), lt(tickets.serviceDate, date));
  const counts = await tx
    .select({ serviceDate: tickets.serviceDate, slot, matterId: tickets.matterId, count: sql<number>`count(*)::int` })
    .from(tickets)
    .where(window)
    .groupBy(sql`1, 2, 3`); // by position: the time-zone parameter would otherwise differ between SELECT and GROUP BY
  const perMatter = await tx
    .select({
      matterId: tickets.matterId,
      all: sql<number>`count(*)::int`,
      booked: sql<number>`count(*) filter (where ${tickets.slotStart} is not null)::int`,
      service: sql<number | null>`avg(extract(epoch from (${tickets.finishedAt} - ${tickets.calledAt})) / 60) filter (where ${tickets.status} = 'done' and ${tickets.finishedAt} is not null and ${tickets.calledAt} is not null)`,
    })
    .from(tickets)
    .where(window)
    .groupBy(tickets.matterId);
  const history: ArrivalCount[] = counts.map((c) => ({ serviceDate: c.serviceDate, slot: Number(c.slot), matterId: c.matterId, count: Number(c.count) }));
  return { history, perMatter: new Map(perMatter.map((p) => [p.matterId, { share: Number(p.booked) / Math.max(1, Number(p.all)), service: p.service === null ? null : Number(p.service) }])) };
}

/** The plan for a day. `staffing`: 'now' counts the counters open now (all if none is); 'all' every active counter (a future day). */
export async function planForDay(tx: Reader, hall: HallView, day: string, staffing: 'now' | 'all') {
  const settings = effectiveSettings(hall.settings);
  const zoneRows = await tx.select().from(zones).where(eq(zones.hallId, hall.id));
  const matterRows = (await tx.select().from(matters).where(eq(matters.hallId, hall.id))).filter((m) => m.active);
  const counterRows = (await tx.select().from(counters).where(eq(counters.hallId, hall.id))).filter((c) => c.active);
  const links = counterRows.length ? await tx.select().from(counterMatters).where(inArray(counterMatters.counterId, counterRows.map((c) => c.id))) : [];
  const { history, perMatter } = await loadHistory(tx, hall, day);
  const forecast = forecastArrivals(history, day, { weeks: HISTORY_WEEKS });
  const anyOpen = staffing === 'now' && counterRows.some((c) => c.status !== 'closed');
  // The day's own sessions (its weekday's, as the working-day calendar classifies it:
  // docs/opening-hours.md): a Friday closing at 16:00 or a Saturday morning is planned as it opens.
  const sessions = hallSessionsOn(await loadCalendar(tx), hall, settings.openOnRestDays)(day);
  const slots = sessionSlots(sessions);
  const expected = (slot: number, matterId: string) => forecast.expected.get(`${slot}|${matterId}`) ?? 0;
  const planMatters = matterRows.map((m) => ({
    id: m.id,
    zoneId: m.zoneId,
    complexity: m.complexity,
    targetMinutes: waitTargetMinutes(m, settings),
    serviceMinutes: perMatter.get(m.id)?.service ?? FALLBACK_SERVICE_MINUTES[m.complexity],
    appointmentShare: perMatter.get(m.id)?.share ?? 0,
  }));
  // A comprehensive counter is planned at home (every matter of its zone) even while on a tidal
  // move, so applying advice does not change the advice; other counters with what they serve.
  const planCounters = counterRows.map((c) => ({
    id: c.id,
    number: c.number,
    type: c.type,
    zoneId: c.zoneId,
    matterIds: new Set(
      c.type === 'comprehensive' && c.zoneId ? matterRows.filter((m) => m.zoneId === c.zoneId).map((m) => m.id) : links.filter((l) => l.counterId === c.id).map((l) => l.matterId),
    ),
    preferredMatterIds: new Set(links.filter((l) => l.counterId === c.id && l.preferred).map((l) => l.matterId)),
    staffed: anyOpen ? c.status !== 'closed' : true,
  }));
  const dayMinutes = sessions.map((x) => ({ start: minutesOf(x.start), end: minutesOf(x.end) }));
  const plan = planStaffing({ slots, matters: planMatters, counters: planCounters, expected, targetShare: TARGET_SHARE, defaultSeats: settings.appointmentSlotCapacity, sessions: dayMinutes });
  /** The forecast day for the simulator engine (the pooling estimate). */
  const forecastDay: ForecastDayInput = {
    sessions: dayMinutes,
    slots,
    matters: planMatters,
    counters: planCounters,
    expected,
    settings,
  };
  return { plan, forecast, anyOpen, slots, zoneRows, matterRows, links, expected, forecastDay };
}

export async function staffingPlan(deps: AppDeps, actor: Actor, hallId: string, date?: string): Promise<StaffingPlanView> {
  authorize(actor, 'plan:read', { hallId });
  const hall = presentHall(await loadHall(deps.db, hallId));
  const day = date ?? serviceDate(deps.clock.now(), hall.timeZone);
  const x = await planForDay(deps.db, hall, day, 'now');
  const ids = x.forecastDay.counters.map((c) => c.id);
  const scheduled = ids.length ? await deps.db.select().from(counterBreaks).where(and(eq(counterBreaks.serviceDate, day), inArray(counterBreaks.counterId, ids))) : [];
  return present(x.plan, poolingEstimates(x.forecastDay), {
    scheduledBreaks: new Map(scheduled.map((b) => [b.counterId, b.times])),
    day,
    basis: x.forecast.basis,
    historyDays: x.forecast.days,
    staffingBasis: x.anyOpen ? 'open_now' : 'all_counters',
    slots: x.slots,
    zones: x.zoneRows.sort((a, b) => a.sortOrder - b.sortOrder),
    matters: x.matterRows,
    links: x.links,
    expected: x.expected,
  });
}

function present(
  plan: StaffingPlan,
  pooling: readonly PoolingEstimate[],
  x: {
    day: string;
    basis: StaffingPlanView['basis'];
    historyDays: string[];
    staffingBasis: StaffingPlanView['staffingBasis'];
    slots: number[];
    zones: { id: string; name: string }[];
    matters: { id: string; name: string; zoneId: string }[];
    links: { counterId: string; matterId: string }[];
    expected(slot: number, matterId: string): number;
    /** Breaks a manager scheduled for the day, per counter. */
    scheduledBreaks: ReadonlyMap<string, readonly { from: string; to: string }[]>;
  },
): StaffingPlanView {
  const zoneName = new Map(x.zones.map((z) => [z.id, z.name]));
  const round = (v: number) => Math.round(v * 10) / 10;
  const zoneViews = x.zones.map((z) => {
    const pools = plan.pools.filter((p) => p.zoneId === z.id);
    const sum = (f: (s: StaffingPlan['pools'][number]['slots'][number]) => number) => x.slots.map((_, i) => pools.reduce((a, p) => a + f(p.slots[i]!), 0));
    const arrivals = sum((s) => s.arrivals);
    return {
      zoneId: z.id,
      name: z.name,
      arrivals: arrivals.map(round),
      needed: sum((s) => s.needed),
      staffed: sum((s) => s.staffed),
      within: x.slots.map((_, i) => {
        const w = pools.reduce((a, p) => a + (p.slots[i]!.within ?? 0) * p.slots[i]!.arrivals, 0);
        return arrivals[i]! > 0 ? round((w / arrivals[i]!) * 100) / 100 : null;
      }),
      matters: x.matters.filter((m) => m.zoneId === z.id).map((m) => ({ matterId: m.id, name: m.name, arrivals: x.slots.map((s) => round(x.expected(s, m.id))) })),
    };
  });
  const zoneMatters = (zoneId: string) => x.matters.filter((m) => m.zoneId === zoneId).map((m) => m.id).sort();
  return {
    date: x.day,
    basis: x.basis,
    historyDays: x.historyDays,
    staffingBasis: x.staffingBasis,
    targetShare: TARGET_SHARE,
    slots: x.slots.map(hhmm),
    zones: zoneViews,
    moves: plan.moves.map((m) => {
      const matterIds = zoneMatters(m.toZoneId);
      const current = x.links.filter((l) => l.counterId === m.counterId).map((l) => l.matterId).sort();
      return {
        counterId: m.counterId,
        counterNumber: m.counterNumber,
        fromZoneId: m.fromZoneId,
        toZoneId: m.toZoneId,
        toZoneName: zoneName.get(m.toZoneId) ?? '',
        from: hhmm(m.from),
        to: hhmm(m.to),
        matterIds,
        text: `${hhmm(m.from)}–${hhmm(m.to)}: ${m.counterNumber} 号窗口 → ${zoneName.get(m.toZoneId) ?? ''}`,
        applied: current.length === matterIds.length && current.every((id, i) => id === matterIds[i]),
      };
    }),
    breaks: [...new Set(plan.breaks.map((b) => b.counterId))].map((counterId) => {
      const mine = plan.breaks.filter((b) => b.counterId === counterId);
      const times = mine.map((b) => ({ from: hhmm(b.start), to: hhmm(b.end) }));
      const done = x.scheduledBreaks.get(counterId) ?? [];
      const applied = done.length === times.length && done.every((t, i) => t.from === times[i]!.from && t.to === times[i]!.to);
      return { counterId, counterNumber: mine[0]!.counterNumber, times, applied };
    }).sort((a, b) => a.counterNumber - b.counterNumber),
    pooling: pooling.map((p) => ({
      counterId: p.counterId,
      counterNumber: p.counterNumber,
      zoneName: zoneName.get(p.zoneId) ?? '',
      withinNow: round(p.withinNow * 100) / 100,
      withinPooled: round(p.withinPooled * 100) / 100,
      hallNow: round(p.hallNow * 100) / 100,
      hallPooled: round(p.hallPooled * 100) / 100,
      days: p.days,
    })),
    seats: [...plan.seats.entries()].map(([key, seats]) => {
      const [slot, matterId] = key.split('|') as [string, string];
      return { slot: hhmm(Number(slot)), matterId, seats };
    }),
  };
}
