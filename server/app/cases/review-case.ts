/**
 * The back office (后台分类审批) moves accepted cases: 审查 → (补正) → 决定 准予/不予 → 制证 →
 * 待领取 / 已寄出 / 电子证照 → 办结. A reviewer acts only on the cases of their departments;
 * managers and admins on every case of their halls. Every step is a fact in the hall event log.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { halls, matters, tickets } from '../../../db/schema';
import { cases, staffDepartments } from '../../../db/schema-cases';
import { caseDueDate } from '../../domain/case-deadline';
import { applyCaseAction, type CaseAction } from '../../domain/case-machine';
import type { CaseView } from '../../protocol/cases';
import type { CaseReviewInput } from '../../protocol/case-schemas';
import type { CaseFactType } from '../../protocol/events';
import { authorize, type Actor, type StaffActor } from '../actor';
import { AppError, unwrap } from '../app-error';
import { onCalendar } from '../appointments/calendar';
import type { AppDeps } from '../deps';
import { progressUrl } from '../printing/ticket-print-data';
import { runCommand } from '../run-command';
import { caseDay, caseEvent, hallOfCase } from './case-context';
import type { CaseNotice } from './case-notifier';
import { caseStateOf, caseView, loadCaseForUpdate, pickupCounter, writeCase } from './case-store';

const FACT: Record<CaseReviewInput['action'], CaseFactType> = {
  start_review: 'case:reviewing',
  request_supplement: 'case:supplement-requested',
  supplied: 'case:supplied',
  approve: 'case:approved',
  refuse: 'case:refused',
  produce: 'case:producing',
  ready: 'case:ready',
  post: 'case:posted',
  deliver: 'case:delivered',
  issue_electronic: 'case:delivered',
  withdraw: 'case:withdrawn',
  fulfil_promise: 'case:promise-kept',
};

/** Reviewers see and move only their departments' cases; managers and admins everything in their halls. */
export async function reviewerDepartments(db: Db | Tx, actor: StaffActor): Promise<string[] | 'all'> {
  if (actor.role !== 'reviewer') return 'all';
  const rows = await db.select({ id: staffDepartments.departmentId }).from(staffDepartments).where(eq(staffDepartments.staffId, actor.id));
  return rows.map((r) => r.id);
}

/** The back office: admins, managers of the hall, reviewers (for their departments). */
export function requireBackOffice(actor: Actor): StaffActor {
  authorize(actor, 'case:back-office');
  return actor as StaffActor; // only staff roles hold a grant for the back office
}

export async function requireCaseDepartment(db: Db | Tx, actor: StaffActor, departmentId: string): Promise<void> {
  const scope = await reviewerDepartments(db, actor);
  authorize(actor, 'case:back-office', { departmentId }, { departmentIds: scope === 'all' ? [] : scope });
}

function actionOf(input: CaseReviewInput, at: { at: Date; date: string }): CaseAction {
  switch (input.action) {
    case 'refuse':
    case 'withdraw':
      if (!input.reason) throw new AppError('validation_failed', 'A reason is required', { reason: 'required' });
      return { type: input.action, reason: input.reason, ...at };
    case 'post':
      if (!input.trackingNumber) throw new AppError('validation_failed', 'A tracking number is required', { trackingNumber: 'required' });
      return { type: 'post', trackingNumber: input.trackingNumber, ...at };
    default:
      return { type: input.action, ...at };
  }
}

export async function reviewCase(deps: AppDeps, actor: Actor, caseId: string, input: CaseReviewInput): Promise<CaseView> {
  const staff = requireBackOffice(actor);
  const hallId = await hallOfCase(deps.db, caseId);
  authorize(staff, 'case:back-office', { hallId });
  let notice: CaseNotice | null = null;
  const view = await runCommand(deps, { name: `case:review:${input.action}`, hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    const c = await loadCaseForUpdate(tx, caseId);
    await requireCaseDepartment(tx, staff, c.departmentId);
    const day = await caseDay(tx, hallId, now);
    if (input.action === 'ready' && c.delivery !== 'pickup') throw new AppError('invalid_transition', `This case is delivered by ${c.delivery}, not picked up`);
    if (input.action === 'post' && c.delivery !== 'post') throw new AppError('invalid_transition', `This case is delivered by ${c.delivery}, not by post`);
    const next = unwrap(applyCaseAction(caseStateOf(c), actionOf(input, { at: now, date: day.today })));
    // Supplying the 补正 materials restarts the clock: the due date moves by the paused working days.
    const dueDate =
      input.action === 'supplied' && c.acceptedDate && c.limitDays !== null
        ? onCalendar(() => caseDueDate(day.calendar, { acceptedDate: c.acceptedDate!, limitDays: c.limitDays!, pauses: next.pauses }))
        : input.action === 'request_supplement'
          ? null
          : c.dueDate;
    const row = await writeCase(tx, c.id, next, { dueDate });
    emit(caseEvent(FACT[input.action], row, day, { note: input.reason ?? (input.trackingNumber ? `快递单号 ${input.trackingNumber}` : undefined), byDepartment: c.departmentId }));
    const v = await caseView(tx, c.id, day.calendar, now);
    if (input.action === 'ready' || input.action === 'post') notice = await readyNotice(tx, deps, v, now);
    return v;
  });
  if (notice && deps.notifier) void deps.notifier.notify(notice);
  return view;
}

async function readyNotice(tx: Tx, deps: AppDeps, v: CaseView, now: Date): Promise<CaseNotice> {
  const [row] = await tx
    .select({ hallName: halls.name, token: tickets.token, matterName: matters.name })
    .from(cases)
    .innerJoin(halls, eq(halls.id, cases.hallId))
    .innerJoin(tickets, eq(tickets.id, cases.ticketId))
    .innerJoin(matters, eq(matters.id, cases.matterId))
    .where(and(eq(cases.id, v.id)));
  const pickup = v.status === 'ready' ? await pickupCounter(tx, v.hallId) : null;
  return {
    event: v.status === 'ready' ? 'case.ready' : 'case.posted',
    hallName: row?.hallName ?? '',
    caseNumber: v.number,
    matterName: v.matterName,
    status: v.status,
    visitorIdMasked: v.visitorIdMasked,
    progressUrl: row ? progressUrl(deps.publicBaseUrl, row.token) : null,
    trackingNumber: v.trackingNumber,
    pickupCounter: pickup ? `${pickup.number} 号${pickup.name}` : null,
    at: now.toISOString(),
  };
}
