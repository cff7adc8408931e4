/**
 * `npm run bench:sockets` — what an idle screen socket costs a server node (docs/performance.md, "What a screen socket costs").
 *
 * A fresh PostgreSQL database (as bench:city: created on BENCH_PG_URL, dropped afterwards), the
 * city's halls (BENCH_HALLS × BENCH_DISPLAYS displays each), BENCH_NODES product processes. The
 * displays are opened from BENCH_SCREEN_PROCESSES processes of their own (the server's figures
 * are not the load generator's) in steps up to each of BENCH_STEPS total sockets; at 0 and at
 * every step each node is read through the BENCH_HOOKS `bench:metrics` event after a full GC
 * (the nodes run with --expose-gc): RSS, heap, external memory; then BENCH_IDLE_SECONDS idle
 * (heartbeats, the seq beat and the session re-check only) for the event-loop delay p99.
 * Per socket = (RSS at the step − RSS with no socket) / the node's sockets. BENCH_NODE_FLAGS adds
 * node flags to the server nodes (a CPU profile, a heap snapshot on a signal: bench/heap-top.ts).
 * Then, with every socket still connected, facts flow for BENCH_FLOW_SECONDS (20; 0 skips it): one
 * counter per hall (on node h mod nodes) serves visitors — kiosk issue, call-next, start, finish —
 * at BENCH_FLOW_RATE visitors/s over the city (default twice a busy morning of a city with 10
 * counters a hall: HALLS × 10 / 180), each fact to every display of its hall; the event-loop delay
 * p99 per node is read over that phase too. It ends with the issue #17 targets, met or not.
 */
import { loadavg } from 'node:os';
import { openDb } from '../db/client';
import { createBenchDatabase } from './bench-db';
import { BENCH_ADMIN_TOKEN, seedCity } from './city-seed';
import { connect, connectCounters, emit, issue, newTiming, closeHall, type HallClients } from './city-clients';
import { runStage } from './city-stage';
import { screenProcesses, type ScreenSpec } from './city-screens';
import { startCityNode, type Child } from './processes';
import { ms, summary } from './stats';

const env = process.env;
const num = (name: string, fallback: number) => Number(env[name] ?? fallback);
const HALLS = num('BENCH_HALLS', 200);
const DISPLAYS = num('BENCH_DISPLAYS', 50);
const NODES = num('BENCH_NODES', 2);
const PROCS = num('BENCH_SCREEN_PROCESSES', 3);
const IDLE_S = num('BENCH_IDLE_SECONDS', 15);
const FLOW_S = num('BENCH_FLOW_SECONDS', 20);
const FLOW_RATE = num('BENCH_FLOW_RATE', (HALLS * 10) / 180);
const STEPS = (env.BENCH_STEPS ?? '2500,5000,10000').split(',').map(Number);
/** Extra node flags for the server nodes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p` or `--heapsnapshot-signal=SIGUSR2`. */
const NODE_FLAGS = (env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const PG_URL = env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

interface Metrics {
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  localSockets: number;
  cpuMs: number;
}

async function main() {
  const db = await createBenchDatabase('sockets', PG_URL);
  const nodes: Child[] = [];
  const closers: (() => void)[] = [];
  try {
    const max = Math.max(...STEPS);
    if (max > HALLS * DISPLAYS) throw new Error(`BENCH_STEPS goes to ${max} sockets but the city has ${HALLS * DISPLAYS} displays`);
    console.log(`Socket memory — ${NODES} nodes, ${HALLS} halls × ${DISPLAYS} displays, screens from ${PROCS} processes; load ${load()}`);
    const opened = await openDb(db.url);
    const seeded = await seedCity(opened.db, { halls: HALLS, counters: 1, displays: DISPLAYS }).finally(() => opened.close());
    for (let n = 0; n < NODES; n++) nodes.push(await startCityNode(db.url, { nodeFlags: ['--expose-gc', ...NODE_FLAGS] }));
    const urls = nodes.map((n) => `http://127.0.0.1:${n.port}`);
    const metricsSockets = await Promise.all(urls.map((u) => connect(u, BENCH_ADMIN_TOKEN)));
    closers.push(...metricsSockets.map((s) => () => s.close()));
    const metrics = async (gc: boolean) => Promise.all(metricsSockets.map(async (s) => (await emit(s, 'bench:metrics', { gc })).data as Metrics));
    const procs = await screenProcesses(PROCS);
    closers.push(...procs.map((p) => () => p.close()));

    // Display d of hall h on node (h + d) mod nodes: every node holds every hall's public room. A step
    // adds whole halls (as a node restart brings a hall's screens back together: their subscribes share reads).
    const all: ScreenSpec[] = [];
    for (const h of seeded) for (let d = 0; d < DISPLAYS; d++) all.push({ url: urls[(h.index + d) % urls.length]!, token: h.displayTokens[d]!, hallId: h.id, kind: 'display' });

    const rows: { sockets: number; m: Metrics[]; idle: Metrics[] }[] = [];
    const measure = async (sockets: number) => {
      await sleep(3000);
      const m = await metrics(true);
      if (NODE_FLAGS.some((f) => f.startsWith('--heapsnapshot-signal'))) {
        for (const n of nodes) n.child.kill('SIGUSR2');
        await sleep(20_000); // writing a snapshot stops the node for a while
      }
      await metrics(false); // resets the event-loop histogram
      await sleep(IDLE_S * 1000);
      const idle = await metrics(false);
      rows.push({ sockets, m, idle });
      const base = rows[0]!.m;
      console.log(
        `${String(sockets).padStart(6)} sockets: ` +
          m
            .map((x, i) => {
              const per = x.localSockets > 0 ? ((x.rssMb - base[i]!.rssMb) * 1024) / x.localSockets : NaN;
              const heapPer = x.localSockets > 0 ? ((x.heapUsedMb - base[i]!.heapUsedMb) * 1024) / x.localSockets : NaN;
              return `node ${i} ${x.localSockets - 1} screens, RSS ${x.rssMb.toFixed(0)} MB, heap ${x.heapUsedMb.toFixed(0)} MB, external ${x.externalMb.toFixed(0)} MB` +
                (x.localSockets > 1 ? ` (${per.toFixed(1)} KB RSS, ${heapPer.toFixed(1)} KB heap per socket)` : '') +
                `, idle event-loop p99 ${ms(idle[i]!.eventLoopDelayMs.p99)} max ${ms(idle[i]!.eventLoopDelayMs.max)}, CPU ${((idle[i]!.cpuMs - x.cpuMs) / IDLE_S / 10).toFixed(1)} %`;
            })
            .join('; ') +
          `; load ${load()}`,
      );
    };
    await measure(0);
    let done = 0;
    for (const step of STEPS) {
      const batch = all.slice(done, step);
      const t0 = performance.now();
      await Promise.all(procs.map((p, k) => p.connect(batch.filter((_, i) => i % procs.length === k))));
      console.log(`  connected ${batch.length} more in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      done = step;
      await measure(step);
    }
    let flow: { m: Metrics[]; facts: number; seconds: number; callMs: number[]; errors: number } | null = null;
    if (FLOW_S > 0) {
      // Facts flowing while every socket stays connected: a counter per hall, two tickets waiting each to start with.
      const halls: HallClients[] = [];
      closers.push(() => halls.forEach(closeHall));
      for (let i = 0; i < seeded.length; i += 20) halls.push(...(await Promise.all(seeded.slice(i, i + 20).map((h) => connectCounters(urls, h)))));
      const jobs = seeded.flatMap((h) => [0, 1].map((k) => ({ h, k })));
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          for (let j = jobs.pop(); j; j = jobs.pop()) {
            const r = await issue(urls[j.h.index % urls.length]!, j.h, j.k);
            if (!r.ok) throw new Error(`issue failed: ${r.error}`);
          }
        }),
      );
      await Promise.all(procs.map((p) => p.collect()));
      const seq0 = await hallSeqs(halls);
      const before = await metrics(false);
      const timing = newTiming();
      const r = await runStage('product', halls, urls, timing, FLOW_RATE, FLOW_S);
      const m = await metrics(false);
      m.forEach((x, i) => (x.cpuMs -= before[i]!.cpuMs));
      const seq1 = await hallSeqs(halls);
      const callMs: number[] = [];
      for (const got of await Promise.all(procs.map((p) => p.collect()))) {
        for (const [key, at] of got.calls) {
          const t0 = timing.calls.get(key);
          if (t0 !== undefined) callMs.push(at - t0);
        }
      }
      const facts = seeded.reduce((a, h) => a + (seq1[h.id] ?? 0) - (seq0[h.id] ?? 0), 0);
      flow = { m, facts, seconds: r.seconds, callMs, errors: r.errors };
      const c = summary(callMs);
      console.log(
        `\nFacts flowing with ${max} screens connected: ${FLOW_RATE.toFixed(1)} visitors/s offered, ${r.visitors} visitors, ${(r.commands / r.seconds).toFixed(0)} commands/s, ` +
          `${(facts / r.seconds).toFixed(0)} facts/s (each to its hall's ${DISPLAYS} displays); errors ${r.errors}, backlog ${r.backlog}; call → display p50 ${ms(c.p50)} p99 ${ms(c.p99)} (n=${c.n}); load ${load()}`,
      );
      m.forEach((x, i) => console.log(`  node ${i}: RSS ${x.rssMb.toFixed(0)} MB, event-loop delay p99 ${ms(x.eventLoopDelayMs.p99)} max ${ms(x.eventLoopDelayMs.max)}, CPU ${(x.cpuMs / r.seconds / 10).toFixed(1)} % of a core`));
    }
    const rss = await Promise.all(procs.map((p) => p.collect()));
    console.log(`Screen processes' RSS: ${rss.map((r) => `${r.rssMb.toFixed(0)} MB`).join(' / ')}`);
    const checks = await Promise.all(procs.map((p) => p.check({})));
    console.log(`Disconnected screens during the run: ${checks.reduce((a, c) => a + c.disconnected, 0)}; handshakes tried again: ${checks.reduce((a, c) => a + c.connectRetries, 0)}`);

    const last = rows.at(-1)!;
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(`\nTargets (issue #17: ${max} sockets over ${NODES} nodes ≤ 400 MB a node, event-loop delay p99 ≤ 20 ms; load ${load()}):`);
    last.m.forEach((x, i) => {
      console.log(`  node ${i}, ${x.localSockets - 1} screens: RSS ${x.rssMb.toFixed(0)} MB after GC — ${verdict(x.rssMb <= 400)}; idle event-loop p99 ${ms(last.idle[i]!.eventLoopDelayMs.p99)} — ${verdict(last.idle[i]!.eventLoopDelayMs.p99 <= 20)}` +
        (flow ? `; with ${(flow.facts / flow.seconds).toFixed(0)} facts/s: RSS ${flow.m[i]!.rssMb.toFixed(0)} MB — ${verdict(flow.m[i]!.rssMb <= 400)}, event-loop p99 ${ms(flow.m[i]!.eventLoopDelayMs.p99)} — ${verdict(flow.m[i]!.eventLoopDelayMs.p99 <= 20)}` : ''));
    });
  } finally {
    for (const c of closers) c();
    for (const n of nodes) await n.stop();
    await db.drop();
  }
}

/** Each hall's last seq (its counter's hall:subscribe snapshot). */
async function hallSeqs(halls: HallClients[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (let i = 0; i < halls.length; i += 20) {
    await Promise.all(
      halls.slice(i, i + 20).map(async ({ hall, counters }) => {
        const snap = await emit(counters[0]!, 'hall:subscribe', { hallId: hall.id });
        if (!snap.ok) throw new Error(`hall:subscribe failed: ${JSON.stringify(snap.error)}`);
        out[hall.id] = snap.data.seq as number;
      }),
    );
  }
  return out;
}

main().catch((err) => {
  console.error('socket benchmark failed:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
