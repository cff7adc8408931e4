/**
 * 错峰休息: a manager schedules a counter's breaks for a service day, as the staffing plan advises
 * them (docs/routing.md), with a reason. Goes through runCommand (idempotent commandId, hall seq,
 * audit event with the times before and after, publish after commit). The times must lie inside
 * that day's opening sessions; an empty list clears the day's breaks.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { counterBreaks } from '../../../db/schema';
import { redactPersonalData } from '../../domain/free-text';
import { effectiveSettings } from '../../domain/wait-target';
import type { counterBreaksBody } from '../../protocol/dashboard';
import type { CounterBreaksView } from '../../protocol/staffing-plan';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import { loadCalendar } from '../appointments/calendar';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';
import { presentHall } from '../presenters';
import { runCommand } from '../run-command';
import { lockCounter } from './lock-counter';
import { hallSessionsOn } from '../ticket-hours';

const text = (times: readonly { from: string; to: string }[]) => times.map((t) => `${t.from}–${t.to}`);

export async function scheduleCounterBreaks(deps: AppDeps, actor: Actor, hallId: string, counterId: string, input: z.output<typeof counterBreaksBody>): Promise<CounterBreaksView> {
  authorize(actor, 'counter:set-breaks', { hallId });
  const hall = presentHall(await loadHall(deps.db, hallId));
  const sessions = hallSessionsOn(await loadCalendar(deps.db), hall, effectiveSettings(hall.settings).openOnRestDays)(input.date);
  const outside = input.times.find((t) => !sessions.some((s) => s.start <= t.from && t.to <= s.end));
  if (outside) throw new AppError('validation_failed', `Break ${outside.from}–${outside.to} is not inside the opening sessions of ${input.date}`, { times: 'outside the day’s opening sessions' });
  const sorted = [...input.times].sort((a, b) => a.from.localeCompare(b.from));
  if (sorted.some((t, i) => i > 0 && t.from < sorted[i - 1]!.to)) throw new AppError('validation_failed', 'Breaks overlap', { times: 'overlap' });
  return runCommand(deps, { name: 'counter:set-breaks', hallId, actor, commandId: input.commandId }, async ({ tx, emit }) => {
    await lockCounter(tx, hallId, counterId);
    const key = and(eq(counterBreaks.counterId, counterId), eq(counterBreaks.serviceDate, input.date));
    const [before] = await tx.select().from(counterBreaks).where(key);
    await tx.delete(counterBreaks).where(key);
    if (sorted.length) await tx.insert(counterBreaks).values({ counterId, serviceDate: input.date, times: sorted });
    emit({ type: 'hall:configured', data: { what: 'counter-breaks', id: counterId, reason: redactPersonalData(input.reason), before: text(before?.times ?? []), after: text(sorted) } });
    return { counterId, date: input.date, times: sorted };
  });
}
