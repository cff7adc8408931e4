/**
 * The ticket state machine. Pure: the caller loads a ticket, applies an action with the instant it
 * happened, and writes the result. Every refused transition has a stable error code.
 */
import type { TicketStatus } from '../protocol/views';
import { fail, ok, type Result } from './result';

export interface TicketState {
  status: TicketStatus;
  matterId: string;
  zoneId: string;
  counterId: string | null;
  targetCounterId: string | null;
  recallCount: number;
  transferCount: number;
  lastTransferReason: string | null;
  firstCalledAt: Date | null;
  calledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export type TicketAction =
  | { type: 'call'; counterId: string; at: Date }
  | { type: 'recall'; counterId: string; at: Date }
  | { type: 'start'; counterId: string; at: Date }
  | { type: 'finish'; counterId: string; at: Date }
  | { type: 'no_show'; counterId: string; at: Date }
  | { type: 'reactivate'; at: Date }
  | { type: 'park'; counterId: string; at: Date }
  | { type: 'call_back'; counterId: string; at: Date }
  | { type: 'transfer'; at: Date; byCounterId: string | null; toMatter: { id: string; zoneId: string } | null; toCounterId: string | null; reason: string }
  | { type: 'cancel'; at: Date };

export type TicketActionType = TicketAction['type'];

/** Which statuses each action may start from. The whole table, as data. */
export const ALLOWED_FROM: Record<TicketActionType, readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  finish: ['serving'],
  no_show: ['called'],
  reactivate: ['no_show'],
  park: ['called', 'serving'],
  call_back: ['parked'],
  transfer: ['waiting', 'called', 'serving'],
  cancel: ['waiting', 'called', 'parked', 'no_show'],
};

/** Actions that only the counter holding the ticket may take. */
const HELD_BY_COUNTER: ReadonlySet<TicketActionType> = new Set(['recall', 'start', 'finish', 'no_show', 'park', 'call_back']);

export const TERMINAL_STATUSES: readonly TicketStatus[] = ['done', 'cancelled'];
export const ACTIVE_AT_COUNTER: readonly TicketStatus[] = ['called', 'serving'];

export function applyTicketAction(ticket: TicketState, action: TicketAction): Result<TicketState> {
  if (!ALLOWED_FROM[action.type].includes(ticket.status)) {
    return fail('invalid_transition', `Cannot ${action.type.replace('_', ' ')} a ticket that is ${ticket.status.replace('_', ' ')}`);
  }
  if (HELD_BY_COUNTER.has(action.type) && 'counterId' in action && ticket.counterId !== action.counterId) {
    return fail('wrong_counter', 'This ticket is held by another counter');
  }
  const at = action.at;
  switch (action.type) {
    case 'call':
      if (ticket.targetCounterId !== null && ticket.targetCounterId !== action.counterId) {
        return fail('wrong_counter', 'This ticket was transferred to another counter');
      }
      return ok({ ...ticket, status: 'called', counterId: action.counterId, calledAt: at, firstCalledAt: ticket.firstCalledAt ?? at });
    case 'recall':
      return ok({ ...ticket, calledAt: at, recallCount: ticket.recallCount + 1 });
    case 'start':
      return ok({ ...ticket, status: 'serving', startedAt: at });
    case 'finish':
      return ok({ ...ticket, status: 'done', finishedAt: at });
    case 'no_show':
      return ok({ ...ticket, status: 'no_show' });
    case 'reactivate':
      return ok({ ...ticket, status: 'waiting', counterId: null, targetCounterId: null });
    case 'park':
      return ok({ ...ticket, status: 'parked' });
    case 'call_back':
      return ok({ ...ticket, status: 'called', calledAt: at });
    case 'transfer': {
      if (ticket.status !== 'waiting' && action.byCounterId !== null && ticket.counterId !== action.byCounterId) {
        return fail('wrong_counter', 'This ticket is held by another counter');
      }
      if (action.toMatter === null && action.toCounterId === null) {
        return fail('validation_failed', 'A transfer needs a target matter or counter');
      }
      // The visitor keeps their original waiting clock: issuedAt / waitStartAt are not touched here.
      return ok({
        ...ticket,
        status: 'waiting',
        matterId: action.toMatter?.id ?? ticket.matterId,
        zoneId: action.toMatter?.zoneId ?? ticket.zoneId,
        counterId: null,
        targetCounterId: action.toCounterId,
        startedAt: null,
        transferCount: ticket.transferCount + 1,
        lastTransferReason: action.reason,
      });
    }
    case 'cancel':
      return ok({ ...ticket, status: 'cancelled', finishedAt: at });
  }
}
