/** Staff reprint a paper ticket (marked 补打) as a command: idempotent by commandId, audited, announced. */
import { and, eq } from 'drizzle-orm';
import { devices, tickets } from '../../../db/schema';
import type { PrintJobView } from '../../protocol/views';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { loadHall, loadMatter, loadZoneOrNull } from '../loaders';
import { presentHall } from '../presenters';
import { queuePosition } from '../queue-position';
import { runCommand } from '../run-command';
import { printerOf } from './printer-profiles';
import { insertPrintJob, latestPrintJobOfTicket, paperOutcome, presentPrintJob } from './print-jobs';
import { storedTicketPrint } from './ticket-print-data';

const FINISHED = new Set(['done', 'cancelled']);

export async function reprintTicket(
  deps: AppDeps,
  actor: Actor,
  ticketId: string,
  input: { commandId: string; deviceId?: string | undefined; confirmMayHavePrinted?: boolean | undefined },
): Promise<PrintJobView> {
  authorize(actor, 'ticket:reprint');
  const [found] = await deps.db.select({ hallId: tickets.hallId }).from(tickets).where(eq(tickets.id, ticketId));
  if (!found) throw new AppError('not_found', 'Ticket not found');
  authorize(actor, 'ticket:reprint', { hallId: found.hallId });
  const printing = deps.printing;
  if (!printing) throw new AppError('no_printer', 'Printing is not available on this server');

  const job = await runCommand(deps, { name: 'ticket:reprint', hallId: found.hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, ticketId));
    if (!ticket) throw new AppError('not_found', 'Ticket not found');
    if (FINISHED.has(ticket.status)) throw new AppError('invalid_transition', `Ticket ${ticket.number} is ${ticket.status}; there is nothing to reprint`);
    const last = await latestPrintJobOfTicket(tx, ticket.id);
    // Never a second ticket without asking: a print that may have come out (or still may) needs staff to confirm.
    const paper = last ? paperOutcome(last) : null;
    if ((paper === 'interrupted' || paper === 'unknown') && input.confirmMayHavePrinted !== true) {
      throw new AppError(
        'reprint_unconfirmed',
        paper === 'unknown'
          ? `Ticket ${ticket.number} is still being printed: the visitor may get it — confirm (confirmMayHavePrinted) to print another`
          : `Ticket ${ticket.number}'s print was interrupted (${last!.lastError}): the visitor may already have it — confirm (confirmMayHavePrinted) to print another`,
      );
    }
    const deviceId = input.deviceId ?? last?.deviceId ?? null;
    if (!deviceId) throw new AppError('no_printer', `Ticket ${ticket.number} was not printed at a kiosk: name the kiosk to print on (deviceId)`);
    const [device] = await tx
      .select()
      .from(devices)
      .where(and(eq(devices.id, deviceId), eq(devices.hallId, ticket.hallId), eq(devices.active, true)));
    if (!device) throw new AppError('not_found', 'No such kiosk in this hall');
    if (device.kind !== 'kiosk') throw new AppError('no_printer', `${device.name} is not a kiosk; only kiosks print tickets`);
    if (!printerOf(device, printing.defaultProfile).profile) throw new AppError('no_printer', `${device.name} has no printer configured`);

    const hall = presentHall(await loadHall(tx, ticket.hallId));
    const matter = await loadMatter(tx, ticket.matterId);
    const position =
      ticket.status === 'waiting'
        ? await queuePosition(tx, ticket, now, matter.complexity)
        : { peopleAhead: 0, estimatedWaitMinutes: null };
    const row = await insertPrintJob(tx, {
      hallId: ticket.hallId,
      ticketId: ticket.id,
      deviceId: device.id,
      reprint: true,
      now,
      payload: storedTicketPrint({
        hall,
        matterName: matter.name,
        ticket,
        zone: await loadZoneOrNull(tx, ticket.zoneId),
        position,
        language: last?.payload.language ?? 'zh-CN',
        publicBaseUrl: deps.publicBaseUrl,
      }),
    });
    const view = presentPrintJob(row);
    emit({ type: 'print:status', printJob: view, data: { reprint: true, number: ticket.number } });
    return view;
  });
  printing.dispatch(job.id);
  return job;
}
