/** Finished services in the demo hall, the demo pads as actors, and error-code capture. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { devices } from '../../db/schema';
import type { DeviceActor, StaffActor } from '../../server/app/actor';
import { hashToken } from '../../server/app/auth';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import type { AppDeps } from '../../server/app/deps';
import { issueTicket } from '../../server/app/issue-ticket';
import { actOnTicketAtCounter } from '../../server/app/ticket-actions';
import { cmd, type DemoHall } from '../_support/fixtures';

export async function padActor(db: Db, token: string): Promise<DeviceActor> {
  const [d] = await db.select().from(devices).where(eq(devices.tokenHash, hashToken(token)));
  if (!d) throw new Error(`no pad ${token}`);
  return { kind: 'device', id: d.id, deviceKind: d.kind, hallId: d.hallId, zoneId: d.zoneId, counterId: d.counterId };
}

export interface Served {
  ticketId: string;
  token: string;
  number: string;
}

/** Issues a ticket for the matter, and has `staff` serve it to the end at counter `counterNumber`. */
export async function serveOne(
  deps: AppDeps,
  hall: DemoHall,
  o: { staff: StaffActor; counterNumber: number; matter: string; idNumber?: string; finish?: boolean },
): Promise<Served> {
  const kiosk = await hall.kiosk();
  const matter = await hall.matter(o.matter);
  const counter = await hall.counter(o.counterNumber);
  const issued = await issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id, ...(o.idNumber && { idNumber: o.idNumber }) });
  if (counter.staffId !== o.staff.id) await actOnCounter(deps, o.staff, 'take', { commandId: cmd(), counterId: counter.id });
  const called = await callNext(deps, o.staff, { commandId: cmd(), counterId: counter.id });
  if (called.ticket?.id !== issued.ticket.id) throw new Error(`called ${called.ticket?.number}, expected ${issued.ticket.number}`);
  await actOnTicketAtCounter(deps, o.staff, 'start', { commandId: cmd(), counterId: counter.id, ticketId: issued.ticket.id });
  if (o.finish !== false) await actOnTicketAtCounter(deps, o.staff, 'finish', { commandId: cmd(), counterId: counter.id, ticketId: issued.ticket.id });
  return { ticketId: issued.ticket.id, token: issued.token, number: issued.ticket.number };
}

export { codeOf } from '../_support/fixtures';
