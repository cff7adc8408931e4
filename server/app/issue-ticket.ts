/**
 * Issue a ticket at a kiosk or by staff: number it gaplessly, persist it, announce it.
 *
 * Two steps. The issuing transaction holds the day's numbering row from the number to the commit,
 * so it does only what numbering needs: the ticket, its event, the command claim; the fact goes
 * out after commit. Then, off that critical section, the people-ahead forecast runs on the
 * committed queue (server/app/queue-position.ts — it reads every waiting ticket of the hall and
 * simulates the counters, far too slow to make every other issue in the hall wait for it), and a
 * second small transaction writes the paper job and completes the stored command result under the
 * command's row lock. A repeat of the commandId returns the completed result; one that finds it
 * incomplete (the first run died between the two steps) completes it itself, once.
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { commandResults, dayCounters, tickets } from '../../db/schema';
import { serviceDate } from '../domain/hall-time';
import { idNumberMessages, validateVisitorId } from '../protocol/identity-number';
import { greenChannelFor } from '../domain/priority';
import { maskIdNumber } from '../protocol/masking';
import { formatTicketNumber } from '../domain/numbering';
import { waitStart, waitTargetMinutes } from '../domain/wait-target';
import type { IssueTicketBody } from '../protocol/schemas';
import type { HallView, IssuedTicket, PriorityReason } from '../protocol/views';
import { authorize, type Actor } from './actor';
import { AppError } from './app-error';
import type { AppDeps } from './deps';
import { loadHall, loadMatter, ticketView } from './loaders';
import { encryptField, lookupHash, newToken } from './pii';
import { presentHall } from './presenters';
import { addIssuePrintJob, startPrinting } from './printing/issue-print';
import { queuePosition } from './queue-position';
import { runCommand } from './run-command';
import { assertKioskIssuing } from './ticket-hours';
import { progressUrl } from '../protocol/rules';

export interface AppointmentClaim {
  appointmentId: string;
  slotStart: Date;
  slotEnd: Date;
}

export interface IssueTicketOptions {
  /**
   * Runs inside the issuing transaction right after the ticket row is inserted, so whatever it
   * writes commits together with the ticket or not at all; throw (an AppError) to roll both back.
   * Not run when the commandId is replayed (the first run's writes are already committed).
   */
  onIssued?: (tx: Tx, ticket: typeof tickets.$inferSelect, now: Date) => Promise<void>;
}

export async function issueTicket(
  deps: AppDeps,
  actor: Actor,
  hallId: string,
  body: IssueTicketBody,
  appointment: AppointmentClaim | null = null,
  options: IssueTicketOptions = {},
): Promise<IssuedTicket> {
  authorize(actor, 'ticket:issue', { hallId });
  const source = appointment ? 'appointment' : actor.kind === 'staff' ? 'staff' : 'kiosk';
  const lang = body.language ?? 'zh-CN';

  let fresh: IssueContext | null = null;
  const committed = await runCommand<StoredIssue>(deps, { name: 'ticket:issue', hallId, actor, commandId: body.commandId }, async ({ tx, now, emit }) => {
    const hall = presentHall(await loadHall(tx, hallId));
    const matter = await loadMatter(tx, body.matterId);
    if (matter.hallId !== hallId || !matter.active) throw new AppError('not_found', 'This matter is not offered in this hall');
    const day = serviceDate(now, hall.timeZone);
    // Outside ticket hours the kiosk refuses; staff may still issue by exception, check-ins keep their slot window.
    if (source === 'kiosk') await assertKioskIssuing(tx, hall, now);

    let birthDate: string | null = null;
    let visitor: { hash: string; enc: string; masked: string } | null = null;
    if (body.idNumber) {
      const id = validateVisitorId(body.idNumber, day);
      if (!id.ok) {
        const message = idNumberMessages[id.reason][lang];
        throw new AppError('validation_failed', message, { idNumber: message });
      }
      visitor = { hash: lookupHash(deps.piiKey, id.value), enc: encryptField(deps.piiKey, id.value), masked: maskIdNumber(id.value) };
      birthDate = id.birthDate;
    }
    const priorityReason: PriorityReason | null = greenChannelFor({ declared: body.greenChannel ?? null, birthDate, day, elderlyAge: hall.settings.elderlyAge });
    const priority = priorityReason ? 1 : 0;

    const [counter] = await tx
      .insert(dayCounters)
      .values({ hallId, serviceDate: day, prefix: matter.ticketPrefix, lastValue: 1 })
      .onConflictDoUpdate({
        target: [dayCounters.hallId, dayCounters.serviceDate, dayCounters.prefix],
        set: { lastValue: sql`${dayCounters.lastValue} + 1` },
      })
      .returning({ value: dayCounters.lastValue });
    const seqNo = counter!.value;
    const token = newToken();
    const [row] = await tx
      .insert(tickets)
      .values({
        hallId,
        zoneId: matter.zoneId,
        matterId: matter.id,
        serviceDate: day,
        prefix: matter.ticketPrefix,
        seqNo,
        number: formatTicketNumber(matter.ticketPrefix, seqNo),
        status: 'waiting',
        source,
        priority,
        priorityReason,
        appointmentId: appointment?.appointmentId ?? null,
        slotStart: appointment?.slotStart ?? null,
        slotEnd: appointment?.slotEnd ?? null,
        issuedAt: now,
        waitStartAt: waitStart(now, appointment?.slotStart ?? null),
        waitTargetMinutes: waitTargetMinutes(matter, hall.settings),
        token,
        visitorIdHash: visitor?.hash ?? null,
        visitorIdEnc: visitor?.enc ?? null,
        visitorIdMasked: visitor?.masked ?? null,
      })
      .returning();
    if (options.onIssued) await options.onIssued(tx, row!, now);
    const view = await ticketView(tx, row!.id);
    emit({ type: 'ticket:issued', ticket: view, data: { source } });
    fresh = { row: row!, hall, matterName: matter.name };
    return { ticket: view, token, progressUrl: progressUrl(deps.publicBaseUrl, token), hallName: hall.name };
  });
  const issued = await completeIssue(deps, actor, body.commandId, committed, lang, fresh);
  startPrinting(deps, issued.print);
  return issued;
}

/** What the issuing transaction stores as the command's result; completeIssue adds the rest. */
type StoredIssue = Pick<IssuedTicket, 'ticket' | 'token' | 'progressUrl' | 'hallName'> & Partial<IssuedTicket>;

interface IssueContext {
  row: typeof tickets.$inferSelect;
  hall: HallView;
  matterName: string;
}

async function completeIssue(
  deps: AppDeps,
  actor: Actor,
  commandId: string,
  stored: StoredIssue,
  language: 'zh-CN' | 'en',
  fresh: IssueContext | null,
): Promise<IssuedTicket> {
  if (stored.peopleAhead !== undefined) return stored as IssuedTicket;
  const ctx = fresh ?? (await reloadContext(deps, stored));
  const now = deps.clock.now();
  const position = await queuePosition(deps.db, ctx.row, now, stored.ticket.complexity);
  return deps.db.transaction(async (tx) => {
    const [claim] = await tx.select({ result: commandResults.result }).from(commandResults).where(eq(commandResults.commandId, commandId)).for('update');
    const current = (claim?.result ?? stored) as StoredIssue;
    if (current.peopleAhead !== undefined) return current as IssuedTicket;
    // Persist first, print second: the paper job is written here and sent by the caller.
    const print = await addIssuePrintJob(tx, deps, actor, { ticket: ctx.row, hall: ctx.hall, matterName: ctx.matterName, position, language, now });
    const done: IssuedTicket = { ...current, ...position, ...(print && { print }) };
    await tx.update(commandResults).set({ result: done }).where(eq(commandResults.commandId, commandId));
    return done;
  });
}

async function reloadContext(deps: AppDeps, stored: StoredIssue): Promise<IssueContext> {
  const [row] = await deps.db.select().from(tickets).where(eq(tickets.id, stored.ticket.id));
  if (!row) throw new AppError('not_found', 'Ticket not found');
  return { row, hall: presentHall(await loadHall(deps.db, row.hallId)), matterName: stored.ticket.matterName };
}
