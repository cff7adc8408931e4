/** First-admin set-up of a real installation: the hash of the one-time code the server printed to its log. */
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const setupCodes = pgTable('setup_codes', {
  /** Always 1: there is at most one valid code, the one printed last. */
  id: integer('id').primaryKey(),
  codeHash: text('code_hash').notNull(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});
