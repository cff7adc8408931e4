/**
 * `npm run bench:issue` — issue → ack at the kiosk of a hall that already has a long queue
 * (issue #17's target: p99 ≤ 50 ms with 500 tickets waiting).
 *
 * One product process (startCityNode) on a fresh database: PostgreSQL by default
 * (`yc_bench_issue_<time>` on BENCH_PG_URL, dropped after the run), or BENCH_DB=pglite (embedded,
 * a temp data dir). One hall per queue size in BENCH_WAITING, each with BENCH_MATTERS matters and
 * BENCH_COUNTERS comprehensive counters serving all of them. The queue is issued through the kiosk
 * endpoint while no counter is open (10 % green channel); then every counter is taken — open and
 * idle, so each ack's people-ahead forecast simulates them all draining the whole queue — and
 * BENCH_ISSUES tickets are issued by BENCH_KIOSKS kiosks in a closed loop (each sends its next
 * ticket when the previous one is acknowledged), one size after the other. The queue grows by
 * the measured issues (500 → 700 with the defaults); nobody is called meanwhile.
 * Knobs (env): BENCH_WAITING (500,1000), BENCH_ISSUES (200), BENCH_KIOSKS (4), BENCH_MATTERS (6),
 * BENCH_COUNTERS (10), BENCH_DB=pglite, BENCH_PG_URL, BENCH_CPU_PROF=<dir> (the node writes a CPU
 * profile; summarise with bench/profile-top.ts).
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { openDb } from '../db/client';
import { createBenchDatabase } from './bench-db';
import { connect, emit, issue } from './city-clients';
import { BENCH_ADMIN_TOKEN, seedCity, type SeededHall } from './city-seed';
import { startCityNode, type Child } from './processes';
import { ms, summary } from './stats';

const env = process.env;
const num = (name: string, fallback: number) => Number(env[name] ?? fallback);
const WAITING = (env.BENCH_WAITING ?? '500,1000').split(',').map(Number);
const ISSUES = num('BENCH_ISSUES', 200);
const KIOSKS = num('BENCH_KIOSKS', 4);
const MATTERS = num('BENCH_MATTERS', 6);
const COUNTERS = num('BENCH_COUNTERS', 10);
const PG_URL = env.BENCH_DB === 'pglite' ? null : (env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
/** Issue #17: issuing p99 ≤ 50 ms with 500 tickets already waiting in the hall. */
const TARGET_P99_MS = 50;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** `count` tickets by `kiosks` kiosks in a closed loop; every 10th in the green channel. */
async function issueMany(url: string, hall: SeededHall, count: number, kiosks: number): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: kiosks }, async () => {
      for (let k = next++; k < count; k = next++) {
        const r = await issue(url, hall, k, k % 10 === 9 ? { greenChannel: 'disabled' } : {});
        if (!r.ok) throw new Error(`issue failed: ${r.error}`);
        out.push(r.ms);
      }
    }),
  );
  return out;
}

interface NodeMetrics {
  cpuMs: number;
  eventLoopDelayMs: { p99: number };
  commands: { name: string; totalMs: number; dbMs: number; queries: number }[];
}

async function main() {
  const db = await createBenchDatabase('issue', PG_URL);
  let node: Child | null = null;
  const sockets: { close(): void }[] = [];
  try {
    console.log(`Issue benchmark — ${db.label}; one hall per queue size (${WAITING.join(', ')} waiting), ${MATTERS} matters, ${COUNTERS} open counters; ${ISSUES} issues by ${KIOSKS} kiosk(s) each; load ${load()}`);
    const opened = await openDb(db.url);
    const halls = await seedCity(opened.db, { halls: WAITING.length, counters: COUNTERS, displays: 0, matters: MATTERS }).finally(() => opened.close());
    node = await startCityNode(db.url, env.BENCH_CPU_PROF ? { cpuProfDir: env.BENCH_CPU_PROF } : {});
    const url = `http://127.0.0.1:${node.port}`;
    const admin = await connect(url, BENCH_ADMIN_TOKEN);
    sockets.push(admin);
    const metrics = async () => (await emit(admin, 'bench:metrics', {})).data as NodeMetrics;
    for (const [i, hall] of halls.entries()) {
      const t0 = performance.now();
      await issueMany(url, hall, WAITING[i]!, 16);
      const prefillS = (performance.now() - t0) / 1000;
      for (const [c, token] of hall.staffTokens.entries()) {
        const s = await connect(url, token);
        sockets.push(s);
        const took = await emit(s, 'counter:take', { commandId: randomUUID(), counterId: hall.counterIds[c] });
        if (!took.ok) throw new Error(`counter:take failed: ${JSON.stringify(took.error)}`);
      }
      const before = await metrics(); // also clears the node's command samples
      const t1 = performance.now();
      const acks = await issueMany(url, hall, ISSUES, KIOSKS);
      const seconds = (performance.now() - t1) / 1000;
      const after = await metrics();
      const s = summary(acks);
      const mine = after.commands.filter((c) => c.name === 'ticket:issue');
      const own = summary(mine.map((c) => c.totalMs - c.dbMs));
      const dbMs = summary(mine.map((c) => c.dbMs));
      console.log(`${WAITING[i]} waiting (prefilled in ${prefillS.toFixed(1)} s, counters closed) → ${WAITING[i]! + ISSUES} after; load ${load()}`);
      console.log(`  issue → ack: p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (n=${s.n}, ${(ISSUES / seconds).toFixed(1)} issues/s)`);
      const verdict = s.p99 <= TARGET_P99_MS ? 'MET' : 'NOT MET';
      console.log(`  target issue → ack p99 ≤ ${TARGET_P99_MS} ms with ${WAITING[i]} waiting${WAITING[i] === 500 ? ' (issue #17)' : ''}: ${verdict} (p99 ${ms(s.p99)}; wall clock — compare on a quiet machine, load ${load()})`);
      console.log(
        `  server: CPU ${ms((after.cpuMs - before.cpuMs) / ISSUES)} per issue (process.cpuUsage); own time p50 ${ms(own.p50)}, p99 ${ms(own.p99)}; database p50 ${ms(dbMs.p50)}; ${(mine.reduce((a, c) => a + c.queries, 0) / Math.max(1, mine.length)).toFixed(1)} statements per issue; event-loop delay p99 ${ms(after.eventLoopDelayMs.p99)}`,
      );
    }
    console.log(`node peak RSS ${node.peakRssMb().toFixed(0)} MB; load ${load()}`);
  } finally {
    for (const s of sockets) s.close();
    await node?.stop();
    await db.drop();
  }
}

await main();
