/**
 * How long one call of a matter is expected to keep a counter busy, for the wait estimate
 * (docs/routing.md, "People ahead and the estimated wait"). Today's recent handling times follow the day as it goes, but a few
 * quick services (a visitor who only asked a question, a test click-through) must not turn
 * "8 people ahead" into "about 1 minute": the expectation never drops below a floor taken from the
 * hall's own handling times on earlier days (half their mean), or from a default for the matter's
 * complexity while the hall has no history. Pure: the caller loads the samples.
 */

/** Samples needed before a mean is trusted. */
export const MIN_SAMPLES = 3;
/** The floor is this share of the hall's typical handling time… */
export const FLOOR_SHARE = 0.5;
/** …and never less than this many minutes. */
export const FLOOR_MINUTES = 1;

export interface ServiceTimeInput {
  /** Handling minutes (call → finish) of this matter's recent tickets today. */
  todayMatter: readonly number[];
  /** Handling minutes of today's recent tickets of the same complexity. */
  todayComplexity: readonly number[];
  /** Mean handling minutes of the hall's tickets of this complexity on earlier days; null without history. */
  historyMinutes: number | null;
  /** The default for the complexity while the hall has no history (8 general, 20 complex). */
  defaultMinutes: number;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The hall's typical handling time: its history, else the default. */
export function typicalServiceMinutes(input: Pick<ServiceTimeInput, 'historyMinutes' | 'defaultMinutes'>): number {
  return input.historyMinutes !== null && Number.isFinite(input.historyMinutes) && input.historyMinutes > 0 ? input.historyMinutes : input.defaultMinutes;
}

/** The lowest expectation the estimate may use. */
export function serviceMinutesFloor(input: Pick<ServiceTimeInput, 'historyMinutes' | 'defaultMinutes'>): number {
  return Math.max(FLOOR_MINUTES, FLOOR_SHARE * typicalServiceMinutes(input));
}

/** Today's mean of the matter (or of its complexity), else the typical time; never below the floor. */
export function expectedServiceMinutes(input: ServiceTimeInput): number {
  const typical = typicalServiceMinutes(input);
  const raw =
    input.todayMatter.length >= MIN_SAMPLES ? mean(input.todayMatter) : input.todayComplexity.length >= MIN_SAMPLES ? mean(input.todayComplexity) : typical;
  return Math.max(serviceMinutesFloor(input), raw);
}
