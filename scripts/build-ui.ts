/** Bundles every UI app (<name>-ui/src/main.ts + index.html) into dist/<name>/ with esbuild. */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
// Optional app names (`tsx scripts/build-ui.ts counter`) build only those; no arguments builds every app.
const only = process.argv.slice(2).map((a) => a.replace(/-ui$/, ''));
const apps = readdirSync(root).filter(
  (d) => d.endsWith('-ui') && existsSync(join(root, d, 'src', 'main.ts')) && (only.length === 0 || only.includes(d.replace(/-ui$/, ''))),
);
const started = Date.now();
for (const app of apps) {
  const name = app.replace(/-ui$/, '');
  const out = join(root, 'dist', name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, app, 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    outfile: join(out, 'main.js'),
    logLevel: 'warning',
    legalComments: 'none',
  });
  copyFileSync(join(root, app, 'index.html'), join(out, 'index.html'));
  const assets = join(root, app, 'public');
  if (existsSync(assets)) for (const f of readdirSync(assets)) copyFileSync(join(assets, f), join(out, f));
}
console.log(`built ${apps.length} UI app(s) in ${Date.now() - started} ms: ${apps.join(', ') || 'none'}`);
