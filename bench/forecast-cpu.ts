/**
 * `npm run bench:forecast` — CPU time of one people-ahead forecast (server/domain/queue-forecast.ts)
 * at 100 / 500 / 1,000 waiting tickets, the fast grouped pool against the rescan of every ticket
 * at every simulated call (the forecast before issue #17), on the same queues. Pure CPU in this
 * process (process.cpuUsage), no database: what the issuing path spends on the forecast itself.
 * Two halls: the demo district centre (27 matters, 13 counters with different matter sets and
 * preferred matters — many groups) and the bench:issue hall (6 matters, 10 comprehensive counters).
 * Forecast for the newest ticket (what the kiosk's ack shows) and for one in the middle. Then the
 * kept simulation (ForecastRun, as server/app/queue-position.ts keeps it within a second): a run
 * that has answered the previous ticket takes in the newest one (append) and answers it.
 * Knobs: BENCH_SIZES (100,500,1000), BENCH_REPEAT (calls per figure, 20), BENCH_SEED (17).
 */
import { loadavg } from 'node:os';
import { ForecastRun, forecastQueue, type ForecastCandidate, type ForecastCounter, type ForecastInput, type PoolKind } from '../server/domain/queue-forecast';
import { demoCounters, demoMatters } from '../simulate/scenario';
import { createRng, type Rng } from '../simulate/rng';

const env = process.env;
const SIZES = (env.BENCH_SIZES ?? '100,500,1000').split(',').map(Number);
const REPEAT = Number(env.BENCH_REPEAT ?? 20);
const SEED = Number(env.BENCH_SEED ?? 17);
const NOW = new Date('2026-11-24T02:00:00Z');
const MIN = 60_000;

interface Hall {
  name: string;
  matters: { id: string; target: number; service: number; weight: number }[];
  counters: ForecastCounter[];
}

const demoHall = (): Hall => ({
  name: 'demo centre (27 matters, 13 counters)',
  matters: demoMatters().map((m) => ({ id: m.id, target: m.targetMinutes, service: m.serviceMean, weight: m.weight })),
  counters: demoCounters().map((c) => ({ id: c.id, matterIds: c.matterIds, preferredMatterIds: c.preferredMatterIds, consecutivePriorityCalls: 0, freeAt: NOW })),
});

const benchHall = (): Hall => ({
  name: 'bench:issue hall (6 matters, 10 counters)',
  matters: [...'ABCDEF'].map((id) => ({ id, target: 10, service: 8, weight: 1 })),
  counters: Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, matterIds: new Set([...'ABCDEF']), preferredMatterIds: new Set<string>(), consecutivePriorityCalls: 0, freeAt: NOW })),
});

/** A morning queue of n tickets issued over the last hour: 10 % green channel, 5 % appointments, 3 % transferred. */
function queue(hall: Hall, n: number, r: Rng): ForecastCandidate[] {
  const weights = hall.matters.map((m) => m.weight);
  return Array.from({ length: n }, (_, i) => {
    const m = hall.matters[r.pickWeighted(weights)]!;
    const issuedAt = new Date(NOW.getTime() - Math.round(((n - i) / n) * 60 * MIN));
    const slot = r.chance(0.05) ? new Date(NOW.getTime() + (Math.floor(r.next() * 4) - 2) * 30 * MIN) : null;
    return {
      id: `t${i}`,
      matterId: m.id,
      priority: r.chance(0.1) ? 1 : 0,
      appointmentSlot: slot ? { start: slot, end: new Date(slot.getTime() + 30 * MIN) } : null,
      issuedAt,
      waitStartAt: slot && slot > issuedAt ? slot : issuedAt,
      waitTargetMinutes: m.target,
      number: `A${String(i + 1).padStart(4, '0')}`,
      targetCounterId: r.chance(0.03) ? hall.counters[Math.floor(r.next() * hall.counters.length)]!.id : null,
    };
  });
}

function cpuMsPerCall(input: ForecastInput, kind: PoolKind): { ms: number; result: ReturnType<typeof forecastQueue> } {
  let result = forecastQueue(input, kind); // warm-up
  const t0 = process.cpuUsage();
  for (let i = 0; i < REPEAT; i++) result = forecastQueue(input, kind);
  const d = process.cpuUsage(t0);
  return { ms: (d.user + d.system) / 1000 / REPEAT, result };
}

console.log(`forecast CPU per call (process.cpuUsage, ${REPEAT} calls each after a warm-up; load ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
console.log('hall | waiting | ticket | rescan ms | grouped ms | speed-up | people ahead');
for (const hall of [demoHall(), benchHall()]) {
  const service = new Map(hall.matters.map((m) => [m.id, m.service]));
  for (const n of SIZES) {
    const candidates = queue(hall, n, createRng(SEED + n));
    for (const [label, ticket] of [['newest', candidates[n - 1]!], ['middle', candidates[n >> 1]!]] as const) {
      const input: ForecastInput = {
        now: NOW,
        ticketId: ticket.id,
        candidates,
        counters: hall.counters,
        serviceMinutes: (id) => service.get(id)!,
        starvationGuard: 3,
        appointmentGraceMinutes: 15,
        waitCapMinutes: 60,
      };
      const rescan = cpuMsPerCall(input, 'rescan');
      const grouped = cpuMsPerCall(input, 'grouped');
      if (JSON.stringify(rescan.result) !== JSON.stringify(grouped.result)) throw new Error(`forecasts differ: ${JSON.stringify([rescan.result, grouped.result])}`);
      console.log(
        `${hall.name} | ${n} | ${label} | ${rescan.ms.toFixed(2)} | ${grouped.ms.toFixed(2)} | ×${(rescan.ms / grouped.ms).toFixed(1)} | ${grouped.result.peopleAhead}`,
      );
    }
  }
}

console.log('\nkept simulation: a run that answered the previous ticket takes in the newest and answers it (append + forecasts; the run built outside the timing)');
console.log('hall | waiting | kept ms | fresh grouped ms | taken in | people ahead');
for (const hall of [demoHall(), benchHall()]) {
  const service = new Map(hall.matters.map((m) => [m.id, m.service]));
  for (const n of SIZES) {
    const candidates = queue(hall, n, createRng(SEED + n));
    const newest = candidates[n - 1]!;
    const input = { now: NOW, counters: hall.counters, serviceMinutes: (id: string) => service.get(id)!, starvationGuard: 3, appointmentGraceMinutes: 15, waitCapMinutes: 60 };
    const kept = () => {
      const run = new ForecastRun({ ...input, candidates: candidates.slice(0, n - 1) });
      run.forecasts([candidates[n - 2]!.id]);
      return run;
    };
    let cpu = 0;
    let taken = true;
    let result = null as ReturnType<ForecastRun['forecasts']> | null;
    for (let i = 0; i <= REPEAT; i++) {
      const run = kept();
      const t0 = process.cpuUsage();
      taken = run.append([newest]);
      result = taken ? run.forecasts([newest.id]) : null;
      const d = process.cpuUsage(t0);
      if (i > 0) cpu += (d.user + d.system) / 1000; // the first is the warm-up
    }
    const full = forecastQueue({ ...input, candidates, ticketId: newest.id });
    if (result && JSON.stringify(result.get(newest.id)) !== JSON.stringify(full)) throw new Error(`kept run differs: ${JSON.stringify([result.get(newest.id), full])}`);
    const fresh = cpuMsPerCall({ ...input, candidates, ticketId: newest.id }, 'grouped');
    console.log(`${hall.name} | ${n} | ${taken ? (cpu / REPEAT).toFixed(3) : '—'} | ${fresh.ms.toFixed(2)} | ${taken ? 'yes' : 'no (a fresh run)'} | ${full.peopleAhead}`);
  }
}
