/** Public booking information: halls, bookable matters, and open slots with seats left. */
import { hallSessionsOn } from '../ticket-hours';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { halls, matters, zones } from '../../../db/schema';
import { appointmentSlotCounts } from '../../../db/schema-appointments';
import { matterGuides } from '../../../db/schema-cases';
import { bookingHorizon, slotsForSessions } from '../../domain/booking-rules';
import { instantAt, serviceDate } from '../../domain/hall-time';
import { effectiveSettings, waitTargetMinutes } from '../../domain/wait-target';
import type { BookableMatterView, BookingCalendarView, BookingHallView } from '../../protocol/appointments';
import type { HallView } from '../../protocol/views';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { loadHall, loadMatter } from '../loaders';
import { presentHall } from '../presenters';
import { isUnknownYear, loadCalendar, onCalendar } from './calendar';
import { loadBookingRules } from './matter-rules';
import { plannedSeats } from './planned-seats';

function presentBookingHall(h: HallView): BookingHallView {
  const s = effectiveSettings(h.settings);
  return {
    id: h.id,
    name: h.name,
    timeZone: h.timeZone,
    sessions: h.sessions,
    rules: {
      minDaysAhead: s.bookingMinDaysAhead,
      maxWorkingDaysAhead: s.bookingMaxWorkingDaysAhead,
      perPersonPerDay: s.bookingsPerPersonPerDay,
      cancelCutoffMinutes: s.bookingCancelCutoffMinutes,
      graceMinutes: s.appointmentGraceMinutes,
      noShowBanThreshold: s.noShowBanThreshold,
      noShowWindowDays: s.noShowWindowDays,
      noShowBanDays: s.noShowBanDays,
    },
  };
}

/** Only published halls are on the public booking page (settings.bookingPublished). */
export const bookingPublished = (h: HallView) => effectiveSettings(h.settings).bookingPublished;

/** The hall for a public booking request, or not_found while it is unpublished. */
export function requirePublished(h: HallView): HallView {
  if (!bookingPublished(h)) throw new AppError('not_found', 'This hall does not take bookings online (not published yet)');
  return h;
}

export async function bookingHalls(deps: AppDeps): Promise<BookingHallView[]> {
  const rows = await deps.db.select().from(halls).orderBy(asc(halls.code));
  return rows.map((h) => presentHall(h)).filter(bookingPublished).map(presentBookingHall);
}

export async function bookingHall(deps: AppDeps, hallId: string): Promise<BookingHallView> {
  return presentBookingHall(requirePublished(presentHall(await loadHall(deps.db, hallId))));
}

export async function bookableMatters(deps: AppDeps, hallId: string): Promise<BookableMatterView[]> {
  const hall = requirePublished(presentHall(await loadHall(deps.db, hallId)));
  const rows = await deps.db
    .select({ m: matters, zoneName: zones.name, zoneOrder: zones.sortOrder })
    .from(matters)
    .innerJoin(zones, eq(zones.id, matters.zoneId))
    .where(and(eq(matters.hallId, hallId), eq(matters.active, true)))
    .orderBy(asc(zones.sortOrder), asc(matters.code));
  const rules = await loadBookingRules(deps.db, rows.map((r) => r.m.id), hall.settings);
  const ids = rows.map((r) => r.m.id);
  const guided = new Set(ids.length ? (await deps.db.select({ id: matterGuides.matterId }).from(matterGuides).where(inArray(matterGuides.matterId, ids))).map((g) => g.id) : []);
  return rows
    .filter((r) => rules.get(r.m.id)!.bookable)
    .map(({ m, zoneName }) => ({
      id: m.id,
      name: m.name,
      zoneId: m.zoneId,
      zoneName,
      department: m.department,
      complexity: m.complexity,
      waitTargetMinutes: waitTargetMinutes(m, hall.settings),
      slotMinutes: rules.get(m.id)!.slotMinutes,
      materials: m.materials,
      hasGuide: guided.has(m.id),
    }));
}

export async function bookingCalendar(deps: AppDeps, hallId: string, matterId: string): Promise<BookingCalendarView> {
  const now = deps.clock.now();
  const hall = requirePublished(presentHall(await loadHall(deps.db, hallId)));
  const matter = await loadMatter(deps.db, matterId);
  if (matter.hallId !== hallId || !matter.active) throw new AppError('not_found', 'This matter is not offered in this hall');
  const rule = (await loadBookingRules(deps.db, [matter.id], hall.settings)).get(matter.id)!;
  if (!rule.bookable) throw new AppError('booking_not_open', 'This matter cannot be booked in advance; take a ticket on site');
  const today = serviceDate(now, hall.timeZone);
  const calendar = await loadCalendar(deps.db);
  const horizon = onCalendar(() => bookingHorizon(calendar, today, effectiveSettings(hall.settings), isUnknownYear));
  // Each bookable day offers the slots of its own weekday's sessions (server/domain/weekly-sessions.ts).
  const sessionsOf = hallSessionsOn(calendar, hall, effectiveSettings(hall.settings).openOnRestDays);
  const dates = horizon.days.map((d) => d.date);
  const counts = dates.length
    ? await deps.db
        .select()
        .from(appointmentSlotCounts)
        .where(
          and(
            eq(appointmentSlotCounts.hallId, hallId),
            eq(appointmentSlotCounts.matterId, matterId),
            gte(appointmentSlotCounts.slotStart, instantAt(dates[0]!, '00:00', hall.timeZone)),
            lte(appointmentSlotCounts.slotStart, instantAt(dates[dates.length - 1]!, '23:59', hall.timeZone)),
          ),
        )
    : [];
  const booked = new Map(counts.map((c) => [c.slotStart.getTime(), c.booked]));
  const caps = new Map(await Promise.all(dates.map(async (d) => [d, await plannedSeats(deps.db, hall, d)] as const)));
  return {
    hallId,
    matterId,
    today,
    calendarUnknownFrom: horizon.unknownFrom,
    days: horizon.days.map((d) => ({
      date: d.date,
      note: d.note,
      slots: slotsForSessions(sessionsOf(d.date), rule.slotMinutes)
        .map((t) => {
          const startAt = instantAt(d.date, t.start, hall.timeZone);
          const endAt = instantAt(d.date, t.end, hall.timeZone);
          const capacity = caps.get(d.date)!(t, matterId, rule.slotCapacity);
          return {
            start: t.start,
            end: t.end,
            startAt: startAt.toISOString(),
            endAt: endAt.toISOString(),
            capacity,
            remaining: Math.max(0, capacity - (booked.get(startAt.getTime()) ?? 0)),
          };
        })
        .filter((s) => new Date(s.startAt) > now),
    })),
  };
}
