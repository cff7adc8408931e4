/**
 * A staff member's session, shared by the counter and the dashboard: sign in over HTTP, keep the
 * token in sessionStorage (gone with the tab), sign out, and end the session when the server no
 * longer accepts it. Each app picks its storage key and whether a stored session is resumed.
 */
import type { LoginResult } from '../../server/protocol/endpoints';
import type { ErrorBody } from '../../server/protocol/errors';
import { createApiClient, type RequestFn } from './api-client';
import { createStore, type Store } from './store';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type { RequestFn };

/** What sign-in answers, kept for the tab's lifetime. */
export type StaffSession = LoginResult;

/** Why the sign-in screen is showing, when it is not the first visit. */
export type SignInReason = 'expired' | 'signed_out' | null;

export interface StaffSessionStore {
  session: Store<StaffSession | null>;
  reason: Store<SignInReason>;
  error: Store<ErrorBody | null>;
  pending: Store<boolean>;
  signIn(username: string, password: string): Promise<boolean>;
  signOut(): Promise<void>;
  /** The server refused the token (401 or a refused socket handshake). */
  expire(): void;
}

export interface StaffSessionDeps {
  storage: StorageLike;
  request: RequestFn;
  /** The storage key, one per app. */
  key: string;
  /** Whether a well-formed stored session is resumed on load; by default always (the server decides). */
  resumes?: (stored: StaffSession) => boolean;
}

function readSession(deps: StaffSessionDeps): StaffSession | null {
  try {
    const raw = deps.storage.getItem(deps.key);
    if (!raw) return null;
    const s = JSON.parse(raw) as StaffSession;
    const wellFormed = typeof s?.token === 'string' && s.staff && typeof s.staff.displayName === 'string';
    return wellFormed && (deps.resumes?.(s) ?? true) ? s : null;
  } catch {
    return null;
  }
}

export function createStaffSession(deps: StaffSessionDeps): StaffSessionStore {
  const initial = readSession(deps);
  if (!initial) deps.storage.removeItem(deps.key);
  const session = createStore<StaffSession | null>(initial);
  const reason = createStore<SignInReason>(null);
  const error = createStore<ErrorBody | null>(null);
  const pending = createStore(false);

  function clear(why: SignInReason) {
    deps.storage.removeItem(deps.key);
    reason.set(why);
    session.set(null);
  }

  return {
    session,
    reason,
    error,
    pending,
    async signIn(username, password) {
      if (pending.get()) return false;
      pending.set(true);
      error.set(null);
      try {
        const r = await createApiClient(deps.request).call('login', { body: { username: username.trim(), password } });
        if (!r.ok) {
          error.set(r.error);
          return false;
        }
        deps.storage.setItem(deps.key, JSON.stringify(r.data));
        reason.set(null);
        session.set(r.data);
        return true;
      } finally {
        pending.set(false);
      }
    },
    async signOut() {
      const s = session.get();
      clear('signed_out');
      if (s) await createApiClient(deps.request, () => s.token).call('logout');
    },
    expire() {
      if (session.get()) clear('expired');
    },
  };
}
