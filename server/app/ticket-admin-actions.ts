/**
 * Reactivate a missed ticket (staff of the hall and managers), or cancel one: managers any ticket of
 * their halls, counter staff only the ticket at a counter they hold (a waiting ticket is at no counter).
 */
import { redactPersonalData } from '../domain/free-text';
import { applyTicketAction } from '../domain/ticket-machine';
import type { CommandResult } from '../protocol/events';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { counters } from '../../db/schema';
import { isSupervisor, requireHall, requireStaff, type Actor } from './actor';
import { AppError, unwrap } from './app-error';
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
  requireStaff(actor);
  const hallId = await hallOfTicket(deps, input.ticketId);
  requireHall(actor, hallId);
  return runCommand(deps, { name: `ticket:${type}`, hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    const row = await loadTicketForUpdate(tx, input.ticketId);
    if (type === 'cancel' && !isSupervisor(actor) && !(await heldBy(tx, row.counterId, actor.id))) {
      throw new AppError('forbidden', 'Staff cancel only the ticket at their own counter; cancelling other tickets is a manager action');
    }
    const next = unwrap(applyTicketAction(stateOf(row), { type, at: now }));
    await writeTicket(tx, row.id, next);
    const ticket = await ticketView(tx, row.id);
    emit({ type: type === 'cancel' ? 'ticket:cancelled' : 'ticket:reactivated', ticket, ...(reason && { data: { reason } }) });
    return { ticket };
  });
}

/** Whether the counter a ticket is at is held by this staff member. */
async function heldBy(tx: Tx, counterId: string | null, staffId: string): Promise<boolean> {
  if (!counterId) return false;
  const [c] = await tx.select({ staffId: counters.staffId }).from(counters).where(eq(counters.id, counterId));
  return c?.staffId === staffId;
}
