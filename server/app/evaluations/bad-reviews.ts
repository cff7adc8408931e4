/** Managers' bad-review handling ("1、3、1"), the staff member's appeal, and each step's log row. */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { halls } from '../../../db/schema';
import { badReviews, badReviewSteps, evaluations } from '../../../db/schema-evaluations';
import { applyBadReviewStep, type BadReviewCase, type BadReviewStep } from '../../domain/evaluation/bad-review-machine';
import { stageOf } from '../../domain/evaluation/bad-review-deadlines';
import { ratingFigures, type EvaluationLevel } from '../../domain/evaluation/levels';
import { redactPersonalData } from '../../domain/free-text';
import { serviceDate } from '../../domain/hall-time';
import type { badReviewStepBody, BadReviewState, BadReviewView, EvaluationToday, RatingCounts, StaffEvaluationView } from '../../protocol/evaluations';
import { authorize, may, type Actor, type StaffActor } from '../actor';
import { AppError, unwrap } from '../app-error';
import { loadCalendar } from '../appointments/calendar';
import { recordAudit } from '../audit';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';
import { runCommand } from '../run-command';
import { managerReviews, staffOwnEvaluations } from './bad-review-views';
import { notifyEvaluationChanged } from './notify';

export async function listBadReviews(deps: AppDeps, actor: Actor, hallId: string, opts: { open: boolean }): Promise<BadReviewView[]> {
  authorize(actor, 'evaluation:bad-reviews', { hallId });
  const viewer = actor as StaffActor;
  const calendar = await loadCalendar(deps.db);
  const where = opts.open ? and(eq(badReviews.hallId, hallId), ne(badReviews.state, 'closed')) : eq(badReviews.hallId, hallId);
  const views = await managerReviews(deps.db, where, { calendar, now: deps.clock.now(), viewerId: viewer.id });
  // Real-name reviews carry the evaluator's masked contact: the read is audited.
  await recordAudit(deps, actor, { action: 'bad-reviews:list', hallId, subject: opts.open ? 'open' : 'all', detail: { found: views.length } });
  return views;
}

export async function takeBadReviewStep(deps: AppDeps, actor: Actor, reviewId: string, input: z.output<typeof badReviewStepBody>): Promise<{ id: string; state: BadReviewState }> {
  authorize(actor, 'evaluation:bad-review-step');
  const viewer = actor as StaffActor; // only staff roles hold a grant
  const [head] = await deps.db.select({ hallId: badReviews.hallId }).from(badReviews).where(eq(badReviews.id, reviewId));
  if (!head) throw new AppError('not_found', 'No such bad review');
  authorize(actor, 'evaluation:bad-review-step', { hallId: head.hallId });
  const result = await runCommand(deps, { name: 'bad-review:step', hallId: head.hallId, actor: viewer, commandId: input.commandId }, async ({ tx, now }) => {
    const [r] = await tx.select().from(badReviews).where(eq(badReviews.id, reviewId)).for('update');
    if (!r) throw new AppError('not_found', 'No such bad review');
    const role = may(viewer, 'evaluation:bad-reviews', { hallId: head.hallId }) ? 'manager' : r.staffId === viewer.id ? 'evaluated_staff' : 'other_staff';
    const current: BadReviewCase = { state: r.state, realName: r.realName, calledBack: r.calledBack, appealFrom: r.appealFrom, appealed: r.appealed, outcome: r.outcome };
    const step: BadReviewStep =
      input.action === 'decide_appeal'
        ? { action: 'decide_appeal', role, note: input.note, decision: input.decision ?? 'rejected' }
        : { action: input.action, role, note: input.note };
    const next = unwrap(applyBadReviewStep(current, step));
    const stageChanged = stageOf(next.state, next.appealFrom) !== stageOf(current.state, current.appealFrom);
    await tx
      .update(badReviews)
      .set({
        state: next.state,
        calledBack: next.calledBack,
        appealFrom: next.appealFrom,
        appealed: next.appealed,
        outcome: next.outcome,
        ...(stageChanged && { stageStartedAt: now }),
        ...(input.action === 'contact' && { contactedAt: now }),
        ...(input.action === 'reply' && { repliedAt: now }),
        ...(next.state === 'closed' && { closedAt: now }),
      })
      .where(eq(badReviews.id, r.id));
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${badReviewSteps.stepNo}), 0)::int` }).from(badReviewSteps).where(eq(badReviewSteps.badReviewId, r.id));
    await tx.insert(badReviewSteps).values({
      badReviewId: r.id,
      stepNo: Number(last?.n ?? 0) + 1,
      hallId: r.hallId,
      action: input.action,
      fromState: current.state,
      toState: next.state,
      decision: input.action === 'decide_appeal' ? (input.decision ?? null) : null,
      // Step notes stay in an append-only log: phone numbers, identity numbers and names are blanked.
      note: redactPersonalData(input.note.trim()),
      actorType: 'staff',
      actorId: viewer.id,
      actorName: viewer.displayName,
      at: now,
    });
    return { id: r.id, state: next.state };
  });
  notifyEvaluationChanged(deps, head.hallId, null);
  // Only the id and new state: the evaluated staff member must not get the manager's view back.
  return result;
}

/** The staff member's own ratings (last 31 days by default), with no evaluator identity. */
export async function myEvaluations(deps: AppDeps, actor: Actor, range: { from?: string | undefined; to?: string | undefined }): Promise<StaffEvaluationView[]> {
  authorize(actor, 'evaluation:mine');
  const me = actor as StaffActor;
  const [hall] = me.hallIds.length ? await deps.db.select({ timeZone: halls.timeZone }).from(halls).where(eq(halls.id, me.hallIds[0]!)) : [];
  const today = serviceDate(deps.clock.now(), hall?.timeZone ?? 'Asia/Shanghai');
  const to = range.to ?? today;
  const from = range.from ?? new Date(new Date(`${to}T00:00:00Z`).getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
  return staffOwnEvaluations(deps.db, me.id, from, to);
}

export function toRatingCounts(byLevel: Partial<Record<EvaluationLevel, number>>): RatingCounts {
  const f = ratingFigures(byLevel);
  return {
    total: f.total,
    byLevel: { '1': f.byLevel[1], '2': f.byLevel[2], '3': f.byLevel[3], '4': f.byLevel[4], '5': f.byLevel[5] },
    good: f.good,
    bad: f.bad,
    goodRate: f.goodRate,
    badRate: f.badRate,
  };
}

/** The dashboard's live figures: today's ratings and every open bad review with its deadline and alert. */
export async function evaluationToday(deps: AppDeps, actor: Actor, hallId: string): Promise<EvaluationToday> {
  authorize(actor, 'evaluation:bad-reviews', { hallId });
  const viewer = actor as StaffActor;
  const hall = await loadHall(deps.db, hallId);
  const now = deps.clock.now();
  const day = serviceDate(now, hall.timeZone);
  const counts = await deps.db
    .select({ level: evaluations.level, n: sql<number>`count(*)::int` })
    .from(evaluations)
    .where(and(eq(evaluations.hallId, hallId), eq(evaluations.serviceDate, day)))
    .groupBy(evaluations.level);
  const byLevel: Partial<Record<EvaluationLevel, number>> = {};
  for (const c of counts) byLevel[c.level as EvaluationLevel] = Number(c.n);
  const open = await managerReviews(deps.db, and(eq(badReviews.hallId, hallId), ne(badReviews.state, 'closed')), {
    calendar: await loadCalendar(deps.db),
    now,
    viewerId: viewer.id,
  });
  return {
    hallId,
    serviceDate: day,
    ratings: toRatingCounts(byLevel),
    openBadReviews: open,
    alerts: { atRisk: open.filter((r) => r.alert === 'at_risk').length, overdue: open.filter((r) => r.alert === 'overdue').length },
  };
}
