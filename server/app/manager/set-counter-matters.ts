/**
 * 潮汐窗口 (tidal counter): a manager of the hall opens or reassigns the matters a counter serves,
 * with a reason. Narrower than the admin's counter PATCH: matters only. Goes through runCommand
 * (idempotent commandId, hall seq, audit event with before/after and reason, publish after commit);
 * the 'hall:configured' fact makes every client take a fresh snapshot.
 */
import { redactPersonalData } from '../../domain/free-text';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { counterMatters } from '../../../db/schema';
import type { counterMattersBody } from '../../protocol/dashboard';
import type { CounterView } from '../../protocol/views';
import { authorize, type Actor } from '../actor';
import { setCounterMatters } from '../admin/counters';
import type { AppDeps } from '../deps';
import { counterView } from '../loaders';
import { runCommand } from '../run-command';
import { lockCounter } from './lock-counter';

export async function assignCounterMatters(
  deps: AppDeps,
  actor: Actor,
  hallId: string,
  counterId: string,
  input: z.output<typeof counterMattersBody>,
): Promise<CounterView> {
  authorize(actor, 'counter:set-matters', { hallId });
  return runCommand(deps, { name: 'counter:set-matters', hallId, actor, commandId: input.commandId }, async ({ tx, emit }) => {
    await lockCounter(tx, hallId, counterId);
    const before = await tx.select().from(counterMatters).where(eq(counterMatters.counterId, counterId));
    // A matter the counter keeps keeps its "preferred" mark.
    const preferred = before.filter((l) => l.preferred && input.matterIds.includes(l.matterId)).map((l) => l.matterId);
    await setCounterMatters(tx, hallId, counterId, input.matterIds, preferred);
    const view = await counterView(tx, counterId);
    emit({
      type: 'hall:configured',
      counter: view,
      data: { what: 'counter-matters', reason: redactPersonalData(input.reason), before: before.map((l) => l.matterId), after: view.matterIds },
    });
    return view;
  });
}
