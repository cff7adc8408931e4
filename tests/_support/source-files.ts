/** The repository's own source files, for the tests that check rules across the tree (imports, routers, cited docs). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', 'dist', 'data', 'artifacts', '.git']);

/** Every file below `dir` whose name matches `name` (build output and dependencies left out). */
export function sourceFiles(dir: string, name: RegExp = /\.ts$/): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    SKIP.has(e.name) ? [] : e.isDirectory() ? sourceFiles(join(dir, e.name), name) : name.test(e.name) ? [join(dir, e.name)] : [],
  );
}
