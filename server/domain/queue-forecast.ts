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
 */
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
  waitCapMinutes: number;
  /** Safety bound on simulated calls. */
  maxCalls?: number;
}

export interface Forecast {
  peopleAhead: number;
  /** null when no open counter can serve the ticket. */
  estimatedWaitMinutes: number | null;
}

const MINUTE = 60_000;

function eligible(c: ForecastCandidate, counter: Pick<ForecastCounter, 'id' | 'matterIds'>): boolean {
  return counter.matterIds.has(c.matterId) && (c.targetCounterId === null || c.targetCounterId === counter.id);
}

export function forecastQueue(input: ForecastInput): Forecast {
  const target = input.candidates.find((c) => c.id === input.ticketId);
  if (!target) return { peopleAhead: 0, estimatedWaitMinutes: null };
  const mine = new Set(input.counters.filter((k) => eligible(target, k)).map((k) => k.id));
  if (mine.size === 0) return { peopleAhead: fallbackRank(input, target), estimatedWaitMinutes: null };

  const pool = new Map(input.candidates.map((c) => [c.id, c]));
  const state = input.counters.map((k) => ({ ...k, freeAt: Math.max(k.freeAt.getTime(), input.now.getTime()), streak: k.consecutivePriorityCalls, done: false }));
  const maxCalls = input.maxCalls ?? 2_000;
  let ahead = 0;
  for (let calls = 0; calls < maxCalls; calls++) {
    let k: (typeof state)[number] | undefined;
    for (const s of state) if (!s.done && (!k || s.freeAt < k.freeAt || (s.freeAt === k.freeAt && s.id < k.id))) k = s;
    if (!k) break;
    const at = new Date(k.freeAt);
    const options = [...pool.values()].filter((c) => eligible(c, k));
    if (options.length === 0) {
      k.done = true;
      continue;
    }
    const next = pickNext(options, {
      now: at,
      consecutivePriorityCalls: k.streak,
      starvationGuard: input.starvationGuard,
      appointmentGraceMinutes: input.appointmentGraceMinutes,
      waitCapMinutes: input.waitCapMinutes,
      preferredMatterIds: k.preferredMatterIds,
    })!;
    if (next.id === target.id) {
      return { peopleAhead: ahead, estimatedWaitMinutes: Math.max(0, Math.ceil((k.freeAt - input.now.getTime()) / MINUTE)) };
    }
    pool.delete(next.id);
    if (mine.has(k.id)) ahead++;
    k.streak = next.priority > 0 ? k.streak + 1 : 0;
    k.freeAt += Math.max(0.5, input.serviceMinutes(next.matterId)) * MINUTE;
  }
  return { peopleAhead: ahead, estimatedWaitMinutes: null };
}

/** Without an open counter: the place among the same matter's tickets, in calling order. */
function fallbackRank(input: ForecastInput, target: ForecastCandidate): number {
  const same = input.candidates.filter((c) => c.matterId === target.matterId);
  const ranked = rankCandidates(same, {
    now: input.now,
    consecutivePriorityCalls: 0,
    starvationGuard: input.starvationGuard,
    appointmentGraceMinutes: input.appointmentGraceMinutes,
    waitCapMinutes: input.waitCapMinutes,
    preferredMatterIds: new Set(),
  });
  return ranked.findIndex((c) => c.id === target.id);
}
