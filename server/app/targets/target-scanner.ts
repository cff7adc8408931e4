/**
 * Live wait and handling targets (docs/domain.md §3). Every ~12 s the scanner looks for waiting
 * tickets past 80 % of their wait target (at risk) or past it (breached), and for tickets served
 * longer than the counter handling target. Each alert level is raised with a guarded UPDATE
 * (… WHERE alert_level < level), so with several server processes each alert is raised — and its
 * fact published — exactly once. Facts go through runCommand (hall seq, audit log, publish after
 * commit) and carry the counters that can serve the ticket, whose rooms receive them too.
 * A failure is confined to its hall or ticket: it is logged and the round goes on with the rest.
 */
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { counterMatters, counters, halls, tickets } from '../../../db/schema';
import { serviceDate } from '../../domain/hall-time';
import { deadlineOf, urgencyOf } from '../../domain/routing-policy';
import type { TicketAlert } from '../../protocol/events';
import type { HallView } from '../../protocol/views';
import { SYSTEM } from '../actor';
import type { AppDeps } from '../deps';
import { counterView, ticketView } from '../loaders';
import { presentHall } from '../presenters';
import { runCommand } from '../run-command';
import { AT_RISK_SHARE } from '../../protocol/rules';

/** At-risk threshold: share of the wait target. */
export const LEVEL = { none: 0, atRisk: 1, breached: 2 } as const;

export interface ScanReport {
  atRisk: number;
  breached: number;
  handlingOverdue: number;
}

const MINUTE = 60_000;
const minutes = (ms: number) => Math.round((ms / MINUTE) * 10) / 10;

export type ScanLog = (msg: string, err: unknown) => void;
const consoleLog: ScanLog = (msg, err) => console.error(msg, err);

export async function scanTargets(deps: AppDeps, log: ScanLog = consoleLog): Promise<ScanReport> {
  const report: ScanReport = { atRisk: 0, breached: 0, handlingOverdue: 0 };
  for (const row of await deps.db.select().from(halls).orderBy(asc(halls.code))) {
    // One hall's failure (bad settings, a lost connection) must not stop the others' alerts.
    try {
      const hall = presentHall(row);
      await scanWaiting(deps, hall, report, log);
      await scanHandling(deps, hall, report, log);
    } catch (err) {
      log(`target scanner: hall ${row.code} (${row.id}) failed`, err);
    }
  }
  return report;
}

/** Runs one ticket's alert; a failure is logged and the scan goes on with the next ticket. */
async function guarded(log: ScanLog, hall: HallView, ticketId: string, raise: () => Promise<boolean>): Promise<boolean> {
  try {
    return await raise();
  } catch (err) {
    log(`target scanner: hall ${hall.code} ticket ${ticketId} failed`, err);
    return false;
  }
}

async function scanWaiting(deps: AppDeps, hall: HallView, report: ScanReport, log: ScanLog): Promise<void> {
  const now = deps.clock.now();
  const due = await deps.db
    .select({ id: tickets.id, waitStartAt: tickets.waitStartAt, waitTargetMinutes: tickets.waitTargetMinutes, alertLevel: tickets.alertLevel })
    .from(tickets)
    .where(
      and(
        eq(tickets.hallId, hall.id),
        eq(tickets.serviceDate, serviceDate(now, hall.timeZone)),
        eq(tickets.status, 'waiting'),
        lt(tickets.alertLevel, LEVEL.breached),
        sql`${tickets.waitStartAt} + ${tickets.waitTargetMinutes} * ${`${AT_RISK_SHARE * 60} seconds`}::interval <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(tickets.id));
  for (const t of due) {
    const urgency = urgencyOf(t, now);
    const level = urgency >= 1 ? LEVEL.breached : urgency >= AT_RISK_SHARE ? LEVEL.atRisk : LEVEL.none;
    if (level <= t.alertLevel) continue;
    const raised = await guarded(log, hall, t.id, () =>
      runCommand(deps, { name: 'ticket:target-alert', hallId: hall.id, actor: SYSTEM }, async ({ tx, emit }) => {
        const won = await tx
          .update(tickets)
          .set({ alertLevel: level })
          .where(and(eq(tickets.id, t.id), eq(tickets.status, 'waiting'), lt(tickets.alertLevel, level)))
          .returning({ matterId: tickets.matterId, targetCounterId: tickets.targetCounterId });
        if (won.length === 0) return false; // another process raised it, or the ticket was called
        const ticket = await ticketView(tx, t.id);
        const alert: TicketAlert = {
          kind: level === LEVEL.breached ? 'breached' : 'at_risk',
          deadline: deadlineOf(t).toISOString(),
          targetMinutes: t.waitTargetMinutes,
          elapsedMinutes: minutes(now.getTime() - t.waitStartAt.getTime()),
          counterIds: await countersThatCanServe(tx, hall.id, won[0]!.matterId, won[0]!.targetCounterId),
        };
        emit({ type: level === LEVEL.breached ? 'ticket:breached' : 'ticket:at-risk', ticket, alert, data: { alert } });
        return true;
      }),
    );
    if (raised) report[level === LEVEL.breached ? 'breached' : 'atRisk']++;
  }
}

async function scanHandling(deps: AppDeps, hall: HallView, report: ScanReport, log: ScanLog): Promise<void> {
  const now = deps.clock.now();
  const target = hall.settings.counterHandlingTargetMinutes;
  const due = await deps.db
    .select({ id: tickets.id, startedAt: tickets.startedAt, counterId: tickets.counterId })
    .from(tickets)
    .where(
      and(
        eq(tickets.hallId, hall.id),
        eq(tickets.serviceDate, serviceDate(now, hall.timeZone)),
        eq(tickets.status, 'serving'),
        isNull(tickets.handlingAlertedAt),
        sql`${tickets.startedAt} + ${`${target} minutes`}::interval <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(tickets.id));
  for (const t of due) {
    const raised = await guarded(log, hall, t.id, () =>
      runCommand(deps, { name: 'ticket:handling-alert', hallId: hall.id, actor: SYSTEM }, async ({ tx, emit }) => {
        const won = await tx
          .update(tickets)
          .set({ handlingAlertedAt: now })
          .where(and(eq(tickets.id, t.id), eq(tickets.status, 'serving'), isNull(tickets.handlingAlertedAt)))
          .returning({ id: tickets.id });
        if (won.length === 0) return false;
        const ticket = await ticketView(tx, t.id);
        const alert: TicketAlert = {
          kind: 'handling_overdue',
          deadline: new Date(t.startedAt!.getTime() + target * MINUTE).toISOString(),
          targetMinutes: target,
          elapsedMinutes: minutes(now.getTime() - t.startedAt!.getTime()),
          counterIds: t.counterId ? [t.counterId] : [],
        };
        emit({ type: 'ticket:handling-overdue', ticket, ...(t.counterId && { counter: await counterView(tx, t.counterId) }), alert, data: { alert } });
        return true;
      }),
    );
    if (raised) report.handlingOverdue++;
  }
}

/** Staffed counters (open or paused) authorised for the matter; only the target counter of a transfer. */
async function countersThatCanServe(tx: Tx, hallId: string, matterId: string, targetCounterId: string | null): Promise<string[]> {
  const rows = await tx
    .select({ id: counters.id })
    .from(counters)
    .innerJoin(counterMatters, eq(counterMatters.counterId, counters.id))
    .where(
      and(
        eq(counters.hallId, hallId),
        eq(counters.active, true),
        eq(counterMatters.matterId, matterId),
        inArray(counters.status, ['open', 'paused']),
        ...(targetCounterId ? [eq(counters.id, targetCounterId)] : []),
      ),
    )
    .orderBy(asc(counters.number));
  return rows.map((r) => r.id);
}
