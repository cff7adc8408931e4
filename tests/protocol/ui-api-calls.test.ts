/**
 * Every UI calls the HTTP API through the one typed client (ui-shared/src/api-client.ts), by
 * endpoint name: no screen (`*-ui/src`) and no other ui-shared file may spell an `/api/` path in a
 * string, so a hand-written request cannot creep back in beside the client. Comments may still cite
 * a route (`GET /api/halls/:hallId/...`); only string and template literals count. And only the
 * client's transport (ui-shared/src/http.ts) calls the browser's `fetch`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { repoRoot, sourceFiles } from '../_support/source-files';

const root = repoRoot;
const CLIENT = 'ui-shared/src/api-client.ts';
const TRANSPORT = 'ui-shared/src/http.ts';
/** A call of the global fetch (not `deps.fetch(…)`, not a method declared as `fetch(id: string)`). */
const GLOBAL_FETCH = /(?<![.\w])fetch\((?!\s*\w+\??: )/;
/** A string or template literal that starts an API path. */
const API_LITERAL = /['"`]\/api\//;

export function apiLiterals(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (API_LITERAL.test(line) ? [i + 1] : []));
}

const uiDirs = [...readdirSync(root).filter((d) => d.endsWith('-ui') && existsSync(join(root, d, 'src'))).map((d) => `${d}/src`), 'ui-shared/src'];

const t = suite('UIs call the API only through the typed client');

t('the detector sees string and template literals, not comments', () => {
  assert.equal(apiLiterals("request('GET', '/api/halls')"), [1]);
  assert.equal(apiLiterals('x\nfetch(`/api/halls/${id}/zones`)'), [2]);
  assert.equal(apiLiterals('fetch("/api/health")'), [1]);
  assert.equal(apiLiterals(' * (GET /api/halls/:hallId/case-report), with a CSV'), []);
  assert.ok(GLOBAL_FETCH.test('const res = await fetch(path, { headers })'));
  assert.ok(GLOBAL_FETCH.test('void fetch(url)'));
  assert.not.ok(GLOBAL_FETCH.test('const r = await deps.fetch(hallId);'));
  assert.not.ok(GLOBAL_FETCH.test('  fetch(hallId: string): Promise<Ack<StaffingPlanView>>;'));
});

t('there are UIs to check, and the client itself holds the paths it builds from', () => {
  assert.ok(uiDirs.length >= 8, `UI source folders found: ${uiDirs.join(', ')}`);
  assert.ok(existsSync(join(root, CLIENT)));
});

t('no UI source file outside the client spells an /api/ path', () => {
  const bad: string[] = [];
  for (const dir of uiDirs) {
    for (const file of sourceFiles(join(root, dir))) {
      const rel = relative(root, file);
      if (rel === CLIENT) continue;
      for (const line of apiLiterals(readFileSync(file, 'utf8'))) bad.push(`${rel}:${line}`);
    }
  }
  assert.equal(bad, [], `call these through createApiClient(...).call('<endpoint>', …) instead:\n${bad.join('\n')}`);
});

t('only the transport calls fetch', () => {
  const bad: string[] = [];
  for (const dir of uiDirs) {
    for (const file of sourceFiles(join(root, dir))) {
      const rel = relative(root, file);
      if (rel === TRANSPORT) continue;
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => GLOBAL_FETCH.test(line) && bad.push(`${rel}:${i + 1}`));
    }
  }
  assert.equal(bad, [], `go through the typed client (its file() for downloads) instead:\n${bad.join('\n')}`);
});

t.run();
