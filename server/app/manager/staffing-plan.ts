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
import { counterBreaks, counterMatters, counters, matters, ticketEvents, tickets, zones } from '../../../db/schema';
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
  // The after-hours window (延时服务窗口) has no staff of its own in the day sessions: a spare
  // counter the peak-staffing advice may open with a back-office colleague (docs/routing.md).
  const isSpare = (c: (typeof counterRows)[number]) => c.type === 'after_hours';
  const anyOpen = staffing === 'now' && counterRows.some((c) => c.status !== 'closed' && !isSpare(c));
  const scheduled = counterRows.length ? await tx.select().from(counterBreaks).where(and(eq(counterBreaks.serviceDate, day), inArray(counterBreaks.counterId, counterRows.map((c) => c.id)))) : [];
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
    staffed: isSpare(c) ? false : anyOpen ? c.status !== 'closed' : true,
    spare: isSpare(c),
  }));
  const dayMinutes = sessions.map((x) => ({ start: minutesOf(x.start), end: minutesOf(x.end) }));
  // Scheduled breaks (counter_breaks) take their counter out of "staffed" for the half hours they touch.
  const offDuty = new Map(scheduled.map((b) => [b.counterId, b.times.map((t) => ({ start: minutesOf(t.from), end: minutesOf(t.to) }))]));
  const plan = planStaffing({ slots, matters: planMatters, counters: planCounters, expected, targetShare: TARGET_SHARE, defaultSeats: settings.appointmentSlotCapacity, sessions: dayMinutes, offDuty });
  /** The forecast day for the simulator engine (the pooling estimate). */
  const forecastDay: ForecastDayInput = {
    sessions: dayMinutes,
    slots,
    matters: planMatters,
    counters: planCounters,
    expected,
    settings,
  };
  return { plan, forecast, anyOpen, slots, zoneRows, matterRows, counterRows, links, expected, forecastDay, scheduled };
}

export async function staffingPlan(deps: AppDeps, actor: Actor, hallId: string, date?: string): Promise<StaffingPlanView> {
  authorize(actor, 'plan:read', { hallId });
  const hall = presentHall(await loadHall(deps.db, hallId));
  const day = date ?? serviceDate(deps.clock.now(), hall.timeZone);
  const x = await planForDay(deps.db, hall, day, 'now');
  return present(x.plan, poolingEstimates(x.forecastDay), {
    scheduledBreaks: new Map(x.scheduled.map((b) => [b.counterId, b.times])),
    homeMatters: await homeMatters(deps.db, hall, day, x.counterRows.filter((c) => c.type === 'after_hours').map((c) => c.id), x.links),
    counterNames: new Map(x.counterRows.map((c) => [c.id, c.name])),
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

/**
 * The matters a spare counter serves outside the plan's openings: before today's first
 * counter-matters command on it (the audit event keeps `before`), else what it serves now.
 */
async function homeMatters(db: Reader, hall: HallView, day: string, ids: readonly string[], links: readonly { counterId: string; matterId: string }[]): Promise<Map<string, string[]>> {
  const out = new Map(ids.map((id) => [id, links.filter((l) => l.counterId === id).map((l) => l.matterId).sort()]));
  if (ids.length === 0) return out;
  const local = sql`(${ticketEvents.at} AT TIME ZONE ${hall.timeZone})::date::text`;
  const rows = await db
    .select({ counterId: ticketEvents.counterId, data: ticketEvents.data })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.hallId, hall.id), eq(ticketEvents.type, 'hall:configured'), inArray(ticketEvents.counterId, [...ids]), sql`${local} = ${day}`, sql`${ticketEvents.data}->>'what' = 'counter-matters'`))
    .orderBy(ticketEvents.seq);
  for (const id of ids) {
    const first = rows.find((r) => r.counterId === id);
    const before = (first?.data as { before?: unknown } | undefined)?.before;
    if (Array.isArray(before)) out.set(id, before.map(String).sort());
  }
  return out;
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
    /** What each spare counter serves outside the plan's openings. */
    homeMatters: ReadonlyMap<string, string[]>;
    counterNames: ReadonlyMap<string, string>;
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
  const servesNow = (counterId: string) => x.links.filter((l) => l.counterId === counterId).map((l) => l.matterId).sort();
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
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
      const home = zoneMatters(m.fromZoneId);
      const current = servesNow(m.counterId);
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
        applied: same(current, matterIds),
        returnMatterIds: home,
        returnText: `${hhmm(m.to)}: ${m.counterNumber} 号窗口 → ${zoneName.get(m.fromZoneId) ?? ''}`,
      };
    }),
    flex: plan.peak.openings.map((o) => {
      const matterIds = zoneMatters(o.zoneId);
      const home = x.homeMatters.get(o.counterId) ?? [];
      return {
        counterId: o.counterId,
        counterNumber: o.counterNumber,
        counterName: x.counterNames.get(o.counterId) ?? '',
        toZoneId: o.zoneId,
        toZoneName: zoneName.get(o.zoneId) ?? '',
        from: hhmm(o.from),
        to: hhmm(o.to),
        matterIds,
        text: `${hhmm(o.from)}–${hhmm(o.to)}: ${o.counterNumber} 号窗口（后台人员）→ ${zoneName.get(o.zoneId) ?? ''}`,
        applied: same(servesNow(o.counterId), matterIds),
        returnMatterIds: home,
        returnText: `${hhmm(o.to)}: ${o.counterNumber} 号窗口恢复原办理事项`,
      };
    }),
    flexMinutes: plan.peak.openings.reduce((a, o) => a + o.to - o.from, 0),
    breaks: [...new Set([...plan.breaks.map((b) => b.counterId), ...plan.peak.releases.map((r) => r.counterId)])].map((counterId) => {
      const pauses = plan.breaks.filter((b) => b.counterId === counterId).map((b) => ({ from: b.start, to: b.end, counterNumber: b.counterNumber }));
      const back = plan.peak.releases.filter((r) => r.counterId === counterId);
      const all = [...pauses, ...back].sort((a, b) => a.from - b.from);
      const times = all.map((b) => ({ from: hhmm(b.from), to: hhmm(b.to) }));
      const done = x.scheduledBreaks.get(counterId) ?? [];
      const applied = done.length === times.length && done.every((t, i) => t.from === times[i]!.from && t.to === times[i]!.to);
      return { counterId, counterNumber: all[0]!.counterNumber, times, backOffice: back.map((b) => ({ from: hhmm(b.from), to: hhmm(b.to) })), applied };
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
