/**
 * Peak staffing with the same counter-minutes (弹性窗口, 错时排班; docs/routing.md §Forecast and
 * staffing plan). A real 政务服务中心 staffs its peaks from the back office: a colleague of the
 * back office (后台审批) opens a spare physical counter — the after-hours window, idle in the day
 * sessions — for a zone in its peak, and in exchange front-counter staff go to the back office in
 * the half hours their pool does not need them (after the last-ticket cut-off, when the line has
 * drained). The day's front counter-minutes stay the same: every minute opened is a minute released.
 *
 * The model is the plan's fluid one, per pool and session: work carried over + work arriving in a
 * half hour, served by the pool's on-duty counter-minutes (staffed counters minus their breaks and
 * releases, plus the spare counters opened for it); what is not served carries over. The cost of a
 * schedule is the work still waiting at the end of each half hour, summed (minutes of work that
 * waited half an hour: a proxy of the visitors pushed past their target). Greedily, one half hour
 * at a time, the plan pairs the opening that removes most waiting work with the release that adds
 * least, while the pair saves at least MIN_GAIN; a pool keeps at least one counter on duty and
 * never fewer than it needs in that half hour (the plan's Erlang C "needed"), a desk
 * whose breaks a colleague covers (AB岗) is never released, a counter is released only for a whole
 * half hour free of its break and its tidal moves. Pure.
 */
import type { PlannedBreak, Pool, TidalMove } from './staffing-plan';

export interface PeakCounter {
  id: string;
  number: number;
  type: string;
  zoneId: string | null;
  /** Has its own staff for the day sessions. */
  staffed: boolean;
  /** A physical counter without day staff that back-office colleagues can open (the after-hours window). */
  spare?: boolean;
}

/** A spare counter opened by a back-office colleague for a zone's pool, [from, to) minutes after midnight. */
export interface FlexOpening {
  counterId: string;
  counterNumber: number;
  zoneId: string;
  poolKey: string;
  from: number;
  to: number;
}

/** A counter whose staff go to the back office for [from, to): the minutes the openings use. */
export interface FlexRelease {
  counterId: string;
  counterNumber: number;
  from: number;
  to: number;
}

export interface PeakStaffing {
  openings: FlexOpening[];
  releases: FlexRelease[];
}

export interface PeakInput {
  slots: readonly number[];
  sessions: readonly { start: number; end: number }[];
  pools: readonly Pool[];
  matters: readonly { id: string; targetMinutes: number; serviceMinutes: number }[];
  expected(slot: number, matterId: string): number;
  counters: readonly PeakCounter[];
  breaks: readonly PlannedBreak[];
  moves: readonly TidalMove[];
  noBreak?: ReadonlySet<string>;
  /**
   * 'same' (default): every minute opened is released elsewhere. 'extra': the back office lends
   * the minutes (no release) — more counter-minutes, which the simulator reports as such.
   */
  budget?: 'same' | 'extra';
}

const MIN = 30;
const STEP = 5;
/** Visitors a pair must bring within target: below it a change of schedule is not worth a manager's click. */
export const MIN_GAIN = 0.5;

/**
 * Expected visitors called within target in one pool, on a fluid model of the calling rule
 * (still-makeable tickets first, earliest deadline first; docs/routing.md): in steps of 5 minutes
 * the arriving work joins the queue with its deadline, the counters on duty serve the makeable
 * work by deadline, and work whose deadline passes is late — the counters serve it later, when no
 * makeable ticket waits, and it counts for nothing here. `capacity` is counter-minutes per step.
 */
export function makeableServed(arrivals: readonly { step: number; work: number; visitors: number; target: number }[][], capacity: readonly number[], sessionStart: readonly boolean[]): number {
  let queue: { deadline: number; work: number; perWork: number }[] = [];
  let value = 0;
  for (let k = 0; k < capacity.length; k++) {
    if (sessionStart[k]) queue = [];
    for (const a of arrivals[k]!) if (a.work > 0) queue.push({ deadline: k * STEP + STEP / 2 + a.target, work: a.work, perWork: a.visitors / a.work });
    queue.sort((x, y) => x.deadline - y.deadline);
    let cap = capacity[k]!;
    for (const b of queue) {
      if (cap <= 0) break;
      const served = Math.min(cap, b.work);
      b.work -= served;
      cap -= served;
      value += served * b.perWork;
    }
    queue = queue.filter((b) => b.work > 1e-9 && b.deadline > (k + 1) * STEP);
  }
  return value;
}

export function peakStaffing(input: PeakInput): PeakStaffing {
  const { slots, pools } = input;
  const poolOf = new Map<string, number>();
  pools.forEach((p, i) => p.counterIds.forEach((id) => poolOf.has(id) || poolOf.set(id, i)));
  const matterById = new Map(input.matters.map((m) => [m.id, m]));
  // Steps of 5 minutes over the sessions' half hours.
  const steps = slots.flatMap((s) => Array.from({ length: MIN / STEP }, (_, j) => s + j * STEP));
  const slotOf = steps.map((_, k) => Math.floor(k / (MIN / STEP)));
  const sessionStart = steps.map((t, k) => k === 0 || !input.sessions.some((x) => t > x.start && t < x.end && steps[k - 1]! >= x.start));
  const arrivals = pools.map((p) =>
    steps.map((_, k) =>
      p.matterIds.map((id) => {
        const m = matterById.get(id)!;
        const visitors = input.expected(slots[slotOf[k]!]!, id) / (MIN / STEP);
        return { step: k, work: visitors * m.serviceMinutes, visitors, target: m.targetMinutes };
      }),
    ),
  );
  const counters = input.counters.filter((c) => c.staffed && !c.spare && poolOf.has(c.id));
  const moveTo = new Map(pools.map((p, i) => [p.zoneId, i]));
  const capacity = pools.map(() => steps.map(() => 0));
  const freeSlot = new Map<string, boolean[]>(); // counter → half hours it is at home and on duty for all 30 minutes
  for (const c of counters) {
    const home = poolOf.get(c.id)!;
    const free = slots.map(() => true);
    steps.forEach((t, k) => {
      const onBreak = input.breaks.some((b) => b.counterId === c.id && t >= b.start && t < b.end);
      const move = input.moves.find((m) => m.counterId === c.id && t >= m.from && t < m.to);
      if (onBreak || move) free[slotOf[k]!] = false;
      if (!onBreak) capacity[move ? moveTo.get(move.toZoneId) ?? home : home]![k]! += STEP;
    });
    freeSlot.set(c.id, free);
  }
  const value = (i: number, cap: readonly number[]) => makeableServed(arrivals[i]!, cap, sessionStart);
  const shifted = (i: number, slot: number, d: number) => value(i, capacity[i]!.map((x, k) => (slotOf[k] === slot ? x + d : x)));
  const current = pools.map((_, i) => value(i, capacity[i]!));
  // A spare counter opens for a pool whose zone has comprehensive counters (it serves every matter of that zone).
  const openable = pools.map((p, i) => input.counters.some((c) => c.staffed && c.type === 'comprehensive' && c.zoneId === p.zoneId && poolOf.get(c.id) === i));
  const spares = input.counters.filter((c) => c.spare);
  const spareBusy = new Map(spares.map((c) => [c.id, slots.map(() => false)]));
  const released = new Map(counters.map((c) => [c.id, slots.map(() => false)]));
  const onDutyLeft = (i: number, r: number) => counters.filter((c) => poolOf.get(c.id) === i && freeSlot.get(c.id)![r] && !released.get(c.id)![r]).length;
  const openings: FlexOpening[] = [];
  const releases: FlexRelease[] = [];
  for (;;) {
    let open: { spare: PeakCounter; pool: number; k: number; gain: number } | null = null;
    for (const s of spares)
      for (let k = 0; k < slots.length; k++)
        if (!spareBusy.get(s.id)![k])
          for (let i = 0; i < pools.length; i++) {
            if (!openable[i]) continue;
            const gain = shifted(i, k, STEP) - current[i]!;
            if (!open || gain > open.gain + 1e-9) open = { spare: s, pool: i, k, gain };
          }

    if (!open) break;
    if (input.budget === 'extra') {
      if (open.gain < MIN_GAIN) break;
      capacity[open.pool] = capacity[open.pool]!.map((x, k) => (slotOf[k] === open.k ? x + STEP : x));
      current[open.pool] = value(open.pool, capacity[open.pool]!);
      spareBusy.get(open.spare.id)![open.k] = true;
      openings.push({ counterId: open.spare.id, counterNumber: open.spare.number, zoneId: pools[open.pool]!.zoneId, poolKey: pools[open.pool]!.key, from: slots[open.k]!, to: slots[open.k]! + MIN });
      continue;
    }
    let release: { counter: PeakCounter; pool: number; r: number; loss: number } | null = null;
    for (const c of counters) {
      if (input.noBreak?.has(c.id)) continue;
      const i = poolOf.get(c.id)!;
      for (let r = 0; r < slots.length; r++) {
        // Never below what the pool needs for 95 % in that half hour (Erlang C): the fluid model
        // does not see the randomness a small pool needs spare counters for.
        const left = onDutyLeft(i, r) - 1;
        if (!freeSlot.get(c.id)![r] || released.get(c.id)![r] || left < Math.max(1, pools[i]!.slots[r]!.needed) || (i === open.pool && r === open.k)) continue;
        // In the opening's own pool the two change one schedule: a shift of its minutes in time.
        const loss = i === open.pool ? open.gain - (value(i, capacity[i]!.map((x, k) => x + (slotOf[k] === open.k ? STEP : 0) - (slotOf[k] === r ? STEP : 0))) - current[i]!) : current[i]! - shifted(i, r, -STEP);
        if (!release || loss < release.loss - 1e-9) release = { counter: c, pool: i, r, loss };
      }
    }
    if (!release || open.gain - release.loss < MIN_GAIN) break;
    capacity[open.pool] = capacity[open.pool]!.map((x, k) => (slotOf[k] === open.k ? x + STEP : x));
    capacity[release.pool] = capacity[release.pool]!.map((x, k) => (slotOf[k] === release.r ? x - STEP : x));
    current[open.pool] = value(open.pool, capacity[open.pool]!);
    current[release.pool] = value(release.pool, capacity[release.pool]!);
    spareBusy.get(open.spare.id)![open.k] = true;
    released.get(release.counter.id)![release.r] = true;
    openings.push({ counterId: open.spare.id, counterNumber: open.spare.number, zoneId: pools[open.pool]!.zoneId, poolKey: pools[open.pool]!.key, from: slots[open.k]!, to: slots[open.k]! + MIN });
    releases.push({ counterId: release.counter.id, counterNumber: release.counter.number, from: slots[release.r]!, to: slots[release.r]! + MIN });
  }
  return { openings: merge(openings, (o) => `${o.counterId}|${o.poolKey}`), releases: merge(releases, (r) => r.counterId) };
}

/** Adjacent half hours of the same counter (and pool) make one range. */
function merge<T extends { counterId: string; counterNumber: number; from: number; to: number }>(xs: T[], key: (x: T) => string): T[] {
  const sorted = [...xs].sort((a, b) => key(a).localeCompare(key(b)) || a.from - b.from);
  const out: T[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && key(last) === key(x) && last.to === x.from) out[out.length - 1] = { ...last, to: x.to };
    else out.push({ ...x });
  }
  return out.sort((a, b) => a.from - b.from || a.counterNumber - b.counterNumber);
}

/** Counter-minutes opened and released: equal by construction. */
export const flexMinutes = (p: PeakStaffing) => ({
  opened: p.openings.reduce((a, o) => a + o.to - o.from, 0),
  released: p.releases.reduce((a, r) => a + r.to - r.from, 0),
});
