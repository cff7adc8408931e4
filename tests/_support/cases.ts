/** Cases in tests: a visitor's ticket called to a counter, and the ids of a matter's guide materials. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tickets } from '../../db/schema';
import { matterGuides } from '../../db/schema-cases';
import { activeTicketAt } from '../../server/app/loaders';
import { actOnTicketAtCounter } from '../../server/app/ticket-actions';
import type { StaffActor } from '../../server/app/actor';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import type { AppDeps } from '../../server/app/deps';
import { issueTicket } from '../../server/app/issue-ticket';
import { cmd, type DemoHall } from './fixtures';

/** Issues a kiosk ticket for `matterName` and has `staff` at counter `counterNumber` call it. */
export async function ticketAtCounter(deps: AppDeps, hall: DemoHall, staff: StaffActor, counterNumber: number, matterName: string, idNumber?: string) {
  const counter = await hall.counter(counterNumber);
  if (counter.status === 'closed') await actOnCounter(deps, staff, 'take', { commandId: cmd(), counterId: counter.id });
  // Whoever the counter still has in hand is served to the end first.
  const held = await activeTicketAt(deps.db, counter.id);
  if (held) {
    const [row] = await deps.db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, held));
    if (row?.status === 'called') await actOnTicketAtCounter(deps, staff, 'start', { commandId: cmd(), counterId: counter.id, ticketId: held });
    await actOnTicketAtCounter(deps, staff, 'finish', { commandId: cmd(), counterId: counter.id, ticketId: held });
  }
  const matter = await hall.matter(matterName);
  const issued = await issueTicket(deps, await hall.kiosk(), hall.hallId, { commandId: cmd(), matterId: matter.id, ...(idNumber && { idNumber }) });
  const called = await callNext(deps, staff, { commandId: cmd(), counterId: counter.id });
  if (called.ticket?.id !== issued.ticket.id) throw new Error(`counter ${counterNumber} called ${called.ticket?.number}, not ${issued.ticket.number}`);
  return { counterId: counter.id, ticketId: issued.ticket.id, token: issued.token, number: issued.ticket.number };
}

/** The guide's material ids by name. */
export async function materialIds(db: Db, matterId: string): Promise<Map<string, string>> {
  const [g] = await db.select().from(matterGuides).where(eq(matterGuides.matterId, matterId));
  return new Map((g?.materials ?? []).map((m) => [m.name, m.id]));
}
