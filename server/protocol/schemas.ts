/** Input schemas: every command and request body is parsed with one of these at the boundary. */
import { z } from 'zod';
import { matterGuideInput } from './departments';

const id = z.string().uuid();
const commandId = z.string().trim().min(8).max(100);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const counterRef = z.object({ commandId, counterId: id }).strict();
export const counterPause = z.object({ commandId, counterId: id, reason: z.string().trim().min(1).max(60) }).strict();
export const ticketAtCounter = z.object({ commandId, counterId: id, ticketId: id }).strict();
export const ticketTransfer = z
  .object({
    commandId,
    ticketId: id,
    counterId: id.optional(),
    toMatterId: id.optional(),
    toCounterId: id.optional(),
    reason: z.string().trim().min(1).max(200),
  })
  .strict()
  .refine((v) => v.toMatterId !== undefined || v.toCounterId !== undefined, {
    message: 'toMatterId or toCounterId is required',
    path: ['toMatterId'],
  });
export const ticketReactivate = z.object({ commandId, ticketId: id, counterId: id.optional() }).strict();
export const ticketCancel = z
  .object({ commandId, ticketId: id, reason: z.string().trim().max(200).optional() })
  .strict();
export const hallSubscribe = z.object({ hallId: id }).strict();
/** The visitor's subscription names nothing: the ticket is the one of the handshake's progress token. */
export const progressSubscribe = z.object({}).strict();
/** Reprint a paper ticket (marked 补打) on the issuing kiosk's printer, or on the kiosk named. */
/** `confirmMayHavePrinted`: staff confirmed that the visitor may already hold the ticket (the last print was interrupted or is still open). */
export const ticketReprint = z.object({ commandId, deviceId: id.optional(), confirmMayHavePrinted: z.boolean().optional() }).strict();

/** Declared green-channel reasons. Elderly priority is never declared: it comes from the identity number (server/domain/priority.ts). */
export const greenChannelReason = z.enum(['disabled', 'military', 'pregnant'], {
  error: 'one of disabled, military, pregnant — elderly priority comes from the identity number, it cannot be declared',
});

export const issueTicketBody = z
  .object({
    commandId,
    matterId: id,
    idNumber: z.string().trim().max(32).optional(),
    greenChannel: greenChannelReason.optional(),
    source: z.enum(['kiosk', 'staff']).optional(),
    language: z.enum(['zh-CN', 'en']).optional(),
  })
  .strict();

export const loginBody = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) })
  .strict();

export const openingSession = z
  .object({
    start: hhmm,
    end: hhmm,
    /** ISO weekdays (1 = Monday … 7 = Sunday); absent = every day. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
  })
  .strict()
  .refine((s) => s.start < s.end, { message: 'start must be before end' });

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const sharesDay = (a: { days?: number[] | undefined }, b: { days?: number[] | undefined }) => !a.days || !b.days || a.days.some((d) => b.days!.includes(d));

/** Pairs of sessions (by index) that overlap on a weekday both run on; a valid week has none. */
export function overlappingSessions(sessions: readonly { start: string; end: string; days?: number[] | undefined }[]): [number, number][] {
  const out: [number, number][] = [];
  sessions.forEach((a, i) =>
    sessions.slice(i + 1).forEach((b, k) => {
      if (sharesDay(a, b) && minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end)) out.push([i, i + 1 + k]);
    }),
  );
  return out;
}

/** A hall's week: 1–14 sessions, none overlapping another on a weekday both run on. */
const openingWeek = z
  .array(openingSession)
  .min(1)
  .max(14)
  .superRefine((sessions, ctx) => {
    for (const [, j] of overlappingSessions(sessions)) ctx.addIssue({ code: 'custom', path: [j], message: 'sessions overlap' });
  });

export const hallSettingsInput = z
  .object({
    generalWaitTargetMinutes: z.number().int().min(1).max(240),
    complexWaitTargetMinutes: z.number().int().min(1).max(480),
    counterHandlingTargetMinutes: z.number().int().min(1).max(240),
    elderlyAge: z.number().int().min(50).max(100),
    starvationGuard: z.number().int().min(1).max(50),
    missedNumberRule: z.string().trim().min(1).max(80),
    missedNumberRuleEn: z.string().trim().min(1).max(120),
    /** Printed on every ticket; empty = none. Digits, spaces and - ( ) + only. */
    hotline: z.string().trim().max(30).regex(/^[0-9 ()+-]*$/, 'digits, spaces and - ( ) + only'),
    announcementRepeat: z.number().int().min(1).max(5),
    appointmentGraceMinutes: z.number().int().min(0).max(120),
    earlyAppointmentMinutes: z.number().int().min(0).max(30),
    appointmentSlotMinutes: z.number().int().min(10).max(240),
    appointmentSlotCapacity: z.number().int().min(0).max(200),
    bookingMinDaysAhead: z.number().int().min(0).max(30),
    bookingMaxWorkingDaysAhead: z.number().int().min(1).max(60),
    bookingsPerPersonPerDay: z.number().int().min(1).max(10),
    bookingCancelCutoffMinutes: z.number().int().min(0).max(7 * 24 * 60),
    noShowBanThreshold: z.number().int().min(1).max(20),
    noShowWindowDays: z.number().int().min(1).max(365),
    noShowBanDays: z.number().int().min(0).max(3650),
    waitCapMinutes: z.number().int().min(0).max(480),
    lastTicketMinutes: z.number().int().min(0).max(240),
    /** End of day, hall-local HH:MM ('24:00' = midnight): tickets still waiting are closed then (docs/end-of-day.md). */
    dayCutoff: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:MM (00:00–23:59) or 24:00'),
    /** 0 = the stage has no deadline of its own: it is due with the next stage (docs/evaluations.md). */
    badReviewContactDays: z.number().int().min(0).max(30),
    badReviewReplyDays: z.number().int().min(0).max(30),
    badReviewCloseDays: z.number().int().min(1).max(30),
    evaluationPromptMinutes: z.number().int().min(1).max(60),
    openOnRestDays: z.boolean(),
    kioskIssuing: z.enum(['sessions', 'always']),
    bookingPublished: z.boolean(),
  })
  .strict();

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone');

/*
 * Every *Update schema is built from the fields WITHOUT their defaults: a PATCH changes only the
 * fields it names (zod applies a default inside .partial() too, which would reset omitted fields).
 */
const hallFields = {
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(100),
  timeZone,
  sessions: openingWeek,
  settings: hallSettingsInput.partial().optional(),
  level: z.enum(['district_centre', 'street_centre', 'service_point']),
  /** The hall this one rolls up into; it must be one level higher (district centre → street centre → service point). */
  parentHallId: id.nullable(),
};
export const hallCreate = z
  .object({ ...hallFields, timeZone: timeZone.default('Asia/Shanghai'), level: hallFields.level.default('district_centre'), parentHallId: hallFields.parentHallId.default(null) })
  .strict();
export const hallUpdate = z.object(hallFields).partial().strict();

const zoneFields = {
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(100),
  sortOrder: z.number().int().min(0).max(1000),
  /** Where the zone's visitors wait (floor and area, e.g. "2楼东侧"), printed on its tickets; null = not said. */
  location: z.string().trim().min(1).max(40).nullable(),
};
export const zoneCreate = z.object({ ...zoneFields, sortOrder: zoneFields.sortOrder.default(0), location: zoneFields.location.default(null) }).strict();
export const zoneUpdate = z.object(zoneFields).partial().strict();

const matterFields = {
  zoneId: id,
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(100),
  department: z.string().trim().min(1).max(100),
  complexity: z.enum(['general', 'complex']),
  ticketPrefix: z.string().regex(/^[A-Z]{1,2}$/, 'one or two capital letters'),
  waitTargetMinutes: z.number().int().min(1).max(480).nullable().optional(),
  materials: z.array(z.string().trim().min(1).max(200)).max(50),
  legalLimitDays: z.number().int().min(0).max(365).nullable().optional(),
  promisedLimitDays: z.number().int().min(0).max(365).nullable().optional(),
  flags: z
    .object({ zeroMaterial: z.boolean(), fullyOnline: z.boolean(), onTheSpot: z.boolean() })
    .partial()
    .strict()
    .optional(),
  active: z.boolean(),
  /** The guide's fields (办事指南), saved with the matter in one transaction; the matter's department name becomes the guide department's. */
  guide: matterGuideInput.optional(),
};
export const matterCreate = z
  .object({ ...matterFields, materials: matterFields.materials.default([]), active: matterFields.active.default(true) })
  .strict();
export const matterUpdate = z.object(matterFields).partial().strict();

export const counterTypeSchema = z.enum([
  'comprehensive',
  'professional',
  'consultation',
  'pickup',
  'assisted',
  'complaint',
  'cross_region',
  'after_hours',
]);

const counterFields = {
  zoneId: id.nullable().optional(),
  number: z.number().int().min(1).max(999),
  name: z.string().trim().min(1).max(100),
  type: counterTypeSchema,
  matterIds: z.array(id).max(500),
  preferredMatterIds: z.array(id).max(500),
  active: z.boolean(),
};
export const counterCreate = z
  .object({
    ...counterFields,
    matterIds: counterFields.matterIds.default([]),
    preferredMatterIds: counterFields.preferredMatterIds.default([]),
    active: counterFields.active.default(true),
  })
  .strict();
export const counterUpdate = z.object(counterFields).partial().strict();

export const deviceCreate = z
  .object({
    kind: z.enum(['kiosk', 'display', 'counter_display']),
    name: z.string().trim().min(1).max(100),
    zoneId: id.nullable().optional(),
    counterId: id.nullable().optional(),
  })
  .strict();

export const staffCreate = z
  .object({
    username: z.string().trim().regex(/^[a-z0-9_.-]{3,32}$/, '3–32 lower-case letters, digits, _ . -'),
    displayName: z.string().trim().min(1).max(50),
    password: z.string().min(8).max(200),
    role: z.enum(['admin', 'manager', 'staff', 'reviewer']),
    hallIds: z.array(id).max(100).default([]),
    /** The departments a reviewer works for (their cases only); in one of the account's halls. */
    departmentIds: z.array(id).max(100).default([]),
  })
  .strict();

export type IssueTicketBody = z.infer<typeof issueTicketBody>;
export type HallCreate = z.infer<typeof hallCreate>;
export type MatterCreate = z.infer<typeof matterCreate>;
export type CounterCreate = z.infer<typeof counterCreate>;
