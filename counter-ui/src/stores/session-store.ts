/**
 * The counter's staff session (ui-shared/src/staff-session.ts) under its own storage key.
 * A stored session is used as it is: whether it has expired is the server's call (this PC's clock
 * may be off), answered by a 401 or a refused socket handshake, which ends it here.
 */
import { createStaffSession, type RequestFn, type StaffSessionStore, type StorageLike } from '../../../ui-shared/src/staff-session';

export type { RequestFn, SignInReason, StorageLike } from '../../../ui-shared/src/staff-session';
export type SessionStore = StaffSessionStore;

export const SESSION_KEY = 'yc-counter:session';

export function createSessionStore(deps: { storage: StorageLike; request: RequestFn }): SessionStore {
  return createStaffSession({ ...deps, key: SESSION_KEY });
}
