/**
 * The manager's session: sign in over HTTP, keep the token in sessionStorage (gone with the tab),
 * sign out, and forget it when the server no longer accepts it.
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

export interface SessionStore {
  session: Store<Session | null>;
  error: Store<ErrorBody | null>;
  pending: Store<boolean>;
  expired: Store<boolean>;
  signIn(username: string, password: string): Promise<boolean>;
  signOut(): Promise<void>;
  expire(): void;
}

export const SESSION_KEY = 'yc-dashboard:session';

function read(storage: StorageLike, now: number): Session | null {
  try {
    const s = JSON.parse(storage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    return s && typeof s.token === 'string' && s.staff && Date.parse(s.expiresAt) > now ? s : null;
  } catch {
    return null;
  }
}

export function createSessionStore(deps: { storage: StorageLike; request: RequestFn; now?: () => number }): SessionStore {
  const session = createStore<Session | null>(read(deps.storage, (deps.now ?? Date.now)()));
  const error = createStore<ErrorBody | null>(null);
  const pending = createStore(false);
  const expired = createStore(false);
  const clear = () => {
    deps.storage.removeItem(SESSION_KEY);
    session.set(null);
  };
  return {
    session,
    error,
    pending,
    expired,
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
        expired.set(false);
        session.set(r.data);
        return true;
      } finally {
        pending.set(false);
      }
    },
    async signOut() {
      const s = session.get();
      clear();
      if (s) await deps.request('POST', '/api/auth/logout', undefined, s.token);
    },
    expire() {
      if (!session.get()) return;
      expired.set(true);
      clear();
    },
  };
}
