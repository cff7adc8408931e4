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
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { commandResults, dayCounters, devices, halls, matters, tickets } from '../../db/schema';
import { serviceDate } from '../domain/hall-time';
import { idNumberMessages, validateVisitorId } from '../protocol/identity-number';
import { greenChannelFor } from '../domain/priority';
import { maskIdNumber } from '../protocol/masking';
import { formatTicketNumber } from '../domain/numbering';
import { waitStart, waitTargetMinutes } from '../domain/wait-target';
import type { IssueTicketBody } from '../protocol/schemas';
import type { HallView, IssuedTicket, PriorityReason, TicketView } from '../protocol/views';
import { authorize, type Actor } from './actor';
import { AppError } from './app-error';
import type { AppDeps } from './deps';
import { batchedQueuePosition, issueInFlight } from './forecast-batch';
import { loadHall, ticketView } from './loaders';
import { encryptField, lookupHash, newToken } from './pii';
import { presentHall, presentTicket } from './presenters';
import { addIssuePrintJob, issuerMayPrint, issuerPrints, startPrinting } from './printing/issue-print';
import { statement } from './prepared';
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
  // In flight until this issue has asked for its forecast: a forecast round of the hall about to start waits for it (forecast-batch.ts).
  const landed = issueInFlight(deps.db, hallId);
  let committed: StoredIssue;
  try {
    committed = await runCommand<StoredIssue>(deps, { name: 'ticket:issue', hallId, actor, commandId: body.commandId }, async ({ tx, now, emit }) => {
      const { hall, matter, deviceSettings } = await loadIssueContext(tx, deps, actor, hallId, body.matterId);
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

      const [counter] = await nextNumber(tx, { hallId, serviceDate: day, prefix: matter.ticketPrefix });
      const seqNo = counter!.value;
      const token = newToken();
      const slotStart = appointment?.slotStart ?? null;
      const [row] = await insertTicket(tx, {
        hallId,
        zoneId: matter.zoneId,
        matterId: matter.id,
        serviceDate: day,
        prefix: matter.ticketPrefix,
        seqNo,
        number: formatTicketNumber(matter.ticketPrefix, seqNo),
        source,
        priority,
        priorityReason,
        appointmentId: appointment?.appointmentId ?? null,
        slotStart: slotStart?.toISOString() ?? null,
        slotEnd: appointment?.slotEnd.toISOString() ?? null,
        issuedAt: now.toISOString(),
        waitStartAt: waitStart(now, slotStart).toISOString(),
        waitTargetMinutes: waitTargetMinutes(matter, hall.settings),
        token,
        visitorIdHash: visitor?.hash ?? null,
        visitorIdEnc: visitor?.enc ?? null,
        visitorIdMasked: visitor?.masked ?? null,
      });
      // The view from the row just written (a new ticket has no counter); a hook may change the row, so then re-read.
      let view: TicketView;
      if (options.onIssued) {
        await options.onIssued(tx, row!, now);
        view = await ticketView(tx, row!.id);
      } else view = presentTicket({ t: row!, matterName: matter.name, complexity: matter.complexity, counterNumber: null });
      emit({ type: 'ticket:issued', ticket: view, data: { source } });
      fresh = { row: row!, hall, matterName: matter.name, prints: issuerPrints(deps, actor, deviceSettings) };
      return { ticket: view, token, progressUrl: progressUrl(deps.publicBaseUrl, token), hallName: hall.name };
    });
  } catch (err) {
    landed();
    throw err;
  }
  // completeIssue asks for the forecast before its first await, so the request is queued when `landed` runs.
  const completing = completeIssue(deps, actor, body.commandId, committed, lang, fresh);
  landed();
  const issued = await completing;
  startPrinting(deps, issued.print);
  return issued;
}

/** What the issuing transaction stores as the command's result; completeIssue adds the rest. */
type StoredIssue = Pick<IssuedTicket, 'ticket' | 'token' | 'progressUrl' | 'hallName'> & Partial<IssuedTicket>;

interface IssueContext {
  row: typeof tickets.$inferSelect;
  hall: HallView;
  matterName: string;
  /** Whether the issuer gets a paper job; null when not known (a replay: the completing transaction reads the device). */
  prints: boolean | null;
}

const p = sql.placeholder;
/** A placeholder as plain SQL: no column encoder runs on its value, so the caller passes driver values (ISO timestamps, null). */
const raw = (name: string) => sql`${p(name)}`;

/**
 * The hall, the matter and (for a kiosk on a printing server) the kiosk's device settings, in one
 * statement: every issue needs them, and each round trip costs the node a socket write and read.
 * Two prepared variants (docs/performance.md §Own time per command (third pass)): with the device's
 * settings, or NULL in their place.
 */
const issueContextStatement = (withDevice: boolean) =>
  statement(withDevice ? 'yc_issue_context_device' : 'yc_issue_context', (db) =>
    db
      .select({
        hall: halls,
        matter: matters,
        deviceSettings: withDevice ? sql<string | null>`(SELECT ${devices.settings}::text FROM ${devices} WHERE ${devices.id} = ${p('deviceId')})` : sql<string | null>`NULL`,
      })
      .from(halls)
      .leftJoin(matters, eq(matters.id, p('matterId')))
      .where(eq(halls.id, p('hallId'))),
  );
const issueContextWithDevice = issueContextStatement(true);
const issueContext = issueContextStatement(false);

async function loadIssueContext(tx: Tx, deps: AppDeps, actor: Actor, hallId: string, matterId: string) {
  const [found] = issuerMayPrint(deps, actor)
    ? await issueContextWithDevice(tx, { hallId, matterId, deviceId: actor.id })
    : await issueContext(tx, { hallId, matterId });
  if (!found) throw new AppError('not_found', 'Hall not found');
  const { matter } = found;
  if (!matter) throw new AppError('not_found', 'Matter not found');
  if (matter.hallId !== hallId || !matter.active) throw new AppError('not_found', 'This matter is not offered in this hall');
  const deviceSettings = found.deviceSettings === null ? null : (JSON.parse(found.deviceSettings) as Record<string, unknown>);
  return { hall: presentHall(found.hall), matter, deviceSettings };
}

/** The day's next number of the prefix; the upsert's row lock is held to the issuing transaction's commit (gapless numbering). */
const nextNumber = statement('yc_issue_next_number', (db) =>
  db
    .insert(dayCounters)
    .values({ hallId: p('hallId'), serviceDate: p('serviceDate'), prefix: p('prefix'), lastValue: 1 })
    .onConflictDoUpdate({
      target: [dayCounters.hallId, dayCounters.serviceDate, dayCounters.prefix],
      set: { lastValue: sql`${dayCounters.lastValue} + 1` },
    })
    .returning({ value: dayCounters.lastValue }),
);

/** The new ticket; every value a driver value (timestamps as ISO text), the row mapped back by drizzle as before. */
const insertTicket = statement('yc_issue_insert_ticket', (db) =>
  db
    .insert(tickets)
    .values({
      hallId: raw('hallId'),
      zoneId: raw('zoneId'),
      matterId: raw('matterId'),
      serviceDate: raw('serviceDate'),
      prefix: raw('prefix'),
      seqNo: raw('seqNo'),
      number: raw('number'),
      status: 'waiting',
      source: raw('source'),
      priority: raw('priority'),
      priorityReason: raw('priorityReason'),
      appointmentId: raw('appointmentId'),
      slotStart: raw('slotStart'),
      slotEnd: raw('slotEnd'),
      issuedAt: raw('issuedAt'),
      waitStartAt: raw('waitStartAt'),
      waitTargetMinutes: raw('waitTargetMinutes'),
      token: raw('token'),
      visitorIdHash: raw('visitorIdHash'),
      visitorIdEnc: raw('visitorIdEnc'),
      visitorIdMasked: raw('visitorIdMasked'),
    })
    .returning(),
);

/** Completing without a paper job: adds the forecast unless a concurrent completer already has (its result stands). */
const addPosition = statement('yc_issue_add_position', (db) =>
  db
    .update(commandResults)
    .set({ result: sql`${commandResults.result} || ${p('position')}::jsonb` })
    .where(and(eq(commandResults.commandId, p('commandId')), sql`${commandResults.result} ->> 'peopleAhead' IS NULL`))
    .returning({ commandId: commandResults.commandId }),
);
const storedResult = statement('yc_issue_stored_result', (db) => db.select({ result: commandResults.result }).from(commandResults).where(eq(commandResults.commandId, p('commandId'))));
const storedResultForUpdate = statement('yc_issue_stored_result_for_update', (db) =>
  db.select({ result: commandResults.result }).from(commandResults).where(eq(commandResults.commandId, p('commandId'))).for('update'),
);
/** The column's own encoder (JSON text) runs on the placeholder's value here, as with the builder. */
const storeCompleted = statement('yc_issue_store_completed', (db) => db.update(commandResults).set({ result: p('result') }).where(eq(commandResults.commandId, p('commandId'))));

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
  const position = await batchedQueuePosition(
    deps.db,
    deps.clock,
    { hallId: ctx.row.hallId, serviceDate: ctx.row.serviceDate, hall: ctx.hall },
    { id: ctx.row.id, matterId: ctx.row.matterId, complexity: stored.ticket.complexity },
  );
  if (ctx.prints === false) {
    // No paper job: completing is one conditional update (a concurrent completer's result stands).
    const [mine] = await addPosition(deps.db, { commandId, position: JSON.stringify(position) });
    if (mine) return { ...stored, ...position };
    const [other] = await storedResult(deps.db, { commandId });
    return (other?.result ?? { ...stored, ...position }) as IssuedTicket;
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [claim] = await storedResultForUpdate(tx, { commandId });
    const current = (claim?.result ?? stored) as StoredIssue;
    if (current.peopleAhead !== undefined) return current as IssuedTicket;
    // Persist first, print second: the paper job is written here and sent by the caller.
    const print = await addIssuePrintJob(tx, deps, actor, { ticket: ctx.row, hall: ctx.hall, matterName: ctx.matterName, position, language, now });
    const done: IssuedTicket = { ...current, ...position, ...(print && { print }) };
    await storeCompleted(tx, { commandId, result: done });
    return done;
  });
}

async function reloadContext(deps: AppDeps, stored: StoredIssue): Promise<IssueContext> {
  const [row] = await deps.db.select().from(tickets).where(eq(tickets.id, stored.ticket.id));
  if (!row) throw new AppError('not_found', 'Ticket not found');
  return { row, hall: presentHall(await loadHall(deps.db, row.hallId)), matterName: stored.ticket.matterName, prints: null };
}
