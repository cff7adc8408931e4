// Runs every tests/**/*.test.ts file in its own Node process (isolation: a crash in one file
// cannot hide the others), two at a time, and sums uvu's counts into one closing line.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const filter = process.argv.slice(2);
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 2);

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (name === 'node_modules' || name.startsWith('_')) continue;
    if (statSync(full).isDirectory()) out.push(...findTests(full));
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

interface FileResult { file: string; passed: number; failed: number; skipped: number; code: number | null; output: string; ms: number }

function runFile(file: string): Promise<FileResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), Number(process.env.TEST_FILE_TIMEOUT_MS ?? 600_000));
    child.on('close', (code) => {
      clearTimeout(timer);
      const num = (label: string) => {
        const all = [...output.matchAll(new RegExp(`^\\s*${label}:\\s+(\\d+)`, 'gm'))];
        return all.reduce((sum, m) => sum + Number(m[1]), 0);
      };
      const total = num('Total');
      const passed = num('Passed');
      const skipped = num('Skipped');
      let failed = total - passed - skipped;
      // A process that crashed or exited non-zero without reporting failures still counts as one failure.
      if ((code !== 0 || total === 0) && failed === 0) failed = 1;
      resolve({ file, passed, failed, skipped, code, output, ms: Date.now() - started });
    });
  });
}

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
const matching = findTests(join(root, 'tests')).filter(
  (f) => filter.length === 0 || filter.some((p) => relative(root, f).includes(p)),
);
// *.pg.test.ts need a real PostgreSQL (several connections, several server processes).
const files = matching.filter((f) => onPostgres || !f.endsWith('.pg.test.ts'));
for (const f of matching) if (!files.includes(f)) console.log(`skip ${relative(root, f)}  (PostgreSQL only; set DATABASE_URL)`);
// Build every UI bundle once, before any file starts, instead of once per browser test file. If the
// build fails, the browser tests each build again and report the error themselves.
try {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-ui.ts'], { cwd: root, stdio: 'pipe' });
  process.env.YC_UI_PREBUILT = '1';
} catch (e) {
  console.log(`UI build failed before the tests: ${String((e as { stderr?: Buffer }).stderr ?? e).slice(0, 2000)}`);
}
const results: FileResult[] = [];
let next = 0;
async function worker() {
  while (next < files.length) {
    const file = files[next++]!;
    const r = await runFile(file);
    results.push(r);
    const mark = r.failed > 0 ? 'FAIL' : 'ok  ';
    console.log(`${mark} ${relative(root, file)}  ${r.passed} passed, ${r.failed} failed (${r.ms} ms)`);
    if (r.failed > 0 || process.env.TEST_VERBOSE) console.log(r.output.replace(/^/gm, '    | '));
  }
}
await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
const skipped = results.reduce((s, r) => s + r.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
