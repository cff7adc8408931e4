/**
 * The staff session: sign in over HTTP, keep the token in sessionStorage (gone with the tab),
 * sign out, and end the session when the server no longer accepts it.
 */
import type { Ack, ErrorBody } from '../../../server/protocol/errors';
import type { StaffView } from '../../../server/protocol/views';
import { createStore, type Store } from '../../../ui-shared/src/store';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type RequestFn = <T>(method: string, path: string, body?: unknown, token?: string | null) => Promise<Ack<T>>;

export interface Session {
  token: string;
  staff: StaffView;
  expiresAt: string;
}

/** Why the sign-in screen is showing, when it is not the first visit. */
export type SignInReason = 'expired' | 'signed_out' | null;

export interface SessionStore {
  session: Store<Session | null>;
  reason: Store<SignInReason>;
  error: Store<ErrorBody | null>;
  pending: Store<boolean>;
  signIn(username: string, password: string): Promise<boolean>;
  signOut(): Promise<void>;
  /** The server refused the token (401 or a refused socket handshake). */
  expire(): void;
}

export const SESSION_KEY = 'yc-counter:session';

/**
 * A stored session is used as it is: whether it has expired is the server's call (this PC's clock
 * may be off), answered by a 401 or a refused socket handshake, which ends it here.
 */
function readSession(storage: StorageLike): Session | null {
  try {
    const raw = storage.getItem(SESSION_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return typeof s?.token === 'string' && s.staff && typeof s.staff.displayName === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function createSessionStore(deps: { storage: StorageLike; request: RequestFn }): SessionStore {
  const initial = readSession(deps.storage);
  if (!initial) deps.storage.removeItem(SESSION_KEY);
  const session = createStore<Session | null>(initial);
  const reason = createStore<SignInReason>(null);
  const error = createStore<ErrorBody | null>(null);
  const pending = createStore(false);

  function clear(why: SignInReason) {
    deps.storage.removeItem(SESSION_KEY);
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
        const r = await deps.request<Session>('POST', '/api/auth/login', { username: username.trim(), password });
        if (!r.ok) {
          error.set(r.error);
          return false;
        }
        deps.storage.setItem(SESSION_KEY, JSON.stringify(r.data));
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
      if (s) await deps.request('POST', '/api/auth/logout', undefined, s.token);
    },
    expire() {
      if (session.get()) clear('expired');
    },
  };
}
