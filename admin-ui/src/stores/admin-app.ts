/**
 * The admin console's state in plain TypeScript: the session, whether the installation still needs
 * its first administrator, the hall being configured, and an authenticated request helper that ends
 * the session on a 401. Pages load what they show through `call` and reload after each change.
 */
import type { Ack } from '../../../server/protocol/errors';
import type { SetupStatus } from '../../../server/protocol/setup';
import type { HallView, Role } from '../../../server/protocol/views';
import { createStaffSession, type RequestFn, type StaffSession, type StorageLike } from '../../../ui-shared/src/staff-session';
import { createStore } from '../../../ui-shared/src/store';
import { createApiClient, type ApiClient, type FileRequestFn } from '../../../ui-shared/src/api-client';
import type { BodyOf } from '../../../server/protocol/endpoint';
import type { Endpoints } from '../../../server/protocol/endpoints';
import { grantOf, type Action } from '../../../server/protocol/permissions';

export type PageId = 'halls' | 'zones' | 'departments' | 'matters' | 'counters' | 'staff' | 'devices' | 'calendar' | 'audit';

/**
 * What each page reads and writes, as actions of THE policy table (server/protocol/permissions.ts):
 * a role sees a page when the table lets it read it, and gets its forms when the table lets it write.
 * No second list of roles: change a grant there and the console follows. The server checks every
 * request again (and scopes a manager to their halls); this only decides what the console offers.
 */
export const PAGE_ACTIONS: Record<PageId, { read: Action; write: Action }> = {
  halls: { read: 'hall:list', write: 'hall:update' },
  zones: { read: 'zone:list', write: 'zone:save' },
  departments: { read: 'department:list', write: 'department:save' },
  matters: { read: 'matter:list', write: 'matter:save' },
  counters: { read: 'counter:list', write: 'counter:save' },
  staff: { read: 'staff:list', write: 'staff:update' },
  devices: { read: 'device:list', write: 'device:update' },
  calendar: { read: 'calendar:read', write: 'calendar:write' },
  audit: { read: 'audit:read', write: 'audit:read' },
};
export const PAGE_ORDER = Object.keys(PAGE_ACTIONS) as PageId[];

/** The pages a staff role may open, in the navigation's order (devices never sign in to the console). */
export function pagesFor(role: Role | null): PageId[] {
  return role ? PAGE_ORDER.filter((p) => grantOf(role, PAGE_ACTIONS[p].read) !== undefined) : [];
}

export interface AdminAppDeps {
  storage: StorageLike;
  request: RequestFn;
  /** The file transport for exports (the audit CSV). */
  requestFile?: FileRequestFn;
}

export function createAdminApp(deps: AdminAppDeps) {
  const session = createStaffSession({ storage: deps.storage, request: deps.request, key: 'yc-admin-session' });
  const setup = createStore<SetupStatus | null>(null);
  const halls = createStore<HallView[]>([]);
  const hallId = createStore<string | null>(null);
  const page = createStore<PageId>('halls');

  const publicApi = createApiClient(deps.request);
  const signedIn = createApiClient(deps.request, () => session.session.get()?.token ?? null, deps.requestFile);
  /** The typed client, signed in; a 401 ends the session. */
  async function settle<T>(pending: Promise<Ack<T>>): Promise<Ack<T>> {
    const r = await pending;
    if (!r.ok && r.error.code === 'unauthenticated') session.expire();
    return r;
  }
  const api = {
    call: ((name, ...args) => settle(signedIn.call(name, ...args))) as ApiClient['call'],
    send: (prepared) => settle(signedIn.send(prepared)),
    file: (prepared) => settle(signedIn.file(prepared)),
    urlOf: signedIn.urlOf,
    url: signedIn.url,
  } satisfies ApiClient;

  async function loadSetup(): Promise<void> {
    const r = await publicApi.call('setupStatus');
    setup.set(r.ok ? r.data : { needsFirstAdmin: false });
  }

  async function loadHalls(): Promise<void> {
    const r = await api.call('listHalls');
    if (!r.ok) return;
    halls.set(r.data);
    const current = hallId.get();
    if (!current || !r.data.some((h) => h.id === current)) hallId.set(r.data[0]?.id ?? null);
  }

  async function createFirstAdmin(input: BodyOf<Endpoints['firstAdmin']>): Promise<Ack<StaffSession>> {
    const r = await publicApi.call('firstAdmin', { body: input });
    if (r.ok) {
      deps.storage.setItem('yc-admin-session', JSON.stringify(r.data));
      session.session.set(r.data);
      setup.set({ needsFirstAdmin: false });
    }
    return r;
  }

  const role = (): Role | null => session.session.get()?.staff.role ?? null;
  const pages = (): PageId[] => pagesFor(role());
  /** Whether the policy table lets the signed-in role do this at all (its hall scope is the server's to check). */
  const grant = (action: Action) => {
    const r = role();
    return r === null ? undefined : grantOf(r, action);
  };
  const may = (action: Action): boolean => grant(action) !== undefined;
  const isAdmin = () => role() === 'admin';

  return { session, setup, halls, hallId, page, api, loadSetup, loadHalls, createFirstAdmin, pages, may, grant, isAdmin };
}

export type AdminApp = ReturnType<typeof createAdminApp>;
export type { StaffSession };
