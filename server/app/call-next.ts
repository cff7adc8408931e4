/**
 * Call the next ticket at a counter. The counter row is locked first (one call at a time per
 * counter; its hall, holder and links come with the lock), candidates are read without locks and
 * ranked by the pure routing policy, then claimed in that order with FOR UPDATE SKIP LOCKED: a
 * ticket another counter is claiming is skipped, and one it has already taken fails the status
 * re-check. No ticket is ever given to two counters. Six statements in all (docs/performance.md
 * §call-next in six statements).
 */
import { eq, sql } from 'drizzle-orm';
import { counters } from '../../db/schema';
import { loadCallCandidates } from './call-candidates';
import { serviceDate } from '../domain/hall-time';
import { rankCandidates } from '../domain/routing-policy';
import { applyTicketAction } from '../domain/ticket-machine';
import { effectiveSettings } from '../domain/wait-target';
import type { CommandResult } from '../protocol/events';
import type { Actor } from './actor';
import { AppError } from './app-error';
import { lockCounterForCommand } from './counter-guard';
import type { AppDeps } from './deps';
import { ticketView } from './loaders';
import { presentHall } from './presenters';
import { toCandidate } from './queue-position';
import { statement } from './prepared';
import { runCommand } from './run-command';
import { callView, claimForCounter, stateOf } from './ticket-writes';

const MAX_ROUNDS = 5;

export async function callNext(deps: AppDeps, actor: Actor, input: { commandId: string; counterId: string }): Promise<CommandResult> {
  // The hall is the locked counter's (one round trip fewer than reading it before the transaction).
  return runCommand(deps, { name: 'ticket:call-next', actor, commandId: input.commandId }, async ({ tx, now, emit, bindHall }) => {
    const { counter, hall: hallRow, links, viewWith, checkOpenAndHeld, checkNothingInHand } = await lockCounterForCommand(tx, actor, 'ticket:call-next', input.counterId);
    checkOpenAndHeld();
    bindHall(counter.hallId);
    const hall = presentHall(hallRow);
    if (links.matterIds.length === 0) {
      await checkNothingInHand();
      throw new AppError('queue_empty', 'This counter is not authorised for any matter');
    }
    const settings = effectiveSettings(hall.settings);
    const ctx = {
      now,
      consecutivePriorityCalls: counter.priorityStreak,
      starvationGuard: settings.starvationGuard,
      appointmentGraceMinutes: settings.appointmentGraceMinutes,
      earlyAppointmentMinutes: settings.earlyAppointmentMinutes,
      waitCapMinutes: settings.waitCapMinutes,
      preferredMatterIds: new Set(links.preferredMatterIds),
    };
    const query = { hallId: counter.hallId, serviceDate: serviceDate(now, hall.timeZone), counterId: counter.id, matterIds: links.matterIds, now };
    // Each round reads afresh (READ COMMITTED): if other counters took every candidate meanwhile, look again.
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const rows = await loadCallCandidates(tx, query);
      if (rows.length === 0) {
        await checkNothingInHand(); // no candidates are read while the counter has a ticket in hand
        break;
      }
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const candidate of rankCandidates(rows.map(toCandidate), ctx)) {
        const row = byId.get(candidate.id)!;
        const transition = applyTicketAction(stateOf(row), { type: 'call', counterId: counter.id, at: now });
        // A row read as waiting may have been taken since; the guarded claim below decides.
        const streak = row.priority > 0 ? counter.priorityStreak + 1 : 0;
        if (!transition.ok || !(await claimForCounter(tx, row.id, transition.value, { counterId: counter.id, streak }))) continue;
        const ticket = await ticketView(tx, row.id);
        const counterNow = viewWith(ticket.id);
        emit({ type: 'ticket:called', ticket, counter: counterNow, call: callView(ticket, counter, now, false) });
        return { ticket, counter: counterNow };
      }
    }
    throw new AppError('queue_empty', 'No one is waiting for this counter');
  });
}

const hallOf = statement('yc_hall_of_counter', (db) => db.select({ hallId: counters.hallId }).from(counters).where(eq(counters.id, sql.placeholder('id'))));
/** The counter's consecutive priority calls after a call (the starvation guard's count). */
export const setPriorityStreak = statement('yc_priority_streak', (db) =>
  db
    .update(counters)
    .set({ priorityStreak: sql.placeholder('streak') as unknown as number })
    .where(eq(counters.id, sql.placeholder('counterId'))),
);

export async function hallOfCounter(deps: AppDeps, counterId: string): Promise<string> {
  const [row] = await hallOf(deps.db, { id: counterId });
  if (!row) throw new AppError('not_found', 'Counter not found');
  return row.hallId;
}
