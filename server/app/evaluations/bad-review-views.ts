/**
 * Presenting bad reviews. Two audiences, two functions:
 *  - managers: presentForManager — the evaluator masked (real-name: the ticket's masked identity number);
 *  - the staff member evaluated: presentForStaff — built from a row set that never selects the
 *    ticket's visitor columns, so no evaluator identity can reach it.
 */
import { and, asc, between, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { counters, halls, matters, staff, tickets } from '../../../db/schema';
import { badReviews, badReviewSteps, evaluations } from '../../../db/schema-evaluations';
import { planDeadlines, stageStatus, handledOnTime, type DeadlinePlan } from '../../domain/evaluation/bad-review-deadlines';
import { availableActions, type BadReviewRole } from '../../domain/evaluation/bad-review-machine';
import { CalendarError, type WorkingDayCalendar } from '../../domain/working-days';
import type { BadReviewView, StaffEvaluationView, StepView } from '../../protocol/evaluations';

type Reader = Db | Tx;
type ReviewRow = typeof badReviews.$inferSelect;

export interface PlanOutcome {
  plan: DeadlinePlan | null;
  problem: BadReviewView['deadlineProblem'];
}

export function planFor(review: Pick<ReviewRow, 'openedAt' | 'deadlineDays'>, timeZone: string, calendar: WorkingDayCalendar): PlanOutcome {
  try {
    return { plan: planDeadlines(review.openedAt, timeZone, calendar, review.deadlineDays), problem: null };
  } catch (err) {
    if (err instanceof CalendarError && err.code === 'calendar_year_unknown') {
      return {
        plan: null,
        problem: {
          code: 'calendar_year_unknown',
          year: err.year ?? null,
          message: `The official holiday arrangement for ${err.year} is not in the calendar, so the deadlines cannot be computed; an admin must enter and publish it`,
        },
      };
    }
    throw err;
  }
}

export async function stepsOf(tx: Reader, reviewIds: string[]): Promise<Map<string, StepView[]>> {
  const out = new Map<string, StepView[]>();
  if (reviewIds.length === 0) return out;
  const rows = await tx.select().from(badReviewSteps).where(inArray(badReviewSteps.badReviewId, reviewIds)).orderBy(asc(badReviewSteps.badReviewId), asc(badReviewSteps.stepNo));
  for (const s of rows) {
    const list = out.get(s.badReviewId) ?? [];
    list.push({ action: s.action, fromState: s.fromState, toState: s.toState, decision: s.decision, note: s.note, actorName: s.actorName, at: s.at.toISOString() });
    out.set(s.badReviewId, list);
  }
  return out;
}

function roleFor(viewerId: string, review: Pick<ReviewRow, 'staffId'>, isManager: boolean): BadReviewRole {
  if (isManager) return 'manager';
  return review.staffId === viewerId ? 'evaluated_staff' : 'other_staff';
}

/** Managers' rows: joined with the ticket only to show its number and the masked evaluator. */
export async function managerReviews(
  tx: Reader,
  where: SQL | undefined,
  ctx: { calendar: WorkingDayCalendar; now: Date; viewerId: string },
): Promise<BadReviewView[]> {
  const rows = await tx
    .select({
      r: badReviews,
      e: evaluations,
      ticketNumber: tickets.number,
      visitorIdMasked: tickets.visitorIdMasked,
      matterName: matters.name,
      counterNumber: counters.number,
      staffName: staff.displayName,
      timeZone: halls.timeZone,
    })
    .from(badReviews)
    .innerJoin(evaluations, eq(evaluations.id, badReviews.evaluationId))
    .innerJoin(tickets, eq(tickets.id, evaluations.ticketId))
    .innerJoin(matters, eq(matters.id, evaluations.matterId))
    .innerJoin(counters, eq(counters.id, badReviews.counterId))
    .innerJoin(halls, eq(halls.id, badReviews.hallId))
    .leftJoin(staff, eq(staff.id, badReviews.staffId))
    .where(where)
    .orderBy(desc(badReviews.openedAt));
  const steps = await stepsOf(tx, rows.map((x) => x.r.id));
  return rows.map(({ r, e, ticketNumber, visitorIdMasked, matterName, counterNumber, staffName, timeZone }) => {
    const { plan, problem } = planFor(r, timeZone, ctx.calendar);
    const status = plan ? stageStatus(r, plan, r.stageStartedAt, ctx.now, r.deadlineDays.alertShare) : null;
    return {
      id: r.id,
      hallId: r.hallId,
      evaluationId: e.id,
      level: e.level as 1 | 2,
      reasons: e.reasons,
      reasonText: e.reasonText,
      channel: e.channel,
      submittedAt: e.submittedAt.toISOString(),
      ticketNumber,
      serviceDate: e.serviceDate,
      matterName,
      counterNumber,
      staffName,
      staffId: r.staffId,
      state: r.state,
      realName: r.realName,
      calledBack: r.calledBack,
      outcome: r.outcome,
      // Identity numbers are stored masked on the ticket (110105********002X): managers see only that.
      evaluatorMasked: r.realName ? (visitorIdMasked ?? '实名') : null,
      deadlines: plan
        ? {
            dueDates: plan.dueDates,
            dueAt: { contact: plan.dueAt.contact.toISOString(), reply: plan.dueAt.reply.toISOString(), close: plan.dueAt.close.toISOString() },
          }
        : null,
      deadlineProblem: problem,
      stage: status?.stage ?? null,
      alert: status?.alert ?? 'none',
      elapsedShare: status?.elapsedShare ?? null,
      onTime: plan ? handledOnTime(plan, r) : null,
      actions: availableActions(r, roleFor(ctx.viewerId, r, true)),
      steps: steps.get(r.id) ?? [],
    };
  });
}

/**
 * The evaluated staff member's own evaluations. The select lists its columns one by one and never
 * touches tickets: no identity number, masked or not, no token, no ticket number, no channel device.
 */
export async function staffOwnEvaluations(tx: Reader, staffId: string, from: string, to: string): Promise<StaffEvaluationView[]> {
  const rows = await tx
    .select({
      id: evaluations.id,
      level: evaluations.level,
      reasons: evaluations.reasons,
      reasonText: evaluations.reasonText,
      serviceDate: evaluations.serviceDate,
      submittedAt: evaluations.submittedAt,
      matterName: matters.name,
      counterNumber: counters.number,
      reviewId: badReviews.id,
      reviewState: badReviews.state,
      reviewStaffId: badReviews.staffId,
      appealed: badReviews.appealed,
      appealFrom: badReviews.appealFrom,
      calledBack: badReviews.calledBack,
      realName: badReviews.realName,
      outcome: badReviews.outcome,
    })
    .from(evaluations)
    .innerJoin(matters, eq(matters.id, evaluations.matterId))
    .innerJoin(counters, eq(counters.id, evaluations.counterId))
    .leftJoin(badReviews, eq(badReviews.evaluationId, evaluations.id))
    .where(and(eq(evaluations.staffId, staffId), between(evaluations.serviceDate, from, to)))
    .orderBy(desc(evaluations.submittedAt));
  const steps = await stepsOf(tx, rows.flatMap((r) => (r.reviewId ? [r.reviewId] : [])));
  return rows.map((r) => ({
    id: r.id,
    level: r.level as 1 | 2 | 3 | 4 | 5,
    reasons: r.reasons,
    reasonText: r.reasonText,
    serviceDate: r.serviceDate,
    matterName: r.matterName,
    counterNumber: r.counterNumber,
    submittedAt: r.submittedAt.toISOString(),
    badReview:
      r.reviewId && r.reviewState
        ? {
            id: r.reviewId,
            state: r.reviewState,
            actions: availableActions(
              { state: r.reviewState, realName: Boolean(r.realName), calledBack: Boolean(r.calledBack), appealFrom: r.appealFrom, appealed: Boolean(r.appealed), outcome: r.outcome },
              'evaluated_staff',
            ),
            // Notes of contact and call-back steps may name the reviewer: the staff member sees only
            // that a step happened, except the notes of their own appeal and its decision.
            steps: (steps.get(r.reviewId) ?? []).map((s) => (s.action === 'appeal' || s.action === 'decide_appeal' ? s : { ...s, note: '' })),
          }
        : null,
  }));
}
