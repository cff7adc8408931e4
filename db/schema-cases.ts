/**
 * Cases (办件): departments, each matter's guide (办事指南), the cases the counters accept, and the
 * tickets each case was handled on (first visit, returns after a notice, pickup). The case's history
 * is the hall event log (ticket_events, data.caseId), which is also its audit trail.
 */
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CaseNoticeView, CaseStatus, DeliveryMethod } from '../server/protocol/cases';
import type { CasePause } from '../server/domain/case-deadline';
import type { GuideMaterial } from '../server/domain/case-materials';
import { counters, halls, matters, staff, tickets } from './schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Back-office departments (后台审批部门) of a hall. */
export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    name: text('name').notNull(),
    /** Enquiry phone printed on notices (咨询电话). */
    contact: text('contact'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('departments_hall_name').on(t.hallId, t.name)],
);

/** Which departments a reviewer works for (the reviewer role is scoped by these). */
export const staffDepartments = pgTable(
  'staff_departments',
  {
    staffId: uuid('staff_id').notNull().references(() => staff.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id').notNull().references(() => departments.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.departmentId] })],
);

/**
 * The guide of a matter. The promised / legal limits and the 当场办结 flag stay on `matters`
 * (their one home); this row holds what a counter and a visitor need beyond them.
 */
export const matterGuides = pgTable('matter_guides', {
  matterId: uuid('matter_id').primaryKey().references(() => matters.id, { onDelete: 'cascade' }),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  materials: jsonb('materials').$type<GuideMaterial[]>().notNull(),
  /** 受理条件 */
  conditions: text('conditions').notNull(),
  /** 收费情况, e.g. 不收费 */
  fee: text('fee').notNull(),
  /** 审批结果, e.g. 营业执照 */
  resultName: text('result_name').notNull(),
  deliveryMethods: jsonb('delivery_methods').$type<DeliveryMethod[]>().notNull(),
  /** 法律依据 */
  basis: text('basis').notNull(),
  /** Working days a visitor has to bring what a notice asks for (configurable per matter). */
  noticeDays: integer('notice_days').notNull().default(10),
});

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    /** Hall-local date the case was opened; the number's day. */
    serviceDate: text('service_date').notNull(),
    seqNo: integer('seq_no').notNull(),
    /** YYYYMMDD + 4-digit daily sequence: digits only, so a kiosk keypad can type it. */
    number: text('number').notNull(),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    departmentId: uuid('department_id').notNull().references(() => departments.id),
    /** The ticket the case was opened on. */
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id),
    counterId: uuid('counter_id').references(() => counters.id),
    status: text('status').$type<CaseStatus>().notNull(),
    delivery: text('delivery').$type<DeliveryMethod>().notNull(),
    /** Material ids received so far (the counter's ticks). */
    received: jsonb('received').$type<string[]>().notNull().default([]),
    /** The last notice handed over (一次性告知 / 不予受理 / 容缺 promise). */
    notice: jsonb('notice').$type<CaseNoticeView>(),
    openedAt: ts('opened_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedDate: text('accepted_date'),
    /** Promised limit in working days, fixed at acceptance. */
    limitDays: integer('limit_days'),
    dueDate: text('due_date'),
    tolerated: boolean('tolerated').notNull().default(false),
    promiseDate: text('promise_date'),
    promiseKeptAt: ts('promise_kept_at'),
    onTheSpot: boolean('on_the_spot').notNull().default(false),
    noticeCount: integer('notice_count').notNull().default(0),
    pauses: jsonb('pauses').$type<CasePause[]>().notNull().default([]),
    decidedAt: ts('decided_at'),
    reason: text('reason'),
    trackingNumber: text('tracking_number'),
    readyAt: ts('ready_at'),
    closedAt: ts('closed_at'),
    visitorIdHash: text('visitor_id_hash'),
    visitorIdEnc: text('visitor_id_enc'),
    visitorIdMasked: text('visitor_id_masked'),
    /** Limit alerts raised by the scanner: 0 none, 1 at risk (80 %), 2 overdue. Only ever raised. */
    alertLevel: integer('alert_level').notNull().default(0),
    promiseAlertedAt: ts('promise_alerted_at'),
  },
  (t) => [
    uniqueIndex('cases_hall_day_number').on(t.hallId, t.serviceDate, t.number),
    index('cases_hall_number').on(t.hallId, t.number),
    index('cases_hall_status').on(t.hallId, t.status),
    index('cases_visitor').on(t.hallId, t.visitorIdHash),
  ],
);

/** Every ticket a case was handled on. One case per ticket: opening twice from one ticket finds the first. */
export const caseVisits = pgTable(
  'case_visits',
  {
    ticketId: uuid('ticket_id').primaryKey().references(() => tickets.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    kind: text('kind').$type<'open' | 'return' | 'pickup'>().notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('case_visits_case').on(t.caseId)],
);
