// Working-day calendar (docs/domain.md §6): the official holiday arrangement bundled by `chinese-days`
// plus an admin-editable override table. Dates are hall-local 'YYYY-MM-DD' strings; weekdays are
// computed in UTC from the string itself, so the server's time zone never matters. (The package's
// own isWorkday() reads weekdays in the process time zone and is wrong west of UTC, and it reads a
// year without data as plain weekdays, so only its raw data is used here.)
//
// WHEN IS A YEAR COVERED (known), so that dates in it can be answered?
//  1. Bundled: the package's data holds that year's 国庆节 holiday. National Day is the last holiday
//     of every annual State Council notice, so its presence means the whole notice is in the data.
//  2. Declared: the year is in `opts.declaredYears`. An admin declares a year after entering every
//     holiday and make-up working day (调休上班) of its notice as overrides; the server stores this
//     as a per-year "published" flag. In a declared year that is not bundled, a date without an
//     override follows the plain rule: Monday–Friday work, Saturday–Sunday rest.
// Overrides always win over bundled data and the weekday rule, but they do not make a year known
// by themselves: entries for an undeclared, unbundled year are inert (listed in `pendingYears`)
// until the year is declared, so the admin can enter a notice and publish it in one step.
//
// Year-end: the notice for year Y+1 can rearrange the last days of year Y (2018-12-29 became a
// working day and 2018-12-30/31 holidays in the 2019 notice). So a date on or after 12-25
// (YEAR_END_WINDOW_START) in year Y is known only if Y+1 is covered too, or it has an override.
//
// Anything unknown throws CalendarError('calendar_year_unknown') naming the missing year — never a guess.

import bundledJson from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export interface WorkingDayOverride {
  date: string;
  working: boolean;
  note?: string;
}

/** Raw arrangement data: date → 'English name,中文名,days' as shipped by chinese-days. */
export interface BundledHolidayData {
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
}

export interface WorkingDayCalendarOptions {
  /** Years an admin has declared complete (the "published" flag). */
  declaredYears?: readonly number[];
  /** Arrangement data; defaults to chinese-days. `null` = admin data only. */
  bundled?: BundledHolidayData | null;
}

export type CalendarErrorCode =
  | 'calendar_year_unknown'
  | 'calendar_date_invalid'
  | 'calendar_override_invalid'
  | 'calendar_argument_invalid';

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  /** For calendar_year_unknown: the year whose arrangement is missing. */
  readonly year: number | undefined;
  readonly date: string | undefined;

  constructor(code: CalendarErrorCode, message: string, detail: { year?: number; date?: string } = {}) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    this.year = detail.year;
    this.date = detail.date;
  }
}

export type DaySource = 'override' | 'bundled' | 'weekday';

export interface DayInfo {
  date: string;
  working: boolean;
  source: DaySource;
  /** Override note, or the holiday name from the bundled data (e.g. '春节'). */
  note?: string;
}

export interface WorkingDayCalendar {
  /** Throws CalendarError for an invalid date or a date whose arrangement is unknown. */
  isWorkingDay(date: string): boolean;
  describeDay(date: string): DayInfo;
  /**
   * The n-th working day strictly after `date` (n > 0) or strictly before it (n < 0); n = 0
   * returns `date`. `date` itself must be known. Throws calendar_year_unknown as soon as the
   * count would step onto an unknown date.
   */
  addWorkingDays(date: string, n: number): string;
  isYearCovered(year: number): boolean;
  /** Bundled ∪ declared years, ascending. */
  readonly coveredYears: readonly number[];
  /** Years that have overrides but are neither bundled nor declared (their overrides are inert). */
  readonly pendingYears: readonly number[];
}

export const YEAR_END_WINDOW_START = '12-25';
const MS_PER_DAY = 86_400_000;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/** The data bundled with the installed chinese-days package (2004–2026 for v1.5.7). */
export const chineseDaysData: BundledHolidayData = bundledJson;

/** Years fully covered by a data set: those that hold their 国庆节 (National Day) holiday. */
export function bundledYearsOf(data: BundledHolidayData): number[] {
  const years = new Set<number>();
  for (const [date, label] of Object.entries(data.holidays)) {
    if (label.split(',')[1] === '国庆节') years.add(Number(date.slice(0, 4)));
  }
  return [...years].sort((a, b) => a - b);
}

/** Day number since 1970-01-01 for a real 'YYYY-MM-DD' date in years 1000–9999, else null. */
export function parseIsoDate(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR) return null;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / MS_PER_DAY;
}

function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function zhName(label: string | undefined): string | undefined {
  return label === undefined ? undefined : (label.split(',')[1] ?? label);
}

function checkOverrides(overrides: readonly WorkingDayOverride[]): Map<string, WorkingDayOverride> {
  const byDate = new Map<string, WorkingDayOverride>();
  for (const o of overrides) {
    if (typeof o.date !== 'string' || parseIsoDate(o.date) === null) {
      throw new CalendarError('calendar_override_invalid', `override date '${String(o.date)}' is not a real YYYY-MM-DD date`, { date: String(o.date) });
    }
    if (typeof o.working !== 'boolean') {
      throw new CalendarError('calendar_override_invalid', `override for ${o.date} needs working: true or false`, { date: o.date });
    }
    if (byDate.has(o.date)) {
      throw new CalendarError('calendar_override_invalid', `more than one override for ${o.date}`, { date: o.date });
    }
    byDate.set(o.date, o);
  }
  return byDate;
}

function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError('calendar_argument_invalid', `${what} must be an integer year ${MIN_YEAR}–${MAX_YEAR}, got ${year}`);
  }
}

export function createWorkingDayCalendar(
  overrides: readonly WorkingDayOverride[],
  opts: WorkingDayCalendarOptions = {},
): WorkingDayCalendar {
  const byDate = checkOverrides(overrides);
  const bundled = opts.bundled === undefined ? chineseDaysData : opts.bundled;
  const bundledYears = new Set(bundled ? bundledYearsOf(bundled) : []);
  const declaredYears = new Set<number>();
  for (const y of opts.declaredYears ?? []) {
    checkYear(y, 'declared year');
    declaredYears.add(y);
  }
  const covered = new Set([...bundledYears, ...declaredYears]);
  const coveredYears = Object.freeze([...covered].sort((a, b) => a - b));
  const pendingYears = Object.freeze(
    [...new Set([...byDate.keys()].map((d) => Number(d.slice(0, 4))))].filter((y) => !covered.has(y)).sort((a, b) => a - b),
  );

  const isYearCovered = (year: number): boolean => covered.has(year);

  /** The year whose arrangement is missing for this date, or null if the date is known. */
  function missingYear(date: string, day: number): number | null {
    const year = yearOfDay(day);
    if (!covered.has(year)) return year;
    if (date.slice(5) >= YEAR_END_WINDOW_START && !covered.has(year + 1) && !byDate.has(date)) return year + 1;
    return null;
  }

  function describeKnown(date: string, day: number): DayInfo {
    const o = byDate.get(date);
    if (o) return o.note === undefined ? { date, working: o.working, source: 'override' } : { date, working: o.working, source: 'override', note: o.note };
    if (bundled && bundledYears.has(yearOfDay(day))) {
      const made = zhName(bundled.workdays[date]);
      if (made !== undefined) return { date, working: true, source: 'bundled', note: made };
      const holiday = zhName(bundled.holidays[date]);
      if (holiday !== undefined) return { date, working: false, source: 'bundled', note: holiday };
    }
    const wd = weekdayOf(day);
    return { date, working: wd >= 1 && wd <= 5, source: 'weekday' };
  }

  function toDay(date: string): number {
    const day = typeof date === 'string' ? parseIsoDate(date) : null;
    if (day === null) {
      throw new CalendarError('calendar_date_invalid', `'${String(date)}' is not a real YYYY-MM-DD date`, { date: String(date) });
    }
    return day;
  }

  function describeDayNumber(day: number): DayInfo {
    const date = formatDay(day);
    const missing = missingYear(date, day);
    if (missing !== null) {
      throw new CalendarError(
        'calendar_year_unknown',
        `the official holiday arrangement for ${missing} is not available, so ${date} cannot be classified; ` +
          `enter that year's arrangement and declare it published`,
        { year: missing, date },
      );
    }
    return describeKnown(date, day);
  }

  return {
    isWorkingDay: (date) => describeDayNumber(toDay(date)).working,
    describeDay: (date) => describeDayNumber(toDay(date)),
    addWorkingDays(date, n) {
      let day = toDay(date);
      if (!Number.isSafeInteger(n)) {
        throw new CalendarError('calendar_argument_invalid', `working-day count must be an integer, got ${n}`);
      }
      describeDayNumber(day);
      const step = n > 0 ? 1 : -1;
      let remaining = Math.abs(n);
      while (remaining > 0) {
        day += step;
        if (describeDayNumber(day).working) remaining--;
      }
      return formatDay(day);
    },
    isYearCovered,
    coveredYears,
    pendingYears,
  };
}
