/**
 * The end-of-day job (server/domain/day-close.ts): closes the tickets of a closed service day with
 * the reason `day_closed`, through runCommand (hall seq, audit log, facts after commit — every
 * screen drops them). Rows are locked with SKIP LOCKED and re-checked by the state machine, so any
 * number of server processes may run it at once and each ticket is closed exactly once. Then the
 * hall's past days that are not yet rolled up are (reports/rollup.ts `sealPastDays`).
 */
import { and, eq, inArray, lt, or } from 'drizzle-orm';
import { halls, tickets } from '../../db/schema';
import { dayCutoff, DAY_CLOSED_REASON, statusesToClose, CLOSED_AFTER_THE_DAY, CLOSED_AT_CUTOFF } from '../domain/day-close';
import { serviceDate } from '../domain/hall-time';
import { applyTicketAction } from '../domain/ticket-machine';
import { effectiveSettings } from '../domain/wait-target';
import { SYSTEM } from './actor';
import type { AppDeps } from './deps';
import { ticketView } from './loaders';
import { presentHall } from './presenters';
import { sealPastDays } from './reports/rollup';
import { runCommand } from './run-command';
import { stateOf, writeTicket } from './ticket-writes';

const BATCH = 200;

/** Closes what is due in every hall; returns how many tickets it closed. */
export async function closeEndedDays(deps: AppDeps): Promise<number> {
  let closed = 0;
  for (const row of await deps.db.select().from(halls)) {
    const hall = presentHall(row);
    const now = deps.clock.now();
    const today = serviceDate(now, hall.timeZone);
    const cutoff = dayCutoff(today, effectiveSettings(hall.settings).dayCutoff, hall.timeZone);
    const due = or(
      and(lt(tickets.serviceDate, today), inArray(tickets.status, [...CLOSED_AFTER_THE_DAY])),
      now >= cutoff ? and(eq(tickets.serviceDate, today), inArray(tickets.status, [...CLOSED_AT_CUTOFF])) : undefined,
    );
    for (;;) {
      const n = await runCommand(deps, { name: 'ticket:day-close', hallId: hall.id, actor: SYSTEM }, async ({ tx, now: at, emit }) => {
        const rows = await tx
          .select()
          .from(tickets)
          .where(and(eq(tickets.hallId, hall.id), due))
          .limit(BATCH)
          .for('update', { skipLocked: true });
        let count = 0;
        for (const t of rows) {
          if (!statusesToClose(t.serviceDate, today, at, cutoff).includes(t.status)) continue;
          const next = applyTicketAction(stateOf(t), { type: 'cancel', at });
          if (!next.ok) continue;
          await writeTicket(tx, t.id, next.value);
          emit({ type: 'ticket:cancelled', ticket: await ticketView(tx, t.id), data: { reason: DAY_CLOSED_REASON, serviceDate: t.serviceDate } });
          count++;
        }
        return rows.length === 0 ? -1 : count;
      });
      if (n < 0) break;
      closed += n;
      if (n === 0) break; // all due rows are locked by another process, which is closing them
    }
    // The hall's closed past days become report roll-ups (reports/rollup.ts), a month per run:
    // a long history is covered over successive runs without holding up the other halls' closes.
    await sealPastDays(deps.db, hall.id, hall.timeZone, deps.clock.now(), { months: 1 });
  }
  return closed;
}
