/** Managers' dashboard: report, stats and history views, and the manager commands' schemas. */
import { z } from 'zod';
import { isRealIsoDate } from './safe-text';
import type { HallLevel } from './views';

const id = z.string().uuid();
const commandId = z.string().trim().min(8).max(100);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine(isRealIsoDate, 'not a real date');

/** Longest report range, in days (a year, leap years included). */
export const MAX_REPORT_DAYS = 366;

export const REPORT_GROUPS = ['hall', 'zone', 'matter', 'counter', 'staff', 'hour', 'day'] as const;
export type ReportGroupBy = (typeof REPORT_GROUPS)[number];

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

export const reportQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    groupBy: z.enum(REPORT_GROUPS).default('day'),
    format: z.enum(['json', 'csv']).default('json'),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
    /** Only on /api/reports: comma-separated hall ids (default: every hall the caller may see). */
    hallIds: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
      .pipe(z.array(id).max(100).optional()),
  })
  .strict()
  .refine((q) => !Number.isNaN(dayNumber(q.from)) && !Number.isNaN(dayNumber(q.to)), { message: 'not a real date', path: ['from'] })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => dayNumber(q.to) - dayNumber(q.from) < MAX_REPORT_DAYS, { message: `at most ${MAX_REPORT_DAYS} days`, path: ['to'] });
export type ReportQuery = z.output<typeof reportQuery>;

/** 潮汐窗口: a manager opens or reassigns the matters a counter serves. */
export const counterMattersBody = z
  .object({ commandId, matterIds: z.array(id).max(500), reason: z.string().trim().min(1).max(200) })
  .strict();

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** 错峰休息: a manager schedules a counter's breaks for a day from the staffing plan's advice (docs/routing.md). */
export const counterBreaksBody = z
  .object({
    commandId,
    date: isoDate,
    times: z
      .array(z.object({ from: hhmm, to: hhmm }).strict().refine((t) => t.from < t.to, { message: 'from must be before to', path: ['to'] }))
      .max(6),
    reason: z.string().trim().min(1).max(200),
  })
  .strict();

export const noticeBody = z
  .object({
    commandId,
    text: z
      .string()
      .trim()
      .min(1)
      .max(100), // screened for personal data by the use case (server/domain/free-text.ts)
    minutes: z.number().int().min(1).max(480),
  })
  .strict();
export const noticeClearBody = z.object({ commandId }).strict();

/** Share of measured tickets within their target: `within` of `measured`; share is null when nothing was measured. */
export interface TargetShare {
  within: number;
  measured: number;
  share: number | null;
}

/** One row of a report: the figures of one hall, zone, matter, counter, staff member, hour or day. */
export interface ReportRow {
  /** Id of the hall/zone/matter/counter/staff, 'HH' for hours, 'YYYY-MM-DD' for days; '' when none (e.g. never at a counter). */
  key: string;
  /** Display name: hall/zone/matter name, counter number, staff display name, '09:00', date. */
  label: string;
  /** Tickets issued (for staff: tickets they finished or marked no-show). */
  tickets: number;
  served: number;
  noShows: number;
  cancelled: number;
  /** Minutes: wait = first call − wait start; handling = finish − start. */
  waitP50: number | null;
  waitP90: number | null;
  handlingP50: number | null;
  handlingP90: number | null;
  wait: TargetShare;
  waitGeneral: TargetShare;
  waitComplex: TargetShare;
  handling: TargetShare;
  /** From the appointments table; null where the grouping does not apply to appointments (counter, staff). */
  appointments: { booked: number; kept: number; missed: number; cancelled: number } | null;
}

export interface ReportView {
  hallIds: string[];
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  rows: ReportRow[];
  totals: ReportRow;
  generatedAt: string;
  /** How long the queries took on the server (ms). */
  tookMs: number;
}

export interface HourCount {
  /** Hall-local hour, 0–23. */
  hour: number;
  issued: number;
  served: number;
}

/** One hall's live figures in the city roll-up (today, hall-local). */
export interface CityHallLive {
  hallId: string;
  code: string;
  name: string;
  level: HallLevel;
  parentHallId: string | null;
  serviceDate: string;
  /** Tickets issued today, and now waiting, being called, being served; served and no-shows so far. */
  issued: number;
  waiting: number;
  called: number;
  serving: number;
  served: number;
  noShows: number;
  /** Today's waits within target, as the hall's today figures count them (docs/domain.md §3). */
  wait: TargetShare;
  /** Minutes the longest-waiting ticket has waited so far; null when nobody waits. */
  longestWaitMinutes: number | null;
  countersOpen: number;
  countersPaused: number;
  counters: number;
}

/** The city roll-up: every hall the caller may see, in one read (docs/performance.md, "City roll-up"). */
export interface CityLiveView {
  generatedAt: string;
  halls: CityHallLive[];
  tookMs: number;
}

/** Today's aggregates for a hall (the snapshot only holds live tickets). */
export interface TodayStatsView {
  hallId: string;
  serviceDate: string;
  generatedAt: string;
  counterHandlingTargetMinutes: number;
  totals: ReportRow;
  byHour: HourCount[];
}

export interface TicketHistoryEntry {
  seq: number;
  type: string;
  at: string;
  actor: { kind: 'staff' | 'device' | 'system'; name: string | null };
  status: string | null;
  counterNumber: number | null;
  matterName: string | null;
  reason: string | null;
  fromMatterName: string | null;
  fromCounterNumber: number | null;
  alert: { kind: string; elapsedMinutes: number; targetMinutes: number } | null;
  /**
   * Only on 'print:status': the outcome of one paper ticket (or 补打) job. A job's status changes
   * (pending → printing → printed/failed) are folded into one entry, at its last change.
   */
  print?: { status: string; reprint: boolean; attempts: number; lastError: string | null } | null;
}

/** Why a ticket is late: its whole event history. No personal data (the identity number is not included). */
export interface TicketHistoryView {
  ticket: {
    id: string;
    hallId: string;
    number: string;
    status: string;
    matterName: string;
    complexity: 'general' | 'complex';
    source: string;
    counterNumber: number | null;
    issuedAt: string;
    waitStartAt: string;
    waitTargetMinutes: number;
    firstCalledAt: string | null;
    startedAt: string | null;
    finishedAt: string | null;
    transferCount: number;
  };
  events: TicketHistoryEntry[];
}
