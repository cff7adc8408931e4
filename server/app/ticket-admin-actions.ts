/**
 * Reactivate a missed ticket (staff of the hall and managers), or cancel one: managers any ticket of
 * their halls, counter staff only the ticket at a counter they hold (a waiting ticket is at no counter).
 */
import { redactPersonalData } from '../domain/free-text';
import { applyTicketAction } from '../domain/ticket-machine';
import type { CommandResult } from '../protocol/events';
import { authorize, type Actor } from './actor';
import { unwrap } from './app-error';
import type { AppDeps } from './deps';
import { counterHolder, loadTicketForUpdate, ticketView } from './loaders';
import { runCommand } from './run-command';
import { hallOfTicket } from './ticket-actions';
import { stateOf, writeTicket } from './ticket-writes';

export async function reactivateTicket(deps: AppDeps, actor: Actor, input: { commandId: string; ticketId: string }): Promise<CommandResult> {
  return simpleTicketCommand(deps, actor, input, 'reactivate');
}

export async function cancelTicket(
  deps: AppDeps,
  actor: Actor,
  input: { commandId: string; ticketId: string; reason?: string | undefined },
): Promise<CommandResult> {
  return simpleTicketCommand(deps, actor, input, 'cancel', input.reason === undefined ? undefined : redactPersonalData(input.reason));
}

async function simpleTicketCommand(
  deps: AppDeps,
  actor: Actor,
  input: { commandId: string; ticketId: string },
  type: 'reactivate' | 'cancel',
  reason?: string,
): Promise<CommandResult> {
  const action = `ticket:${type}` as const;
  authorize(actor, action);
  const hallId = await hallOfTicket(deps, input.ticketId);
  authorize(actor, action, { hallId });
  return runCommand(deps, { name: action, hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    const row = await loadTicketForUpdate(tx, input.ticketId);
    // The counter a ticket is at; a waiting ticket is at none, even when it was sent to one.
    authorize(actor, action, { hallId, counterHolderId: row.status === 'waiting' ? null : await counterHolder(tx, row.counterId) });
    const next = unwrap(applyTicketAction(stateOf(row), { type, at: now }));
    await writeTicket(tx, row.id, next);
    const ticket = await ticketView(tx, row.id);
    emit({ type: type === 'cancel' ? 'ticket:cancelled' : 'ticket:reactivated', ticket, ...(reason && { data: { reason } }) });
    return { ticket };
  });
}
