/**
 * Security records: the phone codes that prove a public booking comes from the phone it names, and
 * the abuse counters (sign-in and public-endpoint limits) every server process shares.
 */
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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

/**
 * One abuse counter (server/app/throttle-store.ts): a fixed window of requests or failed sign-ins
 * per client address, or failed sign-ins per user name and address with its lock-out. Keyed by a
 * keyed hash, so neither addresses nor user names are stored; `account` (the keyed hash of the user
 * name) lets an administrator's unlock find every address's lock of one name. Rows are changed only
 * by single INSERT … ON CONFLICT statements, so every server process on the database counts together;
 * the retention purge deletes rows past `expiresAt`.
 */
export const throttleCounters = pgTable(
  'throttle_counters',
  {
    key: text('key').primaryKey(),
    /** What is counted: 'limit:<name>', 'login-address' or 'login-pair'. */
    kind: text('kind').notNull(),
    account: text('account'),
    /** Start of the counting window; for a login pair, the last failure. */
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull(),
    /** Lock-outs so far (a pair's back-off doubles with each). */
    locks: integer('locks').notNull().default(0),
    lockedUntil: ts('locked_until'),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('throttle_counters_expires_idx').on(t.expiresAt), index('throttle_counters_account_idx').on(t.account)],
);
