/** The public progress view behind the ticket QR: the token is the only key; no personal data beyond masked fields. */
import { eq, type SQL } from 'drizzle-orm';
import { halls, tickets } from '../../db/schema';
import { caseVisits } from '../../db/schema-cases';
import type { CaseProgressView } from '../protocol/cases';
import type { ProgressView } from '../protocol/progress';
import { loadCalendar } from './appointments/calendar';
import { caseProgress } from './cases/case-store';
import { AppError } from './app-error';
import type { AppDeps } from './deps';
import { ticketView } from './loaders';
import { toPublicTicket } from './presenters';
import { queuePosition } from './queue-position';

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

/** The case this ticket opened, continued or collects (the newest visit): its id, for the phone page's live room. */
export async function caseIdOfTicket(deps: AppDeps, ticketId: string): Promise<string | null> {
  const [visit] = await deps.db.select({ caseId: caseVisits.caseId }).from(caseVisits).where(eq(caseVisits.ticketId, ticketId));
  return visit?.caseId ?? null;
}

async function caseOfTicket(deps: AppDeps, ticketId: string): Promise<CaseProgressView | null> {
  const caseId = await caseIdOfTicket(deps, ticketId);
  if (!caseId) return null;
  return caseProgress(deps.db, caseId, await loadCalendar(deps.db), deps.clock.now());
}

export async function ticketProgress(deps: AppDeps, token: string): Promise<ProgressView> {
  if (!TOKEN.test(token)) throw new AppError('not_found', 'No ticket for this code');
  return progressWhere(deps, eq(tickets.token, token));
}

/** The same view for a visitor socket, whose handshake already resolved the token to its ticket. */
export function ticketProgressById(deps: AppDeps, ticketId: string): Promise<ProgressView> {
  return progressWhere(deps, eq(tickets.id, ticketId));
}

async function progressWhere(deps: AppDeps, where: SQL): Promise<ProgressView> {
  const [row] = await deps.db
    .select({ t: tickets, hallName: halls.name, timeZone: halls.timeZone })
    .from(tickets)
    .innerJoin(halls, eq(halls.id, tickets.hallId))
    .where(where);
  if (!row) throw new AppError('not_found', 'No ticket for this code');
  const view = await ticketView(deps.db, row.t.id);
  const position = row.t.status === 'waiting' ? await queuePosition(deps.db, row.t, deps.clock.now(), view.complexity) : null;
  return {
    hallName: row.hallName,
    timeZone: row.timeZone,
    serviceDate: row.t.serviceDate,
    ticket: toPublicTicket(view),
    ...position,
    case: await caseOfTicket(deps, row.t.id),
  };
}
