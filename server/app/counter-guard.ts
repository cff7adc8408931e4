/** Loads and locks a counter for a staff command, checking hall and who sits there. */
import type { Tx } from '../../db/client';
import { checkCanCall } from '../domain/counter-machine';
import { isSupervisor, requireHall, type Actor } from './actor';
import { AppError, unwrap } from './app-error';
import { activeTicketAt, loadCounterForUpdate } from './loaders';

export async function lockOwnCounter(tx: Tx, actor: Actor, hallId: string | null, counterId: string) {
  const counter = await loadCounterForUpdate(tx, counterId);
  if (hallId && counter.hallId !== hallId) throw new AppError('not_found', 'Counter not found in this hall');
  requireHall(actor, counter.hallId);
  if (actor.kind === 'device') throw new AppError('forbidden', 'Devices cannot operate counters');
  if (counter.status === 'closed' && !isSupervisor(actor)) throw new AppError('counter_not_open', 'This counter is closed; take it first');
  if (actor.kind === 'staff' && counter.staffId !== actor.id && !isSupervisor(actor)) {
    throw new AppError('forbidden', 'You are not signed in at this counter');
  }
  return counter;
}

/** Locks the counter and checks it can call now: open, held by this actor, nothing in hand. */
export async function lockCounterForCall(tx: Tx, actor: Actor, counterId: string) {
  const counter = await lockOwnCounter(tx, actor, null, counterId);
  const active = await activeTicketAt(tx, counterId);
  unwrap(checkCanCall(counter, counter.staffId === actor.id ? actor.id : '', active));
  return counter;
}
