/**
 * `npx tsx bench/city-fanout.ts` — the CPU a committed fact costs the node that only delivers it
 * (docs/performance.md, "Fan-out, third pass").
 *
 * Two product nodes on a fresh PostgreSQL database (as bench:city: created on BENCH_PG_URL, dropped
 * afterwards). Node 0 holds every counter and the kiosks' HTTP issuing; node 1 holds every screen —
 * BENCH_DISPLAYS displays and one dashboard per hall — and runs no command at all. So node 1's CPU
 * is the receiving side of the fan-out and nothing else: the fact bus's NOTIFY, its parse, the room
 * broadcasts, engine.io and ws writes, plus its background work (seq beat, session re-check,
 * engine.io pings), which is measured alone first, idle, for BENCH_IDLE_SECONDS.
 * Then facts flow for BENCH_FLOW_SECONDS: one counter per hall serving visitors (kiosk issue,
 * call-next, start, finish) at BENCH_FLOW_RATE visitors/s over the city. It prints node 1's CPU per
 * delivered fact (flow CPU − idle CPU rate × duration, over the facts committed), per socket
 * write, its event-loop delay p99 idle and with facts, call → display and the call-next's ack →
 * display (what the fan-out adds after the command). CPU time, not wall time: the figure to compare
 * on a loaded machine. BENCH_CPU_PROF=<dir> profiles node 1 over the whole run; BENCH_PROFILE_DIR=<dir>
 * writes node 1's profiles of the idle and the flow phase alone (idle.cpuprofile, flow.cpuprofile;
 * bench/profile-top.ts summarises either).
 * Knobs: BENCH_HALLS (100), BENCH_DISPLAYS (50), BENCH_IDLE_SECONDS (15), BENCH_FLOW_SECONDS (20),
 * BENCH_FLOW_RATE (HALLS × 10 / 90: 4 × a busy morning of 10 counters a hall, as bench:city's city load),
 * BENCH_SCREEN_PROCESSES (3).
 */
import { loadavg } from 'node:os';
import { openDb } from '../db/client';
import { createBenchDatabase } from './bench-db';
import { BENCH_ADMIN_TOKEN, seedCity } from './city-seed';
import { closeHall, connect, connectCounters, emit, issue, newTiming, type HallClients } from './city-clients';
import { screenProcesses, type ScreenSpec } from './city-screens';
import { runStage } from './city-stage';
import { startCityNode, type Child } from './processes';
import { ms, summary } from './stats';

const env = process.env;
const num = (name: string, fallback: number) => Number(env[name] ?? fallback);
const HALLS = num('BENCH_HALLS', 100);
const DISPLAYS = num('BENCH_DISPLAYS', 50);
const IDLE_S = num('BENCH_IDLE_SECONDS', 15);
const FLOW_S = num('BENCH_FLOW_SECONDS', 20);
const FLOW_RATE = num('BENCH_FLOW_RATE', (HALLS * 10) / 90);
const PROCS = num('BENCH_SCREEN_PROCESSES', 3);
const PG_URL = env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

interface Metrics {
  cpuMs: number;
  rssMb: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  localSockets: number;
}

async function main() {
  const db = await createBenchDatabase('fanout', PG_URL);
  const nodes: Child[] = [];
  const closers: (() => void)[] = [];
  try {
    console.log(`Fan-out CPU — ${HALLS} halls × ${DISPLAYS} displays + 1 dashboard on node 1, 1 counter a hall on node 0; load ${load()}`);
    const opened = await openDb(db.url);
    const seeded = await seedCity(opened.db, { halls: HALLS, counters: 1, displays: DISPLAYS }).finally(() => opened.close());
    nodes.push(await startCityNode(db.url));
    nodes.push(await startCityNode(db.url, env.BENCH_CPU_PROF ? { cpuProfDir: env.BENCH_CPU_PROF } : {}));
    const [sender, receiver] = nodes.map((n) => `http://127.0.0.1:${n.port}`) as [string, string];
    const metricsSocket = await connect(receiver, BENCH_ADMIN_TOKEN);
    closers.push(() => metricsSocket.close());
    const metrics = async () => (await emit(metricsSocket, 'bench:metrics', {})).data as Metrics;
    const profile = async (label: string) => {
      if (env.BENCH_PROFILE_DIR && !(await emit(metricsSocket, 'bench:metrics', { profile: label })).ok) throw new Error(`profile ${label} failed`);
    };

    const halls: HallClients[] = [];
    closers.push(() => halls.forEach(closeHall));
    for (let i = 0; i < seeded.length; i += 20) halls.push(...(await Promise.all(seeded.slice(i, i + 20).map((h) => connectCounters([sender], h)))));
    const procs = await screenProcesses(PROCS);
    closers.push(() => procs.forEach((p) => p.close()));
    const screens: ScreenSpec[] = seeded.flatMap((h) => [
      ...h.displayTokens.map((token) => ({ url: receiver, token, hallId: h.id, kind: 'display' as const })),
      { url: receiver, token: h.managerToken, hallId: h.id, kind: 'dashboard' as const },
    ]);
    const t0 = performance.now();
    await Promise.all(procs.map((p, k) => p.connect(screens.filter((_, i) => i % procs.length === k))));
    console.log(`${screens.length} screens on node 1 in ${((performance.now() - t0) / 1000).toFixed(1)} s; load ${load()}`);
    // Two tickets waiting per hall to start with.
    const jobs = seeded.flatMap((h) => [0, 1].map((k) => ({ h, k })));
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let j = jobs.pop(); j; j = jobs.pop()) {
          const r = await issue(sender, j.h, j.k);
          if (!r.ok) throw new Error(`issue failed: ${r.error}`);
        }
      }),
    );
    await sleep(3000);

    await metrics();
    await profile('start');
    const idle0 = await metrics();
    await sleep(IDLE_S * 1000);
    const idle1 = await metrics();
    await profile('idle');
    const idleCpuPerS = (idle1.cpuMs - idle0.cpuMs) / IDLE_S;
    console.log(
      `idle, node 1 (${idle1.localSockets - 1} screens): CPU ${(idleCpuPerS / 10).toFixed(2)} % of a core, event-loop delay p99 ${ms(idle1.eventLoopDelayMs.p99)} max ${ms(idle1.eventLoopDelayMs.max)}; load ${load()}`,
    );

    await Promise.all(procs.map((p) => p.collect()));
    const seq0 = await hallSeqs(halls);
    const timing = newTiming();
    await profile('start');
    const before = await metrics();
    const r = await runStage('product', halls, [sender], timing, FLOW_RATE, FLOW_S);
    await sleep(500);
    const after = await metrics();
    await profile('flow');
    const seconds = r.seconds + 0.5;
    const seq1 = await hallSeqs(halls);
    const facts = seeded.reduce((a, h) => a + (seq1[h.id] ?? 0) - (seq0[h.id] ?? 0), 0);
    const callMs: number[] = [];
    const ackMs: number[] = [];
    for (const got of await Promise.all(procs.map((p) => p.collect()))) {
      for (const [key, at] of got.calls) {
        const c = timing.calls.get(key);
        const a = timing.acks.get(key);
        if (c !== undefined) callMs.push(at - c);
        if (a !== undefined) ackMs.push(at - a);
      }
    }
    const flowCpu = after.cpuMs - before.cpuMs;
    const factCpu = flowCpu - idleCpuPerS * seconds;
    const writes = facts * (DISPLAYS + 1);
    const c = summary(callMs);
    const a = summary(ackMs);
    console.log(
      `facts flowing: ${FLOW_RATE.toFixed(1)} visitors/s offered, ${r.visitors} visitors, ${(r.commands / r.seconds).toFixed(0)} commands/s, ${facts} facts (${(facts / seconds).toFixed(1)}/s, each to ${DISPLAYS + 1} screens); errors ${r.errors}, backlog ${r.backlog}; load ${load()}`,
    );
    console.log(
      `  node 1: CPU ${(flowCpu / seconds / 10).toFixed(2)} % of a core (idle ${(idleCpuPerS / 10).toFixed(2)} %), event-loop delay p99 ${ms(after.eventLoopDelayMs.p99)} max ${ms(after.eventLoopDelayMs.max)}, RSS ${after.rssMb.toFixed(0)} MB`,
    );
    console.log(`  CPU per delivered fact on node 1: ${ms(factCpu / Math.max(1, facts))} (${((factCpu * 1000) / Math.max(1, writes)).toFixed(1)} µs per socket write, ${writes} writes)`);
    console.log(`  call → display p50 ${ms(c.p50)} p99 ${ms(c.p99)} (n=${c.n}); call-next ack → display p50 ${ms(a.p50)} p99 ${ms(a.p99)}`);
    const checks = await Promise.all(procs.map((p) => p.check(seq1)));
    const total = (k: 'lost' | 'duplicated' | 'reordered' | 'disconnected') => checks.reduce((s, x) => s + x[k], 0);
    console.log(`Facts: ${total('lost')} lost, ${total('duplicated')} duplicated, ${total('reordered')} out of seq order over ${screens.length} screens; ${total('disconnected')} disconnects`);
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
  console.error('fan-out benchmark failed:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
