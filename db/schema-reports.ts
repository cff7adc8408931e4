/**
 * Report roll-ups (docs/performance.md, "Report roll-ups"): the report figures of a whole past service day, per
 * hall and per grouping, so a year's report sums ~365 small rows per group instead of scanning
 * two million tickets. A day is covered only while its `report_days` row exists; every fact on a
 * ticket of a covered day rebuilds that day in the same transaction (server/app/reports/rollup.ts).
 */
import { bigint, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { halls } from './schema';

/** The (hall, day) pairs the roll-up tables cover; everything else is read from the tickets. */
export const reportDays = pgTable(
  'report_days',
  {
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    serviceDate: text('service_date').notNull(),
    builtAt: timestamp('built_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.serviceDate] })],
);

/**
 * The (hall, month) pairs with month rows (grain 'month', service_date the month's first day):
 * sums of the day rows, written once every day of a past month is covered, dropped with any of them.
 */
export const reportMonths = pgTable(
  'report_months',
  {
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    month: text('month').notNull(),
    builtAt: timestamp('built_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.month] })],
);

/**
 * Counts per (hall, grouping, grain, day or month, group key). `dim` is the grouping (hall, zone, matter, counter,
 * hour, staff); `key` its value as text, '' for none (a ticket never at a counter).
 */
export const reportDayCounts = pgTable(
  'report_day_counts',
  {
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    dim: text('dim').notNull(),
    /** 'day', or 'month' (service_date is then the month's first day). */
    grain: text('grain').notNull(),
    serviceDate: text('service_date').notNull(),
    key: text('key').notNull(),
    tickets: integer('tickets').notNull(),
    served: integer('served').notNull(),
    noShows: integer('no_shows').notNull(),
    cancelled: integer('cancelled').notNull(),
    waitMeasured: integer('wait_measured').notNull(),
    waitWithin: integer('wait_within').notNull(),
    generalMeasured: integer('general_measured').notNull(),
    generalWithin: integer('general_within').notNull(),
    complexMeasured: integer('complex_measured').notNull(),
    complexWithin: integer('complex_within').notNull(),
    handlingMeasured: integer('handling_measured').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.dim, t.grain, t.serviceDate, t.key] })],
);

/**
 * Wait and handling histograms: `ub` is a bin's upper bound in whole minutes, the bin holding the
 * values in (lower, ub] (bin 0 holds exactly 0): 1-minute bins up to 120, then 5 up to 240, 15 up
 * to 1440, 60 beyond (server/app/reports/histogram.ts). Only non-empty bins have a row.
 * The primary key also carries `n` (INCLUDE, migration 0019: drizzle cannot say it here), so a
 * report sums a range's bins by an index-only scan.
 */
export const reportDayBins = pgTable(
  'report_day_bins',
  {
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    dim: text('dim').notNull(),
    /** 'day', or 'month' (service_date is then the month's first day). */
    grain: text('grain').notNull(),
    serviceDate: text('service_date').notNull(),
    key: text('key').notNull(),
    /** 'wait' or 'handling'. */
    measure: text('measure').notNull(),
    ub: integer('ub').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.dim, t.grain, t.serviceDate, t.key, t.measure, t.ub] })],
);

/**
 * Live counters per (hall, service day) (docs/performance.md, "City roll-up"): what the city
 * roll-up reads instead of every hall's tickets of the day. Kept by a deferred trigger on tickets
 * (migration 0018): at commit, each inserted, updated or deleted ticket row adds its new
 * contribution and takes back its old one, in the writing transaction — so the row always equals a
 * recount of the hall's tickets of that day (server/app/reports/live-counts.ts `liveDifferences`).
 * The time-dependent figures (waits past target still waiting, the longest wait) are read from the
 * waiting tickets at query time.
 * No foreign key: the rows are derived, and a deferred trigger would otherwise hold a hall delete.
 */
export const hallDayLive = pgTable(
  'hall_day_live',
  {
    hallId: uuid('hall_id').notNull(),
    serviceDate: text('service_date').notNull(),
    issued: integer('issued').notNull().default(0),
    waiting: integer('waiting').notNull().default(0),
    called: integer('called').notNull().default(0),
    serving: integer('serving').notNull().default(0),
    served: integer('served').notNull().default(0),
    noShows: integer('no_shows').notNull().default(0),
    cancelled: integer('cancelled').notNull().default(0),
    /** Tickets called at least once (their wait is measured). */
    callMeasured: integer('call_measured').notNull().default(0),
    /** Tickets first called within their wait target (report-sql.ts `WAIT_OK`). */
    waitWithin: integer('wait_within').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.serviceDate] })],
);

/**
 * Appointment counts per (hall, service day, grouping, key), kept by a deferred trigger on
 * appointments (migration 0018) like hall_day_live: `dim` 'matter' (key the matter id; hall, zone
 * and day reports sum these) or 'hour' (key the slot's hall-local hour).
 */
export const reportAppointmentCounts = pgTable(
  'report_appointment_counts',
  {
    hallId: uuid('hall_id').notNull(),
    serviceDate: text('service_date').notNull(),
    dim: text('dim').notNull(),
    key: text('key').notNull(),
    booked: integer('booked').notNull().default(0),
    kept: integer('kept').notNull().default(0),
    missed: integer('missed').notNull().default(0),
    cancelled: integer('cancelled').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.dim, t.serviceDate, t.key] })],
);

/**
 * Each ticket's latest closing event (docs/performance.md §Year report by staff): the last
 * `ticket:finished` or `ticket:no-show` of a ticket, the status it closes with and the staff member
 * who did it (NULL when a device or the system did). Kept by a statement-level trigger on
 * ticket_events (migration 0020) in the appending transaction — the event log is append-only, so
 * a row only ever moves to a later event. A report by staff reads one range of it per hall and day
 * (`hall_id, service_date`) and joins it to the tickets by hash, instead of looking up every
 * ticket's events. No foreign key: the rows are derived (live-counts.ts recounts and checks them).
 */
export const ticketClosings = pgTable(
  'ticket_closings',
  {
    hallId: uuid('hall_id').notNull(),
    /** The ticket's service date (hall-local), not the event's. */
    serviceDate: text('service_date').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    /** The closing event's seq in its hall. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** 'done' (ticket:finished) or 'no_show' (ticket:no-show). */
    status: text('status').notNull(),
    staffId: text('staff_id'),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.serviceDate, t.ticketId] })],
);
