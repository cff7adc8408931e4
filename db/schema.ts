import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AuditRecord } from '../server/protocol/facts';
import type {
  CounterStatus,
  CounterType,
  Complexity,
  DeviceKind,
  HallLevel,
  HallSettings,
  MatterFlags,
  OpeningSession,
  PriorityReason,
  Role,
  TicketSource,
  TicketStatus,
} from '../server/protocol/views';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const halls = pgTable('halls', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  sessions: jsonb('sessions').$type<OpeningSession[]>().notNull(),
  settings: jsonb('settings').$type<HallSettings>().notNull(),
  /** 1+12+X hierarchy for roll-ups: a district centre, its street centres, their service points. */
  level: text('level').$type<HallLevel>().notNull().default('district_centre'),
  parentHallId: uuid('parent_hall_id').references((): AnyPgColumn => halls.id),
  /** The last event seq handed out in this hall; bumped under the hall row lock at commit time. */
  eventSeq: bigint('event_seq', { mode: 'number' }).notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const zones = pgTable(
  'zones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Where its visitors wait (floor and area), printed on its tickets. */
    location: text('location'),
  },
  (t) => [uniqueIndex('zones_hall_code').on(t.hallId, t.code)],
);

export const matters = pgTable(
  'matters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    department: text('department').notNull(),
    complexity: text('complexity').$type<Complexity>().notNull(),
    ticketPrefix: text('ticket_prefix').notNull(),
    waitTargetMinutes: integer('wait_target_minutes'),
    materials: jsonb('materials').$type<string[]>().notNull().default([]),
    legalLimitDays: integer('legal_limit_days'),
    promisedLimitDays: integer('promised_limit_days'),
    flags: jsonb('flags').$type<MatterFlags>().notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('matters_hall_code').on(t.hallId, t.code)],
);

export const staff = pgTable('staff', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').$type<Role>().notNull(),
  hallIds: jsonb('hall_ids').$type<string[]>().notNull().default([]),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const counters = pgTable(
  'counters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    zoneId: uuid('zone_id').references(() => zones.id),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    type: text('type').$type<CounterType>().notNull(),
    status: text('status').$type<CounterStatus>().notNull().default('closed'),
    pauseReason: text('pause_reason'),
    staffId: uuid('staff_id').references(() => staff.id),
    /** Priority calls in a row since the last normal call (starvation guard). */
    priorityStreak: integer('priority_streak').notNull().default(0),
    active: boolean('active').notNull().default(true),
    /**
     * The counter's receipt printer for case documents: null = never configured (the server's
     * default printer, if any), { profile: null } = none on purpose, { profile } = set by an admin.
     */
    printer: jsonb('printer').$type<{ profile: Record<string, unknown> | null }>(),
  },
  (t) => [uniqueIndex('counters_hall_number').on(t.hallId, t.number)],
);

/**
 * A counter's breaks on a service day, as a manager scheduled them from the staffing plan's advice
 * (错峰休息, docs/routing.md): hall-local HH:MM ranges. The plan shows them as applied.
 */
export const counterBreaks = pgTable(
  'counter_breaks',
  {
    counterId: uuid('counter_id').notNull().references(() => counters.id, { onDelete: 'cascade' }),
    serviceDate: text('service_date').notNull(),
    times: jsonb('times').$type<{ from: string; to: string }[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.serviceDate] })],
);

export const counterMatters = pgTable(
  'counter_matters',
  {
    counterId: uuid('counter_id').notNull().references(() => counters.id, { onDelete: 'cascade' }),
    matterId: uuid('matter_id').notNull().references(() => matters.id, { onDelete: 'cascade' }),
    preferred: boolean('preferred').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.matterId] }), index('counter_matters_matter').on(t.matterId)],
);

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  staffId: uuid('staff_id').notNull().references(() => staff.id),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

export const devices = pgTable('devices', {
  id: uuid('id').primaryKey().defaultRandom(),
  hallId: uuid('hall_id').notNull().references(() => halls.id),
  kind: text('kind').$type<DeviceKind>().notNull(),
  name: text('name').notNull(),
  zoneId: uuid('zone_id').references(() => zones.id),
  counterId: uuid('counter_id').references(() => counters.id),
  tokenHash: text('token_hash').notNull().unique(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Gapless daily numbering: one row per hall, hall-local day and prefix, bumped in the issuing transaction. */
export const dayCounters = pgTable(
  'day_counters',
  {
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    serviceDate: text('service_date').notNull(),
    prefix: text('prefix').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.serviceDate, t.prefix] })],
);

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    serviceDate: text('service_date').notNull(),
    prefix: text('prefix').notNull(),
    seqNo: integer('seq_no').notNull(),
    number: text('number').notNull(),
    status: text('status').$type<TicketStatus>().notNull(),
    source: text('source').$type<TicketSource>().notNull(),
    priority: integer('priority').notNull().default(0),
    priorityReason: text('priority_reason').$type<PriorityReason>(),
    counterId: uuid('counter_id').references(() => counters.id),
    targetCounterId: uuid('target_counter_id').references(() => counters.id),
    appointmentId: uuid('appointment_id'),
    slotStart: ts('slot_start'),
    slotEnd: ts('slot_end'),
    issuedAt: ts('issued_at').notNull(),
    waitStartAt: ts('wait_start_at').notNull(),
    waitTargetMinutes: integer('wait_target_minutes').notNull(),
    firstCalledAt: ts('first_called_at'),
    calledAt: ts('called_at'),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    recallCount: integer('recall_count').notNull().default(0),
    transferCount: integer('transfer_count').notNull().default(0),
    lastTransferReason: text('last_transfer_reason'),
    /** Random ≥128-bit token for the QR code (progress, evaluation). Carries no personal data. */
    token: text('token').notNull().unique(),
    visitorIdHash: text('visitor_id_hash'),
    visitorIdEnc: text('visitor_id_enc'),
    visitorIdMasked: text('visitor_id_masked'),
    /** Wait-target alerts raised by the scanner: 0 none, 1 at risk (80 %), 2 breached. Only ever raised. */
    alertLevel: integer('alert_level').notNull().default(0),
    /** When the scanner reported serving past the counter handling target (once per ticket). */
    handlingAlertedAt: ts('handling_alerted_at'),
  },
  (t) => [
    uniqueIndex('tickets_hall_day_number').on(t.hallId, t.serviceDate, t.number),
    index('tickets_queue').on(t.hallId, t.serviceDate, t.status),
    index('tickets_counter_active').on(t.counterId, t.status),
  ],
);

/** Append-only event log, hall-scoped. `seq` is gapless per hall and doubles as the audit trail. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    ticketId: uuid('ticket_id'),
    counterId: uuid('counter_id'),
    actorType: text('actor_type').$type<'staff' | 'device' | 'system'>().notNull(),
    actorId: text('actor_id'),
    /** The fact's audit record (server/protocol/facts.ts `AuditRecord`), no personal data. */
    data: jsonb('data').$type<AuditRecord>().notNull().default({}),
    at: ts('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hallId, t.seq] }),
    index('ticket_events_ticket').on(t.ticketId),
    // Reports (who closed which ticket) and the wall-display notice look events up by hall, type and time.
    index('ticket_events_hall_type_at').on(t.hallId, t.type, t.at),
  ],
);

/** Idempotency: the first result of every mutating command, keyed by the client's commandId. */
export const commandResults = pgTable('command_results', {
  commandId: text('command_id').primaryKey(),
  actorId: text('actor_id').notNull(),
  name: text('name').notNull(),
  result: jsonb('result'),
  createdAt: ts('created_at').notNull().default(sql`now()`),
});
