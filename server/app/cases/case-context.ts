/** What every case command needs: the hall of a counter or case, the calendar, the hall-local day, the fact. */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { halls } from '../../../db/schema';
import { cases } from '../../../db/schema-cases';
import { serviceDate } from '../../domain/hall-time';
import type { WorkingDayCalendar } from '../../domain/working-days';
import type { CaseFactType } from '../../protocol/events';
import { AppError } from '../app-error';
import { loadCalendar } from '../appointments/calendar';
import type { PendingFact } from '../run-command';
import { caseFact, type CaseRow } from './case-store';

/** The counter's hall: the queue's prepared look-up, shared with call-next. */
export { hallOfCounter } from '../call-next';

export async function hallOfCase(db: Db, caseId: string): Promise<string> {
  const [row] = await db.select({ hallId: cases.hallId }).from(cases).where(eq(cases.id, caseId));
  if (!row) throw new AppError('not_found', 'Case not found');
  return row.hallId;
}

export interface CaseDay {
  calendar: WorkingDayCalendar;
  today: string;
  timeZone: string;
}

export async function caseDay(tx: Tx | Db, hallId: string, now: Date): Promise<CaseDay> {
  const [hall] = await tx.select({ timeZone: halls.timeZone }).from(halls).where(eq(halls.id, hallId));
  if (!hall) throw new AppError('not_found', 'Hall not found');
  return { calendar: await loadCalendar(tx), today: serviceDate(now, hall.timeZone), timeZone: hall.timeZone };
}

/** A case:* fact with the audit data the event log keeps (no personal data). */
export function caseEvent(type: CaseFactType, row: CaseRow, day: CaseDay, data: Record<string, unknown> = {}): PendingFact {
  return { type, case: caseFact(row, day.calendar, day.today), data };
}
