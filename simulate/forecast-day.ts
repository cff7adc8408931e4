/**
 * The simulator engine run on a forecast day (docs/routing.md, "Pooling"): what making a
 * professional counter comprehensive would gain, measured with OUR calling rule instead of a
 * queueing formula that ignores it. The staffing plan's forecast gives the expected tickets per
 * half hour and matter; each seeded day draws that many (Poisson) with lognormal service times
 * around the matter's mean, and the engine (simulate/engine.ts, the server's rankCandidates)
 * serves them with the counters as staffed — then again, on the same visitors, with the candidate
 * counter authorised for every matter of its zone.
 *
 * Pure and deterministic (seeded). What the hall's history does not say is the simulator's
 * assumption, stated here: service CV 0.8, 5 % walk-in no-shows, 5 % green channel, patience as
 * in the simulated day, counters on duty for the whole sessions (breaks are not modelled: they
 * lower both figures alike).
 */
import type { Complexity, CounterType } from '../server/protocol/views';
import type { EffectiveHallSettings } from '../server/domain/wait-target';
import { runDay, type TicketRecord } from './engine';
import { measured, withinTarget } from './metrics';
import { OURS } from './policies';
import { createRng } from './rng';
import type { Scenario, SimCounter, SimMatter } from './scenario';
import { poisson, type Visitor } from './visitors';

export interface ForecastDayMatter {
  id: string;
  zoneId: string;
  complexity: Complexity;
  targetMinutes: number;
  /** Mean minutes a visit keeps a counter busy (call → finish). */
  serviceMinutes: number;
  appointmentShare: number;
}

export interface ForecastDayCounter {
  id: string;
  number: number;
  type: CounterType;
  zoneId: string | null;
  matterIds: ReadonlySet<string>;
  preferredMatterIds?: ReadonlySet<string>;
  staffed: boolean;
}

export interface ForecastDayInput {
  /** Opening sessions of the day, minutes after midnight. */
  sessions: readonly { start: number; end: number }[];
  matters: readonly ForecastDayMatter[];
  counters: readonly ForecastDayCounter[];
  /** Half-hour starts the forecast covers. */
  slots: readonly number[];
  expected(slot: number, matterId: string): number;
  settings: EffectiveHallSettings;
  /** Seeded days to average (default: 8, fewer when many candidates would exceed RUN_BUDGET; at least 2). */
  days?: number;
  seed?: number;
}

export interface PoolingEstimate {
  counterId: string;
  counterNumber: number;
  zoneId: string;
  /** Share within target of the zone's visitors, as staffed and with the counter comprehensive (mean over the days). */
  withinNow: number;
  withinPooled: number;
  /** The same for every visitor of the hall. */
  hallNow: number;
  hallPooled: number;
  days: number;
}

const SERVICE_CV = 0.8;
const NO_SHOW = 0.05;
const GREEN = 0.05;
const PATIENCE: Record<Complexity, number> = { general: 45, complex: 75 };
export const FORECAST_DAY_SEED = 20261124;
/** Simulated days (each candidate and the hall as staffed) one estimate may run: ~12 ms each on the demo hall. */
const RUN_BUDGET = 30;

function scenarioOf(input: ForecastDayInput, counters: readonly ForecastDayCounter[]): Scenario {
  const matters: SimMatter[] = input.matters.map((m) => ({
    id: m.id,
    zone: m.zoneId,
    complexity: m.complexity,
    targetMinutes: m.targetMinutes,
    serviceMean: m.serviceMinutes,
    weight: 0,
    appointmentShare: m.appointmentShare,
  }));
  const sim: SimCounter[] = counters
    .filter((c) => c.staffed)
    .map((c) => ({
      id: c.id,
      number: c.number,
      type: c.type,
      zone: c.zoneId ?? '',
      matterIds: c.matterIds,
      preferredMatterIds: c.preferredMatterIds ?? new Set(),
      duties: input.sessions.map((s) => ({ start: s.start, end: s.end, matterIds: c.matterIds, closing: true })),
    }));
  return {
    name: 'forecast day',
    description: 'the staffing plan’s forecast',
    load: 0,
    matters,
    counters: sim,
    sessions: [...input.sessions],
    lastTicketMinutes: input.settings.lastTicketMinutes,
    profiles: {},
    serviceCv: SERVICE_CV,
    walkInNoShowShare: NO_SHOW,
    appointmentNoShowShare: 0,
    elderlyShare: {},
    otherGreenShare: GREEN,
    patienceMean: PATIENCE,
    absentCallMinutes: 1.5,
    walkUpMinutes: 0, // the forecast's service minutes are call → finish, walk-up included
    settings: input.settings,
  };
}

/** One seeded day of visitors drawn from the forecast: Poisson per half hour and matter, uniform inside it. */
export function forecastVisitors(input: ForecastDayInput, day: number): Visitor[] {
  const rng = createRng(input.seed ?? FORECAST_DAY_SEED).fork(`forecast-day:${day}`);
  const out: Omit<Visitor, 'id'>[] = [];
  for (const m of input.matters) {
    const r = rng.fork(`matter:${m.id}`);
    for (const slot of input.slots) {
      const n = poisson(r, input.expected(slot, m.id));
      for (let i = 0; i < n; i++) {
        const arrival = r.uniform(slot, slot + 30);
        const booked = r.chance(m.appointmentShare);
        out.push({
          matterId: m.id,
          arrival,
          // A booked visitor holds the half hour's slot and checks in inside it.
          slot: booked ? { start: slot, end: slot + 30 } : null,
          noShow: !booked && r.chance(NO_SHOW),
          green: r.chance(GREEN),
          serviceMinutes: Math.min(6 * m.serviceMinutes, Math.max(1, r.lognormal(m.serviceMinutes, SERVICE_CV))),
          patience: Math.max(m.targetMinutes, r.lognormal(PATIENCE[m.complexity], 0.5)),
        });
      }
    }
  }
  out.sort((a, b) => a.arrival - b.arrival || a.matterId.localeCompare(b.matterId));
  return out.map((v, i) => ({ ...v, id: i + 1 }));
}

/** The measured tickets of each seeded day under these counters. */
function simulated(input: ForecastDayInput, counters: readonly ForecastDayCounter[], days: readonly Visitor[][]): TicketRecord[][] {
  const s = scenarioOf(input, counters);
  return days.map((visitors) => runDay(s, visitors, OURS).tickets.filter(measured));
}

/** Mean daily share within target of the tickets that pass `pred`. */
function meanShare(days: readonly TicketRecord[][], pred: (t: TicketRecord) => boolean): number {
  const shares = days.map((d) => d.filter(pred)).map((d) => (d.length ? d.filter(withinTarget).length / d.length : 1));
  return shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length);
}

/**
 * For each staffed professional counter with a zone: the forecast day as staffed, and with that
 * counter authorised for every matter of its zone (comprehensive), on the same seeded visitors.
 * Nothing is estimated when nobody is expected.
 */
export function poolingEstimates(input: ForecastDayInput): PoolingEstimate[] {
  const candidates = input.counters.filter((c) => c.type === 'professional' && c.zoneId && c.staffed);
  // The server computes this inside a request: a hall with many professional counters gets fewer days, not a longer block.
  const n = input.days ?? Math.max(2, Math.min(8, Math.floor(RUN_BUDGET / (candidates.length + 1))));
  const days = Array.from({ length: n }, (_, d) => forecastVisitors(input, d));
  if (days.every((d) => d.length === 0)) return [];
  const now = simulated(input, input.counters, days);
  const out: PoolingEstimate[] = [];
  for (const pro of candidates) {
    const zoneId = pro.zoneId!;
    const zoneMatters = new Set(input.matters.filter((m) => m.zoneId === zoneId).map((m) => m.id));
    const pooled = input.counters.map((c) => (c.id === pro.id ? { ...c, type: 'comprehensive' as const, matterIds: zoneMatters } : c));
    const after = simulated(input, pooled, days);
    const inZone = (t: TicketRecord) => zoneMatters.has(t.matter.id);
    out.push({
      counterId: pro.id,
      counterNumber: pro.number,
      zoneId,
      withinNow: meanShare(now, inZone),
      withinPooled: meanShare(after, inZone),
      hallNow: meanShare(now, () => true),
      hallPooled: meanShare(after, () => true),
      days: n,
    });
  }
  return out;
}
