/**
 * The one path every mutation takes:
 *   1. claim the commandId (a repeat returns the first result and changes nothing),
 *   2. run the use case in one transaction,
 *   3. append its events under the hall row lock (gapless hall seq, commit order = seq order), and
 *      rebuild the report roll-ups of any past day whose tickets they touch (reports/rollup.ts),
 *   4. commit, and only then publish the facts.
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { commandResults } from '../../db/schema';
import type { AuditRecord, FactDraft, HallFact } from '../protocol/facts';
import type { Actor } from './actor';
import { AppError } from './app-error';
import type { AppDeps } from './deps';
import { rawStatement, statement } from './prepared';
import { rollupAfterFacts } from './reports/rollup';

/** What a use case emits: a fact's payload and its audit extras, typed per fact type (server/protocol/facts.ts). */
export type PendingFact = FactDraft;

export interface CommandScope {
  tx: Tx;
  now: Date;
  actor: Actor;
  emit(fact: PendingFact): void;
  /**
   * Names the command's hall when the caller could not (meta.hallId absent): a counter command
   * learns it from the counter row it locks, instead of a read of its own before the transaction.
   */
  bindHall(hallId: string): void;
}

export interface CommandMeta {
  name: string;
  /** The hall whose seq the facts take; absent when the body binds it (CommandScope.bindHall). */
  hallId?: string;
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
  let hallId = meta.hallId;
  const bindHall = (id: string) => {
    if (hallId !== undefined && hallId !== id) throw new Error(`command ${meta.name} bound to hall ${id}, already in ${hallId}`);
    hallId = id;
  };

  const result = await deps.db.transaction(async (tx) => {
    if (meta.commandId) {
      const claimed = await claimCommand(tx, { commandId: meta.commandId, actorId: owner, name: meta.name, createdAt: now });
      if (claimed.length === 0) {
        const [first] = await storedCommand(tx, { commandId: meta.commandId });
        if (!first || first.actorId !== owner || first.name !== meta.name) {
          throw new AppError('conflict', 'This commandId was already used for another command');
        }
        replayed = true;
        return first.result as T;
      }
    }

    const value = await body({ tx, now, actor: meta.actor, emit: (f) => pending.push(f), bindHall });

    if (pending.length > 0) {
      if (hallId === undefined) throw new Error(`command ${meta.name} emitted facts without a hall`);
      // One round trip for the hall's seq, the events and the stored result: the hall row lock
      // (and, for an issue, the day's numbering row) is held from here to the commit, so every
      // statement less in this stretch is time less that the hall's other commands wait.
      const { last, timeZone } = await appendFacts(tx, { ...meta, hallId }, pending, now, meta.commandId ? value : NO_RESULT);
      const first = last - pending.length + 1;
      const factHall = hallId;
      facts = pending.map((f, i) => hallFact(f, factHall, first + i, now));
      await rollupAfterFacts(tx, hallId, timeZone, pending.map((f) => f.ticket?.serviceDate), now);
    } else if (meta.commandId) {
      await storeResult(tx, { commandId: meta.commandId, result: JSON.stringify(value) });
    }
    return value;
  });

  if (!replayed && facts.length > 0) deps.publisher.publish(facts[0]!.hallId, facts);
  return result;
}

const NO_RESULT = Symbol('no stored result');

const claimCommand = statement('yc_claim_command', (db) =>
  db
    .insert(commandResults)
    .values({ commandId: sql.placeholder('commandId'), actorId: sql.placeholder('actorId'), name: sql.placeholder('name'), createdAt: sql.placeholder('createdAt') })
    .onConflictDoNothing()
    .returning({ commandId: commandResults.commandId }),
);
const storedCommand = statement('yc_stored_command', (db) => db.select().from(commandResults).where(eq(commandResults.commandId, sql.placeholder('commandId'))));
const storeResult = statement('yc_store_result', (db) =>
  db
    .update(commandResults)
    .set({ result: sql`${sql.placeholder('result')}::jsonb` })
    .where(eq(commandResults.commandId, sql.placeholder('commandId'))),
);

const p = sql.placeholder;
const appendSql = (withResult: boolean) => sql`
    WITH h AS (
      UPDATE halls SET event_seq = event_seq + ${p('n')}::int WHERE id = ${p('hallId')}::uuid RETURNING event_seq, time_zone
    ), appended AS (
      INSERT INTO ticket_events (hall_id, seq, type, ticket_id, counter_id, actor_type, actor_id, data, at)
      SELECT ${p('hallId')}::uuid, h.event_seq - ${p('n')}::int + e.i, e.type, e.ticket_id, e.counter_id, ${p('actorType')}::text, ${p('actorId')}::text, e.data, ${p('at')}::timestamptz
      FROM h, jsonb_to_recordset(${p('events')}::jsonb) AS e(i bigint, type text, ticket_id uuid, counter_id uuid, data jsonb)
      RETURNING 1
    )${withResult ? sql`, stored AS (UPDATE command_results SET result = ${p('result')}::jsonb WHERE command_id = ${p('commandId')}::text RETURNING 1)` : sql``}
    SELECT h.event_seq::text AS last, h.time_zone AS time_zone, (SELECT count(*) FROM appended)::int AS appended FROM h`;
const appendOnly = rawStatement<AppendedRow>('yc_append_facts', appendSql(false));
const appendAndStore = rawStatement<AppendedRow>('yc_append_facts_result', appendSql(true));
type AppendedRow = { last: string; time_zone: string; appended: number };

/**
 * Advances the hall's event seq by the facts' count, appends their events (gapless, in emit order)
 * and, with a commandId, stores the command's result — one statement. Throws not_found when the
 * hall does not exist (nothing is written: the transaction rolls back).
 */
async function appendFacts(tx: Tx, meta: CommandMeta & { hallId: string }, pending: PendingFact[], now: Date, result: unknown): Promise<{ last: number; timeZone: string }> {
  const n = pending.length;
  const events = pending.map((f, i) => ({
    i: i + 1,
    type: f.type,
    ticket_id: f.ticket?.id ?? f.printJob?.ticketId ?? null,
    counter_id: f.counter?.id ?? f.ticket?.counterId ?? null,
    data: eventData(f),
  }));
  const values = { n, hallId: meta.hallId, actorType: meta.actor.kind, actorId: meta.actor.id, at: now.toISOString(), events: JSON.stringify(events) };
  const [row] =
    result === NO_RESULT || !meta.commandId
      ? await appendOnly(tx, values)
      : await appendAndStore(tx, { ...values, result: JSON.stringify(result ?? null), commandId: meta.commandId });
  if (!row) throw new AppError('not_found', 'Hall not found');
  if (Number(row.appended) !== n) throw new Error(`appended ${row.appended} of ${n} events`);
  return { last: Number(row.last), timeZone: row.time_zone };
}

/**
 * The staff view of a drafted fact: its payload with seq, hall and time (a call carries its seq).
 * The payload is the draft's own, so each type keeps the records facts.ts gives it.
 */
function hallFact({ data: _audit, ...payload }: PendingFact, hallId: string, seq: number, at: Date): HallFact {
  const fact = { ...payload, seq, hallId, at: at.toISOString() };
  return fact.call ? { ...fact, call: { ...fact.call, seq } } : fact;
}

/** What the audit log keeps of a fact: enough to rebuild a ticket's history, no personal data. */
function eventData(f: PendingFact): AuditRecord {
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
