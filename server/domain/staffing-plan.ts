/**
 * The staffing plan: from expected arrivals per half hour and matter, how many counters each
 * group of counters needs to keep `targetShare` (95 %) of visitors within their wait target;
 * tidal advice that moves comprehensive counters where they are missing; appointment seats per
 * slot that keep the expected load within capacity. Pure: the caller gives the forecast, the
 * matters and the counters. What pooling a professional counter would gain is measured on the
 * forecast by the simulator engine with our calling rule (simulate/forecast-day.ts), not here:
 * a queueing formula cannot see the rule.
 *
 * Counters are grouped into pools: matters linked by a counter that serves both are one pool
 * (a zone with its comprehensive counters, or a desk of its own). Within a half hour a pool is
 * treated as a multi-server queue (Erlang C): with arrival rate λ, mean service S and c counters,
 * the share called within target T is 1 − C(c, λS)·e^(−(c − λS)·T/S). Half hours are planned
 * independently (a backlog carried over from a peak is not modelled: the simulator measures it).
 */
import type { CounterType } from '../protocol/views';
import { peakStaffing, type PeakStaffing } from './peak-staffing';

export interface PlanMatter {
  id: string;
  zoneId: string;
  targetMinutes: number;
  /** Mean minutes a visit keeps a counter busy. */
  serviceMinutes: number;
  /** Share of the matter's tickets that come by appointment (0–1). */
  appointmentShare: number;
}

export interface PlanCounter {
  id: string;
  number: number;
  type: CounterType;
  zoneId: string | null;
  matterIds: ReadonlySet<string>;
  /** Open (staffed) now. */
  staffed: boolean;
  /**
   * A physical counter without staff of its own in the day sessions (the after-hours window):
   * not part of any pool; the peak-staffing advice may open it with a back-office colleague.
   */
  spare?: boolean;
}

export interface PlanInput {
  /** Half-hour starts (minutes after midnight) of the opening sessions. */
  slots: readonly number[];
  matters: readonly PlanMatter[];
  counters: readonly PlanCounter[];
  /** Expected arrivals in the half hour starting at `slot`. */
  expected(slot: number, matterId: string): number;
  /** Default 0.95. */
  targetShare?: number;
  /** Seats are offered while the expected load stays within this share of capacity. Default 0.9. */
  maxUtilisation?: number;
  /** The hall's seats per matter and slot (appointmentSlotCapacity). */
  defaultSeats: number;
  /** The day's opening sessions (minutes after midnight): with them the plan places the breaks. */
  sessions?: readonly { start: number; end: number }[];
  /** One break per counter and session of this length (default 15 minutes). */
  breakMinutes?: number;
  /** Counters whose breaks are covered by a colleague (AB岗) or not planned: no break advised. */
  noBreak?: ReadonlySet<string>;
  /**
   * Times a counter is scheduled off duty that day (breaks a manager scheduled, counter_breaks),
   * minutes after midnight: "staffed" in a half hour counts only the counters on duty for all of it.
   * The advice itself is planned from the full schedule, so applying it does not change it.
   */
  offDuty?: ReadonlyMap<string, readonly { start: number; end: number }[]>;
  /** Peak staffing: the same minutes (default) or minutes the back office lends (server/domain/peak-staffing.ts). */
  peakBudget?: 'same' | 'extra';
}

export interface PoolSlot {
  slot: number;
  arrivals: number;
  /** Offered load in counters (λ·S). */
  workload: number;
  needed: number;
  /** Counters on duty for the whole half hour (a scheduled break takes its counter out of it). */
  staffed: number;
  /** Expected share within target with the staffed counters (null when nobody is expected). */
  within: number | null;
}

export interface Pool {
  key: string;
  /** The zone most of its arrivals belong to. */
  zoneId: string;
  matterIds: string[];
  counterIds: string[];
  slots: PoolSlot[];
}

export interface TidalMove {
  counterId: string;
  counterNumber: number;
  fromZoneId: string;
  toZoneId: string;
  /** Half-hour range [from, to) in minutes after midnight. */
  from: number;
  to: number;
}

/** When a staffed counter takes its break in a session, minutes after midnight [start, end). */
export interface PlannedBreak {
  counterId: string;
  counterNumber: number;
  start: number;
  end: number;
}

export interface StaffingPlan {
  pools: Pool[];
  moves: TidalMove[];
  /** One per staffed counter and session (none without `sessions`). */
  breaks: PlannedBreak[];
  /** Seats per `${slot}|${matterId}` (only the half hours whose seats are below defaultSeats are listed). */
  seats: Map<string, number>;
  /** Spare counters opened in the peaks and the same minutes released elsewhere (server/domain/peak-staffing.ts). */
  peak: PeakStaffing;
}

/** Erlang C: probability an arrival waits, c servers, offered load a (in servers). */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (c <= a) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

/** Share called within target with c counters (arrival-weighted over the matters' targets). */
export function withinShare(c: number, parts: readonly { rate: number; service: number; target: number }[]): number {
  const rate = parts.reduce((s, p) => s + p.rate, 0);
  if (rate <= 0) return 1;
  const service = parts.reduce((s, p) => s + p.rate * p.service, 0) / rate;
  const a = rate * service;
  if (c <= a) return 0;
  const wait = erlangC(c, a);
  return parts.reduce((s, p) => s + (p.rate / rate) * (1 - wait * Math.exp((-(c - a) * p.target) / service)), 0);
}

/** Smallest number of counters that keeps the share within target at `target` or more. */
export function countersNeeded(parts: readonly { rate: number; service: number; target: number }[], target: number, max = 60): number {
  if (parts.every((p) => p.rate <= 0)) return 0;
  for (let c = 1; c <= max; c++) if (withinShare(c, parts) >= target) return c;
  return max;
}

function poolsOf(matters: readonly PlanMatter[], counters: readonly PlanCounter[]): { matterIds: string[]; counters: PlanCounter[] }[] {
  const parent = new Map(matters.map((m) => [m.id, m.id]));
  const find = (x: string): string => {
    const p = parent.get(x)!;
    if (p === x) return x;
    const r = find(p);
    parent.set(x, r);
    return r;
  };
  for (const c of counters) {
    const ids = [...c.matterIds].filter((id) => parent.has(id));
    for (const id of ids.slice(1)) parent.set(find(id), find(ids[0]!));
  }
  const groups = new Map<string, string[]>();
  for (const m of matters) {
    const r = find(m.id);
    groups.set(r, [...(groups.get(r) ?? []), m.id]);
  }
  return [...groups.values()].map((ids) => {
    const set = new Set(ids);
    return { matterIds: ids, counters: counters.filter((c) => [...c.matterIds].some((id) => set.has(id))) };
  });
}

const MIN = 30;

export function planStaffing(input: PlanInput): StaffingPlan {
  const target = input.targetShare ?? 0.95;
  const maxUtil = input.maxUtilisation ?? 0.9;
  const matterById = new Map(input.matters.map((m) => [m.id, m]));
  const partsOf = (ids: readonly string[], slot: number) =>
    ids.map((id) => {
      const m = matterById.get(id)!;
      return { rate: input.expected(slot, id) / MIN, service: m.serviceMinutes, target: m.targetMinutes };
    });

  const pools: Pool[] = poolsOf(input.matters, input.counters.filter((c) => !c.spare))
    .filter((p) => p.counters.length > 0)
    .map((p) => {
      const byZone = new Map<string, number>();
      for (const id of p.matterIds) {
        const m = matterById.get(id)!;
        const n = input.slots.reduce((s, slot) => s + input.expected(slot, id), 0);
        byZone.set(m.zoneId, (byZone.get(m.zoneId) ?? 0) + n + 1e-9);
      }
      const zoneId = [...byZone.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      const onDuty = p.counters.filter((c) => c.staffed);
      const staffedAt = (slot: number) => onDuty.filter((c) => !(input.offDuty?.get(c.id) ?? []).some((o) => o.start < slot + MIN && o.end > slot)).length;
      return {
        key: p.matterIds.slice().sort()[0]!,
        zoneId,
        matterIds: p.matterIds,
        counterIds: p.counters.map((c) => c.id),
        slots: input.slots.map((slot) => {
          const parts = partsOf(p.matterIds, slot);
          const arrivals = parts.reduce((s, x) => s + x.rate * MIN, 0);
          const staffed = staffedAt(slot);
          return {
            slot,
            arrivals,
            workload: parts.reduce((s, x) => s + x.rate * x.service, 0),
            needed: countersNeeded(parts, target),
            staffed,
            within: arrivals > 0 ? withinShare(staffed, parts) : null,
          };
        }),
      };
    });

  // The advice is planned from the full schedule (every staffed counter on duty for the whole
  // half hour); only the "staffed" shown counts the scheduled breaks.
  const planned = input.offDuty ? pools.map((p) => ({ ...p, slots: p.slots.map((x) => ({ ...x, staffed: p.counterIds.filter((id) => input.counters.find((c) => c.id === id)!.staffed).length })) })) : pools;
  const moves = tidalMoves(input, planned);
  const breaks = plannedBreaks(input, planned, moves);
  const peak = input.sessions ? peakStaffing({ slots: input.slots, sessions: input.sessions, pools: planned, matters: input.matters, expected: input.expected, counters: input.counters, breaks, moves, noBreak: input.noBreak, budget: input.peakBudget }) : { openings: [], releases: [] };
  return { pools, moves, breaks, seats: appointmentSeats(input, planned, maxUtil), peak };
}

/** Pressure difference (work ÷ capacity) a move must remove; a donor stays at or under DONOR_MAX. */
const MIN_PRESSURE_GAP = 0.3;
const DONOR_MAX = 0.85;
/** Shorter moves are not advised: a counter changing zone leaves its own line behind. */
const MIN_MOVE_MINUTES = 60;

/**
 * Tidal advice, half hour by half hour, on a fluid model of each pool: pressure = (work carried
 * over + work arriving) ÷ the staffed counters' minutes. A staffed comprehensive counter moves
 * from the pool with the least pressure to the one with the most while, after the move, the donor
 * stays at or under DONOR_MAX and the gap between them shrinks by at least MIN_PRESSURE_GAP; a
 * pool keeps at least one counter. Work a pool cannot do in a half hour carries over to the next.
 * Consecutive half hours of the same move make one range; moves under an hour are dropped.
 */
function tidalMoves(input: PlanInput, pools: readonly Pool[]): TidalMove[] {
  const counterById = new Map(input.counters.map((c) => [c.id, c]));
  const homeOf = new Map<string, Pool>();
  for (const p of pools) for (const id of p.counterIds) if (!homeOf.has(id)) homeOf.set(id, p);
  const movable = (p: Pool) => p.counterIds.map((id) => counterById.get(id)!).filter((c) => c.staffed && c.type === 'comprehensive' && c.zoneId === p.zoneId && homeOf.get(c.id) === p);
  const tidal = pools.filter((p) => movable(p).length > 0);
  const backlog = new Map(pools.map((p) => [p, 0]));
  const moves: TidalMove[] = [];
  let open: TidalMove[] = [];
  for (const [i, slot] of input.slots.entries()) {
    const count = new Map(pools.map((p) => [p, p.slots[i]!.staffed]));
    const work = (p: Pool) => backlog.get(p)! + p.slots[i]!.workload * MIN;
    const pressure = (p: Pool, n = count.get(p)!) => (n > 0 ? work(p) / (n * MIN) : Number.POSITIVE_INFINITY);
    const away = new Map<string, Pool>();
    for (;;) {
      const ranked = [...tidal].sort((a, b) => pressure(b) - pressure(a));
      const high = ranked[0];
      if (!high || pressure(high) <= 1) break;
      // Continue last half hour's donor for this pool if it still qualifies, so advice does not flap.
      const donors = ranked
        .slice(1)
        .filter((d) => count.get(d)! > 1 && pressure(d, count.get(d)! - 1) <= DONOR_MAX && pressure(high) - pressure(high, count.get(high)! + 1) >= MIN_PRESSURE_GAP)
        .flatMap((d) => movable(d).filter((c) => !away.has(c.id)).map((c) => ({ d, c })));
      if (donors.length === 0) break;
      const pick = donors.find((x) => open.some((m) => m.counterId === x.c.id && m.toZoneId === high.zoneId)) ?? donors.sort((a, b) => pressure(a.d) - pressure(b.d) || b.c.number - a.c.number)[0]!;
      away.set(pick.c.id, high);
      count.set(pick.d, count.get(pick.d)! - 1);
      count.set(high, count.get(high)! + 1);
    }
    for (const p of pools) backlog.set(p, Math.max(0, work(p) - count.get(p)! * MIN));
    const next: TidalMove[] = [];
    for (const [id, to] of away) {
      const c = counterById.get(id)!;
      const cont = open.find((x) => x.counterId === id && x.toZoneId === to.zoneId);
      next.push(cont ? { ...cont, to: slot + MIN } : { counterId: id, counterNumber: c.number, fromZoneId: homeOf.get(id)!.zoneId, toZoneId: to.zoneId, from: slot, to: slot + MIN });
    }
    for (const m of open) if (!next.some((x) => x.counterId === m.counterId && x.toZoneId === m.toZoneId)) moves.push(m);
    open = next;
  }
  return [...moves, ...open].filter((m) => m.to - m.from >= MIN_MOVE_MINUTES).sort((a, b) => a.from - b.from || a.counterNumber - b.counterNumber);
}

/**
 * Seats per matter and half hour: appointments get the capacity walk-ins leave within
 * max(maxUtilisation, the pool's mean utilisation over the day) of the staffed counters, shared
 * by the matters' expected appointment work; a half hour with room for every expected
 * appointment keeps the hall's default. Peaks are thus capped and bookings go to the quieter
 * half hours (the booking page offers the nearest free slot).
 */
function appointmentSeats(input: PlanInput, pools: readonly Pool[], maxUtil: number): Map<string, number> {
  const seats = new Map<string, number>();
  for (const p of pools) {
    const ms = p.matterIds.map((id) => input.matters.find((m) => m.id === id)!).filter((m) => m.appointmentShare > 0);
    if (ms.length === 0) continue;
    // Flatten towards the pool's own mean: a peak is a half hour busier than the day's average.
    const meanUtil = p.slots.reduce((a, x) => a + x.workload / Math.max(1, x.staffed), 0) / Math.max(1, p.slots.length);
    const ceiling = Math.max(maxUtil, meanUtil);
    for (const s of p.slots) {
      const capacity = s.staffed * MIN * ceiling;
      const walkIns = p.matterIds.reduce((a, id) => {
        const m = input.matters.find((x) => x.id === id)!;
        return a + input.expected(s.slot, id) * (1 - m.appointmentShare) * m.serviceMinutes;
      }, 0);
      const booked = ms.reduce((a, m) => a + input.expected(s.slot, m.id) * m.appointmentShare * m.serviceMinutes, 0);
      const free = Math.max(0, capacity - walkIns);
      if (booked <= free) continue;
      for (const m of ms) {
        const share = (input.expected(s.slot, m.id) * m.appointmentShare * m.serviceMinutes) / booked;
        seats.set(`${s.slot}|${m.id}`, Math.min(input.defaultSeats, Math.floor((free * share) / m.serviceMinutes)));
      }
    }
  }
  return seats;
}

const QUARTER = 15;

/**
 * Breaks out of the peaks. A break costs the visitors it keeps from being called within target:
 * the tickets still makeable while the counter is away — those issued in the last target minutes
 * before the break or during it. So each counter, in number order, takes its break per session
 * at the quarter hour where its pool's expected makeable tickets ÷ the pool's counters left
 * working is lowest, counting the breaks already placed there; at most half of a pool (at least
 * one counter: a single desk closes for its break) is away at once, the break ends at least a
 * quarter hour before the session does (a break is never turned into the session's end), and a
 * counter on a tidal move takes it outside the move. Ties: the earlier quarter hour. On a busy day
 * this puts breaks after the last-ticket cut-off, when the tickets still waiting are mostly past
 * their target already (docs/routing.md).
 */
function plannedBreaks(input: PlanInput, pools: readonly Pool[], moves: readonly TidalMove[]): PlannedBreak[] {
  if (!input.sessions) return [];
  const length = input.breakMinutes ?? QUARTER;
  const matterById = new Map(input.matters.map((m) => [m.id, m]));
  // Expected tickets of a matter issued in [from, to), arrivals spread evenly over each half hour.
  const issued = (id: string, from: number, to: number) => {
    let n = 0;
    for (let t = Math.floor(from / MIN) * MIN; t < to; t += MIN) n += (input.expected(t, id) * Math.max(0, Math.min(to, t + MIN) - Math.max(from, t))) / MIN;
    return n;
  };
  const homeOf = new Map<string, Pool>();
  for (const p of pools) for (const id of p.counterIds) if (!homeOf.has(id)) homeOf.set(id, p);
  const away = new Map<string, number>(); // `${pool}|${quarter start}` → counters on break in it
  const out: PlannedBreak[] = [];
  const staffed = input.counters.filter((c) => c.staffed && !input.noBreak?.has(c.id)).sort((a, b) => a.number - b.number);
  for (const session of input.sessions) {
    for (const c of staffed) {
      const pool = homeOf.get(c.id);
      if (!pool) continue;
      const n = input.counters.filter((x) => x.staffed && pool.counterIds.includes(x.id)).length;
      const limit = Math.max(1, Math.floor(n / 2));
      const quarters = (from: number) => Array.from({ length: Math.ceil(length / QUARTER) }, (_, k) => `${pool.key}|${from + k * QUARTER}`);
      let best: { start: number; cost: number } | null = null;
      for (let start = session.start; start + length + QUARTER <= session.end; start += QUARTER) {
        if (moves.some((m) => m.counterId === c.id && start < m.to && start + length > m.from)) continue;
        const taken = Math.max(...quarters(start).map((k) => away.get(k) ?? 0));
        if (taken >= limit) continue;
        const makeable = pool.matterIds.reduce((a, id) => a + issued(id, start - matterById.get(id)!.targetMinutes, start + length), 0);
        const cost = makeable / Math.max(0.5, n - taken - 1);
        if (!best || cost < best.cost - 1e-9) best = { start, cost };
      }
      if (!best) continue;
      for (const k of quarters(best.start)) away.set(k, (away.get(k) ?? 0) + 1);
      out.push({ counterId: c.id, counterNumber: c.number, start: best.start, end: best.start + length });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.counterNumber - b.counterNumber);
}
