/** Security records: the phone codes that prove a public booking comes from the phone it names. */
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One live code per phone (keyed hash): its own keyed hash, expiry and wrong tries so far. */
export const phoneCodes = pgTable('phone_codes', {
  phoneHash: text('phone_hash').primaryKey(),
  codeHash: text('code_hash').notNull(),
  sentAt: ts('sent_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  /** Codes sent to this phone since `windowStart` (a day): caps how often one phone can be texted. */
  sentInWindow: integer('sent_in_window').notNull().default(1),
  windowStart: ts('window_start').notNull(),
});
