/**
 * The one path every mutation takes:
 *   1. claim the commandId (a repeat returns the first result and changes nothing),
 *   2. run the use case in one transaction,
 *   3. append its events under the hall row lock (gapless hall seq, commit order = seq order),
 *   4. commit, and only then publish the facts.
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { commandResults, halls, ticketEvents } from '../../db/schema';
import type { CaseFact } from '../protocol/cases';
import type { FactType, HallFact, HallNotice, TicketAlert } from '../protocol/events';
import type { CallView, CounterView, PrintJobView, TicketView } from '../protocol/views';
import type { Actor } from './actor';
import { AppError } from './app-error';
import type { AppDeps } from './deps';

export interface PendingFact {
  type: FactType;
  ticket?: TicketView;
  counter?: CounterView;
  call?: CallView;
  printJob?: PrintJobView;
  /** A manager's notice for the wall display (hall:notice). */
  notice?: HallNotice;
  /** Wait/handling target alert (ticket:at-risk, ticket:breached, ticket:handling-overdue). */
  alert?: TicketAlert;
  /** A case (办件) change (case:* facts). */
  case?: CaseFact;
  /** Extra audit data kept in the event log (reasons, previous values). */
  data?: Record<string, unknown>;
}

export interface CommandScope {
  tx: Tx;
  now: Date;
  actor: Actor;
  emit(fact: PendingFact): void;
}

export interface CommandMeta {
  name: string;
  hallId: string;
  actor: Actor;
  commandId?: string;
  /**
   * Who may replay this command's result, when the actor alone does not say: anonymous callers
   * all act as SYSTEM, so the public booking page binds a commandId to a keyed hash of what only
   * that visitor sent. A repeat from anyone else is a conflict, never the first caller's answer.
   */
  callerKey?: string;
}

export async function runCommand<T>(deps: AppDeps, meta: CommandMeta, body: (scope: CommandScope) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  const pending: PendingFact[] = [];
  let replayed = false;
  let facts: HallFact[] = [];
  const owner = meta.callerKey ?? meta.actor.id;

  const result = await deps.db.transaction(async (tx) => {
    if (meta.commandId) {
      const claimed = await tx
        .insert(commandResults)
        .values({ commandId: meta.commandId, actorId: owner, name: meta.name, createdAt: now })
        .onConflictDoNothing()
        .returning({ commandId: commandResults.commandId });
      if (claimed.length === 0) {
        const [first] = await tx.select().from(commandResults).where(eq(commandResults.commandId, meta.commandId));
        if (!first || first.actorId !== owner || first.name !== meta.name) {
          throw new AppError('conflict', 'This commandId was already used for another command');
        }
        replayed = true;
        return first.result as T;
      }
    }

    const value = await body({ tx, now, actor: meta.actor, emit: (f) => pending.push(f) });

    if (pending.length > 0) {
      const [row] = await tx
        .update(halls)
        .set({ eventSeq: sql`${halls.eventSeq} + ${pending.length}` })
        .where(eq(halls.id, meta.hallId))
        .returning({ last: halls.eventSeq });
      if (!row) throw new AppError('not_found', 'Hall not found');
      const first = row.last - pending.length + 1;
      facts = pending.map((f, i) => ({
        seq: first + i,
        hallId: meta.hallId,
        type: f.type,
        at: now.toISOString(),
        ...(f.ticket && { ticket: f.ticket }),
        ...(f.counter && { counter: f.counter }),
        ...(f.call && { call: { ...f.call, seq: first + i } }),
        ...(f.alert && { alert: f.alert }),
        ...(f.printJob && { printJob: f.printJob }),
        ...(f.notice && { notice: f.notice }),
        ...(f.case && { case: f.case }),
      }));
      await tx.insert(ticketEvents).values(
        pending.map((f, i) => ({
          hallId: meta.hallId,
          seq: first + i,
          type: f.type,
          ticketId: f.ticket?.id ?? f.printJob?.ticketId ?? null,
          counterId: f.counter?.id ?? f.ticket?.counterId ?? null,
          actorType: meta.actor.kind,
          actorId: meta.actor.id,
          data: eventData(f),
          at: now,
        })),
      );
    }

    if (meta.commandId) {
      await tx
        .update(commandResults)
        .set({ result: value as unknown })
        .where(eq(commandResults.commandId, meta.commandId));
    }
    return value;
  });

  if (!replayed && facts.length > 0) deps.publisher.publish(meta.hallId, facts);
  return result;
}

/** What the audit log keeps of a fact: enough to rebuild a ticket's history, no personal data. */
function eventData(f: PendingFact): Record<string, unknown> {
  const t = f.ticket;
  return {
    ...(t && { number: t.number, status: t.status, matterId: t.matterId, counterId: t.counterId, targetCounterId: t.targetCounterId }),
    ...(f.counter && { counterStatus: f.counter.status, pauseReason: f.counter.pauseReason }),
    ...(f.call && { call: f.call }),
    ...(f.case && { caseId: f.case.id, caseNumber: f.case.number, caseStatus: f.case.status }),
    ...(f.printJob && { printJob: { id: f.printJob.id, status: f.printJob.status, attempts: f.printJob.attempts, reprint: f.printJob.reprint, lastError: f.printJob.lastError, deviceId: f.printJob.deviceId } }),
    ...f.data,
  };
}
