/**
 * Expected arrivals per half hour and matter for a day, from the hall's history. Pure: the caller
 * loads the counts of tickets issued per service day, half hour and matter.
 *
 * Basis, in order:
 *  1. 'same_weekday' — the same weekday in the last `weeks` weeks (default 4) that have tickets:
 *     a Monday is forecast from Mondays, since the weekly pattern is the strongest one in a hall;
 *  2. 'recent_days' — with no such day, the last `recentDays` (default 10) days that have tickets;
 *  3. 'none' — no history at all: no forecast (the plan then says so instead of guessing).
 * The expected count of a cell is the mean over the basis days (a day without a ticket in the cell
 * counts as 0).
 */
export interface ArrivalCount {
  serviceDate: string; // YYYY-MM-DD
  /** Minutes after local midnight of the half hour's start (9:30 → 570). */
  slot: number;
  matterId: string;
  count: number;
}

export type ForecastBasis = 'same_weekday' | 'recent_days' | 'none';

export interface ArrivalForecast {
  date: string;
  basis: ForecastBasis;
  /** The history days the forecast averages. */
  days: string[];
  /** Expected arrivals per `${slot}|${matterId}`. */
  expected: Map<string, number>;
}

export const cellKey = (slot: number, matterId: string) => `${slot}|${matterId}`;

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

export function forecastArrivals(
  history: readonly ArrivalCount[],
  date: string,
  options: { weeks?: number; recentDays?: number } = {},
): ArrivalForecast {
  const weeks = options.weeks ?? 4;
  const recent = options.recentDays ?? 10;
  const target = dayNumber(date);
  const past = [...new Set(history.map((h) => h.serviceDate))].filter((d) => dayNumber(d) < target).sort();
  const sameWeekday = past.filter((d) => weekday(d) === weekday(date) && target - dayNumber(d) <= weeks * 7);
  const basis: ForecastBasis = sameWeekday.length > 0 ? 'same_weekday' : past.length > 0 ? 'recent_days' : 'none';
  const days = basis === 'same_weekday' ? sameWeekday : basis === 'recent_days' ? past.slice(-recent) : [];
  const chosen = new Set(days);
  const expected = new Map<string, number>();
  for (const h of history) {
    if (!chosen.has(h.serviceDate)) continue;
    const key = cellKey(h.slot, h.matterId);
    expected.set(key, (expected.get(key) ?? 0) + h.count / days.length);
  }
  return { date, basis, days, expected };
}

/** The half-hour slot (minutes after midnight) a local time falls in. */
export function halfHourOf(minutesAfterMidnight: number): number {
  return Math.floor(minutesAfterMidnight / 30) * 30;
}
