/**
 * One handler per command of server/protocol/commands.ts, typed by it: a command without a
 * handler, or a handler reading a field its schema does not have, does not compile. No switch.
 */
import type { Actor } from '../app/actor';
import { callNext } from '../app/call-next';
import { decideIntake } from '../app/cases/intake-outcome';
import { findCases, openCase, resumeCase } from '../app/cases/open-case';
import { handOver } from '../app/cases/pickup';
import { printCaseDocument } from '../app/cases/print-case-document';
import { actOnCounter } from '../app/counter-actions';
import type { AppDeps } from '../app/deps';
import { cancelTicket, reactivateTicket } from '../app/ticket-admin-actions';
import { actOnTicketAtCounter, type CounterTicketAction } from '../app/ticket-actions';
import { transferTicket } from '../app/transfer-ticket';
import type { CommandEvent, CommandResultOf, ParsedCommandInput } from '../protocol/commands';

type CommandHandler<E extends CommandEvent> = (deps: AppDeps, actor: Actor, input: ParsedCommandInput<E>) => Promise<CommandResultOf<E>>;
export type CommandHandlers = { [E in CommandEvent]: CommandHandler<E> };

const atCounter =
  (action: CounterTicketAction) =>
  (deps: AppDeps, actor: Actor, input: ParsedCommandInput<'ticket:call'>) =>
    actOnTicketAtCounter(deps, actor, action, input);

export const commandHandlers: CommandHandlers = {
  'counter:take': (deps, actor, input) => actOnCounter(deps, actor, 'take', input),
  'counter:release': (deps, actor, input) => actOnCounter(deps, actor, 'release', input),
  'counter:pause': (deps, actor, input) => actOnCounter(deps, actor, 'pause', input),
  'counter:resume': (deps, actor, input) => actOnCounter(deps, actor, 'resume', input),
  'ticket:call-next': (deps, actor, input) => callNext(deps, actor, input),
  'ticket:call': atCounter('call'),
  'ticket:recall': atCounter('recall'),
  'ticket:start': atCounter('start'),
  'ticket:finish': atCounter('finish'),
  'ticket:no-show': atCounter('no_show'),
  'ticket:park': atCounter('park'),
  'ticket:call-back': atCounter('call_back'),
  'ticket:reactivate': (deps, actor, input) => reactivateTicket(deps, actor, input),
  'ticket:transfer': (deps, actor, input) => transferTicket(deps, actor, input),
  'ticket:cancel': (deps, actor, input) => cancelTicket(deps, actor, input),
  // 办件 at the counter: open, find, continue, the intake outcome, hand-over at pickup.
  'case:open': async (deps, actor, input) => ({ caseAtCounter: await openCase(deps, actor, input) }),
  'case:find': async (deps, actor, input) => ({ cases: await findCases(deps, actor, input) }),
  'case:resume': async (deps, actor, input) => ({ caseAtCounter: await resumeCase(deps, actor, input) }),
  'case:intake': async (deps, actor, input) => ({ caseAtCounter: await decideIntake(deps, actor, input) }),
  'case:hand-over': async (deps, actor, input) => ({ case: await handOver(deps, actor, input) }),
  'case:print': async (deps, actor, input) => ({ printJob: await printCaseDocument(deps, actor, input) }),
};
