/**
 * Evaluation by the ticket's QR code: the random ticket token is the only key (no sign-in). The page
 * sees the hall, matter, counter and the staff badge — never any visitor data.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { evaluations } from '../../../db/schema-evaluations';
import type { qrEvaluationBody, QrEvaluationState, SubmittedEvaluation } from '../../protocol/evaluations';
import { SYSTEM } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { runCommand } from '../run-command';
import { recordEvaluation } from './record-evaluation';
import { loadServiceBy, rateableService, staffBadge } from './service-of';
import { notifyEvaluationChanged } from './notify';

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

function checkToken(token: string): void {
  if (!TOKEN.test(token)) throw new AppError('not_found', 'No ticket for this code');
}

export async function qrEvaluationState(deps: AppDeps, token: string): Promise<QrEvaluationState> {
  checkToken(token);
  const service = await loadServiceBy(deps.db, { token }).catch(() => {
    throw new AppError('not_found', 'No ticket for this code');
  });
  const t = service.ticket;
  const [done] = await deps.db.select().from(evaluations).where(eq(evaluations.ticketId, t.id));
  const rateable = done ? null : await rateableService(deps.db, service);
  return {
    hallName: service.hall.name,
    ticketNumber: t.number,
    matterName: service.matterName,
    counterNumber: service.counterNumber,
    staff: done ? await staffBadge(deps.db, done.staffId) : rateable ? await staffBadge(deps.db, rateable.staffId) : null,
    status: done ? 'evaluated' : rateable ? 'open' : 'not_finished',
    evaluation: done ? { level: done.level as 1 | 2 | 3 | 4 | 5, channel: done.channel, submittedAt: done.submittedAt.toISOString() } : null,
  };
}

export async function submitByToken(deps: AppDeps, token: string, input: z.output<typeof qrEvaluationBody>): Promise<SubmittedEvaluation> {
  checkToken(token);
  const first = await loadServiceBy(deps.db, { token }).catch(() => {
    throw new AppError('not_found', 'No ticket for this code');
  });
  const hallId = first.ticket.hallId;
  // The commandId is scoped to this ticket: another page's id can never replay into this one.
  const commandId = `qr:${first.ticket.id}:${input.commandId}`;
  const result = await runCommand(deps, { name: 'evaluation:qr', hallId, actor: SYSTEM, commandId }, async ({ tx, now }) => {
    const service = await loadServiceBy(tx, { ticketId: first.ticket.id });
    return recordEvaluation(tx, service, input, { channel: 'qr', deviceId: null, now });
  });
  notifyEvaluationChanged(deps, hallId, first.ticket.counterId);
  return result;
}
