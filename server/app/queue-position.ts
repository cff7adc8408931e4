/**
 * "您前面还有 N 人等候" and the estimated wait, from the same ranking the counters call by and the
 * recent service rate of the open counters that can serve the matter: the open counters drain
 * today's waiting tickets in rankCandidates order, each call taking the recent mean service time
 * of its matter (server/domain/queue-forecast.ts). Not a naive count of the matter's queue.
 */
import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { matters, tickets } from '../../db/schema';
import { addToIndex, groupIndex, type GroupIndex } from '../domain/forecast-groups';
import { ForecastRun, forecastQueues, type ForecastCandidate, type ForecastCounter, type SimulationInput } from '../domain/queue-forecast';
import type { QueueCandidate } from '../domain/routing-policy';
import { expectedServiceMinutes, MIN_SAMPLES } from '../domain/service-time';
import { effectiveSettings, FALLBACK_SERVICE_MINUTES } from '../domain/wait-target';
import type { Complexity, HallView } from '../protocol/views';
import { loadHall } from './loaders';
import { rawStatement } from './prepared';
import { presentHall } from './presenters';

type Reader = Db | Tx;

export interface QueuePosition {
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
}

/** A ticket to forecast, with its matter's complexity (the fallback service time of its matter). */
export interface PositionTarget {
  id: string;
  matterId: string;
  complexity: Complexity;
}

/** Beyond this many new events since the kept read, the queue is read whole (as cheap, and bounds the statement). */
const MAX_NEW = 256;

/** Recent calls per matter used for its mean service time; fewer than MIN_SAMPLES → fallback. */
const RECENT_PER_MATTER = 20;

export async function queuePosition(
  tx: Reader,
  ticket: { id: string; hallId: string; matterId: string; serviceDate: string },
  now: Date,
  complexity: Complexity,
  hall?: HallView,
): Promise<QueuePosition> {
  const [position] = await queuePositions(tx, { hallId: ticket.hallId, serviceDate: ticket.serviceDate, hall }, [{ id: ticket.id, matterId: ticket.matterId, complexity }], now);
  return position!;
}

/**
 * The forecasts of several waiting tickets of one hall and day, from one read of the queue (one
 * statement: readForecastState) and, where their matters' fallbacks agree, one simulation. In the
 * order of `targets`.
 *
 * `reuse` (only for reads on the database handle itself, never inside a transaction — the batch
 * does this): the hall's waiting queue is kept between forecasts on this node, parsed and grouped,
 * with the hall's event seq it was read at, and the statement reads only what changed since then
 * when that is sure to be new tickets alone (see readForecastState); anything else reads it whole.
 */
export async function queuePositions(
  tx: Reader,
  scope: { hallId: string; serviceDate: string; hall?: HallView | undefined },
  targets: readonly PositionTarget[],
  now: Date,
  options: { reuse?: Db } = {},
): Promise<QueuePosition[]> {
  const hall = scope.hall ?? presentHall(await loadHall(tx, scope.hallId));
  const state = options.reuse
    ? await readReusingQueue(options.reuse, scope.hallId, scope.serviceDate)
    : await readForecastState(tx, scope.hallId, scope.serviceDate, [...new Set(targets.map((t) => t.matterId))], null);
  const staffed = state.counters.length > 0;
  const history = staffed ? await hallHistoryMinutes(tx, scope.hallId, scope.serviceDate) : null;
  const settings = effectiveSettings(hall.settings);
  const simulation = (fallback: PositionTarget | null, at: Date = now): SimulationInput => {
    const serviceMinutes = history ? recentServiceMinutes(state, history, fallback) : () => FALLBACK_SERVICE_MINUTES[fallback?.complexity ?? 'general'];
    return {
      now: at,
      candidates: state.waiting,
      ...(state.index && { index: state.index }),
      counters: state.counters.map((c) => forecastCounter(c, serviceMinutes, at)),
      serviceMinutes,
      starvationGuard: hall.settings.starvationGuard,
      appointmentGraceMinutes: settings.appointmentGraceMinutes,
      earlyAppointmentMinutes: settings.earlyAppointmentMinutes,
      waitCapMinutes: settings.waitCapMinutes,
    };
  };
  // A target whose complexity is not its matter's (never, as the matter's complexity is the ticket's) has a fallback of its own.
  const shared = targets.filter((t) => state.complexityOf.get(t.matterId) === t.complexity);
  const results = shared.length === 0 ? new Map() : state.kept ? keptRun(state.kept, simulation, now).forecasts(shared.map((t) => t.id)) : forecastQueues(simulation(null), shared.map((t) => t.id));
  for (const t of targets) if (!results.has(t.id)) results.set(t.id, forecastQueues(simulation(t), [t.id]).get(t.id)!);
  return targets.map((t) => results.get(t.id)!);
}

/** A hall's waiting queue as this node last read it, at the hall's event seq of that read. */
interface KeptQueue {
  seq: number;
  waiting: ForecastCandidate[];
  ids: Set<string>;
  index: GroupIndex;
  /** The last forecast's simulation, over the first `known` tickets of `waiting`. */
  run?: { run: ForecastRun; known: number; signature: string };
}

/** How long a kept simulation may go on serving: its start (`now`) is at most this old. */
export const RUN_REUSE_MS = 1_000;

/** Simulations started and kept ones that served again, on this node (the benchmarks and tests read it). */
export const forecastRuns = { started: 0, reused: 0 };

/**
 * The simulation for a forecast on the kept queue: the kept one, when it started less than
 * RUN_REUSE_MS ago, on the same counters, settings and service times (its signature), and takes
 * in the tickets issued since (ForecastRun.append: only when that changes none of its steps, so it
 * is exactly the simulation a fresh start at its `now` would be); otherwise a fresh one at `now`,
 * kept for the next forecast. The kept queue is only ever this hall's queue with nothing but new
 * tickets since it was read (readReusingQueue), so the counters and the done tickets behind the
 * service times are the same too; the signature guards the rest (a settings change is no event).
 * A forecast so served is one of the hall as it stood up to a second ago — the estimate is in
 * whole minutes.
 */
function keptRun(kept: KeptQueue, simulation: (fallback: null, at: Date) => SimulationInput, now: Date): ForecastRun {
  const prior = kept.run;
  const age = prior ? now.getTime() - prior.run.now.getTime() : Infinity;
  if (prior && age >= 0 && age < RUN_REUSE_MS) {
    const signature = runSignature(simulation(null, prior.run.now), kept.waiting);
    const ok = signature === prior.signature && prior.run.append(kept.waiting.slice(prior.known));
    if (ok) {
      prior.known = kept.waiting.length;
      forecastRuns.reused++;
      return prior.run;
    }
  }
  const input = simulation(null, now);
  const run = new ForecastRun(input);
  forecastRuns.started++;
  kept.run = { run, known: kept.waiting.length, signature: runSignature(input, kept.waiting) };
  return run;
}

/** What a simulation depends on besides its tickets: the rule's settings, the counters as at its start, each matter's service minutes. */
function runSignature(input: SimulationInput, waiting: readonly ForecastCandidate[]): string {
  let out = `${input.starvationGuard}|${input.appointmentGraceMinutes}|${input.earlyAppointmentMinutes ?? 0}|${input.waitCapMinutes}|${input.maxCalls ?? ''}`;
  for (const k of input.counters) {
    out += `|${k.id}:${k.consecutivePriorityCalls}:${Math.max(k.freeAt.getTime(), input.now.getTime())}:${[...k.matterIds].sort().join(',')}:${[...k.preferredMatterIds].sort().join(',')}`;
  }
  const matterIds = new Set<string>();
  for (const c of waiting) matterIds.add(c.matterId);
  for (const m of [...matterIds].sort()) out += `|${m}=${input.serviceMinutes(m)}`;
  return out;
}

/** Halls kept per database handle (least recently forecast dropped first): about 0.3 MB per 700 waiting. */
const KEPT_HALLS = 64;
const keptQueues = new WeakMap<Db, Map<string, KeptQueue>>();

async function readReusingQueue(db: Db, hallId: string, serviceDate: string): Promise<ForecastState> {
  let perDb = keptQueues.get(db);
  if (!perDb) keptQueues.set(db, (perDb = new Map()));
  const key = `${hallId}|${serviceDate}`;
  const kept = perDb.get(key);
  perDb.delete(key);
  const state = await readForecastState(db, hallId, serviceDate, [], kept ? kept.seq : 'whole');
  let queue: KeptQueue | null = null;
  if (kept && !state.whole && state.waiting.every((c) => !kept.ids.has(c.id))) {
    // Only new tickets since the kept read: they join the kept queue and its groups.
    for (const c of state.waiting) {
      kept.waiting.push(c);
      kept.ids.add(c.id);
      addToIndex(kept.index, c);
    }
    kept.seq = state.seq;
    queue = kept;
  } else if (state.whole) {
    queue = { seq: state.seq, waiting: state.waiting, ids: new Set(state.waiting.map((c) => c.id)), index: groupIndex(state.waiting) };
  }
  if (!queue) return readReusingQueue(db, hallId, serviceDate); // a kept ticket came again (never expected): read it whole
  perDb.set(key, queue);
  while (perDb.size > KEPT_HALLS) perDb.delete(perDb.keys().next().value!);
  return { ...state, waiting: queue.waiting, index: queue.index, kept: queue };
}

interface StaffedCounter {
  id: string;
  priorityStreak: number;
  links: [matterId: string, preferred: boolean][];
  /** The matter and call time (ms) of its current visitor, if any. */
  current: [matterId: string, calledAtMs: number | null] | null;
}

interface ForecastState {
  counters: StaffedCounter[];
  /** With `since`: only the waiting tickets issued after it, unless `whole`. */
  waiting: ForecastCandidate[];
  /** The hall's event seq the statement saw. */
  seq: number;
  /** The waiting list is the whole queue (not only what is new since `since`). */
  whole: boolean;
  /** The kept grouping of `waiting` (readReusingQueue). */
  index?: GroupIndex;
  /** The kept queue itself (readReusingQueue), with its kept simulation. */
  kept?: KeptQueue;
  /** Today's done tickets, most recently finished first (at most 500): matter, called and finished (ms). */
  done: [matterId: string, calledAtMs: number, finishedAtMs: number][];
  complexityOf: Map<string, Complexity>;
}

const ms = (column: ReturnType<typeof sql.raw>) => sql`floor(extract(epoch from ${column}) * 1000)`;

const p = sql.placeholder;

/**
 * The statement's three variants, built once (docs/performance.md §Own time per command (third pass)):
 * all waiting tickets ('whole'), the new ones since a seq (with the check that nothing else
 * happened), or, for a forecast outside the batch, the targets' matters while no counter is open
 * (their uuids as one comma-separated text parameter, as in call-candidates.ts).
 */
function forecastStatement(variant: 'whole' | 'since' | 'matters') {
  const which =
    variant === 'matters'
      ? sql`(EXISTS (SELECT 1 FROM staffed) OR t.matter_id = ANY(string_to_array(${p('matterIds')}::text, ',')::uuid[]))`
      : variant === 'since'
        ? sql`((SELECT yes FROM whole) OR t.id IN (SELECT ticket_id FROM since))`
        : sql`TRUE`;
  const sinceCte =
    variant === 'since'
      ? sql`, since AS (
        SELECT type, ticket_id FROM ticket_events WHERE hall_id = ${p('hallId')}::uuid AND seq > ${p('since')}::bigint
      ), whole AS (
        SELECT (count(*) FILTER (WHERE type <> 'ticket:issued') > 0 OR count(*) > ${MAX_NEW}::int) AS yes FROM since
      )`
      : sql``;
  const query = sql`WITH staffed AS (
      SELECT id, priority_streak FROM counters WHERE hall_id = ${p('hallId')}::uuid AND active AND status = 'open'
    )${sinceCte}
    SELECT
      (SELECT event_seq FROM halls WHERE id = ${p('hallId')}::uuid)::text AS seq,
      ${variant === 'since' ? sql`(SELECT yes FROM whole)` : sql`TRUE`} AS whole,
      (SELECT coalesce(json_agg(json_build_array(s.id, s.priority_streak,
          (SELECT coalesce(json_agg(json_build_array(cm.matter_id, cm.preferred)), '[]') FROM counter_matters cm WHERE cm.counter_id = s.id),
          (SELECT json_build_array(b.matter_id, ${ms(sql.raw('b.called_at'))}) FROM tickets b WHERE b.counter_id = s.id AND b.status IN ('called', 'serving') LIMIT 1)
        )), '[]')::text FROM staffed s) AS counters,
      (SELECT coalesce(json_agg(json_build_array(t.id, t.matter_id, t.priority, ${ms(sql.raw('t.slot_start'))}, ${ms(sql.raw('t.slot_end'))},
          ${ms(sql.raw('t.issued_at'))}, ${ms(sql.raw('t.wait_start_at'))}, t.wait_target_minutes, t.number, t.target_counter_id)), '[]')::text
        FROM tickets t
        WHERE t.hall_id = ${p('hallId')}::uuid AND t.service_date = ${p('serviceDate')} AND t.status = 'waiting' AND ${which}) AS waiting,
      (SELECT coalesce(json_agg(json_build_array(d.matter_id, ${ms(sql.raw('d.called_at'))}, ${ms(sql.raw('d.finished_at'))}) ORDER BY d.finished_at DESC), '[]')::text
        FROM (SELECT matter_id, called_at, finished_at FROM tickets
              WHERE hall_id = ${p('hallId')}::uuid AND service_date = ${p('serviceDate')} AND status = 'done'
                AND called_at IS NOT NULL AND finished_at IS NOT NULL AND EXISTS (SELECT 1 FROM staffed)
              ORDER BY finished_at DESC LIMIT 500) d) AS done,
      (SELECT coalesce(json_agg(json_build_array(m.id, m.complexity)), '[]')::text FROM matters m WHERE m.hall_id = ${p('hallId')}::uuid) AS matters`;
  return rawStatement<Record<string, string>>(`yc_forecast_${variant}`, query);
}
const forecastWhole = forecastStatement('whole');
const forecastSince = forecastStatement('since');
const forecastMatters = forecastStatement('matters');

/**
 * Everything the forecast reads, in one statement (one round trip instead of six, and no ORM row
 * mapping of every waiting ticket): the open counters with their matters and current visitor,
 * today's waiting tickets, today's recent done tickets and the hall's matters, and the hall's
 * event seq — all from the statement's one snapshot. Times come as epoch milliseconds, the lists
 * as JSON text parsed here (same on both drivers).
 *
 * Which waiting tickets, by `since`:
 *  - null: all of them, or only the targets' matters while no counter is open (then only the place
 *    in the matter's own line can be told);
 *  - 'whole': all of them;
 *  - a seq the caller read the whole queue at: only the tickets issued after it, when every event
 *    of the hall after that seq is a 'ticket:issued' (and there are not many); otherwise all of
 *    them, with `whole` set. Every change to a ticket goes through run-command.ts, which appends
 *    its events under the hall row lock in commit order (a seq the statement sees means every
 *    lower one is committed and visible too), and only an issue adds to the queue without changing
 *    a ticket already in it — a call, cancel, transfer, priority change or anything else is
 *    another event type, and the queue is read whole.
 */
async function readForecastState(tx: Reader, hallId: string, serviceDate: string, matterIds: readonly string[], since: number | 'whole' | null): Promise<ForecastState> {
  const rows =
    since === null
      ? await forecastMatters(tx, { hallId, serviceDate, matterIds: matterIds.join(',') })
      : since === 'whole'
        ? await forecastWhole(tx, { hallId, serviceDate })
        : await forecastSince(tx, { hallId, serviceDate, since });
  const row = rows[0]!;
  const counters = (JSON.parse(row.counters!) as [string, number, [string, boolean][], [string, number | null] | null][]).map(
    ([id, priorityStreak, links, current]): StaffedCounter => ({ id, priorityStreak, links, current }),
  );
  type WaitingRow = [string, string, number, number | null, number | null, number, number, number, string, string | null];
  // The fields of toCandidate, in its order (the forecast groups tickets by their fields), plus the transfer target.
  const waiting = (JSON.parse(row.waiting!) as WaitingRow[]).map(
    ([id, matterId, priority, slotStart, slotEnd, issuedAt, waitStartAt, waitTargetMinutes, number, targetCounterId]): ForecastCandidate => ({
      id,
      matterId,
      priority,
      appointmentSlot: slotStart !== null && slotEnd !== null ? { start: new Date(slotStart), end: new Date(slotEnd) } : null,
      issuedAt: new Date(issuedAt),
      waitStartAt: new Date(waitStartAt),
      waitTargetMinutes,
      number,
      targetCounterId,
    }),
  );
  const complexityOf = new Map(JSON.parse(row.matters!) as [string, Complexity][]);
  const whole = (row.whole as unknown) === true || (row.whole as unknown) === 't';
  return { counters, waiting, seq: Number(row.seq), whole, done: JSON.parse(row.done!), complexityOf };
}

function forecastCounter(c: StaffedCounter, serviceMinutes: (matterId: string) => number, now: Date): ForecastCounter {
  // A counter with a visitor is expected free when the matter's mean service time has passed.
  const freeAt = c.current && c.current[1] !== null ? new Date(c.current[1] + serviceMinutes(c.current[0]) * 60_000) : now;
  return {
    id: c.id,
    matterIds: new Set(c.links.map(([m]) => m)),
    preferredMatterIds: new Set(c.links.filter(([, preferred]) => preferred).map(([m]) => m)),
    consecutivePriorityCalls: c.priorityStreak,
    freeAt: freeAt > now ? freeAt : now,
  };
}

/**
 * Expected handling minutes (call → finish) of each matter (server/domain/service-time.ts): the
 * mean of its recent done tickets today, else of today's tickets of the same complexity, else the
 * hall's typical time — never below half the hall's mean on earlier days (or of the default).
 * `fallback`: a target whose own complexity gives its matter's default (null: the matters' own).
 */
function recentServiceMinutes(
  state: ForecastState,
  history: { general: number | null; complex: number | null },
  fallback: PositionTarget | null,
): (matterId: string) => number {
  const byMatter = new Map<string, number[]>();
  const byComplexity = { general: [] as number[], complex: [] as number[] };
  for (const [matterId, calledAt, finishedAt] of state.done) {
    const minutes = (finishedAt - calledAt) / 60_000;
    const list = byMatter.get(matterId) ?? [];
    if (list.length < RECENT_PER_MATTER) list.push(minutes);
    byMatter.set(matterId, list);
    const c = state.complexityOf.get(matterId);
    if (c && byComplexity[c].length < RECENT_PER_MATTER) byComplexity[c].push(minutes);
  }
  const cache = new Map<string, number>();
  return (matterId) => {
    let v = cache.get(matterId);
    if (v === undefined) {
      const c = state.complexityOf.get(matterId) ?? 'general';
      v = expectedServiceMinutes({
        todayMatter: byMatter.get(matterId) ?? [],
        todayComplexity: byComplexity[c],
        historyMinutes: history[c],
        defaultMinutes: fallback && matterId === fallback.matterId ? FALLBACK_SERVICE_MINUTES[fallback.complexity] : FALLBACK_SERVICE_MINUTES[c],
      });
      cache.set(matterId, v);
    }
    return v;
  };
}

/** Days of history behind the floor; the figures of a past day do not change, so one read per hall and day. */
const HISTORY_DAYS = 28;
const historyCache = new Map<string, { general: number | null; complex: number | null }>();

/** Mean handling minutes per complexity of the hall's done tickets on the HISTORY_DAYS days before `serviceDate`. */
async function hallHistoryMinutes(tx: Reader, hallId: string, serviceDate: string): Promise<{ general: number | null; complex: number | null }> {
  const key = `${hallId}:${serviceDate}`;
  const cached = historyCache.get(key);
  if (cached) return cached;
  const from = new Date(Date.parse(`${serviceDate}T00:00:00Z`) - HISTORY_DAYS * 86_400_000).toISOString().slice(0, 10);
  const rows = await tx
    .select({
      complexity: matters.complexity,
      minutes: sql<string | null>`avg(extract(epoch from (${tickets.finishedAt} - ${tickets.calledAt})) / 60)`,
      n: sql<number>`count(*)::int`,
    })
    .from(tickets)
    .innerJoin(matters, eq(matters.id, tickets.matterId))
    .where(
      and(
        eq(tickets.hallId, hallId),
        gte(tickets.serviceDate, from),
        lt(tickets.serviceDate, serviceDate),
        eq(tickets.status, 'done'),
        isNotNull(tickets.calledAt),
        isNotNull(tickets.finishedAt),
      ),
    )
    .groupBy(matters.complexity);
  const result = { general: null as number | null, complex: null as number | null };
  for (const r of rows) if (r.minutes !== null && Number(r.n) >= MIN_SAMPLES) result[r.complexity] = Number(r.minutes);
  if (historyCache.size > 1_000) historyCache.clear();
  historyCache.set(key, result);
  return result;
}

/** What ranking reads of a ticket row. */
type CandidateRow = Pick<typeof tickets.$inferSelect, 'id' | 'matterId' | 'priority' | 'slotStart' | 'slotEnd' | 'issuedAt' | 'waitStartAt' | 'waitTargetMinutes' | 'number'>;

export function toCandidate(t: CandidateRow): QueueCandidate {
  return {
    id: t.id,
    matterId: t.matterId,
    priority: t.priority,
    appointmentSlot: t.slotStart && t.slotEnd ? { start: t.slotStart, end: t.slotEnd } : null,
    issuedAt: t.issuedAt,
    waitStartAt: t.waitStartAt,
    waitTargetMinutes: t.waitTargetMinutes,
    number: t.number,
  };
}
