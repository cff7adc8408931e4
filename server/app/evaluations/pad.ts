/**
 * The counter's evaluator pad (评价器): what it shows, and its submissions. A pad is a device of kind
 * 'evaluator_pad' paired to one counter; it sees that counter and the service just finished there —
 * never a visitor's data — and may rate only services of its own counter.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { counters, halls, matters, tickets } from '../../../db/schema';
import { evaluations } from '../../../db/schema-evaluations';
import { effectiveSettings } from '../../domain/wait-target';
import type { padEvaluationBody, PadState, SubmittedEvaluation } from '../../protocol/evaluations';
import { authorize, type Actor, type DeviceActor } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { runCommand } from '../run-command';
import { recordEvaluation } from './record-evaluation';
import { caseAcceptedOnVisit, finishingStaffId, loadServiceBy, staffBadge } from './service-of';
import { notifyEvaluationChanged } from './notify';

/** The pad itself; the policy gives 'pad:use' to evaluator pads only, and a pad acts at its own counter. */
export function requirePad(actor: Actor): DeviceActor {
  authorize(actor, 'pad:use');
  return actor as DeviceActor;
}

export async function padState(deps: AppDeps, actor: Actor): Promise<PadState> {
  const pad = requirePad(actor);
  const now = deps.clock.now();
  const [hall] = await deps.db.select().from(halls).where(eq(halls.id, pad.hallId));
  if (!hall) throw new AppError('not_found', 'Hall not found');
  const base = { deviceId: pad.id, hallId: hall.id, hallName: hall.name, serverTime: now.toISOString() };
  if (!pad.counterId) return { ...base, counter: null, staff: null, pending: null };
  const [counter] = await deps.db.select().from(counters).where(eq(counters.id, pad.counterId));
  if (!counter) return { ...base, counter: null, staff: null, pending: null };

  const [last] = await deps.db
    .select({ id: tickets.id, status: tickets.status, finishedAt: tickets.finishedAt, matterName: matters.name })
    .from(tickets)
    .innerJoin(matters, eq(matters.id, tickets.matterId))
    .where(and(eq(tickets.counterId, counter.id), eq(tickets.status, 'done')))
    .orderBy(desc(tickets.finishedAt), desc(tickets.startedAt), desc(tickets.issuedAt))
    .limit(1);
  const atCounter = await deps.db
    .select({ id: tickets.id, status: tickets.status, matterName: matters.name })
    .from(tickets)
    .innerJoin(matters, eq(matters.id, tickets.matterId))
    .where(and(eq(tickets.counterId, counter.id), inArray(tickets.status, ['called', 'serving'])));
  // What the visitor may rate now: a service whose case the counter just accepted (the visitor is
  // still at the counter), else the last finished service while nobody is being served.
  let offer: { id: string; matterName: string; endedAt: Date } | null = null;
  for (const here of atCounter) {
    const accepted = await caseAcceptedOnVisit(deps.db, here.id);
    if (accepted) offer = { id: here.id, matterName: here.matterName, endedAt: accepted.acceptedAt };
  }
  if (!offer && !atCounter.some((x) => x.status === 'serving') && last?.finishedAt) offer = { id: last.id, matterName: last.matterName, endedAt: last.finishedAt };
  let pending: PadState['pending'] = null;
  const windowMs = effectiveSettings(hall.settings).evaluationPromptMinutes * 60_000;
  // Offered while the prompt window runs, unless already rated; never submitted when it ends.
  if (offer && now.getTime() - offer.endedAt.getTime() < windowMs) {
    const [done] = await deps.db.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.ticketId, offer.id));
    if (!done) {
      pending = {
        serviceId: offer.id,
        matterName: offer.matterName,
        finishedAt: offer.endedAt.toISOString(),
        offerUntil: new Date(offer.endedAt.getTime() + windowMs).toISOString(),
      };
    }
  }
  // The badge shows who holds the counter now, or — right after a service — who finished it.
  const staffId = counter.staffId ?? (pending ? await finishingStaffId(deps.db, pending.serviceId) : null);
  return {
    ...base,
    counter: { id: counter.id, number: counter.number, name: counter.name },
    staff: await staffBadge(deps.db, staffId),
    pending,
  };
}

export async function submitFromPad(deps: AppDeps, actor: Actor, input: z.output<typeof padEvaluationBody>): Promise<SubmittedEvaluation> {
  const pad = requirePad(actor);
  const result = await runCommand(deps, { name: 'evaluation:pad', hallId: pad.hallId, actor: pad, commandId: input.commandId }, async ({ tx, now }) => {
    const service = await loadServiceBy(tx, { ticketId: input.serviceId });
    if (service.ticket.hallId !== pad.hallId) throw new AppError('not_found', 'No such service');
    if (!pad.counterId) throw new AppError('wrong_counter', 'This pad is not paired to a counter');
    if (service.ticket.counterId !== pad.counterId) throw new AppError('wrong_counter', 'This service was not at the counter this pad belongs to');
    return recordEvaluation(tx, service, input, { channel: 'pad', deviceId: pad.id, now });
  });
  notifyEvaluationChanged(deps, pad.hallId, pad.counterId);
  return result;
}
