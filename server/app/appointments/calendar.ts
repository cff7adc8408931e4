/**
 * The working-day calendar as stored: chinese-days data + admin overrides + declared years.
 * Admin use cases to edit it. A date the calendar cannot answer is refused with
 * `calendar_year_unknown` (docs/domain.md §6), never guessed.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { calendarOverrides, calendarYears } from '../../../db/schema-appointments';
import { CalendarError, createWorkingDayCalendar, parseIsoDate, type WorkingDayCalendar } from '../../domain/working-days';
import type { CalendarAdminView } from '../../protocol/appointments';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { statement } from '../prepared';

type Reader = Db | Tx;

/** Built once (server/app/prepared.ts): the kiosk's ticket-hours check reads them on every issue (ticket-hours.ts). */
const allOverrides = statement('yc_calendar_overrides', (db) => db.select().from(calendarOverrides));
const allYears = statement('yc_calendar_years', (db) => db.select({ year: calendarYears.year }).from(calendarYears));

export async function loadCalendar(tx: Reader): Promise<WorkingDayCalendar> {
  const overrides = await allOverrides(tx, {});
  const years = await allYears(tx, {});
  return createWorkingDayCalendar(
    overrides.map((o) => (o.note === null ? { date: o.date, working: o.working } : { date: o.date, working: o.working, note: o.note })),
    { declaredYears: years.map((y) => y.year) },
  );
}

export function isUnknownYear(err: unknown): boolean {
  return err instanceof CalendarError && err.code === 'calendar_year_unknown';
}

/** Runs calendar maths, turning CalendarError into the protocol's error codes. */
export function onCalendar<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof CalendarError) {
      if (err.code === 'calendar_year_unknown') {
        throw new AppError(
          'calendar_year_unknown',
          `The official holiday arrangement for ${err.year} has not been published in this system, so ${err.date ?? 'this date'} cannot be booked yet`,
        );
      }
      throw new AppError('validation_failed', err.message);
    }
    throw err;
  }
}

export type { CalendarAdminView } from '../../protocol/appointments';

export async function calendarAdminView(deps: AppDeps, actor: Actor): Promise<CalendarAdminView> {
  authorize(actor, 'calendar:read');
  const cal = await loadCalendar(deps.db);
  const overrides = await deps.db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.date));
  const declared = await deps.db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  return {
    coveredYears: [...cal.coveredYears],
    pendingYears: [...cal.pendingYears],
    declaredYears: declared.map((d) => d.year),
    overrides: overrides.map((o) => ({ date: o.date, working: o.working, note: o.note })),
  };
}

export async function setCalendarOverride(deps: AppDeps, actor: Actor, date: string, input: { working: boolean; note?: string | undefined }): Promise<void> {
  authorize(actor, 'calendar:write');
  if (parseIsoDate(date) === null) throw new AppError('validation_failed', `'${date}' is not a real YYYY-MM-DD date`);
  const row = { date, working: input.working, note: input.note ?? null, updatedBy: actor.id, updatedAt: deps.clock.now() };
  await deps.db
    .insert(calendarOverrides)
    .values(row)
    .onConflictDoUpdate({ target: calendarOverrides.date, set: { working: row.working, note: row.note, updatedBy: row.updatedBy, updatedAt: row.updatedAt } });
}

export async function deleteCalendarOverride(deps: AppDeps, actor: Actor, date: string): Promise<void> {
  authorize(actor, 'calendar:write');
  await deps.db.delete(calendarOverrides).where(eq(calendarOverrides.date, date));
}

/** Declares a year's arrangement complete: from now on its dates are answered (overrides + weekday rule). */
export async function declareCalendarYear(deps: AppDeps, actor: Actor, year: number): Promise<void> {
  authorize(actor, 'calendar:write');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('validation_failed', 'year must be 2000–2100');
  await deps.db.insert(calendarYears).values({ year, declaredBy: actor.id, declaredAt: deps.clock.now() }).onConflictDoNothing();
}
