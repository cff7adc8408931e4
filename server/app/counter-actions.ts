/** Staff take a counter, pause it with a reason, resume and release it. */
import { redactPersonalData } from '../domain/free-text';
import { and, eq, ne } from 'drizzle-orm';
import { counters } from '../../db/schema';
import { applyCounterAction, type CounterAction } from '../domain/counter-machine';
import type { CommandResult, FactType } from '../protocol/events';
import { authorize, may, type Actor } from './actor';
import { AppError, unwrap } from './app-error';
import { hallOfCounter } from './call-next';
import type { AppDeps } from './deps';
import { activeTicketAt, counterView, loadCounterForUpdate } from './loaders';
import { runCommand } from './run-command';

export type CounterCommand = 'take' | 'release' | 'pause' | 'resume';

const FACTS = {
  take: 'counter:opened',
  release: 'counter:closed',
  pause: 'counter:paused',
  resume: 'counter:resumed',
} as const satisfies Record<CounterCommand, FactType>;

export async function actOnCounter(
  deps: AppDeps,
  actor: Actor,
  command: CounterCommand,
  input: { commandId: string; counterId: string; reason?: string },
): Promise<CommandResult> {
  const permission = `counter:${command}` as const;
  authorize(actor, permission);
  const hallId = await hallOfCounter(deps, input.counterId);
  authorize(actor, permission, { hallId });
  const reason = input.reason === undefined ? undefined : redactPersonalData(input.reason); // stored and logged: no personal data
  return runCommand(deps, { name: permission, hallId, actor, commandId: input.commandId }, async ({ tx, emit }) => {
    const counter = await loadCounterForUpdate(tx, input.counterId);
    // Taking is for a free counter (the domain refuses a taken one); the rest at the counter one holds.
    if (command !== 'take') authorize(actor, permission, { hallId, counterHolderId: counter.status === 'closed' ? actor.id : counter.staffId });
    if (command === 'take') {
      const [elsewhere] = await tx
        .select({ id: counters.id, number: counters.number })
        .from(counters)
        .where(and(eq(counters.staffId, actor.id), ne(counters.id, counter.id), ne(counters.status, 'closed')));
      if (elsewhere) {
        throw new AppError('staff_at_other_counter', `You are still signed in at counter ${elsewhere.number}; release it first`, undefined, {
          counterId: elsewhere.id,
          counterNumber: elsewhere.number,
        });
      }
    }
    const hasActiveTicket = command === 'release' || command === 'pause' ? (await activeTicketAt(tx, counter.id)) !== null : false;
    const action: CounterAction =
      command === 'take'
        ? { type: 'take', staffId: actor.id }
        : command === 'release'
          ? { type: 'release', staffId: actor.id, hasActiveTicket, force: may(actor, permission, { hallId, counterHolderId: null }) }
          : command === 'pause'
            ? { type: 'pause', staffId: actor.id, reason: reason ?? '', hasActiveTicket }
            : { type: 'resume', staffId: actor.id };
    const next = unwrap(applyCounterAction(counter, action));
    const changed = next.status !== counter.status || next.staffId !== counter.staffId || next.pauseReason !== counter.pauseReason;
    if (changed) {
      await tx
        .update(counters)
        .set({ status: next.status, staffId: next.staffId, pauseReason: next.pauseReason, ...(command === 'take' && { priorityStreak: 0 }) })
        .where(eq(counters.id, counter.id));
    }
    const view = await counterView(tx, counter.id);
    if (changed) emit({ type: FACTS[command], counter: view, ...(reason && { data: { reason } }) });
    return { counter: view };
  });
}
