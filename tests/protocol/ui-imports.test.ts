/**
 * The UIs' one contract: every screen (`*-ui/src`) and `ui-shared/src` imports only UI files,
 * `ui-shared/src`, `server/protocol` and npm packages — never server/domain, server/app, db or any
 * other server code. And `server/protocol` itself reaches outside only for the printer profile
 * schema (a pure zod file), so nothing a UI imports drags server code into a browser bundle.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { repoRoot, sourceFiles } from '../_support/source-files';

const root = repoRoot;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every relative import of a file, as a path from the repository root. */
export function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (spec.startsWith('.')) out.push(relative(root, resolve(dirname(file), spec)));
  }
  return out;
}

function offenders(dirs: string[], allowed: (from: string, target: string) => boolean): string[] {
  const bad: string[] = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(join(root, dir))) {
      for (const target of importsOf(file, readFileSync(file, 'utf8'))) if (!allowed(dir, target)) bad.push(`${relative(root, file)} → ${target}`);
    }
  }
  return bad;
}

const uiDirs = readdirSync(root).filter((d) => d.endsWith('-ui') && existsSync(join(root, d, 'src'))).map((d) => `${d}/src`);
const inside = (target: string, dir: string) => target === dir || target.startsWith(`${dir}/`);

const t = suite('UIs import only server/protocol and ui-shared');

t('the screens and ui-shared are all found', () => {
  assert.ok(uiDirs.length >= 9, uiDirs.join(', '));
});

t('no UI or ui-shared file imports server code other than server/protocol', () => {
  // Another screen's files are UI code too (the admin console borrows the dashboard's styles).
  const bad = offenders([...uiDirs, 'ui-shared/src'], (_dir, target) => uiDirs.some((d) => inside(target, d)) || inside(target, 'ui-shared/src') || inside(target, 'server/protocol'));
  assert.equal(bad, []);
});

t('server/protocol reaches outside itself only for the printer profile schema', () => {
  const bad = offenders(['server/protocol'], (_dir, target) => inside(target, 'server/protocol') || target === 'ticket-printer/printer-profile');
  assert.equal(bad, []);
});

t('the scanner sees a forbidden import (it can fail)', () => {
  const file = join(root, 'kiosk-ui/src/x.ts');
  assert.equal(importsOf(file, "import { a } from '../../server/domain/masking';\nexport { b } from './b';\nimport '../../db/schema';"), ['server/domain/masking', 'kiosk-ui/src/b', 'db/schema']);
});

t.run();
