/**
 * The admin console's state in plain TypeScript: the session, whether the installation still needs
 * its first administrator, the hall being configured, and an authenticated request helper that ends
 * the session on a 401. Pages load what they show through `call` and reload after each change.
 */
import type { Ack } from '../../../server/protocol/errors';
import type { SetupStatus } from '../../../server/protocol/setup';
import type { HallView } from '../../../server/protocol/views';
import { createStaffSession, type RequestFn, type StaffSession, type StorageLike } from '../../../ui-shared/src/staff-session';
import { createStore } from '../../../ui-shared/src/store';

export type PageId = 'halls' | 'zones' | 'departments' | 'matters' | 'counters' | 'staff' | 'devices' | 'calendar' | 'audit';

/**
 * Which pages each role sees. Admins configure everything; a hall manager sees, for their own halls,
 * the pages the server lets them read (devices and printer status, calendar, audit). The server
 * checks every request again: this table only decides what the console offers.
 */
export const PAGES_BY_ROLE: Record<string, PageId[]> = {
  admin: ['halls', 'zones', 'departments', 'matters', 'counters', 'staff', 'devices', 'calendar', 'audit'],
  manager: ['halls', 'devices', 'calendar', 'audit'],
  staff: [],
};

export interface AdminAppDeps {
  storage: StorageLike;
  request: RequestFn;
}

export function createAdminApp(deps: AdminAppDeps) {
  const session = createStaffSession({ storage: deps.storage, request: deps.request, key: 'yc-admin-session' });
  const setup = createStore<SetupStatus | null>(null);
  const halls = createStore<HallView[]>([]);
  const hallId = createStore<string | null>(null);
  const page = createStore<PageId>('halls');

  async function call<T>(method: string, path: string, body?: unknown): Promise<Ack<T>> {
    const r = await deps.request<T>(method, path, body, session.session.get()?.token ?? null);
    if (!r.ok && r.error.code === 'unauthenticated') session.expire();
    return r;
  }

  async function loadSetup(): Promise<void> {
    const r = await deps.request<SetupStatus>('GET', '/api/setup/status');
    setup.set(r.ok ? r.data : { needsFirstAdmin: false });
  }

  async function loadHalls(): Promise<void> {
    const r = await call<HallView[]>('GET', '/api/halls');
    if (!r.ok) return;
    halls.set(r.data);
    const current = hallId.get();
    if (!current || !r.data.some((h) => h.id === current)) hallId.set(r.data[0]?.id ?? null);
  }

  async function createFirstAdmin(input: { code: string; username: string; displayName: string; password: string }): Promise<Ack<StaffSession>> {
    const r = await deps.request<StaffSession>('POST', '/api/setup/first-admin', input);
    if (r.ok) {
      deps.storage.setItem('yc-admin-session', JSON.stringify(r.data));
      session.session.set(r.data);
      setup.set({ needsFirstAdmin: false });
    }
    return r;
  }

  function pages(): PageId[] {
    return PAGES_BY_ROLE[session.session.get()?.staff.role ?? ''] ?? [];
  }

  const isAdmin = () => session.session.get()?.staff.role === 'admin';

  return { session, setup, halls, hallId, page, call, loadSetup, loadHalls, createFirstAdmin, pages, isAdmin };
}

export type AdminApp = ReturnType<typeof createAdminApp>;
export type { StaffSession };
