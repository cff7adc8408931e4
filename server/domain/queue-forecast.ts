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
 *
 * A simulation can be kept (ForecastRun) and asked again, and take in tickets issued since when
 * none of them would have been called at a step it has already taken (docs/routing.md §People
 * ahead and the estimated wait): the issuing path then pays for the few calls between the last
 * answer and the new ticket instead of the whole queue again.
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
 * which the rule's pick over all of them is sure to be; `remove` takes a called ticket out; `add`
 * (where the pool has it) puts in a ticket that arrived after the simulation started.
 */
export interface CandidatePool {
  options(counter: Pick<ForecastCounter, 'id' | 'matterIds'>, at: Date): readonly ForecastCandidate[];
  remove(c: ForecastCandidate): void;
  add?(c: ForecastCandidate): void;
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
    add: (c) => void pool.set(c.id, c),
  };
}

export type SimulationInput = Omit<ForecastInput, 'ticketId'> & {
  /**
   * The candidates already grouped (forecast-groups.ts groupIndex of exactly these candidates), kept
   * by the caller between forecasts of a queue that only grew; the grouped pool then skips the grouping.
   */
  index?: GroupIndex;
};

interface SimCounter extends ForecastCounter {
  at: number;
  streak: number;
  done: boolean;
}

/** One step of a run: a counter free at `at` (ms) with its priority streak then, and whom it called (null: nobody left it may serve). */
interface Step {
  counter: SimCounter;
  at: number;
  streak: number;
  ticket: ForecastCandidate | null;
}

/** Tickets a run takes in (append) before it is better started afresh over the caller's grouping (each is a group of its own). */
const MAX_APPENDED = 64;

/**
 * A simulation kept as it goes: the counters' calls in forecast-time order (ties by counter id),
 * each decided by the rule, step by step, as far as some question needs. Kept between forecasts
 * (server/app/queue-position.ts), it answers later questions about the same queue from the steps
 * already taken, and takes in tickets issued since (append) when that is sure to change none of
 * those steps — then it is, step for step, the run a fresh simulation over all the tickets would
 * be (tests/domain/queue-forecast-incremental.test.ts).
 */
export class ForecastRun {
  readonly now: Date;
  readonly steps: Step[] = [];
  private readonly pool: CandidatePool;
  private readonly state: SimCounter[];
  private readonly byId: Map<string, ForecastCandidate>;
  private readonly calledAt = new Map<string, number>();
  private readonly maxCalls: number;
  private iterations = 0;
  private appended = 0;
  private finished = false;

  constructor(private readonly input: SimulationInput, kind: PoolKind = 'grouped') {
    this.now = input.now;
    this.pool =
      kind === 'grouped'
        ? input.index
          ? poolFromIndex(input.index, input.waitCapMinutes)
          : groupedPool(input.candidates, input.waitCapMinutes)
        : kind === 'rescan' ? rescanPool(input.candidates) : kind(input);
    this.state = input.counters.map((k) => ({ ...k, at: Math.max(k.freeAt.getTime(), input.now.getTime()), streak: k.consecutivePriorityCalls, done: false }));
    this.byId = new Map(input.candidates.map((c) => [c.id, c]));
    this.maxCalls = input.maxCalls ?? 2_000;
  }

  /** The next step, or null when no counter has anything left to call (or maxCalls). */
  private step(): Step | null {
    while (!this.finished && this.iterations < this.maxCalls) {
      this.iterations++;
      let k: SimCounter | undefined;
      for (const s of this.state) if (!s.done && (!k || s.at < k.at || (s.at === k.at && s.id < k.id))) k = s;
      if (!k) break;
      const at = new Date(k.at);
      const options = this.pool.options(k, at);
      const step: Step = { counter: k, at: k.at, streak: k.streak, ticket: null };
      this.steps.push(step);
      if (options.length === 0) {
        k.done = true;
        continue;
      }
      const next = pickNext(options, this.context(step)) as ForecastCandidate;
      step.ticket = next;
      this.calledAt.set(next.id, this.steps.length - 1);
      this.pool.remove(next);
      k.streak = next.priority > 0 ? k.streak + 1 : 0;
      k.at += Math.max(0.5, this.input.serviceMinutes(next.matterId)) * MINUTE;
      return step;
    }
    this.finished = true;
    return null;
  }

  private context(step: Step) {
    return {
      now: new Date(step.at),
      consecutivePriorityCalls: step.streak,
      starvationGuard: this.input.starvationGuard,
      appointmentGraceMinutes: this.input.appointmentGraceMinutes,
      earlyAppointmentMinutes: this.input.earlyAppointmentMinutes,
      waitCapMinutes: this.input.waitCapMinutes,
      preferredMatterIds: step.counter.preferredMatterIds,
    };
  }

  /** Runs until the ticket is called (its step's index) or nothing is left to call (-1). */
  private until(ticketId: string): number {
    for (;;) {
      const i = this.calledAt.get(ticketId);
      if (i !== undefined) return i;
      if (!this.step()) return -1;
    }
  }

  /** Every call, to the end of the queue. */
  drain(): ForecastCall[] {
    while (this.step());
    return this.steps.filter((s) => s.ticket).map((s) => ({ ticketId: s.ticket!.id, counterId: s.counter.id, at: s.at }));
  }

  /**
   * Takes in tickets that joined the queue after this run started, unless one of them would have
   * been called at a step already taken (it outranks that step's pick there, or the counter found
   * nobody): then false, nothing changes, and the caller starts a fresh run. Otherwise every step
   * taken stands — at each the rule picks among its options plus the new ticket, and the pick of
   * the two is the pick of all — and the new tickets wait in the pool for the steps to come.
   * Also false when the pool cannot take tickets in, or the run has taken in many already.
   */
  append(tickets: readonly ForecastCandidate[]): boolean {
    if (tickets.length === 0) return true;
    if (!this.pool.add || this.appended + tickets.length > MAX_APPENDED) return false;
    for (const t of tickets) {
      if (this.byId.has(t.id)) return false;
      for (const step of this.steps) {
        if (!eligible(t, step.counter)) continue;
        if (!step.ticket || pickNext([step.ticket, t], this.context(step)) === t) return false;
      }
    }
    for (const t of tickets) {
      this.byId.set(t.id, t);
      this.pool.add(t);
      // A counter that found nobody has no step left; one the new ticket could be called by took none either (checked above).
    }
    this.appended += tickets.length;
    return true;
  }

  /** The forecast of each ticket (one that is not waiting: nobody ahead, no estimate). */
  forecasts(ticketIds: readonly string[]): Map<string, Forecast> {
    const out = new Map<string, Forecast>();
    for (const id of ticketIds) {
      if (out.has(id)) continue;
      const target = this.byId.get(id);
      if (!target) {
        out.set(id, { peopleAhead: 0, estimatedWaitMinutes: null });
        continue;
      }
      const mine = new Set(this.input.counters.filter((k) => eligible(target, k)).map((k) => k.id));
      if (mine.size === 0) {
        out.set(id, { peopleAhead: fallbackRank(this.input, [...this.byId.values()], target), estimatedWaitMinutes: null });
        continue;
      }
      const called = this.until(id);
      const end = called < 0 ? this.steps.length : called;
      let ahead = 0;
      for (let i = 0; i < end; i++) {
        const s = this.steps[i]!;
        if (s.ticket && mine.has(s.counter.id)) ahead++;
      }
      out.set(id, { peopleAhead: ahead, estimatedWaitMinutes: called < 0 ? null : Math.max(0, Math.ceil((this.steps[called]!.at - this.now.getTime()) / MINUTE)) });
    }
    return out;
  }
}

/** Every call the forecast foresees, in order, until the queue is drained (or maxCalls). */
export function forecastCalls(input: SimulationInput, kind: PoolKind = 'grouped'): ForecastCall[] {
  return new ForecastRun(input, kind).drain();
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
  return new ForecastRun(input, kind).forecasts(ticketIds);
}

/** Without an open counter: the place among the same matter's tickets, in calling order. */
function fallbackRank(input: SimulationInput, candidates: readonly ForecastCandidate[], target: ForecastCandidate): number {
  const same = candidates.filter((c) => c.matterId === target.matterId);
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
