/**
 * Audit of changes that belong to no hall's event stream (staff accounts, devices, set-up). Hall
 * configuration and every ticket action stay in ticket_events; the audit query reads both.
 * Append-only: a trigger (migration) refuses UPDATE and DELETE.
 */
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    /** noun:verb, e.g. staff:update, device:rotate-token. */
    action: text('action').notNull(),
    /** The hall concerned, when there is one (a device's hall); null for hall-less changes (an admin account). */
    hallId: uuid('hall_id'),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    /** What changed (field names and non-secret values; never a password or token). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_entries_at').on(t.at), index('audit_entries_hall_at').on(t.hallId, t.at)],
);
