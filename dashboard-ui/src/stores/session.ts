/**
 * The manager's session (ui-shared/src/staff-session.ts) under the dashboard's storage key. A stored
 * session past its expiry by this PC's clock is not resumed; `reason` is 'expired' once the server
 * refuses the token, which the sign-in form says.
 */
import { createStaffSession, type RequestFn, type StaffSessionStore, type StorageLike } from '../../../ui-shared/src/staff-session';

export type { RequestFn, StorageLike } from '../../../ui-shared/src/staff-session';
export type SessionStore = StaffSessionStore;

export const SESSION_KEY = 'yc-dashboard:session';

export function createSessionStore(deps: { storage: StorageLike; request: RequestFn; now?: () => number }): SessionStore {
  const now = deps.now ?? Date.now;
  return createStaffSession({ storage: deps.storage, request: deps.request, key: SESSION_KEY, resumes: (s) => Date.parse(s.expiresAt) > now() });
}
