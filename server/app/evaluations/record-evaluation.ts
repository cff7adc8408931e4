/**
 * Records one evaluation (一次一评) and, for levels 1–2, opens its bad-review handling record.
 * The UNIQUE ticket_id constraint decides a race between the pad and the QR page: the insert that
 * loses finds the row and the caller answers already_evaluated; nothing else is written.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { caseVisits } from '../../../db/schema-cases';
import { badReviews, badReviewSteps, evaluations, type EvaluationChannel } from '../../../db/schema-evaluations';
import { isBadLevel, validateRating, type RatingInput } from '../../domain/evaluation/levels';
import { redactPersonalData } from '../../domain/free-text';
import { openBadReview } from '../../domain/evaluation/bad-review-machine';
import { effectiveSettings } from '../../domain/wait-target';
import type { SubmittedEvaluation } from '../../protocol/evaluations';
import { AppError, unwrap } from '../app-error';
import { requireRateable, type ServiceRow } from './service-of';
import { AT_RISK_SHARE } from '../../protocol/rules';

export async function alreadyEvaluated(tx: Tx, ticketId: string): Promise<boolean> {
  const [row] = await tx.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.ticketId, ticketId));
  return Boolean(row);
}

export async function recordEvaluation(
  tx: Tx,
  service: ServiceRow,
  input: RatingInput,
  meta: { channel: EvaluationChannel; deviceId: string | null; now: Date },
): Promise<SubmittedEvaluation> {
  const rating = unwrap(validateRating(input));
  const { counterId, staffId } = await requireRateable(tx, service);
  const t = service.ticket;
  const [visit] = await tx.select({ caseId: caseVisits.caseId }).from(caseVisits).where(eq(caseVisits.ticketId, t.id));
  const [row] = await tx
    .insert(evaluations)
    .values({
      hallId: t.hallId,
      ticketId: t.id,
      zoneId: t.zoneId,
      matterId: t.matterId,
      counterId,
      staffId,
      caseId: visit?.caseId ?? null,
      serviceDate: t.serviceDate,
      level: rating.level,
      reasons: rating.reasons,
      // The evaluated staff member reads the reason: personal data typed into it is blanked (docs/security.md, "Personal data in free text").
      reasonText: rating.text === null ? null : redactPersonalData(rating.text),
      channel: meta.channel,
      deviceId: meta.deviceId,
      realName: t.visitorIdHash !== null,
      submittedAt: meta.now,
    })
    .onConflictDoNothing({ target: evaluations.ticketId })
    .returning();
  if (!row) throw new AppError('already_evaluated', '已评价: this service has already been rated');

  if (isBadLevel(rating.level)) {
    const s = effectiveSettings(service.hall.settings);
    const opened = openBadReview(row.realName);
    const [review] = await tx
      .insert(badReviews)
      .values({
        evaluationId: row.id,
        hallId: t.hallId,
        counterId,
        staffId,
        state: opened.state,
        realName: opened.realName,
        deadlineDays: { contactDays: s.badReviewContactDays, replyDays: s.badReviewReplyDays, closeDays: s.badReviewCloseDays, alertShare: AT_RISK_SHARE },
        openedAt: meta.now,
        stageStartedAt: meta.now,
      })
      .returning({ id: badReviews.id });
    await tx.insert(badReviewSteps).values({
      badReviewId: review!.id,
      stepNo: 1,
      hallId: t.hallId,
      action: 'open',
      fromState: null,
      toState: opened.state,
      note: meta.channel === 'pad' ? '评价器差评，自动立案' : '扫码评价差评，自动立案',
      actorType: 'system',
      actorId: null,
      actorName: null,
      at: meta.now,
    });
  }
  return { id: row.id, level: rating.level, channel: row.channel, submittedAt: row.submittedAt.toISOString(), badReview: isBadLevel(rating.level) };
}
