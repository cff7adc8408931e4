/**
 * 好差评 (docs/evaluations.md): one evaluation per finished service, and the handling of bad reviews.
 *
 * - `evaluations` is append-only (a trigger refuses UPDATE and DELETE). `ticket_id` is UNIQUE: that
 *   constraint is what makes "一次一评" hold when the counter's pad and the ticket QR submit at the
 *   same instant — one insert wins, the other finds the row and answers already_evaluated.
 * - `bad_reviews` is the mutable handling record of an evaluation of level 1–2 (its current state);
 *   `bad_review_steps` is its append-only step log: who, when, what.
 * - `case_id` links the case (办件) handled on the ticket, when there is one.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { BadReviewDeadlineSettings } from '../server/domain/evaluation/bad-review-deadlines';
import type { AppealDecision, BadReviewAction, BadReviewOutcome, BadReviewState } from '../server/domain/evaluation/bad-review-machine';
import { counters, devices, halls, matters, staff, tickets, zones } from './schema';
import { cases } from './schema-cases';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type EvaluationChannel = 'pad' | 'qr';

export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    /** The service evaluated. UNIQUE: one evaluation per service (一次一评). */
    ticketId: uuid('ticket_id').notNull().unique('evaluations_one_per_service').references(() => tickets.id),
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    counterId: uuid('counter_id').notNull().references(() => counters.id),
    /** The staff member who finished the service (the one evaluated). */
    staffId: uuid('staff_id').references(() => staff.id),
    /** The case (办件) handled on this ticket, if any (case_visits). */
    caseId: uuid('case_id').references(() => cases.id),
    /** Hall-local day of the service (reports group by it). */
    serviceDate: text('service_date').notNull(),
    level: integer('level').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    reasonText: text('reason_text'),
    channel: text('channel').$type<EvaluationChannel>().notNull(),
    /** The evaluator pad that took it (channel 'pad'). */
    deviceId: uuid('device_id').references(() => devices.id),
    /** The ticket was issued with an identity number: a real-name evaluation (100 % call-back if bad). */
    realName: boolean('real_name').notNull(),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [
    check('evaluations_level_1_5', sql`${t.level} BETWEEN 1 AND 5`),
    index('evaluations_hall_day').on(t.hallId, t.serviceDate),
    index('evaluations_staff').on(t.staffId),
  ],
);

export const badReviews = pgTable(
  'bad_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id').notNull().unique().references(() => evaluations.id),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    counterId: uuid('counter_id').notNull().references(() => counters.id),
    staffId: uuid('staff_id').references(() => staff.id),
    state: text('state').$type<BadReviewState>().notNull(),
    realName: boolean('real_name').notNull(),
    calledBack: boolean('called_back').notNull().default(false),
    appealFrom: text('appeal_from').$type<BadReviewState>(),
    appealed: boolean('appealed').notNull().default(false),
    outcome: text('outcome').$type<BadReviewOutcome>(),
    /** The hall's stage days when the review opened: the plan does not move if settings change later. */
    deadlineDays: jsonb('deadline_days').$type<BadReviewDeadlineSettings>().notNull(),
    openedAt: ts('opened_at').notNull(),
    /** When the current stage's clock started (the 80 % alert is measured from it). */
    stageStartedAt: ts('stage_started_at').notNull(),
    contactedAt: ts('contacted_at'),
    repliedAt: ts('replied_at'),
    closedAt: ts('closed_at'),
  },
  (t) => [index('bad_reviews_hall_state').on(t.hallId, t.state)],
);

export const badReviewSteps = pgTable(
  'bad_review_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    badReviewId: uuid('bad_review_id').notNull().references(() => badReviews.id),
    /** 1, 2, 3 … per review, handed out under the review's row lock: the log's order. */
    stepNo: integer('step_no').notNull(),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    action: text('action').$type<BadReviewAction | 'open'>().notNull(),
    fromState: text('from_state').$type<BadReviewState>(),
    toState: text('to_state').$type<BadReviewState>().notNull(),
    decision: text('decision').$type<AppealDecision>(),
    note: text('note').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    /** The actor's display name at the time (staff names are not visitor data). */
    actorName: text('actor_name'),
    at: ts('at').notNull(),
  },
  (t) => [uniqueIndex('bad_review_steps_order').on(t.badReviewId, t.stepNo)],
);
