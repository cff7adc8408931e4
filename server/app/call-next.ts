/**
 * Call the next ticket at a counter. The counter row is locked first (one call at a time per
 * counter), candidates are read without locks and ranked by the pure routing policy, then claimed
 * in that order with FOR UPDATE SKIP LOCKED: a ticket another counter is claiming is skipped, and
 * one it has already taken fails the status re-check. No ticket is ever given to two counters.
 */
import { eq, sql } from 'drizzle-orm';
import { counterMatters, counters } from '../../db/schema';
import { loadCallCandidates } from './call-candidates';
import { serviceDate } from '../domain/hall-time';
import { rankCandidates } from '../domain/routing-policy';
import { applyTicketAction } from '../domain/ticket-machine';
import { effectiveSettings } from '../domain/wait-target';
import type { CommandResult } from '../protocol/events';
import type { Actor } from './actor';
import { AppError } from './app-error';
import { lockCounterForCall } from './counter-guard';
import type { AppDeps } from './deps';
import { counterView, loadHall, ticketView } from './loaders';
import { presentHall } from './presenters';
import { toCandidate } from './queue-position';
import { statement } from './prepared';
import { runCommand } from './run-command';
import { callView, claimWaiting, stateOf } from './ticket-writes';

const MAX_ROUNDS = 5;

export async function callNext(deps: AppDeps, actor: Actor, input: { commandId: string; counterId: string }): Promise<CommandResult> {
  const hallId = await hallOfCounter(deps, input.counterId);
  return runCommand(deps, { name: 'ticket:call-next', hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    const counter = await lockCounterForCall(tx, actor, 'ticket:call-next', input.counterId);
    const hall = presentHall(await loadHall(tx, counter.hallId));
    const links = await linksOf(tx, { counterId: counter.id });
    if (links.length === 0) throw new AppError('queue_empty', 'This counter is not authorised for any matter');
    const settings = effectiveSettings(hall.settings);
    const ctx = {
      now,
      consecutivePriorityCalls: counter.priorityStreak,
      starvationGuard: settings.starvationGuard,
      appointmentGraceMinutes: settings.appointmentGraceMinutes,
      earlyAppointmentMinutes: settings.earlyAppointmentMinutes,
      waitCapMinutes: settings.waitCapMinutes,
      preferredMatterIds: new Set(links.filter((l) => l.preferred).map((l) => l.matterId)),
    };
    const query = { hallId: counter.hallId, serviceDate: serviceDate(now, hall.timeZone), counterId: counter.id, matterIds: links.map((l) => l.matterId), now };
    // Each round reads afresh (READ COMMITTED): if other counters took every candidate meanwhile, look again.
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const rows = await loadCallCandidates(tx, query);
      if (rows.length === 0) break;
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const candidate of rankCandidates(rows.map(toCandidate), ctx)) {
        const row = byId.get(candidate.id)!;
        const transition = applyTicketAction(stateOf(row), { type: 'call', counterId: counter.id, at: now });
        // A row read as waiting may have been taken since; the guarded claim below decides.
        if (!transition.ok || !(await claimWaiting(tx, row.id, transition.value))) continue;
        await setPriorityStreak(tx, { streak: row.priority > 0 ? counter.priorityStreak + 1 : 0, counterId: counter.id });
        const ticket = await ticketView(tx, row.id);
        const counterNow = await counterView(tx, counter.id);
        emit({ type: 'ticket:called', ticket, counter: counterNow, call: callView(ticket, counter, now, false) });
        return { ticket, counter: counterNow };
      }
    }
    throw new AppError('queue_empty', 'No one is waiting for this counter');
  });
}

const linksOf = statement('yc_counter_links', (db) => db.select().from(counterMatters).where(eq(counterMatters.counterId, sql.placeholder('counterId'))));
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
