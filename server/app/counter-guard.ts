/** Loads and locks a counter for a counter command, authorising the actor against who sits there. */
import type { Tx } from '../../db/client';
import { checkCanCall } from '../domain/counter-machine';
import type { Action } from '../protocol/permissions';
import { authorize, may, type Actor } from './actor';
import { AppError, unwrap } from './app-error';
import { activeTicketAt, loadCounterForCommand, loadCounterForUpdate } from './loaders';

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

/**
 * The lock of a counter command that presents the counter afterwards: the counter with its hall,
 * holder and links (loadCounterForCommand), the actor authorised at it. Whether the counter can
 * call — open, held by this actor, nothing in hand — is `checkNothingInHand`: a ticket in hand is
 * what the lock's own statement cannot see (see loadCounterForCommand), so it takes a statement of
 * its own, which call-next runs only when it finds no candidate.
 */
export async function lockCounterForCommand(tx: Tx, actor: Actor, action: Action, counterId: string) {
  const locked = await loadCounterForCommand(tx, counterId);
  authorizeAtCounter(actor, action, locked.counter);
  const staffId = locked.counter.staffId === actor.id ? actor.id : '';
  return {
    ...locked,
    /** Open and held by this actor (no statement). */
    checkOpenAndHeld: () => unwrap(checkCanCall(locked.counter, staffId, null)),
    /** Open, held by this actor and nothing in hand (one statement). */
    checkNothingInHand: async () => unwrap(checkCanCall(locked.counter, staffId, await activeTicketAt(tx, counterId))),
  };
}
