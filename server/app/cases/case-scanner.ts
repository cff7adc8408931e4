/**
 * Case limits, live: each round looks at every case on the clock and raises its alert level once
 * it reaches 80 % of its promised working days (case:at-risk) or passes its due date (case:overdue),
 * and flags a 容缺 promise past its date (case:promise-overdue). Levels only rise, with guarded
 * UPDATEs (… WHERE alert_level < level), so with several processes each alert is published once.
 * The facts reach the hall's staff room, where the dashboard shows them to managers.
 */
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { halls } from '../../../db/schema';
import { cases } from '../../../db/schema-cases';
import { promiseOverdue } from '../../domain/case-machine';
import { SYSTEM } from '../actor';
import type { AppDeps } from '../deps';
import { runCommand } from '../run-command';
import { caseDay, caseEvent } from './case-context';
import { caseTimeOf } from './case-store';

export interface CaseScanReport {
  atRisk: number;
  overdue: number;
  promiseOverdue: number;
}

const WATCHED = ['accepted', 'reviewing', 'supplement', 'approved', 'producing', 'ready', 'posted'] as const;

export async function scanCases(deps: AppDeps, log: (msg: string, err: unknown) => void = (m, e) => console.error(m, e)): Promise<CaseScanReport> {
  const report: CaseScanReport = { atRisk: 0, overdue: 0, promiseOverdue: 0 };
  const hallRows = await deps.db.select({ id: halls.id }).from(halls).orderBy(halls.code);
  for (const hall of hallRows) {
    try {
      const now = deps.clock.now();
      const day = await caseDay(deps.db, hall.id, now);
      const rows = await deps.db.select().from(cases).where(and(eq(cases.hallId, hall.id), inArray(cases.status, [...WATCHED])));
      for (const c of rows) {
        const t = caseTimeOf(c, day.calendar, day.today);
        const level = t?.level === 'overdue' ? 2 : t?.level === 'at_risk' ? 1 : 0;
        if (level > c.alertLevel) {
          const raised = await runCommand(deps, { name: 'case:alert', hallId: hall.id, actor: SYSTEM }, async ({ tx, emit }) => {
            const [row] = await tx.update(cases).set({ alertLevel: level }).where(and(eq(cases.id, c.id), lt(cases.alertLevel, level))).returning();
            if (!row) return false;
            emit(caseEvent(level === 2 ? 'case:overdue' : 'case:at-risk', row, day, { elapsedDays: t!.elapsedDays, limitDays: c.limitDays }));
            return true;
          });
          if (raised) report[level === 2 ? 'overdue' : 'atRisk']++;
        }
        if (promiseOverdue(c, day.today) && c.promiseAlertedAt === null) {
          const raised = await runCommand(deps, { name: 'case:promise-alert', hallId: hall.id, actor: SYSTEM }, async ({ tx, now: at, emit }) => {
            const [row] = await tx.update(cases).set({ promiseAlertedAt: at }).where(and(eq(cases.id, c.id), isNull(cases.promiseAlertedAt))).returning();
            if (!row) return false;
            emit(caseEvent('case:promise-overdue', row, day, { promiseDate: c.promiseDate }));
            return true;
          });
          if (raised) report.promiseOverdue++;
        }
      }
    } catch (err) {
      log(`case scanner: hall ${hall.id} skipped`, err);
    }
  }
  return report;
}
