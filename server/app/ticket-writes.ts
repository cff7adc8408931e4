/** Writing a domain TicketState back, and the call view a call produces. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { counters, tickets } from '../../db/schema';
import type { TicketState } from '../domain/ticket-machine';
import type { CallView, TicketView } from '../protocol/views';
import { rawStatement, statement } from './prepared';

type Reader = Db | Tx;

type TicketRow = typeof tickets.$inferSelect;

export function stateOf(t: TicketRow): TicketState {
  return {
    status: t.status,
    matterId: t.matterId,
    zoneId: t.zoneId,
    counterId: t.counterId,
    targetCounterId: t.targetCounterId,
    recallCount: t.recallCount,
    transferCount: t.transferCount,
    lastTransferReason: t.lastTransferReason,
    firstCalledAt: t.firstCalledAt,
    calledAt: t.calledAt,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
  };
}

function columns(s: TicketState) {
  return {
    status: s.status,
    matterId: s.matterId,
    zoneId: s.zoneId,
    counterId: s.counterId,
    targetCounterId: s.targetCounterId,
    recallCount: s.recallCount,
    transferCount: s.transferCount,
    lastTransferReason: s.lastTransferReason,
    firstCalledAt: s.firstCalledAt,
    calledAt: s.calledAt,
    startedAt: s.startedAt,
    finishedAt: s.finishedAt,
  };
}

/** A ticket row with a new state written over it (what an UPDATE of the state columns leaves). */
export function withState(row: TicketRow, next: TicketState): TicketRow {
  return { ...row, ...columns(next) };
}

const STATE_KEYS = Object.keys(columns(stateOf({} as TicketRow))) as (keyof ReturnType<typeof columns>)[];
/**
 * Every state column as a placeholder of its own name (the prepared statements below), filled with
 * driver values by `driverState` (a placeholder skips the column's encoder, which cannot take null).
 */
const statePlaceholders = Object.fromEntries(STATE_KEYS.map((k) => [k, sql`${sql.placeholder(k)}`])) as unknown as ReturnType<typeof columns>;

function driverState(s: TicketState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(columns(s))) out[k] = v instanceof Date ? v.toISOString() : v;
  return out;
}

const writeState = statement('yc_write_ticket', (db) => db.update(tickets).set(statePlaceholders).where(eq(tickets.id, sql.placeholder('id'))));

/** Writes a ticket the caller already holds locked. */
export async function writeTicket(tx: Tx, id: string, next: TicketState, extra: Partial<TicketRow> = {}): Promise<void> {
  if (Object.keys(extra).length === 0) await writeState(tx, { ...driverState(next), id });
  else await tx.update(tickets).set({ ...columns(next), ...extra }).where(eq(tickets.id, id));
}

const claimUpdate = (db: Reader) =>
  db
    .update(tickets)
    .set(statePlaceholders)
    .where(
      and(
        eq(tickets.id, sql`(SELECT ${tickets.id} FROM ${tickets} WHERE ${tickets.id} = ${sql.placeholder('id')} AND ${tickets.status} = 'waiting' FOR UPDATE SKIP LOCKED)`),
        eq(tickets.status, 'waiting'),
      ),
    )
    .returning({ id: tickets.id });

/**
 * The claim of a call by a counter, with the counter's priority streak (the starvation guard's count)
 * written in the same statement, only if the claim took the ticket.
 */
const claimAndStreak = rawStatement<{ id: string }>(
  'yc_claim_for_counter',
  (db) => sql`WITH claimed AS (${claimUpdate(db).getSQL()}),
    streak AS (UPDATE ${counters} SET priority_streak = ${sql.placeholder('streak')}::int WHERE ${counters.id} = ${sql.placeholder('streakCounterId')}::uuid AND EXISTS (SELECT 1 FROM claimed))
    SELECT id FROM claimed`,
);

/**
 * Claims a waiting ticket for a call at `counterId` unless another transaction holds it or has taken it
 * (UPDATE … WHERE id = (SELECT … AND status = 'waiting' FOR UPDATE SKIP LOCKED) RETURNING), setting the
 * counter's streak to `streak` when it succeeds.
 */
export async function claimForCounter(tx: Tx, id: string, next: TicketState, counter: { counterId: string; streak: number }): Promise<boolean> {
  const rows = await claimAndStreak(tx, { ...driverState(next), id, streak: counter.streak, streakCounterId: counter.counterId });
  return rows.length === 1;
}

export function callView(ticket: TicketView, counter: { number: number; name: string }, at: Date, recall: boolean): CallView {
  return {
    seq: 0, // filled in with the event's seq when the command commits
    ticketId: ticket.id,
    number: ticket.number,
    counterNumber: counter.number,
    counterName: counter.name,
    matterName: ticket.matterName,
    at: at.toISOString(),
    recall,
  };
}
