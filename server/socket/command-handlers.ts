/** One entry per command event: its input schema and the use case it runs. No switch. */
import type { z } from 'zod';
import { callNext } from '../app/call-next';
import { actOnCounter } from '../app/counter-actions';
import { cancelTicket, reactivateTicket } from '../app/ticket-admin-actions';
import { actOnTicketAtCounter, type CounterTicketAction } from '../app/ticket-actions';
import { transferTicket } from '../app/transfer-ticket';
import type { CommandEvent } from '../protocol/events';
import * as s from '../protocol/schemas';
import { caseCommandHandlers } from './case-command-handlers';
import { handler, type Handler } from './handler';

const atCounter = (action: CounterTicketAction) =>
  handler(s.ticketAtCounter, (deps, actor, input) => actOnTicketAtCounter(deps, actor, action, input));

export const commandHandlers: Record<CommandEvent, Handler<z.ZodType>> = {
  'counter:take': handler(s.counterRef, (deps, actor, input) => actOnCounter(deps, actor, 'take', input)),
  'counter:release': handler(s.counterRef, (deps, actor, input) => actOnCounter(deps, actor, 'release', input)),
  'counter:pause': handler(s.counterPause, (deps, actor, input) => actOnCounter(deps, actor, 'pause', input)),
  'counter:resume': handler(s.counterRef, (deps, actor, input) => actOnCounter(deps, actor, 'resume', input)),
  'ticket:call-next': handler(s.counterRef, (deps, actor, input) => callNext(deps, actor, input)),
  'ticket:call': atCounter('call'),
  'ticket:recall': atCounter('recall'),
  'ticket:start': atCounter('start'),
  'ticket:finish': atCounter('finish'),
  'ticket:no-show': atCounter('no_show'),
  'ticket:park': atCounter('park'),
  'ticket:call-back': atCounter('call_back'),
  'ticket:reactivate': handler(s.ticketReactivate, (deps, actor, input) => reactivateTicket(deps, actor, input)),
  'ticket:transfer': handler(s.ticketTransfer, (deps, actor, input) => transferTicket(deps, actor, input)),
  'ticket:cancel': handler(s.ticketCancel, (deps, actor, input) => cancelTicket(deps, actor, input)),
  ...caseCommandHandlers,
};
