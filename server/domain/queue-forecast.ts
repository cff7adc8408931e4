/**
 * "您前面还有 N 人等候" and the estimated wait, forecast with the calling rule itself: the open
 * counters drain the waiting tickets in the order rankCandidates gives each of them, every call
 * taking the recent mean service time of its matter, until the ticket of interest is called.
 * Each simulated call ranks at the forecast time that counter frees up, so a ticket that will have
 * breached its target by then ranks as breached (after the still-makeable ones), as it will at
 * the real call.
 * Pure: the caller loads the queue, the counters and the service times.
 *
 * "People ahead" counts the tickets called before this one by counters that can serve it (a
 * ticket another counter takes does not stand in its way). Arrivals after `now` are not known,
 * so a later green-channel visitor or appointment can still move the ticket back a little.
 *
 * Every simulated call is decided by the rule (pickNext); what makes it fast is which tickets the
 * rule is shown. Rescanning every waiting ticket at every call is O(n²) in the queue (about 140 ms
 * at 500 waiting); instead the queue is split into groups the rule cannot tell apart except by age
 * (see forecast-groups.ts), and each call shows the rule only the oldest of each group's age
 * segments — a set that always holds the ticket the rule would pick from the whole queue. So the
 * order is exactly the rescan's (tests/domain/queue-forecast-equivalence.test.ts), at O(groups)
 * per call. `forecastQueue(input, 'rescan')` keeps the plain rescan as the reference.
 */
import { eligible, groupedPool, poolFromIndex, type GroupIndex } from './forecast-groups';
import { pickNext, rankCandidates, type QueueCandidate } from './routing-policy';

export interface ForecastCandidate extends QueueCandidate {
  /** Transferred to one counter only (转窗 to a counter). */
  targetCounterId: string | null;
}

export interface ForecastCounter {
  id: string;
  matterIds: ReadonlySet<string>;
  preferredMatterIds: ReadonlySet<string>;
  consecutivePriorityCalls: number;
  /** When it can call next: now if idle, else when its current visitor is expected to leave. */
  freeAt: Date;
}

export interface ForecastInput {
  now: Date;
  ticketId: string;
  candidates: readonly ForecastCandidate[];
  counters: readonly ForecastCounter[];
  /** Mean minutes a call of this matter keeps a counter busy. */
  serviceMinutes(matterId: string): number;
  starvationGuard: number;
  appointmentGraceMinutes: number;
  /** RoutingContext.earlyAppointmentMinutes (unset: 0). */
  earlyAppointmentMinutes?: number;
  waitCapMinutes: number;
  /** Safety bound on simulated calls. */
  maxCalls?: number;
}

export interface Forecast {
  peopleAhead: number;
  /** null when no open counter can serve the ticket. */
  estimatedWaitMinutes: number | null;
}

/** One simulated call: which counter calls which ticket, at what forecast time (ms). */
export interface ForecastCall {
  ticketId: string;
  counterId: string;
  at: number;
}

/**
 * The waiting tickets of a simulation. `options` returns tickets the counter may serve among
 * which the rule's pick over all of them is sure to be; `remove` takes a called ticket out.
 */
export interface CandidatePool {
  options(counter: Pick<ForecastCounter, 'id' | 'matterIds'>, at: Date): readonly ForecastCandidate[];
  remove(c: ForecastCandidate): void;
}

/**
 * 'grouped': the fast pool (forecast-groups.ts); 'rescan': every eligible ticket at every call
 * (the reference); or a pool of the caller's (the equivalence test's broken pools).
 */
export type PoolKind = 'grouped' | 'rescan' | ((input: SimulationInput) => CandidatePool);

const MINUTE = 60_000;

function rescanPool(candidates: readonly ForecastCandidate[]): CandidatePool {
  const pool = new Map(candidates.map((c) => [c.id, c]));
  return {
    options: (k) => [...pool.values()].filter((c) => eligible(c, k)),
    remove: (c) => void pool.delete(c.id),
  };
}

export type SimulationInput = Omit<ForecastInput, 'ticketId'> & {
  /**
   * The candidates already grouped (forecast-groups.ts groupIndex of exactly these candidates), kept
   * by the caller between forecasts of a queue that only grew; the grouped pool then skips the grouping.
   */
  index?: GroupIndex;
};

/**
 * Runs the counters' calls in forecast-time order (ties by counter id) until `onCall` says stop,
 * no counter has anything left to call, or maxCalls. The rule decides every call.
 */
function simulate(input: SimulationInput, kind: PoolKind, onCall: (call: ForecastCall, ticket: ForecastCandidate) => boolean): void {
  const pool =
    kind === 'grouped'
      ? input.index
        ? poolFromIndex(input.index, input.waitCapMinutes)
        : groupedPool(input.candidates, input.waitCapMinutes)
      : kind === 'rescan' ? rescanPool(input.candidates) : kind(input);
  const state = input.counters.map((k) => ({ ...k, freeAt: Math.max(k.freeAt.getTime(), input.now.getTime()), streak: k.consecutivePriorityCalls, done: false }));
  const maxCalls = input.maxCalls ?? 2_000;
  for (let calls = 0; calls < maxCalls; calls++) {
    let k: (typeof state)[number] | undefined;
    for (const s of state) if (!s.done && (!k || s.freeAt < k.freeAt || (s.freeAt === k.freeAt && s.id < k.id))) k = s;
    if (!k) return;
    const at = new Date(k.freeAt);
    const options = pool.options(k, at);
    if (options.length === 0) {
      k.done = true;
      continue;
    }
    const next = pickNext(options, {
      now: at,
      consecutivePriorityCalls: k.streak,
      starvationGuard: input.starvationGuard,
      appointmentGraceMinutes: input.appointmentGraceMinutes,
      earlyAppointmentMinutes: input.earlyAppointmentMinutes,
      waitCapMinutes: input.waitCapMinutes,
      preferredMatterIds: k.preferredMatterIds,
    }) as ForecastCandidate;
    if (onCall({ ticketId: next.id, counterId: k.id, at: k.freeAt }, next)) return;
    pool.remove(next);
    k.streak = next.priority > 0 ? k.streak + 1 : 0;
    k.freeAt += Math.max(0.5, input.serviceMinutes(next.matterId)) * MINUTE;
  }
}

/** Every call the forecast foresees, in order, until the queue is drained (or maxCalls). */
export function forecastCalls(input: SimulationInput, kind: PoolKind = 'grouped'): ForecastCall[] {
  const out: ForecastCall[] = [];
  simulate(input, kind, (call) => {
    out.push(call);
    return false;
  });
  return out;
}

export function forecastQueue(input: ForecastInput, kind: PoolKind = 'grouped'): Forecast {
  const { ticketId, ...simulation } = input;
  return forecastQueues(simulation, [ticketId], kind).get(ticketId)!;
}

/**
 * The forecast of several tickets of one queue from one simulation: the calls do not depend on
 * which ticket is asked about, so each ticket's answer is the one forecastQueue gives it alone.
 * Used to serve concurrent issues of a hall with one read and one simulation.
 */
export function forecastQueues(input: SimulationInput, ticketIds: readonly string[], kind: PoolKind = 'grouped'): Map<string, Forecast> {
  const out = new Map<string, Forecast>();
  const open: { id: string; mine: Set<string>; ahead: number }[] = [];
  for (const id of ticketIds) {
    if (out.has(id) || open.some((o) => o.id === id)) continue;
    const target = input.candidates.find((c) => c.id === id);
    if (!target) {
      out.set(id, { peopleAhead: 0, estimatedWaitMinutes: null });
      continue;
    }
    const mine = new Set(input.counters.filter((k) => eligible(target, k)).map((k) => k.id));
    if (mine.size === 0) out.set(id, { peopleAhead: fallbackRank(input, target), estimatedWaitMinutes: null });
    else open.push({ id, mine, ahead: 0 });
  }
  if (open.length === 0) return out;

  let left = open.length;
  simulate(input, kind, (call) => {
    for (const o of open) {
      if (out.has(o.id)) continue;
      if (call.ticketId === o.id) {
        out.set(o.id, { peopleAhead: o.ahead, estimatedWaitMinutes: Math.max(0, Math.ceil((call.at - input.now.getTime()) / MINUTE)) });
        left--;
      } else if (o.mine.has(call.counterId)) o.ahead++;
    }
    return left === 0;
  });
  for (const o of open) if (!out.has(o.id)) out.set(o.id, { peopleAhead: o.ahead, estimatedWaitMinutes: null });
  return out;
}

/** Without an open counter: the place among the same matter's tickets, in calling order. */
function fallbackRank(input: SimulationInput, target: ForecastCandidate): number {
  const same = input.candidates.filter((c) => c.matterId === target.matterId);
  const ranked = rankCandidates(same, {
    now: input.now,
    consecutivePriorityCalls: 0,
    starvationGuard: input.starvationGuard,
    appointmentGraceMinutes: input.appointmentGraceMinutes,
    earlyAppointmentMinutes: input.earlyAppointmentMinutes,
    waitCapMinutes: input.waitCapMinutes,
    preferredMatterIds: new Set(),
  });
  return ranked.findIndex((c) => c.id === target.id);
}
