/** /api/openapi.json and /api/docs are generated from the endpoint definitions and the policy table. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ENDPOINTS } from '../../server/protocol/endpoints';
import type { RunningServer } from '../../server/server';
import { createTestDb, type TestDb } from '../_support/db';
import { startTestServer } from '../_support/server';

let db: TestDb;
let server: RunningServer;
const t = suite('OpenAPI document and docs page');
t.before(async () => {
  db = await createTestDb();
  server = await startTestServer(db);
});
t.after(async () => {
  await server.close();
  await db.drop();
});

t('the document is OpenAPI 3.1 and lists every endpoint with its permission, parameters and body schema', async () => {
  const res = await fetch(`${server.url}/api/openapi.json`);
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, any>> };
  assert.is(doc.openapi, '3.1.0');
  const defs = Object.entries(ENDPOINTS);
  assert.is(Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0), defs.length);
  for (const [name, def] of defs) {
    const op = doc.paths[def.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[def.method.toLowerCase()];
    assert.ok(op, `${def.method} ${def.path} missing`);
    assert.is(op.operationId, name);
    assert.is(op['x-permission'].action, def.action);
    const pathParams = (def.path.match(/:([A-Za-z]+)/g) ?? []).map((p) => p.slice(1));
    assert.equal(op.parameters.filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name), pathParams, name);
    assert.is(Boolean(op.requestBody), 'body' in def, `${name} body`);
  }
  const issue = doc.paths['/api/halls/{hallId}/tickets']!.post;
  const body = issue.requestBody.content['application/json'].schema;
  assert.equal(body.required, ['commandId', 'matterId']);
  assert.is(body.properties.matterId.format, 'uuid');
  assert.is(body.additionalProperties, false);
  assert.match(issue.description, /kiosk \(own halls\)/);
  assert.equal(issue.security, [{ bearer: [] }]);
  assert.equal(doc.paths['/api/booking/halls']!.get.security, [], 'public endpoints need no token');
  const report = doc.paths['/api/reports']!.get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
  assert.ok(report.includes('query:from') && report.includes('query:hallIds'), report.join());
});

t('the docs page is one self-contained HTML page naming every endpoint and who may call it', async () => {
  const res = await fetch(`${server.url}/api/docs`);
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  const html = await res.text();
  for (const def of Object.values(ENDPOINTS)) assert.ok(html.includes(`<code>${def.path}</code>`), def.path);
  assert.match(html, /Who may call<\/b> \(<code>ticket:issue<\/code>\): admin \(any hall\), manager \(own halls\), staff \(own halls\), kiosk \(own halls\)/);
  assert.not.match(html, /<script|<link|src="http|href="http/, 'no external resources');
});

t.run();
