/** Case rows: load (with a row lock), map to and from the domain state, present for staff and for the phone page. */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { counterMatters, counters, halls, matters, ticketEvents, tickets } from '../../../db/schema';
import { caseVisits, cases, departments, matterGuides } from '../../../db/schema-cases';
import { caseTime, type CaseTime } from '../../domain/case-deadline';
import { CASE_ON_CLOCK, promiseOverdue, type CaseState } from '../../domain/case-machine';
import { serviceDate } from '../../domain/hall-time';
import type { WorkingDayCalendar } from '../../domain/working-days';
import type { CaseAlertLevel, CaseFact, CaseProgressView, CaseStatus, CaseStepView, CaseView } from '../../protocol/cases';
import { AppError } from '../app-error';

type Reader = Db | Tx;
export type CaseRow = typeof cases.$inferSelect;

export async function loadCaseForUpdate(tx: Tx, caseId: string): Promise<CaseRow> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!row) throw new AppError('not_found', 'Case not found');
  return row;
}

export function caseStateOf(c: CaseRow): CaseState {
  return {
    status: c.status,
    acceptedAt: c.acceptedAt,
    acceptedDate: c.acceptedDate,
    tolerated: c.tolerated,
    promiseDate: c.promiseDate,
    promiseKeptAt: c.promiseKeptAt,
    onTheSpot: c.onTheSpot,
    noticeCount: c.noticeCount,
    pauses: c.pauses,
    decidedAt: c.decidedAt,
    reason: c.reason,
    trackingNumber: c.trackingNumber,
    readyAt: c.readyAt,
    closedAt: c.closedAt,
  };
}

export async function writeCase(tx: Tx, id: string, s: CaseState, extra: Partial<CaseRow> = {}): Promise<CaseRow> {
  const [row] = await tx
    .update(cases)
    .set({
      status: s.status,
      acceptedAt: s.acceptedAt,
      acceptedDate: s.acceptedDate,
      tolerated: s.tolerated,
      promiseDate: s.promiseDate,
      promiseKeptAt: s.promiseKeptAt,
      onTheSpot: s.onTheSpot,
      noticeCount: s.noticeCount,
      pauses: s.pauses,
      decidedAt: s.decidedAt,
      reason: s.reason,
      trackingNumber: s.trackingNumber,
      readyAt: s.readyAt,
      closedAt: s.closedAt,
      ...extra,
    })
    .where(eq(cases.id, id))
    .returning();
  return row!;
}

/** Where the case stands against its promised limit today (null when it is not on the clock). */
export function caseTimeOf(c: CaseRow, calendar: WorkingDayCalendar, today: string): CaseTime | null {
  if (!CASE_ON_CLOCK.includes(c.status) || c.acceptedDate === null || c.limitDays === null) return null;
  try {
    return caseTime(calendar, { acceptedDate: c.acceptedDate, limitDays: c.limitDays, pauses: c.pauses }, today);
  } catch {
    return null; // a calendar year without data: the stored due date stands, no level is guessed
  }
}

function alertOf(t: CaseTime | null): CaseAlertLevel {
  return t?.level === 'overdue' ? 'overdue' : t?.level === 'at_risk' ? 'at_risk' : 'none';
}

export function caseFact(c: CaseRow, calendar: WorkingDayCalendar, today: string): CaseFact {
  const t = caseTimeOf(c, calendar, today);
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    ticketId: c.ticketId,
    matterId: c.matterId,
    departmentId: c.departmentId,
    counterId: c.counterId,
    dueDate: t ? t.dueDate : c.dueDate,
    alertLevel: alertOf(t),
    promiseOverdue: promiseOverdue(c, today),
  };
}

const viewColumns = {
  c: cases,
  matterName: matters.name,
  departmentName: departments.name,
  counterNumber: counters.number,
  timeZone: halls.timeZone,
};

export async function caseViews(reader: Reader, where: SQL | undefined, calendar: WorkingDayCalendar, now: Date, limit = 500): Promise<CaseView[]> {
  const rows = await reader
    .select(viewColumns)
    .from(cases)
    .innerJoin(matters, eq(matters.id, cases.matterId))
    .innerJoin(departments, eq(departments.id, cases.departmentId))
    .innerJoin(halls, eq(halls.id, cases.hallId))
    .leftJoin(counters, eq(counters.id, cases.counterId))
    .where(where)
    .orderBy(asc(cases.openedAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const pickups = await reader
    .select({ caseId: caseVisits.caseId, number: tickets.number })
    .from(caseVisits)
    .innerJoin(tickets, eq(tickets.id, caseVisits.ticketId))
    .where(and(inArray(caseVisits.caseId, rows.map((r) => r.c.id)), eq(caseVisits.kind, 'pickup')));
  return rows.map(({ c, matterName, departmentName, counterNumber, timeZone }) => {
    const today = serviceDate(now, timeZone);
    const t = caseTimeOf(c, calendar, today);
    return {
      id: c.id,
      hallId: c.hallId,
      number: c.number,
      matterId: c.matterId,
      matterName,
      departmentId: c.departmentId,
      departmentName,
      ticketId: c.ticketId,
      counterId: c.counterId,
      counterNumber,
      status: c.status,
      delivery: c.delivery,
      received: c.received,
      notice: c.notice,
      openedAt: c.openedAt.toISOString(),
      acceptedAt: c.acceptedAt?.toISOString() ?? null,
      limitDays: c.limitDays,
      dueDate: t ? t.dueDate : c.dueDate,
      elapsedDays: t?.elapsedDays ?? null,
      alertLevel: alertOf(t),
      tolerated: c.tolerated,
      promiseDate: c.promiseDate,
      promiseKept: c.promiseKeptAt !== null,
      promiseOverdue: promiseOverdue(c, today),
      onTheSpot: c.onTheSpot,
      noticeCount: c.noticeCount,
      decidedAt: c.decidedAt?.toISOString() ?? null,
      reason: c.reason,
      trackingNumber: c.trackingNumber,
      readyAt: c.readyAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      visitorIdMasked: c.visitorIdMasked,
      pickupTicketNumber: pickups.filter((p) => p.caseId === c.id).at(-1)?.number ?? null,
    };
  });
}

export async function caseView(reader: Reader, caseId: string, calendar: WorkingDayCalendar, now: Date): Promise<CaseView> {
  const [view] = await caseViews(reader, eq(cases.id, caseId), calendar, now);
  if (!view) throw new AppError('not_found', 'Case not found');
  return view;
}

/** Which status each case event leaves the case in: the steps the visitor sees. */
const STEP_OF: Partial<Record<string, CaseStatus>> = {
  'case:opened': 'intake',
  'case:noticed': 'notice',
  'case:resumed': 'intake',
  'case:accepted': 'accepted',
  'case:not-accepted': 'not_accepted',
  'case:completed': 'closed',
  'case:reviewing': 'reviewing',
  'case:supplement-requested': 'supplement',
  'case:supplied': 'reviewing',
  'case:approved': 'approved',
  'case:refused': 'refused',
  'case:producing': 'producing',
  'case:ready': 'ready',
  'case:posted': 'posted',
  'case:delivered': 'closed',
  'case:collected': 'collected',
  'case:withdrawn': 'withdrawn',
};

/** The case's history from the hall event log (its audit trail), oldest first. */
export async function caseSteps(reader: Reader, hallId: string, caseId: string): Promise<CaseStepView[]> {
  const rows = await reader
    .select({ type: ticketEvents.type, at: ticketEvents.at, data: ticketEvents.data })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.hallId, hallId), sql`${ticketEvents.data} ? 'caseId'`, sql`${ticketEvents.data}->>'caseId' = ${caseId}`))
    .orderBy(asc(ticketEvents.seq));
  return rows.flatMap((r) => {
    const status = STEP_OF[r.type];
    if (!status) return [];
    return [{ status, at: r.at.toISOString(), counterNumber: r.data.counterNumber ?? null, note: r.data.note ?? null }];
  });
}

/** The phone page's view of a case: masked data only. */
export async function caseProgress(reader: Reader, caseId: string, calendar: WorkingDayCalendar, now: Date): Promise<CaseProgressView> {
  const v = await caseView(reader, caseId, calendar, now);
  const [resultRow] = await reader.select({ resultName: matterGuides.resultName }).from(matterGuides).where(eq(matterGuides.matterId, v.matterId));
  const pickup = v.status === 'ready' ? await pickupCounter(reader, v.hallId) : null;
  return {
    number: v.number,
    matterName: v.matterName,
    departmentName: v.departmentName,
    status: v.status,
    openedAt: v.openedAt,
    acceptedAt: v.acceptedAt,
    dueDate: v.dueDate,
    onTheSpot: v.onTheSpot,
    delivery: v.delivery,
    resultName: resultRow?.resultName ?? '',
    trackingNumber: v.trackingNumber,
    visitorIdMasked: v.visitorIdMasked,
    steps: await caseSteps(reader, v.hallId, caseId),
    notice: v.notice,
    pickup: pickup ? { counterNumber: pickup.number, counterName: pickup.name, hint: '' } : null,
  };
}

/** The hall's pickup counter (统一出件窗口) and the matter its tickets are issued for. */
export async function pickupCounter(reader: Reader, hallId: string): Promise<{ id: string; number: number; name: string; matterId: string } | null> {
  const [row] = await reader
    .select({ id: counters.id, number: counters.number, name: counters.name, matterId: counterMatters.matterId })
    .from(counters)
    .innerJoin(counterMatters, eq(counterMatters.counterId, counters.id))
    .innerJoin(matters, and(eq(matters.id, counterMatters.matterId), eq(matters.active, true)))
    .where(and(eq(counters.hallId, hallId), eq(counters.type, 'pickup'), eq(counters.active, true)))
    .orderBy(asc(counters.number), desc(counterMatters.preferred))
    .limit(1);
  return row ?? null;
}
