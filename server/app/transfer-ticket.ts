/**
 * Transfer (转窗) a ticket to another matter and/or counter with a reason. The visitor keeps the
 * original waiting clock and history, so the ticket is not sent to the back of the line.
 * Counter staff transfer only the ticket in hand at the counter they sit at (called or serving);
 * moving any other ticket — a waiting one, one at a colleague's counter — is a manager action.
 */
import type { z } from 'zod';
import { redactPersonalData } from '../domain/free-text';
import { ACTIVE_AT_COUNTER, applyTicketAction } from '../domain/ticket-machine';
import type { CommandResult } from '../protocol/events';
import type { ticketTransfer } from '../protocol/schemas';
import { authorize, type Actor } from './actor';
import { AppError, unwrap } from './app-error';
import { lockOwnCounter } from './counter-guard';
import type { AppDeps } from './deps';
import { counterServesMatter, counterView, loadCounterForUpdate, loadMatter, loadTicketForUpdate, ticketView } from './loaders';
import { runCommand } from './run-command';
import { hallOfTicket } from './ticket-actions';
import { stateOf, writeTicket } from './ticket-writes';

export async function transferTicket(deps: AppDeps, actor: Actor, input: z.output<typeof ticketTransfer>): Promise<CommandResult> {
  // From one's own counter it is a transfer (转窗); without a counter, moving someone's ticket.
  const action = input.counterId ? 'ticket:transfer' : 'ticket:move';
  authorize(actor, action);
  const hallId = await hallOfTicket(deps, input.ticketId);
  authorize(actor, action, { hallId });
  // Reasons are kept in the ticket, the append-only event log and the command result: personal data is blanked out first.
  const reason = redactPersonalData(input.reason);
  return runCommand(deps, { name: 'ticket:transfer', hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    // Lock order everywhere: counter → ticket → hall.
    const from = input.counterId ? await lockOwnCounter(tx, actor, action, hallId, input.counterId) : null;
    const row = await loadTicketForUpdate(tx, input.ticketId);
    // Transfer is for the ticket in hand at one's own counter (called or serving); anything else is a move.
    if (from) authorize(actor, action, { hallId, counterHolderId: row.counterId === from.id && ACTIVE_AT_COUNTER.includes(row.status) ? from.staffId : null });
    const toMatter = input.toMatterId ? await loadMatter(tx, input.toMatterId) : null;
    if (toMatter && (toMatter.hallId !== hallId || !toMatter.active)) throw new AppError('not_found', 'Target matter not found in this hall');
    const toCounterId = input.toCounterId ?? null;
    if (toCounterId) {
      const target = await loadCounterForUpdate(tx, toCounterId);
      if (target.hallId !== hallId) throw new AppError('not_found', 'Target counter not found in this hall');
      if (!(await counterServesMatter(tx, toCounterId, toMatter?.id ?? row.matterId))) {
        throw new AppError('matter_not_served', 'The target counter is not authorised for this matter');
      }
    }
    const next = unwrap(
      applyTicketAction(stateOf(row), {
        type: 'transfer',
        at: now,
        byCounterId: from?.id ?? null,
        toMatter: toMatter ? { id: toMatter.id, zoneId: toMatter.zoneId } : null,
        toCounterId,
        reason,
      }),
    );
    await writeTicket(tx, row.id, next, toMatter ? { waitTargetMinutes: row.waitTargetMinutes } : {});
    const ticket = await ticketView(tx, row.id);
    emit({
      type: 'ticket:transferred',
      ticket,
      ...(from && { counter: await counterView(tx, from.id) }),
      data: { reason, fromMatterId: row.matterId, fromCounterId: row.counterId },
    });
    return from ? { ticket, counter: await counterView(tx, from.id) } : { ticket };
  });
}
