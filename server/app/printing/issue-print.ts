/**
 * The two hooks issue-ticket.ts calls: inside its transaction, write the print job of a kiosk that
 * has a printer (so the ticket and its paper job commit together); after commit, start sending it.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { devices, type tickets } from '../../../db/schema';
import type { HallView, PrintJobView } from '../../protocol/views';
import type { Actor } from '../actor';
import type { AppDeps } from '../deps';
import type { QueuePosition } from '../queue-position';
import { loadZoneOrNull } from '../loaders';
import { printerOf } from './printer-profiles';
import { insertPrintJob, presentPrintJob } from './print-jobs';
import { storedTicketPrint } from './ticket-print-data';

export interface IssuePrintInput {
  ticket: typeof tickets.$inferSelect;
  hall: HallView;
  matterName: string;
  position: QueuePosition;
  language: 'zh-CN' | 'en';
  now: Date;
}

/** Whether the issuer may print at all: a kiosk, on a server that prints. Then its device row decides (issuerPrints). */
export function issuerMayPrint(deps: AppDeps, actor: Actor): boolean {
  return !!deps.printing && actor.kind === 'device' && actor.deviceKind === 'kiosk';
}

/** Whether a kiosk with these device settings (null: no such device) gets a paper job. */
export function issuerPrints(deps: AppDeps, actor: Actor, deviceSettings: Record<string, unknown> | null): boolean {
  return issuerMayPrint(deps, actor) && deviceSettings !== null && !!printerOf({ kind: 'kiosk', settings: deviceSettings }, deps.printing!.defaultProfile).profile;
}

/** Inside the completing transaction. Undefined when the issuer is not a kiosk with a printer. */
export async function addIssuePrintJob(tx: Tx, deps: AppDeps, actor: Actor, input: IssuePrintInput): Promise<PrintJobView | undefined> {
  if (!deps.printing || !issuerMayPrint(deps, actor)) return undefined;
  const [device] = await tx.select().from(devices).where(eq(devices.id, actor.id));
  if (!device || !printerOf(device, deps.printing.defaultProfile).profile) return undefined;
  const row = await insertPrintJob(tx, {
    hallId: input.ticket.hallId,
    ticketId: input.ticket.id,
    deviceId: device.id,
    reprint: false,
    now: input.now,
    payload: storedTicketPrint({
      hall: input.hall,
      matterName: input.matterName,
      ticket: input.ticket,
      zone: await loadZoneOrNull(tx, input.ticket.zoneId),
      position: input.position,
      language: input.language,
      publicBaseUrl: deps.publicBaseUrl,
    }),
  });
  return presentPrintJob(row);
}

/** After commit. A repeated command (same commandId) dispatches again harmlessly: the claim refuses. */
export function startPrinting(deps: AppDeps, print: PrintJobView | undefined): void {
  if (print && deps.printing) deps.printing.dispatch(print.id);
}
