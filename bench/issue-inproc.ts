/**
 * `npx tsx bench/issue-inproc.ts` — the CPU of issuing with a long queue, in this process: the
 * issue use case (issue-ticket.ts: its transaction, the shared forecast, the completion) called
 * directly on PostgreSQL, without HTTP or socket.io, so process.cpuUsage is the application's own
 * CPU (drizzle, postgres.js, the forecast) and nothing else. One hall (bench/city-seed.ts: 6
 * matters, 10 counters); BENCH_WAITING tickets issued while the counters are closed, then every
 * counter opened and BENCH_ISSUES issued by BENCH_KIOSKS callers in a closed loop (as bench:issue,
 * minus the HTTP layer). Then one forecast round (queue-position.ts queuePositions) of the newest
 * ticket repeated BENCH_ROUNDS times, reading the queue whole against reusing the kept queue.
 * Knobs: BENCH_PG_URL, BENCH_WAITING (500), BENCH_ISSUES (200), BENCH_KIOSKS (4), BENCH_ROUNDS (50).
 */
import { eq, sql } from 'drizzle-orm';
import { loadavg } from 'node:os';
import { openDb } from '../db/client';
import { counters, devices } from '../db/schema';
import type { DeviceActor } from '../server/app/actor';
import { nullPublisher, type AppDeps } from '../server/app/deps';
import { issueTicket } from '../server/app/issue-ticket';
import { loadHall } from '../server/app/loaders';
import { presentHall } from '../server/app/presenters';
import { queuePositions } from '../server/app/queue-position';
import { systemClock } from '../server/domain/clock';
import type { IssuedTicket } from '../server/protocol/views';
import { createBenchDatabase } from './bench-db';
import { seedCity } from './city-seed';

const env = process.env;
const WAITING = Number(env.BENCH_WAITING ?? 500);
const ISSUES = Number(env.BENCH_ISSUES ?? 200);
const KIOSKS = Number(env.BENCH_KIOSKS ?? 4);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 50);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

const bench = await createBenchDatabase('issueinproc', env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const opened = await openDb(bench.url);
try {
  const db = opened.db;
  const [hall] = await seedCity(db, { halls: 1, counters: 10, displays: 0, matters: 6 });
  const [kiosk] = await db.select().from(devices).where(eq(devices.hallId, hall!.id));
  const actor: DeviceActor = { kind: 'device', id: kiosk!.id, deviceKind: 'kiosk', hallId: hall!.id, zoneId: kiosk!.zoneId, counterId: null };
  const deps: AppDeps = { db, clock: systemClock, publisher: nullPublisher, piiKey: Buffer.alloc(32, 3), publicBaseUrl: 'http://bench' };
  let k = 0;
  const issueOne = () => issueTicket(deps, actor, hall!.id, { commandId: crypto.randomUUID(), matterId: hall!.matterIds[k % 6]!, ...(k++ % 10 === 9 && { greenChannel: 'disabled' as const }) });
  const loop = async (count: number, callers: number) => {
    let left = count;
    let last: IssuedTicket | null = null;
    await Promise.all(Array.from({ length: callers }, async () => { while (left-- > 0) last = await issueOne(); }));
    return last!;
  };
  await loop(WAITING, 16);
  // Open and idle: the forecast simulates every counter draining the whole queue.
  await db.update(counters).set({ status: 'open' }).where(eq(counters.hallId, hall!.id));
  await loop(20, KIOSKS); // warm-up
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await loop(ISSUES, KIOSKS);
  const issueCpu = cpuMs(c0) / ISSUES;
  const rate = ISSUES / ((performance.now() - t0) / 1000);
  // The forecast's target: one more ticket of the first matter, issued alone (the same in every run).
  k = 0;
  const newest = await issueOne();
  console.log(`issue use case, ${WAITING} → ${WAITING + 20 + ISSUES} waiting, ${KIOSKS} callers in a closed loop: CPU ${issueCpu.toFixed(2)} ms per issue (process.cpuUsage, this process only; ${rate.toFixed(0)} issues/s; load ${load()})`);

  const view = presentHall(await loadHall(db, hall!.id));
  const target = [{ id: newest.ticket.id, matterId: newest.ticket.matterId, complexity: newest.ticket.complexity }];
  const scope = { hallId: hall!.id, serviceDate: newest.ticket.serviceDate, hall: view };
  for (const reuse of [false, true]) {
    const options = reuse ? { reuse: db } : {};
    await queuePositions(db, scope, target, new Date(), options);
    const c1 = process.cpuUsage();
    let answer;
    for (let i = 0; i < ROUNDS; i++) answer = await queuePositions(db, scope, target, new Date(), options);
    console.log(`one forecast round of the newest ticket (${WAITING + 20 + ISSUES} waiting), ${reuse ? 'kept queue (nothing new)' : 'queue read whole'}: CPU ${(cpuMs(c1) / ROUNDS).toFixed(2)} ms (${ROUNDS} rounds; ${JSON.stringify(answer)})`);
  }
  const [{ n }] = (await db.execute(sql`SELECT count(*)::int AS n FROM tickets WHERE status = 'waiting'`)) as unknown as [{ n: number }];
  console.log(`waiting at the end: ${n}; load ${load()}`);
} finally {
  await opened.close();
  await bench.drop();
}
