/** Reads shared by the use cases. `…ForUpdate` variants take a row lock for the transaction. */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { counterMatters, counters, halls, matters, staff, tickets, zones } from '../../db/schema';
import type { CounterView, TicketView } from '../protocol/views';
import { AppError } from './app-error';
import { statement } from './prepared';
import { presentCounter, presentTicket } from './presenters';

type Reader = Db | Tx;

const hallById = statement('yc_hall_by_id', (db) => db.select().from(halls).where(eq(halls.id, sql.placeholder('id'))));
const ticketForUpdate = statement('yc_ticket_for_update', (db) => db.select().from(tickets).where(eq(tickets.id, sql.placeholder('id'))).for('update'));
const counterForUpdate = statement('yc_counter_for_update', (db) => db.select().from(counters).where(eq(counters.id, sql.placeholder('id'))).for('update'));

export async function loadHall(tx: Reader, hallId: string) {
  const [hall] = await hallById(tx, { id: hallId });
  if (!hall) throw new AppError('not_found', 'Hall not found');
  return hall;
}

const ticketWithMatterForUpdate = statement('yc_ticket_matter_for_update', (db) =>
  db
    .select({ t: tickets, matterName: matters.name, complexity: matters.complexity })
    .from(tickets)
    .innerJoin(matters, eq(matters.id, tickets.matterId))
    .where(eq(tickets.id, sql.placeholder('id')))
    .for('update', { of: tickets }),
);

/** loadTicketForUpdate with the matter's name and complexity (a ticket view without another read). */
export async function loadTicketWithMatterForUpdate(tx: Tx, ticketId: string) {
  const [row] = await ticketWithMatterForUpdate(tx, { id: ticketId });
  if (!row) throw new AppError('not_found', 'Ticket not found');
  return row;
}

export async function loadTicketForUpdate(tx: Tx, ticketId: string) {
  const [row] = await ticketForUpdate(tx, { id: ticketId });
  if (!row) throw new AppError('not_found', 'Ticket not found');
  return row;
}

export async function loadCounterForUpdate(tx: Tx, counterId: string) {
  const [row] = await counterForUpdate(tx, { id: counterId });
  if (!row || !row.active) throw new AppError('not_found', 'Counter not found');
  return row;
}

/** Who holds a counter now (no lock: for authorising, never for deciding a transition). */
export async function counterHolder(tx: Reader, counterId: string | null): Promise<string | null> {
  if (!counterId) return null;
  const [row] = await tx.select({ staffId: counters.staffId }).from(counters).where(eq(counters.id, counterId));
  return row?.staffId ?? null;
}

export async function loadMatter(tx: Reader, matterId: string) {
  const [row] = await tx.select().from(matters).where(eq(matters.id, matterId));
  if (!row) throw new AppError('not_found', 'Matter not found');
  return row;
}

/** A ticket's zone, or null (a ticket without a zone, or a zone since removed). */
export async function loadZoneOrNull(tx: Reader, zoneId: string | null) {
  if (!zoneId) return null;
  const [row] = await tx.select().from(zones).where(eq(zones.id, zoneId));
  return row ?? null;
}

const selectTicketViews = (tx: Reader, where: SQL | undefined) =>
  tx
    .select({ t: tickets, matterName: matters.name, complexity: matters.complexity, counterNumber: counters.number })
    .from(tickets)
    .innerJoin(matters, eq(matters.id, tickets.matterId))
    .leftJoin(counters, eq(counters.id, tickets.counterId))
    .where(where)
    .orderBy(tickets.waitStartAt, tickets.number);

const ticketViewById = statement('yc_ticket_view', (db) => selectTicketViews(db, eq(tickets.id, sql.placeholder('id'))));

export async function ticketViews(tx: Reader, where: SQL | undefined): Promise<TicketView[]> {
  return (await selectTicketViews(tx, where)).map(presentTicket);
}

export async function ticketView(tx: Reader, ticketId: string): Promise<TicketView> {
  const [row] = await ticketViewById(tx, { id: ticketId });
  const view = row && presentTicket(row);
  if (!view) throw new AppError('not_found', 'Ticket not found');
  return view;
}

/**
 * Counters with their holder's name, matters and current ticket, in one statement (correlated
 * sub-selects instead of three round trips: every counter command presents its counter).
 */
/** A counter's matter links as JSON text, [[matterId, preferred], …] in matter order (a correlated sub-select). */
const linksJson = () =>
  sql<string>`(SELECT coalesce(json_agg(json_build_array(${counterMatters.matterId}, ${counterMatters.preferred}) ORDER BY ${counterMatters.matterId}), '[]')::text FROM ${counterMatters} WHERE ${counterMatters.counterId} = ${counters.id})`;

function parseLinks(links: string): { matterIds: string[]; preferredMatterIds: string[] } {
  const pairs = JSON.parse(links) as [string, boolean][];
  return { matterIds: pairs.map(([m]) => m), preferredMatterIds: pairs.filter(([, preferred]) => preferred).map(([m]) => m) };
}

const selectCounterViews = (tx: Reader, where: SQL | undefined) =>
  tx
    .select({
      c: counters,
      staffName: staff.displayName,
      links: linksJson(),
      currentTicketId: sql<string | null>`(SELECT ${tickets.id}::text FROM ${tickets} WHERE ${tickets.counterId} = ${counters.id} AND ${tickets.status} IN ('called', 'serving') LIMIT 1)`,
    })
    .from(counters)
    .leftJoin(staff, eq(staff.id, counters.staffId))
    .where(where)
    .orderBy(counters.number);

type CounterViewRow = Awaited<ReturnType<typeof selectCounterViews>>[number];

function presentCounterRow({ c, staffName, links, currentTicketId }: CounterViewRow): CounterView {
  return presentCounter(c, { staffName, ...parseLinks(links), currentTicketId: currentTicketId ?? null });
}

const counterViewById = statement('yc_counter_view', (db) => selectCounterViews(db, eq(counters.id, sql.placeholder('id'))));

export async function counterViews(tx: Reader, where: SQL | undefined): Promise<CounterView[]> {
  return (await selectCounterViews(tx, where)).map(presentCounterRow);
}

export async function counterView(tx: Reader, counterId: string): Promise<CounterView> {
  const [row] = await counterViewById(tx, { id: counterId });
  const view = row && presentCounterRow(row);
  if (!view) throw new AppError('not_found', 'Counter not found');
  return view;
}

const counterForCommand = statement('yc_counter_for_command', (db) =>
  db
    .select({ c: counters, hall: halls, staffName: staff.displayName, links: linksJson() })
    .from(counters)
    .innerJoin(halls, eq(halls.id, counters.hallId))
    .leftJoin(staff, eq(staff.id, counters.staffId))
    .where(eq(counters.id, sql.placeholder('id')))
    .for('update', { of: counters }),
);

/**
 * Locks a counter (as loadCounterForUpdate) and reads, in the same round trip, what a counter
 * command needs besides: its hall, its holder's name and its matter links. None of these is changed by the
 * commands that wait for this lock, so the statement's snapshot (taken before any wait) is as good
 * as a later read. What such a command does change — whether the counter has a ticket in hand —
 * must be read by a later statement (READ COMMITTED: a statement's snapshot predates the lock).
 */
export async function loadCounterForCommand(tx: Tx, counterId: string) {
  const [row] = await counterForCommand(tx, { id: counterId });
  if (!row || !row.c.active) throw new AppError('not_found', 'Counter not found');
  const links = parseLinks(row.links);
  return {
    counter: row.c,
    hall: row.hall,
    links,
    /** The counter's view with `ticketId` in hand (or none), when the command changed nothing else of the locked row. */
    viewWith: (ticketId: string | null): CounterView => presentCounter(row.c, { staffName: row.staffName, ...links, currentTicketId: ticketId }),
  };
}

const activeTicket = statement('yc_active_ticket', (db) =>
  db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.counterId, sql.placeholder('counterId')), inArray(tickets.status, ['called', 'serving'])))
    .limit(1),
);

export async function activeTicketAt(tx: Reader, counterId: string): Promise<string | null> {
  const [row] = await activeTicket(tx, { counterId });
  return row?.id ?? null;
}

const servesMatter = statement('yc_counter_serves_matter', (db) =>
  db
    .select({ one: sql<number>`1` })
    .from(counterMatters)
    .where(and(eq(counterMatters.counterId, sql.placeholder('counterId')), eq(counterMatters.matterId, sql.placeholder('matterId')))),
);

export async function counterServesMatter(tx: Reader, counterId: string, matterId: string): Promise<boolean> {
  const [row] = await servesMatter(tx, { counterId, matterId });
  return row !== undefined;
}
