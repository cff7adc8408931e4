/** Bundles every UI app (<name>-ui/src/main.ts + index.html) into dist/<name>/ with esbuild. */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
// Optional app names (`tsx scripts/build-ui.ts counter`) build only those; no arguments builds every app.
const only = process.argv.slice(2).map((a) => a.replace(/-ui$/, ''));
const apps = readdirSync(root).filter(
  (d) => d.endsWith('-ui') && existsSync(join(root, d, 'src', 'main.ts')) && (only.length === 0 || only.includes(d.replace(/-ui$/, ''))),
);
const started = Date.now();
// Several builds may run at once (each browser test file builds what it serves, two files run in
// parallel) while a page is loading the bundle. So the live folder is never removed: every file is
// written under a temporary name beside it and renamed into place, which replaces it atomically.
const tag = `.tmp-${process.pid}`;
for (const app of apps) {
  const name = app.replace(/-ui$/, '');
  const out = join(root, 'dist', name);
  const staging = join(root, 'dist', `${name}${tag}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, app, 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    outfile: join(staging, 'main.js'),
    logLevel: 'warning',
    legalComments: 'none',
  });
  copyFileSync(join(root, app, 'index.html'), join(staging, 'index.html'));
  const assets = join(root, app, 'public');
  if (existsSync(assets)) for (const f of readdirSync(assets)) copyFileSync(join(assets, f), join(staging, f));
  // The bundle's source map first and index.html last, so a page never gets a new HTML with an old script.
  const files = readdirSync(staging).sort((a, b) => rank(a) - rank(b));
  for (const f of files) renameSync(join(staging, f), join(out, f));
  rmSync(staging, { recursive: true, force: true });
}
function rank(file: string): number {
  return file === 'index.html' ? 2 : file === 'main.js' ? 1 : 0;
}
console.log(`built ${apps.length} UI app(s) in ${Date.now() - started} ms: ${apps.join(', ') || 'none'}`);
