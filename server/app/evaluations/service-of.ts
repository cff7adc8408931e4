/**
 * The service a rating is for: a ticket the counter finished, or one on which the counter accepted
 * a case (受理, 容缺受理, 当场办结) during this visit — the counter, and the staff member who did it.
 */
import { and, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { counters, halls, matters, staff, ticketEvents, tickets } from '../../../db/schema';
import { cases, caseVisits } from '../../../db/schema-cases';
import { AppError } from '../app-error';

type Reader = Db | Tx;

export interface ServiceRow {
  ticket: typeof tickets.$inferSelect;
  hall: typeof halls.$inferSelect;
  matterName: string;
  counterNumber: number | null;
}

export async function loadServiceBy(tx: Reader, where: { ticketId: string } | { token: string }): Promise<ServiceRow> {
  const [row] = await tx
    .select({ ticket: tickets, hall: halls, matterName: matters.name, counterNumber: counters.number })
    .from(tickets)
    .innerJoin(halls, eq(halls.id, tickets.hallId))
    .innerJoin(matters, eq(matters.id, tickets.matterId))
    .leftJoin(counters, eq(counters.id, tickets.counterId))
    .where('ticketId' in where ? eq(tickets.id, where.ticketId) : eq(tickets.token, where.token));
  if (!row) throw new AppError('not_found', 'No such service');
  return row;
}

/** The staff member who finished the ticket: the actor of its latest ticket:finished event. */
export async function finishingStaffId(tx: Reader, ticketId: string): Promise<string | null> {
  const [ev] = await tx
    .select({ actorType: ticketEvents.actorType, actorId: ticketEvents.actorId })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, 'ticket:finished')))
    .orderBy(desc(ticketEvents.seq))
    .limit(1);
  return ev && ev.actorType === 'staff' ? ev.actorId : null;
}

/** Display name and staff number (工号: the sign-in name) as shown to the visitor. */
export async function staffBadge(tx: Reader, staffId: string | null): Promise<{ displayName: string; staffNo: string } | null> {
  if (!staffId) return null;
  const [s] = await tx.select({ displayName: staff.displayName, username: staff.username }).from(staff).where(eq(staff.id, staffId));
  return s ? { displayName: s.displayName, staffNo: s.username } : null;
}

export interface CaseAcceptance {
  caseId: string;
  acceptedAt: Date;
  /** The staff member who accepted it: the actor of the case's latest case:accepted / case:completed event. */
  staffId: string | null;
}

/**
 * The case accepted on this ticket's visit, if any: the ticket's case (opened or resumed on it, not a
 * pickup) whose acceptance is not older than the visit. A case accepted on an earlier visit does not count.
 */
export async function caseAcceptedOnVisit(tx: Reader, ticketId: string): Promise<CaseAcceptance | null> {
  const [c] = await tx
    .select({ caseId: cases.id, hallId: cases.hallId, acceptedAt: cases.acceptedAt })
    .from(caseVisits)
    .innerJoin(cases, eq(cases.id, caseVisits.caseId))
    .where(and(eq(caseVisits.ticketId, ticketId), ne(caseVisits.kind, 'pickup'), gte(cases.acceptedAt, caseVisits.at)));
  if (!c?.acceptedAt) return null;
  const [ev] = await tx
    .select({ actorType: ticketEvents.actorType, actorId: ticketEvents.actorId })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.hallId, c.hallId), inArray(ticketEvents.type, ['case:accepted', 'case:completed']), sql`${ticketEvents.data}->>'caseId' = ${c.caseId}`))
    .orderBy(desc(ticketEvents.seq))
    .limit(1);
  return { caseId: c.caseId, acceptedAt: c.acceptedAt, staffId: ev && ev.actorType === 'staff' ? ev.actorId : null };
}

export interface Rateable {
  counterId: string;
  staffId: string | null;
  /** When the service ended for rating purposes: finished, or its case accepted. */
  endedAt: Date;
}

/**
 * A service may be rated once the counter finished it, or — the visitor still at the counter — once
 * the counter accepted its case on this visit (docs/evaluations.md, "One evaluation per service"). Null otherwise.
 */
export async function rateableService(tx: Reader, service: ServiceRow): Promise<Rateable | null> {
  const t = service.ticket;
  if (!t.counterId) return null;
  if (t.status === 'done') return { counterId: t.counterId, staffId: await finishingStaffId(tx, t.id), endedAt: t.finishedAt ?? t.startedAt ?? t.issuedAt };
  if (t.status !== 'serving' && t.status !== 'called') return null;
  const accepted = await caseAcceptedOnVisit(tx, t.id);
  return accepted ? { counterId: t.counterId, staffId: accepted.staffId, endedAt: accepted.acceptedAt } : null;
}

export async function requireRateable(tx: Reader, service: ServiceRow): Promise<Rateable> {
  const r = await rateableService(tx, service);
  if (!r) throw new AppError('service_not_finished', 'This service is not finished yet: it can be rated once the counter has finished it or accepted its case');
  return r;
}
