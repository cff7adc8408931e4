/** Reactivate a missed ticket (staff of the hall and managers), or cancel one (managers and admins only). */
import { redactPersonalData } from '../domain/free-text';
import { applyTicketAction } from '../domain/ticket-machine';
import type { CommandResult } from '../protocol/events';
import { requireHall, requireStaff, type Actor } from './actor';
import { unwrap } from './app-error';
import type { AppDeps } from './deps';
import { loadTicketForUpdate, ticketView } from './loaders';
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
  requireStaff(actor, type === 'cancel' ? ['admin', 'manager'] : ['admin', 'manager', 'staff']);
  const hallId = await hallOfTicket(deps, input.ticketId);
  requireHall(actor, hallId);
  return runCommand(deps, { name: `ticket:${type}`, hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    const row = await loadTicketForUpdate(tx, input.ticketId);
    const next = unwrap(applyTicketAction(stateOf(row), { type, at: now }));
    await writeTicket(tx, row.id, next);
    const ticket = await ticketView(tx, row.id);
    emit({ type: type === 'cancel' ? 'ticket:cancelled' : 'ticket:reactivated', ticket, ...(reason && { data: { reason } }) });
    return { ticket };
  });
}
