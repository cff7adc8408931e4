import { login, logout, noteLockOut } from '../../app/auth';
import { throttledSignIn } from '../../app/login-throttle';
import type { WhoAmI } from '../../protocol/views';
import { createFirstAdmin, setupStatus } from '../../app/setup/first-admin';
import { docsPage } from '../docs-page';
import { RawReply, signedIn, type EndpointHandlers } from '../handler';
import { buildOpenApi } from '../openapi';

let openApiJson: string | null = null;

export const authHandlers: EndpointHandlers<'openApi' | 'apiDocs' | 'login' | 'logout' | 'me' | 'setupStatus' | 'firstAdmin'> = {
  openApi: () => new RawReply('application/json; charset=utf-8', (openApiJson ??= JSON.stringify(buildOpenApi()))),
  apiDocs: () => new RawReply('text/html; charset=utf-8', docsPage()),
  setupStatus: (deps) => setupStatus(deps),
  async firstAdmin(deps, { body }) {
    await createFirstAdmin(deps, body);
    return login(deps, body.username, body.password);
  },
  login: (deps, { body, ctx }) =>
    // For the admin console only (staff.lockedUntil is shown there, never enforced): a lock-out happened.
    throttledSignIn(deps, ctx.ip, body.username, () => login(deps, body.username, body.password), (until) => noteLockOut(deps, body.username, until)),
  async logout(deps, { token }) {
    if (token) await logout(deps, token);
    return { ok: true };
  },
  me(_deps, { actor }): WhoAmI {
    const a = signedIn(actor);
    return a.kind === 'staff' ? { kind: 'staff', id: a.id, role: a.role, displayName: a.displayName, hallIds: a.hallIds } : a;
  },
};
