/**
 * The visitor's socket (a phone page, docs/cases.md "The phone page follows live"). It answers
 * every event of server/protocol/commands.ts through the policy table, which lets the visitor do
 * one thing: 'progress:subscribe', for the ticket of its own token (the input names no ticket, so
 * there is no other to ask for). Subscribing joins the ticket's room, its case's room and — while
 * the ticket waits — the hall's queue room, then answers with the masked view of
 * GET /api/progress/:token. The rooms receive only content-free nudges after commit
 * (`progressNudgeRooms`); the page subscribes again on each nudge, which also follows a case
 * opened or a ticket called since, and on every (re)connect.
 */
import type { z } from 'zod';
import { authorize } from '../app/actor';
import { AppError } from '../app/app-error';
import type { AppDeps } from '../app/deps';
import { caseIdOfTicket, ticketProgressById } from '../app/progress';
import { COMMANDS, SUBSCRIPTIONS, type AckedEvent } from '../protocol/commands';
import type { HallFact, ProgressNudge } from '../protocol/events';
import { PROTOCOL_VERSION } from '../protocol/version';
import { rooms } from './rooms';
import { answer, joinThenRead, parseInput, type VisitorSocket } from './socket-server';

export function attachVisitor(socket: VisitorSocket, deps: AppDeps, log: (msg: string, err: unknown) => void): void {
  const actor = socket.data.actor;
  socket.emit('server:hello', { protocolVersion: PROTOCOL_VERSION, serverTime: deps.clock.now().toISOString(), role: 'visitor', hallIds: [] });
  const defs = { ...SUBSCRIPTIONS, ...COMMANDS };
  for (const event of Object.keys(defs) as AckedEvent[]) {
    if (event === 'progress:subscribe') continue;
    // The table grants the visitor nothing else: authorize throws `forbidden` before the input is read.
    socket.on(event, ((_input: unknown, ack: unknown) =>
      answer(ack, log, async () => {
        authorize(actor, defs[event].action);
        throw new AppError('forbidden', `You may not do this (${defs[event].action})`);
      })) as never);
  }
  socket.on('progress:subscribe', (input, ack) =>
    answer(ack, log, async () => {
      authorize(actor, SUBSCRIPTIONS['progress:subscribe'].action);
      parseInput(SUBSCRIPTIONS['progress:subscribe'].input as z.ZodType<object>, input ?? {});
      const ticketId = actor.id;
      const caseId = await caseIdOfTicket(deps, ticketId);
      if (caseId) await socket.join(rooms.progressCase(caseId));
      const queue = rooms.progressQueue(actor.hallId);
      await socket.join(queue);
      const view = await joinThenRead(socket, rooms.progressTicket(ticketId), () => ticketProgressById(deps, ticketId));
      // Only a waiting ticket has people ahead: once called, the hall's queue no longer concerns it.
      if (view.ticket.status !== 'waiting') await socket.leave(queue);
      return view;
    }),
  );
}

/**
 * Facts that change who is ahead of a waiting ticket: someone left the queue or came back into it. A
 * new ticket joins behind everyone unless it has priority (an elderly visitor, an appointment), so an
 * ordinary issue moves nobody and nudges nobody.
 */
const QUEUE_MOVES: ReadonlySet<HallFact['type']> = new Set(['ticket:called', 'ticket:called-back', 'ticket:cancelled', 'ticket:transferred', 'ticket:reactivated']);
const movesQueue = (fact: HallFact) => QUEUE_MOVES.has(fact.type) || (fact.type === 'ticket:issued' && fact.ticket.priority > 0);

/** The progress rooms a committed fact nudges, and why. */
export function progressNudgeRooms(fact: HallFact): [string, ProgressNudge['reason']][] {
  const out: [string, ProgressNudge['reason']][] = [];
  if (fact.ticket) out.push([rooms.progressTicket(fact.ticket.id), 'ticket']);
  if (fact.case) out.push([rooms.progressCase(fact.case.id), 'case'], [rooms.progressTicket(fact.case.ticketId), 'case']);
  if (movesQueue(fact)) out.push([rooms.progressQueue(fact.hallId), 'queue']);
  return out;
}
