/** The service a rating is for: a finished ticket, the counter that finished it and the staff member who did. */
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { counters, halls, matters, staff, ticketEvents, tickets } from '../../../db/schema';
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

export function requireFinished(service: ServiceRow): { counterId: string } {
  if (service.ticket.status !== 'done' || !service.ticket.counterId) {
    throw new AppError('service_not_finished', 'This service is not finished yet: it can be rated once the counter has finished it');
  }
  return { counterId: service.ticket.counterId };
}
