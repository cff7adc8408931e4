/**
 * No HTTP route outside the endpoint definitions (server/protocol/endpoints.ts): the running app's
 * routers expose exactly the defined endpoints, and no source file builds a Koa router of its own
 * except server/http/router.ts, which builds them from the definitions. A route added by hand would
 * skip the policy table, the OpenAPI document, the typed client and the generated matrix test.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Router from '@koa/router';
import type Koa from 'koa';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { AppState } from '../../server/http/context';
import { createHttpApp } from '../../server/http/http-app';
import { ENDPOINTS } from '../../server/protocol/endpoints';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { startTestServer } from '../_support/server';
import { repoRoot, sourceFiles } from '../_support/source-files';

type Layer = { methods: string[]; path: string };

/** `GET /api/…` for every route layer of every router the app mounts. */
function mountedRoutes(app: Koa<AppState>): string[] {
  const out: string[] = [];
  for (const m of app.middleware as unknown as { router?: { stack: Layer[] } }[]) {
    for (const layer of m.router?.stack ?? []) for (const method of layer.methods.filter((x) => x !== 'HEAD')) out.push(`${method} ${layer.path}`);
  }
  return out;
}

const defined = new Set(Object.values(ENDPOINTS).map((d) => `${d.method} ${d.path}`));
const undefinedRoutes = (app: Koa<AppState>) => mountedRoutes(app).filter((r) => !defined.has(r));

let db: TestDb;
let server: RunningServer;
const t = suite('route registry: every HTTP route comes from the endpoint definitions');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
});
t.after(async () => {
  await server.close();
  await db.drop();
});

t('the running app exposes exactly the defined endpoints, each once', () => {
  const mounted = mountedRoutes(server.app);
  assert.equal(undefinedRoutes(server.app), [], 'registered outside server/protocol/endpoints.ts');
  assert.equal([...defined].filter((d) => !mounted.includes(d)), [], 'defined but not served');
  assert.is(mounted.length, defined.size, 'a route is registered twice');
});

t('a router mounted by hand is caught', () => {
  const extra = new Router<AppState>();
  extra.get('/api/hand-written', (ctx) => {
    ctx.body = { data: 'skips the policy table' };
  });
  const app = createHttpApp(server.deps, { mounts: [(a) => void a.use(extra.routes())] });
  assert.equal(undefinedRoutes(app), ['GET /api/hand-written']);
});

t('no server source builds a router except server/http/router.ts', () => {
  const root = repoRoot;
  const offenders = sourceFiles(join(root, 'server'))
    .map((f) => relative(root, f))
    .filter((f) => f !== 'server/http/router.ts' && /^import (?!type )[^;]*from '@koa\/router'|new Router\b|\.(get|post|put|patch|delete)\('\/api\//m.test(readFileSync(join(root, f), 'utf8')));
  assert.equal(offenders, []);
});

t.run();
