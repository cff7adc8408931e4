/**
 * The console shows each page to the roles the policy table lets read it, and its forms to those it
 * lets write — derived from server/protocol/permissions.ts, so a change of grant there changes the console.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { grantOf } from '../../server/protocol/permissions';
import { createAdminApp, PAGE_ACTIONS, PAGE_ORDER, pagesFor } from '../../admin-ui/src/stores/admin-app';

const t = suite('admin console: pages from the permission table');

t('an administrator sees every page; a manager every page but staff accounts; counter staff no staff, devices or audit; reviewers none', () => {
  assert.equal(pagesFor('admin'), PAGE_ORDER);
  assert.equal(pagesFor('manager'), ['halls', 'zones', 'departments', 'matters', 'counters', 'devices', 'calendar', 'audit']);
  const staff = pagesFor('staff');
  for (const p of ['staff', 'devices', 'audit'] as const) assert.not.ok(staff.includes(p), `counter staff do not see ${p}`);
  assert.equal(pagesFor('reviewer'), [], 'a reviewer configures nothing (their screen is the back office)');
  assert.equal(pagesFor(null), []);
});

t('for every role and page: visible exactly when the table grants the page’s read action', () => {
  for (const role of ['admin', 'manager', 'staff', 'reviewer'] as const) {
    for (const page of PAGE_ORDER) {
      assert.is(pagesFor(role).includes(page), grantOf(role, PAGE_ACTIONS[page].read) !== undefined, `${role} × ${page}`);
    }
  }
});

t('forms follow the write grants of the signed-in role: a manager reads but does not write', async () => {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
  const app = createAdminApp({ storage, request: async () => ({ ok: false, error: { code: 'network', message: 'offline' } }) as never });
  const signIn = (role: 'admin' | 'manager') =>
    app.session.session.set({ token: 't', expiresAt: '2099-01-01T00:00:00Z', staff: { id: 'x', username: 'u', displayName: 'U', role, hallIds: [] } } as never);
  signIn('manager');
  assert.equal([app.may('matter:list'), app.may('matter:save'), app.may('staff:list'), app.grant('audit:read')], [true, false, false, 'own_hall']);
  signIn('admin');
  assert.equal([app.may('matter:save'), app.may('department:save'), app.grant('audit:read')], [true, true, 'any_hall']);
});

t.run();
