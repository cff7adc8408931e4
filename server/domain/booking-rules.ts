/**
 * Appointment rules (docs/domain.md §5), pure: slots from the hall's opening sessions, the booking
 * horizon on the working-day calendar, and the no-show ban. Every limit comes from the hall's
 * settings. Calendar errors (a year without data) propagate as CalendarError — never a guess.
 */
import type { OpeningSession } from '../protocol/views';
import type { EffectiveHallSettings } from './wait-target';
import { parseIsoDate, type WorkingDayCalendar } from './working-days';

export interface SlotTime {
  start: string; // HH:MM
  end: string;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Whole slots of `slotMinutes` laid from the start of each session; a remainder shorter than a slot is not offered. */
export function slotsForSessions(sessions: readonly OpeningSession[], slotMinutes: number): SlotTime[] {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0) return [];
  const out: SlotTime[] = [];
  for (const s of [...sessions].sort((a, b) => a.start.localeCompare(b.start))) {
    const end = toMinutes(s.end);
    for (let t = toMinutes(s.start); t + slotMinutes <= end; t += slotMinutes) out.push({ start: toHhmm(t), end: toHhmm(t + slotMinutes) });
  }
  return out;
}

/** 'YYYY-MM-DD' plus n calendar days. */
export function addDays(date: string, n: number): string {
  const day = parseIsoDate(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  return new Date((day + n) * 86_400_000).toISOString().slice(0, 10);
}

export type BookingRules = Pick<EffectiveHallSettings, 'bookingMinDaysAhead' | 'bookingMaxWorkingDaysAhead'>;

export type DateCheck =
  | { ok: true; note: string | null }
  | { ok: false; reason: 'too_soon' | 'too_far' | 'not_working_day'; message: string };

/** Is `date` bookable on `today`? Throws CalendarError when the calendar cannot answer. */
export function checkBookingDate(calendar: WorkingDayCalendar, today: string, date: string, rules: BookingRules): DateCheck {
  const first = addDays(today, rules.bookingMinDaysAhead);
  if (date < first) return { ok: false, reason: 'too_soon', message: `Appointments can be booked from ${first}` };
  const info = calendar.describeDay(date);
  if (!info.working) return { ok: false, reason: 'not_working_day', message: `${date} is not a working day${info.note ? ` (${info.note})` : ''}` };
  const last = calendar.addWorkingDays(today, rules.bookingMaxWorkingDaysAhead);
  if (date > last) return { ok: false, reason: 'too_far', message: `Appointments can be booked up to ${last} (${rules.bookingMaxWorkingDaysAhead} working days ahead)` };
  return { ok: true, note: info.source === 'weekday' ? null : (info.note ?? null) };
}

export interface Horizon {
  days: { date: string; note: string | null }[];
  /** First date the calendar could not classify; nothing from it on is offered. */
  unknownFrom: string | null;
}

/** The working days open for booking on `today`, stopping (not guessing) at a year without data. */
export function bookingHorizon(calendar: WorkingDayCalendar, today: string, rules: BookingRules, isUnknownYear: (err: unknown) => boolean): Horizon {
  const days: Horizon['days'] = [];
  let working = 0;
  // Same-day booking (bookingMinDaysAhead = 0): today itself, when it is a working day; its slots
  // that have already started are not offered (availability) nor taken (book).
  if (rules.bookingMinDaysAhead <= 0) {
    let info;
    try {
      info = calendar.describeDay(today);
    } catch (err) {
      if (isUnknownYear(err)) return { days, unknownFrom: today };
      throw err;
    }
    if (info.working) days.push({ date: today, note: info.source === 'weekday' ? null : (info.note ?? null) });
  }
  // Count working days strictly after today, as addWorkingDays does, and offer those not too soon.
  for (let d = addDays(today, 1); working < rules.bookingMaxWorkingDaysAhead; d = addDays(d, 1)) {
    let info;
    try {
      info = calendar.describeDay(d);
    } catch (err) {
      if (isUnknownYear(err)) return { days, unknownFrom: d };
      throw err;
    }
    if (!info.working) continue;
    working++;
    if (d >= addDays(today, rules.bookingMinDaysAhead)) days.push({ date: d, note: info.source === 'weekday' ? null : (info.note ?? null) });
  }
  return { days, unknownFrom: null };
}

export type BanRules = Pick<EffectiveHallSettings, 'noShowBanThreshold' | 'noShowWindowDays' | 'noShowBanDays'>;

const DAY_MS = 86_400_000;

/**
 * The end of the booking ban these no-shows earn, or null: `threshold` no-shows within
 * `windowDays` of each other ban booking for `banDays` from the last of them.
 */
export function noShowBanUntil(noShows: readonly Date[], rules: BanRules): Date | null {
  const n = Math.max(1, rules.noShowBanThreshold);
  const times = noShows.map((d) => d.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = n - 1; i < times.length; i++) {
    if (times[i]! - times[i - n + 1]! <= rules.noShowWindowDays * DAY_MS) {
      const end = times[i]! + rules.noShowBanDays * DAY_MS;
      if (until === null || end > until) until = end;
    }
  }
  return until === null ? null : new Date(until);
}
