/** Staff take a counter, pause it with a reason, resume and release it. */
import { redactPersonalData } from '../domain/free-text';
import { and, eq, ne } from 'drizzle-orm';
import { counters } from '../../db/schema';
import { applyCounterAction, type CounterAction } from '../domain/counter-machine';
import type { CommandResult, FactType } from '../protocol/events';
import { isSupervisor, requireHall, requireStaff, type Actor } from './actor';
import { AppError, unwrap } from './app-error';
import { hallOfCounter } from './call-next';
import type { AppDeps } from './deps';
import { activeTicketAt, counterView, loadCounterForUpdate } from './loaders';
import { runCommand } from './run-command';

export type CounterCommand = 'take' | 'release' | 'pause' | 'resume';

const FACTS: Record<CounterCommand, FactType> = {
  take: 'counter:opened',
  release: 'counter:closed',
  pause: 'counter:paused',
  resume: 'counter:resumed',
};

export async function actOnCounter(
  deps: AppDeps,
  actor: Actor,
  command: CounterCommand,
  input: { commandId: string; counterId: string; reason?: string },
): Promise<CommandResult> {
  const staff = requireStaff(actor);
  const hallId = await hallOfCounter(deps, input.counterId);
  requireHall(actor, hallId);
  const reason = input.reason === undefined ? undefined : redactPersonalData(input.reason); // stored and logged: no personal data
  return runCommand(deps, { name: `counter:${command}`, hallId, actor, commandId: input.commandId }, async ({ tx, emit }) => {
    const counter = await loadCounterForUpdate(tx, input.counterId);
    if (command === 'take') {
      const [elsewhere] = await tx
        .select({ id: counters.id, number: counters.number })
        .from(counters)
        .where(and(eq(counters.staffId, staff.id), ne(counters.id, counter.id), ne(counters.status, 'closed')));
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
        ? { type: 'take', staffId: staff.id }
        : command === 'release'
          ? { type: 'release', staffId: staff.id, hasActiveTicket, force: isSupervisor(actor) }
          : command === 'pause'
            ? { type: 'pause', staffId: staff.id, reason: reason ?? '', hasActiveTicket }
            : { type: 'resume', staffId: staff.id };
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
