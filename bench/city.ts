/**
 * `npm run bench:city` — one installation for a whole city, measured against its floor in the same run.
 *
 * PostgreSQL (default): a fresh database `yc_bench_city_<time>` on BENCH_PG_URL (dropped after the
 * run; no other database is touched), BENCH_NODES product processes on it (socket.io postgres
 * adapter), BENCH_HALLS halls × BENCH_COUNTERS counters × BENCH_DISPLAYS displays + 1 dashboard.
 * BENCH_DB=pglite: one node on embedded PGlite (a temp data dir), one large hall by default.
 * The arrival rate starts at a busy morning (every counter serving a visitor every 6 minutes) and
 * doubles each stage until a node saturates (backlog, event-loop delay p99 > 200 ms or call p99
 * > 2 s), or stays at BENCH_RATE (visitors/s). The floor then runs at the last unsaturated rate.
 * Knobs (env): BENCH_HALLS (200; pglite 1), BENCH_COUNTERS (10; pglite 40), BENCH_DISPLAYS (5;
 * pglite 20), BENCH_NODES (2; pglite 1), BENCH_STAGE_SECONDS (20), BENCH_MAX_STAGES (6),
 * BENCH_QUEUE (waiting tickets issued per hall before the stages, 10), BENCH_RATE, BENCH_PG_URL,
 * BENCH_CPU_PROF=<dir> (node 0 runs with --cpu-prof; summarise with bench/profile-top.ts).
 */
import { loadavg } from 'node:os';
import { openDb } from '../db/client';
import { createBenchDatabase } from './bench-db';
import { BENCH_ADMIN_TOKEN, fillFloorQueue, seedCity } from './city-seed';
import { closeHall, connect, connectCounters, emit, hallScreens, issue, newTiming, type HallClients } from './city-clients';
import { screenProcesses, type Arrival, type ScreenProcess } from './city-screens';
import { runStage, type StageResult } from './city-stage';
import { startCityNode, type Child } from './processes';
import { ms, summary } from './stats';

const env = process.env;
const PGLITE = env.BENCH_DB === 'pglite';
const num = (name: string, fallback: number) => Number(env[name] ?? fallback);
const HALLS = num('BENCH_HALLS', PGLITE ? 1 : 200);
const COUNTERS = num('BENCH_COUNTERS', PGLITE ? 40 : 10);
/** Per hall: 5 per counter by default (200 halls × 10 counters × 5 displays = 10,000 display sockets). */
const DISPLAYS = num('BENCH_DISPLAYS', PGLITE ? 20 : 5 * COUNTERS);
const NODES = PGLITE ? 1 : num('BENCH_NODES', 2);
const STAGE_S = num('BENCH_STAGE_SECONDS', 20);
const MAX_STAGES = num('BENCH_MAX_STAGES', 6);
const QUEUE = num('BENCH_QUEUE', 10);
const SCREEN_PROCS = num('BENCH_SCREEN_PROCESSES', 3);
const FIXED_RATE = env.BENCH_RATE ? Number(env.BENCH_RATE) : null;
const PG_URL = env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** A busy morning: every counter serves a visitor every 6 minutes. */
const MORNING_RATE = (HALLS * COUNTERS) / 360;

const createDatabase = () => createBenchDatabase('city', PGLITE ? null : PG_URL);

interface NodeMetrics {
  cpuMs: number;
  rssMb: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  localSockets: number;
  commands: { name: string; totalMs: number; dbMs: number; cpuMs: number; dbCpuMs: number; queries: number }[];
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const pct = (xs: number[]) => {
  const s = summary(xs);
  return `p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (n=${s.n})`;
};

async function main() {
  const db = await createDatabase();
  const nodes: Child[] = [];
  const halls: HallClients[] = [];
  const extra: { close(): void }[] = [];
  const procs: ScreenProcess[] = [];
  try {
    console.log(`City benchmark — ${db.label}; ${HALLS} halls × ${COUNTERS} counters × ${DISPLAYS} displays + 1 dashboard; ${NODES} node(s); load ${load()}`);
    const seeded = await (async () => {
      const opened = await openDb(db.url);
      try {
        const s = await seedCity(opened.db, { halls: HALLS, counters: COUNTERS, displays: DISPLAYS });
        await fillFloorQueue(opened.db, s.map((h) => h.id), 2000);
        return s;
      } finally {
        await opened.close();
      }
    })();
    for (let n = 0; n < NODES; n++) nodes.push(await startCityNode(db.url, n === 0 && env.BENCH_CPU_PROF ? { cpuProfDir: env.BENCH_CPU_PROF } : {}));
    const urls = nodes.map((n) => `http://127.0.0.1:${n.port}`);
    const metricsSockets = await Promise.all(urls.map((u) => connect(u, BENCH_ADMIN_TOKEN)));
    extra.push(...metricsSockets);
    const metrics = async () => Promise.all(metricsSockets.map(async (s) => (await emit(s, 'bench:metrics', {})).data as NodeMetrics));

    const timing = newTiming();
    const t0 = performance.now();
    for (let i = 0; i < seeded.length; i += 20) halls.push(...(await Promise.all(seeded.slice(i, i + 20).map((h) => connectCounters(urls, h)))));
    const tCounters = performance.now();
    // The screens (displays and dashboards) from processes of their own, dealt round-robin.
    procs.push(...(await screenProcesses(SCREEN_PROCS)));
    const screens = seeded.flatMap((h) => hallScreens(urls, h));
    await Promise.all(procs.map((p, k) => p.connect(screens.filter((_, i) => i % procs.length === k))));
    console.log(
      `${halls.length * COUNTERS} counters connected and taken in ${((tCounters - t0) / 1000).toFixed(1)} s; ${screens.length} screens from ${procs.length} processes in ${((performance.now() - tCounters) / 1000).toFixed(1)} s ` +
        `(clock offsets ${procs.map((p) => p.offsetMs.toFixed(2)).join(' / ')} ms)`,
    );
    // The morning queue: QUEUE tickets per hall, 16 kiosks at a time.
    const jobs = seeded.flatMap((h) => Array.from({ length: QUEUE }, (_, k) => ({ h, k })));
    const prefillMs: number[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let j = jobs.pop(); j; j = jobs.pop()) {
          const r = await issue(urls[j.h.index % urls.length]!, j.h, j.k);
          if (!r.ok) throw new Error(`prefill issue failed: ${r.error}`);
          prefillMs.push(r.ms);
        }
      }),
    );
    const sockets = (await metrics()).map((m) => m.localSockets);
    console.log(`connected ${sockets.join(' + ')} sockets; ${seeded.length * QUEUE} tickets waiting (issue during prefill: ${pct(prefillMs)})`);

    /** What the screens saw since the previous collect, against when the parent emitted it. */
    const collect = async () => {
      const got = await Promise.all(procs.map((p) => p.collect()));
      const callToDisplay: number[] = [];
      // The call-next's ack to the same display's fact: what the fan-out adds after the command (negative: the fact came first).
      const ackToDisplay: number[] = [];
      const echoToDisplay: number[] = [];
      const claimEchoToDisplay: number[] = [];
      // The same deliveries by the node the receiving screen is on (each node's own ratio).
      const callByNode = new Map<string, number[]>();
      const claimByNode = new Map<string, number[]>();
      const since = (arrivals: Arrival[], emitted: Map<string, number>, into: number[], byNode?: Map<string, number[]>) => {
        for (const [key, at, node] of arrivals) {
          const t0 = emitted.get(key);
          if (t0 === undefined) continue;
          into.push(at - t0);
          if (byNode) (byNode.get(node) ?? byNode.set(node, []).get(node)!).push(at - t0);
        }
      };
      for (const g of got) {
        since(g.calls, timing.calls, callToDisplay, callByNode);
        since(g.calls, timing.acks, ackToDisplay);
        since(g.echoes.filter(([id]) => id.startsWith('e')), timing.echoes, echoToDisplay);
        since(g.echoes.filter(([id]) => id.startsWith('c')), timing.echoes, claimEchoToDisplay, claimByNode);
      }
      timing.calls.clear();
      timing.echoes.clear();
      timing.acks.clear();
      return { callToDisplay, ackToDisplay, echoToDisplay, claimEchoToDisplay, callByNode, claimByNode, screensRssMb: got.map((g) => g.rssMb) };
    };
    const runMeasured = async (mode: 'product' | 'floor', rate: number) => {
      const before = await metrics(); // resets each node's event-loop histogram and command samples
      const c0 = await db.commits();
      await collect(); // drops what arrived between stages
      const rss = nodes.map(() => 0);
      const sampler = setInterval(() => nodes.forEach((n, i) => (rss[i] = Math.max(rss[i]!, n.rssMb()))), 1000);
      const r = await runStage(mode, halls, urls, timing, rate, STAGE_S);
      clearInterval(sampler);
      await new Promise((res) => setTimeout(res, 500));
      const c1 = await db.commits();
      const m = await metrics();
      m.forEach((x, i) => (x.cpuMs -= before[i]!.cpuMs));
      return { r, m, rss, commitsPerS: c0 !== null && c1 !== null ? (c1 - c0) / r.seconds : null, ...(await collect()), loadAvg: load() };
    };

    type Stage = Awaited<ReturnType<typeof runMeasured>>;
    const stages: Stage[] = [];
    const saturated = (s: Stage) =>
      s.r.backlog > 0.1 * s.r.visitors || s.m.some((m) => m.eventLoopDelayMs.p99 > 200) || summary(s.callToDisplay).p99 > 2000;
    let rate = FIXED_RATE ?? MORNING_RATE;
    for (let k = 0; k < (FIXED_RATE ? 1 : MAX_STAGES); k++) {
      const s = await runMeasured('product', rate);
      stages.push(s);
      printStage(`stage ${k + 1}: ${rate.toFixed(1)} visitors/s offered (×${(rate / MORNING_RATE).toFixed(0)} a busy morning)`, s);
      if (saturated(s)) break;
      rate *= 2;
    }
    const city = [...stages].reverse().find((s) => !saturated(s)) ?? stages[0]!;
    const floor = await runMeasured('floor', city.r.offered);
    console.log(`\nFloor at ${city.r.offered.toFixed(1)} visitors/s (same sockets, same adapter, same database; load ${floor.loadAvg}):`);
    console.log(`  claim transaction + fan-out → display: ${pct(floor.claimEchoToDisplay)}`);
    console.log(`  bare fan-out → display:                ${pct(floor.echoToDisplay)}`);
    console.log(`  claim ack: ${pct(floor.r.ackMs['bench:claim-echo'] ?? [])}; commits/s ${floor.commitsPerS?.toFixed(0) ?? 'n/a'}`);
    console.log(`  node event-loop delay p99: ${floor.m.map((m) => ms(m.eventLoopDelayMs.p99)).join(' / ')}`);
    const floorClaim = summary(floor.claimEchoToDisplay);
    const cityCall = summary(city.callToDisplay);
    console.log(`\nCity load (${city.r.offered.toFixed(1)} visitors/s): call → display p99 ${ms(cityCall.p99)} vs floor p99 ${ms(floorClaim.p99)} → ×${(cityCall.p99 / floorClaim.p99).toFixed(1)} (p50 ×${(cityCall.p50 / floorClaim.p50).toFixed(1)})`);
    const targets: string[] = [];
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    urls.forEach((u, i) => {
      const c = summary(city.callByNode.get(u) ?? []);
      const f = summary(floor.claimByNode.get(u) ?? []);
      const ratio = c.p99 / f.p99;
      targets.push(`call → display p99 ≤ 3 × floor, displays on node ${i}: ${ms(c.p99)} vs ${ms(f.p99)} → ×${ratio.toFixed(1)} (n=${c.n}/${f.n}) — ${verdict(ratio <= 3)}`);
    });
    // Own time per command at the city load: every counter command and the kiosk's issue, each p50 ≤ 2 ms.
    const own = new Map<string, number[]>();
    for (const c of city.m.flatMap((m) => m.commands)) (own.get(c.name) ?? own.set(c.name, []).get(c.name)!).push(c.totalMs - c.dbMs);
    for (const [name, xs] of own) targets.push(`server's own time per command p50 ≤ 2 ms, ${name}: ${ms(summary(xs).p50)} (n=${xs.length}) — ${verdict(summary(xs).p50 <= 2)}`);
    city.m.forEach((m, i) => targets.push(`node ${i} event-loop delay p99 at the city load: ${ms(m.eventLoopDelayMs.p99)} (max ${ms(m.eventLoopDelayMs.max)}; the 20 ms target is bench:sockets') — ${verdict(m.eventLoopDelayMs.p99 <= 20)}`));

    // Lost / duplicated facts: every display and dashboard against its hall's final seq.
    await new Promise((res) => setTimeout(res, 1500));
    const finalSeq: Record<string, number> = {};
    for (const hc of halls) {
      const snap = await emit(hc.counters[0]!, 'hall:subscribe', { hallId: hc.hall.id });
      if (!snap.ok) throw new Error(`final hall:subscribe failed: ${JSON.stringify(snap.error)}`);
      finalSeq[hc.hall.id] = snap.data.seq as number;
    }
    const checks = await Promise.all(procs.map((p) => p.check(finalSeq)));
    const total = (k: 'lost' | 'duplicated' | 'reordered' | 'screens' | 'disconnected' | 'connectRetries') => checks.reduce((a, c) => a + c[k], 0);
    console.log(
      `Facts: ${total('lost')} lost, ${total('duplicated')} duplicated, ${total('reordered')} arrived out of seq order (screens re-snapshot on those) over ${total('screens')} screens ` +
        `(per-screen seq continuity up to each hall's final seq); ${total('disconnected')} screen disconnects, ${total('connectRetries')} handshakes tried again`,
    );
    targets.push(`0 lost or duplicated facts: ${total('lost')} lost, ${total('duplicated')} duplicated — ${verdict(total('lost') === 0 && total('duplicated') === 0)}`);
    console.log(`\nTargets (issue #17; machine load ${load()}):`);
    for (const t of targets) console.log(`  ${t}`);
    console.log(`Peak RSS per node: ${nodes.map((n) => `${n.peakRssMb().toFixed(0)} MB`).join(' / ')}; screen processes ${stages.at(-1)!.screensRssMb.map((x) => `${x.toFixed(0)} MB`).join(' / ')}; load ${load()}`);
  } finally {
    for (const h of halls) closeHall(h);
    for (const s of extra) s.close();
    for (const p of procs) p.close();
    for (const n of nodes) await n.stop();
    await db.drop();
  }
}

function printStage(title: string, s: { r: StageResult; m: NodeMetrics[]; commitsPerS: number | null; rss: number[]; callToDisplay: number[]; ackToDisplay: number[]; loadAvg: string }) {
  const r = s.r;
  console.log(`\n${title}; load ${s.loadAvg}`);
  console.log(`  ${r.visitors} visitors in ${r.seconds.toFixed(1)} s, ${(r.commands / r.seconds).toFixed(0)} commands/s; backlog ${r.backlog}, queue empty ${r.empty}, errors ${r.errors}`);
  console.log(`  call → display: ${pct(s.callToDisplay)}`);
  console.log(`  call-next ack → display (the fan-out after the command): ${pct(s.ackToDisplay)}`);
  console.log(`  issue → ack:    ${pct(r.issueMs)}`);
  for (const [name, xs] of Object.entries(r.ackMs)) console.log(`  ${name.padEnd(17)} ack ${pct(xs)}`);
  console.log(`  database commits/s: ${s.commitsPerS?.toFixed(0) ?? 'n/a (PGlite)'}`);
  const perName = new Map<string, { own: number[]; cpu: number[]; queries: number[] }>();
  for (const c of s.m.flatMap((m) => m.commands)) {
    const e = perName.get(c.name) ?? { own: [], cpu: [], queries: [] };
    e.own.push(c.totalMs - c.dbMs);
    e.cpu.push(c.cpuMs - c.dbCpuMs);
    e.queries.push(c.queries);
    perName.set(c.name, e);
  }
  for (const [name, e] of perName) {
    console.log(`  ${name.padEnd(17)} own time p50 ${ms(summary(e.own).p50)}, own CPU p50 ${ms(summary(e.cpu).p50)}, ${summary(e.queries).p50} statements (median)`);
  }
  s.m.forEach((m, i) => {
    const own = m.commands.map((c) => c.totalMs - c.dbMs);
    const dbt = m.commands.map((c) => c.dbMs);
    console.log(
      `  node ${i}: RSS ${m.rssMb.toFixed(0)} MB (max sampled ${s.rss[i]!.toFixed(0)} MB), event-loop delay p99 ${ms(m.eventLoopDelayMs.p99)} max ${ms(m.eventLoopDelayMs.max)}; ` +
        `server's own time per command p50 ${ms(summary(own).p50)} p99 ${ms(summary(own).p99)} (database p50 ${ms(summary(dbt).p50)}, n=${own.length}); ` +
        `CPU ${ms(m.cpuMs / Math.max(1, own.length))} per command (process CPU over the stage / its commands, fan-out and background work included)`,
    );
  });
}

main().catch((err) => {
  console.error('city benchmark failed:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
