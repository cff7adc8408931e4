/**
 * `npm run bench:memory` — resident memory of the embedded server (`npm start` without
 * DATABASE_URL: PGlite in a data folder), measured from /proc/<pid>/status (Linux):
 *   1. first start with the demo hall (a new data folder: initdb, migrations, demo seed),
 *   2. restart on that folder,
 *   3. first start without demo data (SEED_DEMO=false), a new folder.
 * Each is idle for BENCH_MEMORY_IDLE_SECONDS (10) after the start banner, then RSS (resident now)
 * and HWM (the process's peak resident) are read. BENCH_MEMORY_RUNS (3) rounds; the median is
 * printed with every run's figure. The server gets npm start's V8 flags (BENCH_START_FLAGS to
 * override, bench/processes.ts). Memory does not depend much on the machine's load, but the
 * load is printed too. Data folders are temporary and removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedServer } from './processes';

const RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 3);
const IDLE_S = Number(process.env.BENCH_MEMORY_IDLE_SECONDS ?? 10);

interface Figure {
  rss: number;
  hwm: number;
  startMs: number;
}

async function measure(dataDir: string, seedDemo: boolean): Promise<Figure> {
  const t0 = Date.now();
  const server = await startEmbeddedServer(dataDir, seedDemo);
  const startMs = Date.now() - t0;
  try {
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));
    return { rss: server.rssMb(), hwm: server.peakRssMb(), startMs };
  } finally {
    await server.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function main() {
  console.log(`Embedded server memory — ${RUNS} run(s), idle ${IDLE_S} s after start; load ${load()}`);
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
    const each = xs.map((x) => `${x.rss.toFixed(0)}/${x.hwm.toFixed(0)}`).join(', ');
    console.log(
      `  ${name.padEnd(26)} idle RSS ${median(xs.map((x) => x.rss)).toFixed(0)} MB, peak ${median(xs.map((x) => x.hwm)).toFixed(0)} MB (median; each run RSS/peak: ${each}); start ${(median(xs.map((x) => x.startMs)) / 1000).toFixed(1)} s`,
    );
  }
  console.log(`load ${load()}`);
}

main().catch((err) => {
  console.error('memory benchmark failed:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
