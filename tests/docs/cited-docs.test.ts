/**
 * Every document the code, tests and docs cite exists in the repository: each `docs/<name>.md`
 * named anywhere is a file, each `docs/domain.md §N` is a section of it, and nothing cites a
 * DOMAIN.md outside docs/ (the rules are explained in our own words in docs/domain.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { repoRoot, sourceFiles } from '../_support/source-files';

const root = repoRoot;
const sources = sourceFiles(root, /\.(ts|md)$/).map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));
const domain = readFileSync(join(root, 'docs/domain.md'), 'utf8');

/** Problems in one file's citations. */
export function citationProblems(path: string, text: string, exists: (p: string) => boolean, sections: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/docs\/[A-Za-z0-9_/-]+\.md/g)) if (!exists(m[0])) out.push(`${path}: cites ${m[0]}, which does not exist`);
  for (const m of text.matchAll(/docs\/domain\.md((?:[ ,;]*(?:and )?§\d+)+)/g)) {
    for (const n of m[1]!.match(/\d+/g)!) if (!sections.has(n)) out.push(`${path}: cites docs/domain.md §${n}, which is not a section`);
  }
  for (const m of text.matchAll(/(?<!docs\/)\bDOMAIN\.md/g)) out.push(`${path}: cites ${m[0]} outside the repository's docs/ (at ${m.index})`);
  return out;
}

const sections = new Set([...domain.matchAll(/^## (\d+)\./gm)].map((m) => m[1]!));
const t = suite('cited docs exist');

t('docs/domain.md has its numbered sections', () => {
  assert.equal([...sections], ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
});

t('every docs path and docs/domain.md section cited anywhere exists', () => {
  const problems = sources.filter((s) => s.path !== 'tests/docs/cited-docs.test.ts').flatMap((s) => citationProblems(s.path, s.text, (p) => existsSync(join(root, p)), sections));
  assert.equal(problems, []);
  assert.ok(sources.filter((s) => s.text.includes('docs/domain.md')).length >= 15, 'the domain rules are cited');
});

t('a missing file, a missing section and a bare DOMAIN.md are caught', () => {
  const text = 'see docs/nowhere.md, docs/domain.md §6, §42 and ' + 'DOMAIN' + '.md §3';
  assert.equal(citationProblems('x.ts', text, (p) => p === 'docs/domain.md', sections).length, 3);
});

t.run();
