/**
 * The counter's outcome for a case in intake (收件): 受理, 容缺受理, 一次性告知, 不予受理 or 当场办结.
 * The materials checklist comes from the guide; the due date is counted on the working-day
 * calendar before anything is written, so a year without data refuses the acceptance cleanly.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { tickets } from '../../../db/schema';
import { caseVisits } from '../../../db/schema-cases';
import { caseDueDate } from '../../domain/case-deadline';
import { applyCaseAction, type CaseAction } from '../../domain/case-machine';
import { checkMaterials, noticeLines } from '../../domain/case-materials';
import { parseIsoDate } from '../../domain/working-days';
import type { CaseAtCounter, CaseNoticeView } from '../../protocol/cases';
import type { CaseFactType } from '../../protocol/events';
import type { CaseIntakeInput } from '../../protocol/case-schemas';
import { authorize, may, type Actor } from '../actor';
import { AppError, unwrap } from '../app-error';
import { onCalendar } from '../appointments/calendar';
import { lockOwnCounter } from '../counter-guard';
import type { AppDeps } from '../deps';
import { runCommand } from '../run-command';
import { notifyEvaluationChanged } from '../evaluations/notify';
import { caseDay, caseEvent, hallOfCounter } from './case-context';
import { caseStateOf, caseView, loadCaseForUpdate, writeCase } from './case-store';
import { findGuide } from './matter-guide';
import { addCaseDocumentJob } from './print-case-document';

const FACT: Record<CaseIntakeInput['outcome'], CaseFactType> = {
  accept: 'case:accepted',
  tolerate: 'case:accepted',
  notice: 'case:noticed',
  not_accept: 'case:not-accepted',
  complete: 'case:completed',
};

export async function decideIntake(deps: AppDeps, actor: Actor, input: CaseIntakeInput): Promise<CaseAtCounter> {
  authorize(actor, 'case:counter');
  const hallId = await hallOfCounter(deps, input.counterId);
  const result = await runCommand(deps, { name: 'case:intake', hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }): Promise<CaseAtCounter> => {
    const counter = await lockOwnCounter(tx, actor, 'case:counter', hallId, input.counterId);
    const c = await loadCaseForUpdate(tx, input.caseId);
    if (c.hallId !== hallId) throw new AppError('not_found', 'Case not found in this hall');
    // The visitor must be at this counter: one of the case's tickets is called or served here.
    const [here] = await tx
      .select({ id: tickets.id })
      .from(caseVisits)
      .innerJoin(tickets, eq(tickets.id, caseVisits.ticketId))
      .where(and(eq(caseVisits.caseId, c.id), eq(tickets.counterId, counter.id), inArray(tickets.status, ['called', 'serving'])));
    if (!here && !may(actor, 'case:counter', { hallId, counterHolderId: null })) throw new AppError('wrong_counter', 'The visitor of this case is not at your counter');

    const guide = await findGuide(tx, c.matterId);
    if (!guide) throw new AppError('case_no_guide', 'This matter has no guide');
    const check = checkMaterials(guide.materials, input.received, input.defects);
    if (check.unknownIds.length) throw new AppError('validation_failed', `Not in the guide: ${check.unknownIds.join(', ')}`, { received: 'unknown material' });
    const delivery = input.delivery ?? c.delivery;
    if (!guide.deliveryMethods.includes(delivery)) throw new AppError('validation_failed', `${guide.matterName} is not delivered by ${delivery}`, { delivery: 'not offered' });

    const day = await caseDay(tx, hallId, now);
    const at = { at: now, date: day.today };
    const missing = check.missingRequired.map((m) => m.name);
    const lines = noticeLines(check.missingRequired, input.defects);
    const noticeOf = (kind: CaseNoticeView['kind'], items: string[], deadline: string | null, reason: string | null): CaseNoticeView => ({
      kind,
      items,
      reason,
      deadline,
      counterNumber: counter.number,
      contact: guide.contact,
      issuedAt: now.toISOString(),
    });

    let action: CaseAction;
    let notice: CaseNoticeView | null = c.notice;
    switch (input.outcome) {
      case 'accept':
        action = { type: 'accept', missingRequired: missing, ...at };
        break;
      case 'tolerate': {
        if (!input.promiseDate || parseIsoDate(input.promiseDate) === null) throw new AppError('validation_failed', '容缺受理 needs the date the applicant promises to supply the items by', { promiseDate: 'required' });
        action = { type: 'accept_tolerated', missingRequired: missing, tolerable: check.allTolerable, promiseDate: input.promiseDate, ...at };
        notice = noticeOf('tolerated', lines, input.promiseDate, null);
        break;
      }
      case 'notice': {
        const deadline = onCalendar(() => caseDueDateForNotice(day.calendar, day.today, guide.noticeDays));
        action = { type: 'notice', missing: lines, ...at };
        notice = noticeOf('notice', lines, deadline, null);
        break;
      }
      case 'not_accept':
        if (!input.reason) throw new AppError('validation_failed', '不予受理 needs a reason', { reason: 'required' });
        action = { type: 'not_accept', reason: input.reason, ...at };
        notice = noticeOf('not_accepted', [], null, input.reason);
        break;
      case 'complete':
        action = { type: 'complete_on_spot', missingRequired: missing, onTheSpotMatter: guide.onTheSpot, ...at };
        break;
    }
    const next = unwrap(applyCaseAction(caseStateOf(c), action));
    let limitDays = c.limitDays;
    let dueDate = c.dueDate;
    if (next.status === 'accepted' || next.status === 'closed') {
      limitDays = guide.promisedLimitDays ?? 0;
      dueDate = onCalendar(() => caseDueDate(day.calendar, { acceptedDate: day.today, limitDays: limitDays!, pauses: [] }));
    }
    const row = await writeCase(tx, c.id, next, { received: input.received, notice, delivery, limitDays, dueDate, counterId: counter.id });
    emit(
      caseEvent(FACT[input.outcome], row, day, {
        counterNumber: counter.number,
        outcome: input.outcome,
        missingCount: missing.length,
        ...(input.outcome === 'tolerate' && { note: `容缺：${missing.join('、')}，承诺 ${input.promiseDate} 前补交`, promiseDate: input.promiseDate }),
        ...(input.outcome === 'notice' && { note: `一次性告知 ${lines.length} 项` }),
        ...(input.outcome === 'not_accept' && { note: input.reason }),
      }),
    );
    // The outcome's paper, persisted with it and printed after commit (none without a counter printer).
    const print = await addCaseDocumentJob(tx, deps, { counter, caseRow: row, guide, ticketId: here?.id ?? c.ticketId, reprint: false, now });
    return { case: await caseView(tx, c.id, day.calendar, now), guide, ...(print && { print }) };
  });
  // A replayed command dispatches again harmlessly: the claim refuses a job already taken.
  if (result.print) deps.printing?.dispatch(result.print.id);
  // An accepted case may be rated at once: the counter's evaluator pad re-reads (docs/evaluations.md, "One evaluation per service").
  if (result.case.acceptedAt) notifyEvaluationChanged(deps, hallId, input.counterId);
  return result;
}

/** The notice deadline: the guide's notice period in working days after today. */
function caseDueDateForNotice(calendar: Parameters<typeof caseDueDate>[0], today: string, days: number): string {
  return caseDueDate(calendar, { acceptedDate: today, limitDays: days, pauses: [] })!;
}
