/** Counter actions on one ticket: call a specific ticket, recall, start, finish, no-show, park, call back. */
import { eq, sql } from 'drizzle-orm';
import { tickets } from '../../db/schema';
import { serviceDate } from '../domain/hall-time';
import { ACTIVE_AT_COUNTER, applyTicketAction } from '../domain/ticket-machine';
import type { CommandResult, FactType } from '../protocol/events';
import type { Action } from '../protocol/permissions';
import type { Actor } from './actor';
import { AppError, unwrap } from './app-error';
import { lockCounterForCommand } from './counter-guard';
import type { AppDeps } from './deps';
import { loadTicketWithMatterForUpdate } from './loaders';
import { presentTicket } from './presenters';
import { setPriorityStreak } from './call-next';
import { statement } from './prepared';
import { runCommand } from './run-command';
import { callView, stateOf, withState, writeTicket } from './ticket-writes';

export type CounterTicketAction = 'call' | 'recall' | 'start' | 'finish' | 'no_show' | 'park' | 'call_back';

const FACTS = {
  call: 'ticket:called',
  recall: 'ticket:recalled',
  start: 'ticket:started',
  finish: 'ticket:finished',
  no_show: 'ticket:no-show',
  park: 'ticket:parked',
  call_back: 'ticket:called-back',
} as const satisfies Record<CounterTicketAction, FactType>;

const ACTIONS = {
  call: 'ticket:call',
  recall: 'ticket:recall',
  start: 'ticket:start',
  finish: 'ticket:finish',
  no_show: 'ticket:no-show',
  park: 'ticket:park',
  call_back: 'ticket:call-back',
} as const satisfies Record<CounterTicketAction, Action>;

const ANNOUNCED: ReadonlySet<CounterTicketAction> = new Set(['call', 'recall', 'call_back']);

/**
 * Five statements for recall, start, finish, no-show and park (the commandId, the counter's lock with
 * its holder and links, the ticket's lock with its matter, the write, the facts); a call of a chosen
 * ticket or a call-back adds the check that nothing is in hand, and a call the streak. The views are
 * built from the locked rows and the state written: nothing else of either row can change meanwhile.
 */
export async function actOnTicketAtCounter(
  deps: AppDeps,
  actor: Actor,
  action: CounterTicketAction,
  input: { commandId: string; counterId: string; ticketId: string },
): Promise<CommandResult> {
  return runCommand(deps, { name: `ticket:${action}`, actor, commandId: input.commandId }, async ({ tx, now, emit, bindHall }) => {
    const locked = await lockCounterForCommand(tx, actor, ACTIONS[action], input.counterId);
    const { counter } = locked;
    bindHall(counter.hallId);
    if (action === 'call' || action === 'call_back') await locked.checkNothingInHand(); // open, held by the actor, nothing in hand
    const { t: row, matterName, complexity } = await loadTicketWithMatterForUpdate(tx, input.ticketId);
    if (row.hallId !== counter.hallId) throw new AppError('not_found', 'Ticket not found in this hall');
    if (action === 'call') {
      if (row.serviceDate !== serviceDate(now, locked.hall.timeZone)) throw new AppError('invalid_transition', 'This ticket was for another day');
      if (!locked.links.matterIds.includes(row.matterId)) {
        throw new AppError('matter_not_served', 'This counter is not authorised for the ticket’s matter');
      }
    }
    const next = unwrap(applyTicketAction(stateOf(row), { type: action, counterId: counter.id, at: now }));
    await writeTicket(tx, row.id, next);
    if (action === 'call') {
      await setPriorityStreak(tx, { streak: row.priority > 0 ? counter.priorityStreak + 1 : 0, counterId: counter.id });
    }
    // Every action here leaves the ticket at this counter (held by it, or just called to it).
    const ticket = presentTicket({ t: withState(row, next), matterName, complexity, counterNumber: counter.number });
    const counterNow = locked.viewWith(ACTIVE_AT_COUNTER.includes(next.status) ? row.id : null);
    emit({
      type: FACTS[action],
      ticket,
      counter: counterNow,
      ...(ANNOUNCED.has(action) && { call: callView(ticket, counter, now, action !== 'call') }),
    });
    return { ticket, counter: counterNow };
  });
}

const hallOf = statement('yc_hall_of_ticket', (db) => db.select({ hallId: tickets.hallId }).from(tickets).where(eq(tickets.id, sql.placeholder('id'))));

export async function hallOfTicket(deps: AppDeps, ticketId: string): Promise<string> {
  const [row] = await hallOf(deps.db, { id: ticketId });
  if (!row) throw new AppError('not_found', 'Ticket not found');
  return row.hallId;
}
