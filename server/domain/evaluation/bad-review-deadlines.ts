/**
 * "1、3、1" deadlines of a bad review on the hall's working-day calendar (docs/evaluations.md). Pure.
 *
 * Three stages, days configurable per hall (defaults 1, 3, 1 working days):
 *   contact — reach the reviewer, due `contactDays` working days after the day of the review;
 *   reply   — investigate, rectify and give a signed reply, due `replyDays` working days after that;
 *   close   — review (call back) and close, due `closeDays` working days after that.
 * Which stages have a deadline of their own is configurable too: 0 days for contact or reply means
 * the stage has none and is merged into the next one (due when that one is due) — e.g. a hall whose
 * rule is "contact and reply within 3 working days, close within 1" sets 0, 3, 1. Close always has one.
 * A due date is met until the end of that hall-local day. The plan is fixed when the review opens,
 * so a late stage does not move later ones. A year without calendar data throws
 * CalendarError('calendar_year_unknown') from the calendar — never a guess.
 *
 * Alerts: the current stage's window runs from when the stage began to its due instant;
 * ≥ 80 % of it elapsed → at_risk, past the due instant → overdue.
 */
import type { DeadlineAlert, DeadlineStage } from '../../protocol/evaluations';
import type { WorkingDayCalendar } from '../working-days';
import { instantAt, serviceDate } from '../hall-time';
import type { BadReviewCase, BadReviewState } from './bad-review-machine';
import { AT_RISK_SHARE } from '../../protocol/rules';

export type { DeadlineAlert, DeadlineStage };
export const DEADLINE_STAGES: readonly DeadlineStage[] = ['contact', 'reply', 'close'];

export interface BadReviewDeadlineSettings {
  contactDays: number;
  replyDays: number;
  closeDays: number;
  /** Share of a stage's window after which it is at risk (0.8 = 80 %). */
  alertShare: number;
}

export const DEFAULT_BAD_REVIEW_DEADLINES: BadReviewDeadlineSettings = { contactDays: 1, replyDays: 3, closeDays: 1, alertShare: AT_RISK_SHARE };

export interface DeadlinePlan {
  /** Hall-local due dates (YYYY-MM-DD). */
  dueDates: Record<DeadlineStage, string>;
  /** The end of each due date: the instant after which the stage is overdue. */
  dueAt: Record<DeadlineStage, Date>;
}

function nextCalendarDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** End of a hall-local day = the next day's local midnight. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return instantAt(nextCalendarDate(date), '00:00', timeZone);
}

export function planDeadlines(openedAt: Date, timeZone: string, calendar: WorkingDayCalendar, settings: BadReviewDeadlineSettings): DeadlinePlan {
  const days: Record<DeadlineStage, number> = { contact: settings.contactDays, reply: settings.replyDays, close: Math.max(1, settings.closeDays) };
  const dueDates = {} as Record<DeadlineStage, string>;
  let from = serviceDate(openedAt, timeZone);
  let merged: DeadlineStage[] = [];
  for (const stage of DEADLINE_STAGES) {
    // A stage without days of its own is due with the next stage that has some.
    if (days[stage] <= 0) {
      merged.push(stage);
      continue;
    }
    from = calendar.addWorkingDays(from, days[stage]);
    for (const s of [...merged, stage]) dueDates[s] = from;
    merged = [];
  }
  const dueAt = Object.fromEntries(DEADLINE_STAGES.map((s) => [s, endOfLocalDay(dueDates[s], timeZone)])) as Record<DeadlineStage, Date>;
  return { dueDates, dueAt };
}

/** Which stage's clock is running in a state (an appeal keeps the clock of the stage it interrupted). */
export function stageOf(state: BadReviewState, appealFrom: BadReviewState | null): DeadlineStage | null {
  switch (state) {
    case 'pending_contact':
      return 'contact';
    case 'contacted':
    case 'rectifying':
      return 'reply';
    case 'replied':
    case 'revisited':
      return 'close';
    case 'appealing':
      return appealFrom ? stageOf(appealFrom, null) : 'contact';
    case 'closed':
      return null;
  }
}

export interface StageStatus {
  stage: DeadlineStage | null;
  dueAt: Date | null;
  /** Elapsed share of the current stage's window (may exceed 1); null when closed. */
  elapsedShare: number | null;
  alert: DeadlineAlert;
}

export function stageStatus(
  c: Pick<BadReviewCase, 'state' | 'appealFrom'>,
  plan: Pick<DeadlinePlan, 'dueAt'>,
  stageStartedAt: Date,
  now: Date,
  alertShare: number = DEFAULT_BAD_REVIEW_DEADLINES.alertShare,
): StageStatus {
  const stage = stageOf(c.state, c.appealFrom);
  if (!stage) return { stage: null, dueAt: null, elapsedShare: null, alert: 'none' };
  const dueAt = plan.dueAt[stage];
  const window = dueAt.getTime() - stageStartedAt.getTime();
  const elapsed = now.getTime() - stageStartedAt.getTime();
  const share = window > 0 ? elapsed / window : now >= dueAt ? 1 : 0;
  const alert: DeadlineAlert = now >= dueAt ? 'overdue' : share >= alertShare ? 'at_risk' : 'none';
  return { stage, dueAt, elapsedShare: share, alert };
}

export interface StageCompletions {
  contactedAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
}

/** A closed review was handled on time when every stage it went through finished by its due instant. */
export function handledOnTime(plan: Pick<DeadlinePlan, 'dueAt'>, done: StageCompletions): boolean | null {
  if (!done.closedAt) return null;
  if (done.contactedAt && done.contactedAt > plan.dueAt.contact) return false;
  if (done.repliedAt && done.repliedAt > plan.dueAt.reply) return false;
  return done.closedAt <= plan.dueAt.close;
}

/** Checks hall settings for the deadlines: whole days 1–30 per stage, share in (0, 1). */
export function effectiveDeadlines(partial: Partial<BadReviewDeadlineSettings> | undefined): BadReviewDeadlineSettings {
  return { ...DEFAULT_BAD_REVIEW_DEADLINES, ...(partial ?? {}) };
}
