/**
 * The counter opens a case (收件) on the ticket it is serving, or continues the same case when the
 * visitor comes back after a notice. One case per ticket: the ticket row lock serialises two
 * counters or a double click, and a second open finds the first case.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { dayCounters, tickets } from '../../../db/schema';
import { caseVisits, cases } from '../../../db/schema-cases';
import { applyCaseAction } from '../../domain/case-machine';
import { idNumberMessages, validateIdNumber } from '../../protocol/identity-number';
import { maskIdNumber } from '../../protocol/masking';
import type { CaseAtCounter } from '../../protocol/cases';
import type { Actor } from '../actor';
import { authorize } from '../actor';
import { AppError, unwrap } from '../app-error';
import { lockOwnCounter } from '../counter-guard';
import { recordAudit } from '../audit';
import type { AppDeps } from '../deps';
import { counterHolder, loadTicketForUpdate } from '../loaders';
import { encryptField, lookupHash } from '../pii';
import { runCommand } from '../run-command';
import { caseDay, caseEvent, hallOfCounter } from './case-context';
import { caseStateOf, caseView, caseViews, loadCaseForUpdate, writeCase } from './case-store';
import { findGuide } from './matter-guide';

/** Case numbers share the gapless day-counter rows of ticket numbers under a key no ticket prefix can take. */
export const CASE_COUNTER_KEY = '#case';

export function formatCaseNumber(day: string, seq: number): string {
  return `${day.replaceAll('-', '')}${String(seq).padStart(4, '0')}`;
}

async function nextCaseSeq(tx: Tx, hallId: string, day: string): Promise<number> {
  const [row] = await tx
    .insert(dayCounters)
    .values({ hallId, serviceDate: day, prefix: CASE_COUNTER_KEY, lastValue: 1 })
    .onConflictDoUpdate({ target: [dayCounters.hallId, dayCounters.serviceDate, dayCounters.prefix], set: { lastValue: sql`${dayCounters.lastValue} + 1` } })
    .returning({ value: dayCounters.lastValue });
  return row!.value;
}

function visitorOf(deps: AppDeps, raw: string | undefined, today: string) {
  if (!raw) return null;
  const id = validateIdNumber(raw, today);
  if (!id.ok) {
    const message = idNumberMessages[id.reason]['zh-CN'];
    throw new AppError('validation_failed', message, { idNumber: message });
  }
  return { hash: lookupHash(deps.piiKey, id.value), enc: encryptField(deps.piiKey, id.value), masked: maskIdNumber(id.value) };
}

/** The ticket must be the one this counter is serving (called or serving). */
function requireHeldTicket(ticket: typeof tickets.$inferSelect, hallId: string, counterId: string): void {
  if (ticket.hallId !== hallId) throw new AppError('not_found', 'Ticket not found in this hall');
  if (ticket.counterId !== counterId || (ticket.status !== 'called' && ticket.status !== 'serving')) {
    throw new AppError('wrong_counter', 'Open a case on the ticket your counter is serving');
  }
}

async function existingCaseOf(tx: Tx, ticketId: string): Promise<string | null> {
  const [visit] = await tx.select({ caseId: caseVisits.caseId }).from(caseVisits).where(eq(caseVisits.ticketId, ticketId));
  return visit?.caseId ?? null;
}

async function atCounter(tx: Tx, caseId: string, calendarDay: Awaited<ReturnType<typeof caseDay>>, now: Date): Promise<CaseAtCounter> {
  const view = await caseView(tx, caseId, calendarDay.calendar, now);
  const guide = await findGuide(tx, view.matterId);
  if (!guide) throw new AppError('case_no_guide', 'This matter has no guide');
  return { case: view, guide };
}

export async function openCase(deps: AppDeps, actor: Actor, input: { commandId: string; counterId: string; ticketId: string; idNumber?: string | undefined }): Promise<CaseAtCounter> {
  authorize(actor, 'case:counter');
  const hallId = await hallOfCounter(deps, input.counterId);
  authorize(actor, 'case:counter', { hallId });
  return runCommand(deps, { name: 'case:open', hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    const counter = await lockOwnCounter(tx, actor, 'case:counter', hallId, input.counterId);
    const ticket = await loadTicketForUpdate(tx, input.ticketId);
    const day = await caseDay(tx, hallId, now);
    const existing = await existingCaseOf(tx, ticket.id);
    if (existing) return atCounter(tx, existing, day, now);
    requireHeldTicket(ticket, hallId, counter.id);
    const guide = await findGuide(tx, ticket.matterId);
    if (!guide || !guide.opensCase) throw new AppError('case_no_guide', `${guide?.matterName ?? 'This matter'} is handled without a case (no guide or no promised limit)`);
    const visitor = visitorOf(deps, input.idNumber, day.today);
    const seqNo = await nextCaseSeq(tx, hallId, day.today);
    const [row] = await tx
      .insert(cases)
      .values({
        hallId,
        serviceDate: day.today,
        seqNo,
        number: formatCaseNumber(day.today, seqNo),
        matterId: ticket.matterId,
        departmentId: guide.departmentId,
        ticketId: ticket.id,
        counterId: counter.id,
        status: 'intake',
        delivery: guide.deliveryMethods[0] ?? 'pickup',
        openedAt: now,
        visitorIdHash: visitor?.hash ?? ticket.visitorIdHash,
        visitorIdEnc: visitor?.enc ?? ticket.visitorIdEnc,
        visitorIdMasked: visitor?.masked ?? ticket.visitorIdMasked,
      })
      .returning();
    await tx.insert(caseVisits).values({ ticketId: ticket.id, caseId: row!.id, kind: 'open', at: now });
    emit(caseEvent('case:opened', row!, day, { counterNumber: counter.number, ticketNumber: ticket.number }));
    return atCounter(tx, row!.id, day, now);
  });
}

/** Find cases at this counter's hall by case number, identity number or ticket (newest first). */
export async function findCases(deps: AppDeps, actor: Actor, input: { counterId: string; caseNumber?: string | undefined; idNumber?: string | undefined; ticketId?: string | undefined }) {
  authorize(actor, 'case:counter');
  const hallId = await hallOfCounter(deps, input.counterId);
  // Looked up from a counter: the one the caller holds (supervisors: any counter of their halls).
  authorize(actor, 'case:counter', { hallId, counterHolderId: await counterHolder(deps.db, input.counterId) });
  const now = deps.clock.now();
  const day = await caseDay(deps.db, hallId, now);
  const conditions = [];
  if (input.caseNumber) conditions.push(eq(cases.number, input.caseNumber));
  if (input.idNumber) {
    const v = visitorOf(deps, input.idNumber, day.today);
    if (v) conditions.push(eq(cases.visitorIdHash, v.hash));
  }
  if (input.ticketId) {
    const visits = await deps.db.select({ caseId: caseVisits.caseId }).from(caseVisits).where(eq(caseVisits.ticketId, input.ticketId));
    if (visits.length) conditions.push(inArray(cases.id, visits.map((v) => v.caseId)));
    else if (conditions.length === 0) return [];
  }
  if (conditions.length === 0) throw new AppError('validation_failed', 'Give a case number, an identity number or a ticket');
  const views = await caseViews(deps.db, and(eq(cases.hallId, hallId), or(...conditions)), day.calendar, now, 50);
  const searchedBy = input.idNumber ? 'id_number' : input.caseNumber ? 'case_number' : 'ticket';
  await recordAudit(deps, actor, { action: 'cases:find', hallId, subject: input.counterId, detail: { searchedBy, found: views.length } });
  return views.reverse();
}

/** The visitor is back (new ticket) after a notice: continue the same case at this counter. */
export async function resumeCase(deps: AppDeps, actor: Actor, input: { commandId: string; counterId: string; ticketId: string; caseId: string }): Promise<CaseAtCounter> {
  authorize(actor, 'case:counter');
  const hallId = await hallOfCounter(deps, input.counterId);
  authorize(actor, 'case:counter', { hallId });
  return runCommand(deps, { name: 'case:resume', hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    const counter = await lockOwnCounter(tx, actor, 'case:counter', hallId, input.counterId);
    const ticket = await loadTicketForUpdate(tx, input.ticketId);
    const day = await caseDay(tx, hallId, now);
    const c = await loadCaseForUpdate(tx, input.caseId);
    if (c.hallId !== hallId) throw new AppError('not_found', 'Case not found in this hall');
    const existing = await existingCaseOf(tx, ticket.id);
    if (existing === c.id) return atCounter(tx, c.id, day, now);
    if (existing) throw new AppError('conflict', 'This ticket already belongs to another case');
    requireHeldTicket(ticket, hallId, counter.id);
    let state = caseStateOf(c);
    if (c.status === 'notice') state = unwrap(applyCaseAction(state, { type: 'resume', at: now, date: day.today }));
    else if (c.status !== 'intake') throw new AppError('invalid_transition', `Case ${c.number} is ${c.status}: only a case waiting for materials (or still in intake) continues at a counter`);
    const row = await writeCase(tx, c.id, state, { counterId: counter.id });
    await tx.insert(caseVisits).values({ ticketId: ticket.id, caseId: c.id, kind: 'return', at: now });
    emit(caseEvent('case:resumed', row, day, { counterNumber: counter.number, ticketNumber: ticket.number }));
    return atCounter(tx, c.id, day, now);
  });
}
