/** Loads and locks a counter for a counter command, authorising the actor against who sits there. */
import type { Tx } from '../../db/client';
import { checkCanCall } from '../domain/counter-machine';
import type { Action } from '../protocol/permissions';
import { authorize, may, type Actor } from './actor';
import { AppError, unwrap } from './app-error';
import { activeTicketAt, loadCounterForCall, loadCounterForUpdate } from './loaders';

type LockedCounter = Awaited<ReturnType<typeof loadCounterForUpdate>>;

function authorizeAtCounter(actor: Actor, action: Action, counter: LockedCounter): void {
  authorize(actor, action, { hallId: counter.hallId });
  // Someone who may only act at their own counter is told first that a closed counter must be taken.
  if (counter.status === 'closed' && !may(actor, action, { hallId: counter.hallId, counterHolderId: null })) {
    throw new AppError('counter_not_open', 'This counter is closed; take it first');
  }
  authorize(actor, action, { hallId: counter.hallId, counterHolderId: counter.staffId });
}

export async function lockOwnCounter(tx: Tx, actor: Actor, action: Action, hallId: string | null, counterId: string) {
  const counter = await loadCounterForUpdate(tx, counterId);
  if (hallId && counter.hallId !== hallId) throw new AppError('not_found', 'Counter not found in this hall');
  authorizeAtCounter(actor, action, counter);
  return counter;
}

/** Locks the counter and checks it can call now: open, held by this actor, nothing in hand. */
export async function lockCounterForCall(tx: Tx, actor: Actor, action: Action, counterId: string) {
  const counter = await lockOwnCounter(tx, actor, action, null, counterId);
  const active = await activeTicketAt(tx, counterId);
  unwrap(checkCanCall(counter, counter.staffId === actor.id ? actor.id : '', active));
  return counter;
}

/**
 * call-next's lock: the counter with its hall, holder and links (loadCounterForCall), checked open
 * and held by this actor. Whether it has a ticket in hand is left to the caller's next statement
 * (see loadCounterForCall); `checkNothingInHand` says it in checkCanCall's words.
 */
export async function lockCounterToCallNext(tx: Tx, actor: Actor, action: Action, counterId: string) {
  const locked = await loadCounterForCall(tx, counterId);
  authorizeAtCounter(actor, action, locked.counter);
  const staffId = locked.counter.staffId === actor.id ? actor.id : '';
  unwrap(checkCanCall(locked.counter, staffId, null));
  return { ...locked, checkNothingInHand: async () => unwrap(checkCanCall(locked.counter, staffId, await activeTicketAt(tx, counterId))) };
}
