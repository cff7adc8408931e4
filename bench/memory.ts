/**
 * `npm run bench:memory` — resident memory of the embedded server (`npm start` without
 * DATABASE_URL: PGlite in a data folder), measured from /proc/<pid>/status (Linux):
 *   1. first start with the demo hall (a new data folder: initdb, migrations, demo seed),
 *   2. restart on that folder,
 *   3. first start without demo data (SEED_DEMO=false), a new folder.
 * Each is idle for BENCH_MEMORY_IDLE_SECONDS (10) after the start banner, then RSS (resident now)
 * and HWM (the process's peak resident) are read; RSS is also sampled every second of the idle
 * time, and the highest sample is printed ("idle max": an idle server's RSS still moves as V8
 * collects and its background threads finish). Where the resident memory is (/proc/<pid>/smaps_rollup
 * and smaps: malloc's main heap, other anonymous memory — V8's heap, WebAssembly memory, thread
 * arenas —, and file-backed pages such as the node binary) is printed per case as medians.
 * BENCH_MEMORY_RUNS (3) rounds; the median is printed with every run's figure. The server gets
 * npm start's node flags, read from package.json's "start" script (BENCH_START_FLAGS to override,
 * e.g. BENCH_START_FLAGS= for V8's defaults). Memory does not depend much on the machine's load,
 * but the load is printed too. Data folders are temporary and removed. docs/performance.md §Restart memory.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 3);
const IDLE_S = Number(process.env.BENCH_MEMORY_IDLE_SECONDS ?? 10);

/** The node flags `npm start` gives the server: what stands between `tsx` and `server/main.ts` in package.json's start script. */
function npmStartFlags(startScript: string): string {
  const m = startScript.match(/\btsx((?:\s+--[\w-]+(?:=\S+)?)*)\s+server\/main\.ts/);
  if (!m) throw new Error(`package.json's start script does not run "tsx [flags] server/main.ts": ${startScript}`);
  return m[1]!.trim();
}

if (process.env.BENCH_START_FLAGS === undefined) {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  process.env.BENCH_START_FLAGS = npmStartFlags(pkg.scripts.start);
}
const { startEmbeddedServer } = await import('./processes');

interface Parts {
  /** malloc's main-thread heap (brk) */
  brk: number;
  /** anonymous memory outside it: V8's heap, WebAssembly memory and code, other threads' malloc arenas */
  anonOther: number;
  /** file-backed pages (the node binary, shared libraries) */
  file: number;
}

interface Figure {
  rss: number;
  idleMax: number;
  hwm: number;
  startMs: number;
  parts: Parts;
}

function parts(pid: number): Parts {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (field: string) => Number(rollup.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  const smaps = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  const heap = smaps.match(/\[heap\]\n(?:.*\n)*?Rss:\s+(\d+) kB/);
  const brk = Number(heap?.[1] ?? 0);
  const anon = kb('Anonymous');
  return { brk: brk / 1024, anonOther: (anon - brk) / 1024, file: (kb('Rss') - anon) / 1024 };
}

async function measure(dataDir: string, seedDemo: boolean): Promise<Figure> {
  const t0 = Date.now();
  const server = await startEmbeddedServer(dataDir, seedDemo);
  const startMs = Date.now() - t0;
  try {
    let idleMax = 0;
    for (let s = 0; s < IDLE_S; s++) {
      await new Promise((r) => setTimeout(r, 1000));
      idleMax = Math.max(idleMax, server.rssMb());
    }
    const rss = server.rssMb();
    return { rss, idleMax: Math.max(idleMax, rss), hwm: server.peakRssMb(), startMs, parts: parts(server.child.pid!) };
  } finally {
    await server.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function main() {
  console.log(`Embedded server memory — ${RUNS} run(s), idle ${IDLE_S} s after start; node flags "${process.env.BENCH_START_FLAGS}"; load ${load()}`);
  const cases = { 'first start, demo hall': [] as Figure[], 'restart, demo hall': [] as Figure[], 'first start, no demo data': [] as Figure[] };
  for (let run = 0; run < RUNS; run++) {
    const demoDir = mkdtempSync(join(tmpdir(), 'yc-bench-memory-'));
    const bareDir = mkdtempSync(join(tmpdir(), 'yc-bench-memory-'));
    try {
      cases['first start, demo hall'].push(await measure(demoDir, true));
      cases['restart, demo hall'].push(await measure(demoDir, true));
      cases['first start, no demo data'].push(await measure(bareDir, false));
    } finally {
      rmSync(demoDir, { recursive: true, force: true });
      rmSync(bareDir, { recursive: true, force: true });
    }
  }
  for (const [name, xs] of Object.entries(cases)) {
    const each = xs.map((x) => `${x.rss.toFixed(0)}/${x.idleMax.toFixed(0)}/${x.hwm.toFixed(0)}`).join(', ');
    const spread = Math.max(...xs.map((x) => x.rss)) - Math.min(...xs.map((x) => x.rss));
    const m = (f: (x: Figure) => number) => median(xs.map(f)).toFixed(0);
    console.log(
      `  ${name.padEnd(26)} idle RSS ${m((x) => x.rss)} MB (spread ${spread.toFixed(0)}), idle max ${m((x) => x.idleMax)}, peak ${m((x) => x.hwm)} MB (median; each run RSS/idle max/peak: ${each}); start ${(median(xs.map((x) => x.startMs)) / 1000).toFixed(1)} s`,
    );
    console.log(`  ${''.padEnd(26)} resident parts (median MB): malloc main heap ${m((x) => x.parts.brk)}, other anonymous ${m((x) => x.parts.anonOther)}, file-backed ${m((x) => x.parts.file)}`);
  }
  console.log(`load ${load()}`);
}

main().catch((err) => {
  console.error('memory benchmark failed:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
