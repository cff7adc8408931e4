/** Appointments (统一预约), per-matter booking rules, and the admin-editable working-day calendar. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AppointmentStatus, BookingChannel } from '../server/protocol/appointments';
import { halls, matters, staff, tickets } from './schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    /** Hall-local date of the slot. */
    serviceDate: text('service_date').notNull(),
    slotStart: ts('slot_start').notNull(),
    slotEnd: ts('slot_end').notNull(),
    status: text('status').$type<AppointmentStatus>().notNull(),
    /** Shown to the visitor and held by the QR code; no personal data. */
    code: text('code').notNull(),
    channel: text('channel').$type<BookingChannel>().notNull(),
    bookedBy: uuid('booked_by').references(() => staff.id),
    /** Identity number: AES-GCM sealed, HMAC look-up hash, masked copy for display. */
    visitorIdHash: text('visitor_id_hash').notNull(),
    visitorIdEnc: text('visitor_id_enc').notNull(),
    visitorIdMasked: text('visitor_id_masked').notNull(),
    phoneHash: text('phone_hash').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    createdAt: ts('created_at').notNull(),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),
    checkedInAt: ts('checked_in_at'),
    /** The check-in command that claimed it: a retry with the same commandId resumes, any other is refused. */
    checkInCommandId: text('check_in_command_id'),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    noShowAt: ts('no_show_at'),
  },
  (t) => [
    uniqueIndex('appointments_code').on(t.code),
    index('appointments_hall_day').on(t.hallId, t.serviceDate, t.status),
    index('appointments_visitor').on(t.visitorIdHash),
    index('appointments_phone').on(t.phoneHash),
    index('appointments_due').on(t.slotEnd).where(sql`${t.status} = 'booked'`),
  ],
);

/** Booked seats per slot: bumped with a guarded upsert (booked < capacity), so capacity holds under concurrency. */
export const appointmentSlotCounts = pgTable(
  'appointment_slot_counts',
  {
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    slotStart: ts('slot_start').notNull(),
    booked: integer('booked').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.matterId, t.slotStart] })],
);

/** Per-matter overrides of the hall's booking defaults. No row = bookable with the hall defaults. */
export const matterBookingRules = pgTable('matter_booking_rules', {
  matterId: uuid('matter_id')
    .primaryKey()
    .references(() => matters.id, { onDelete: 'cascade' }),
  bookable: boolean('bookable').notNull().default(true),
  slotMinutes: integer('slot_minutes'),
  slotCapacity: integer('slot_capacity'),
});

/** Admin overrides of the official arrangement (server/domain/working-days.ts). Installation-wide. */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: text('date').primaryKey(),
  working: boolean('working').notNull(),
  note: text('note'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** Years an admin declared complete (the "published" flag): dates in them may be answered. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  declaredBy: text('declared_by').notNull(),
  declaredAt: ts('declared_at').notNull(),
});
