/**
 * The forecast's fast candidate pool (queue-forecast.ts): at each simulated call it shows the rule
 * a handful of tickets per group instead of the whole queue, and the rule's pick over those is
 * its pick over the whole queue.
 *
 * Why that holds (the rule: server/domain/routing-policy.ts, docs/routing.md §The order):
 *  - A group is the tickets whose every field but the age ones (id, number, issuedAt,
 *    waitStartAt) is equal: same matter, priority, wait target, appointment slot and transfer
 *    target. The key is built from all the other fields, so a field the rule may read in future
 *    splits groups by itself.
 *  - At a call time, the rule can put two tickets of one group in different classes only by how
 *    long they have waited: past the hall cap or not, breached or not (AGE_THRESHOLDS). Each is
 *    true for a prefix of the group sorted by wait start (the older ones), so the group falls into
 *    at most three contiguous age segments.
 *  - Within one segment the rule orders by wait start: the cap and the guard's normal tickets
 *    longest wait first, the rest by deadline (= wait start + the group's one target, less the
 *    group's one preferred bonus). So only a segment's oldest tickets (all with its earliest wait
 *    start; the rule breaks their ties) can be the rule's pick.
 *  - The rule's only dependence on the other tickets shown is whether a normal ticket under the
 *    cap exists (the starvation guard): a group that has one shows one, as a segment's head.
 * A rule change that breaks one of these fails tests/domain/queue-forecast-equivalence.test.ts,
 * which compares this pool with the rescan of every ticket on thousands of random queues.
 *
 * Cost per call: for each group the counter may serve, two binary searches and a few heads, so a
 * forecast is O(calls × groups × log n) instead of O(calls × n).
 */
import type { CandidatePool, ForecastCandidate, ForecastCounter } from './queue-forecast';
import { pastWaitCap, urgencyOf } from './routing-policy';

export function eligible(c: ForecastCandidate, counter: Pick<ForecastCounter, 'id' | 'matterIds'>): boolean {
  return counter.matterIds.has(c.matterId) && (c.targetCounterId === null || c.targetCounterId === counter.id);
}

export type AgeThreshold = (c: ForecastCandidate, at: Date, waitCapMinutes: number) => boolean;

/** Where the rule can change a ticket's class as it waits; each must be true for the older tickets of a group. */
export const AGE_THRESHOLDS: readonly AgeThreshold[] = [
  (c, at, cap) => pastWaitCap(c, at, cap),
  (c, at) => urgencyOf(c, at) > 1,
];

/** The fields by which the rule orders tickets of one group (age and the tie-breaks). */
const AGE_FIELDS = new Set(['id', 'number', 'issuedAt', 'waitStartAt']);

function groupKey(c: ForecastCandidate): string {
  let key = '';
  // Fields in the object's own order: two shapes of one group would only split it, never merge two.
  for (const k in c) {
    if (AGE_FIELDS.has(k)) continue;
    const v = (c as unknown as Record<string, unknown>)[k];
    key += `${k}\u0001${typeof v === 'string' || typeof v === 'number' ? v : JSON.stringify(v)}\u0002`; // Dates as ISO strings
  }
  return key;
}

/**
 * The queue split into groups, kept between forecasts: a group's members sorted by wait start
 * (stable: equal starts keep their arrival order, as a sort of the whole list would) and their
 * starts. Built once per queue and grown ticket by ticket (addToIndex) when the queue only grew;
 * each simulation takes a pool of its own over it (poolFromIndex), which never changes the index
 * and is not changed by the index growing after.
 */
export interface GroupIndex {
  groups: Map<string, IndexedGroup>;
  size: number;
}

interface IndexedGroup {
  members: ForecastCandidate[];
  starts: number[];
}

export function groupIndex(candidates: readonly ForecastCandidate[]): GroupIndex {
  const groups = new Map<string, IndexedGroup>();
  for (const c of candidates) {
    const key = groupKey(c);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { members: [], starts: [] }));
    g.members.push(c);
  }
  for (const g of groups.values()) {
    g.members.sort((a, b) => a.waitStartAt.getTime() - b.waitStartAt.getTime());
    g.starts = g.members.map((c) => c.waitStartAt.getTime());
  }
  return { groups, size: candidates.length };
}

/** Adds one ticket where the stable sort of (members so far, then it) would put it: after every member starting no later. */
export function addToIndex(index: GroupIndex, c: ForecastCandidate): void {
  const key = groupKey(c);
  let g = index.groups.get(key);
  if (!g) index.groups.set(key, (g = { members: [], starts: [] }));
  const start = c.waitStartAt.getTime();
  let i = g.members.length;
  while (i > 0 && g.starts[i - 1]! > start) i--;
  g.members.splice(i, 0, c);
  g.starts.splice(i, 0, start);
  index.size++;
}

/** One simulation's state of a group: which members it has called, and the age cuts. */
interface Group {
  /** Sorted by wait start, oldest first (copies of the index's arrays as the pool was made). */
  members: readonly ForecastCandidate[];
  starts: readonly number[];
  /** Union-find over called tickets: find(i) is the first index ≥ i still waiting (members.length if none). */
  next: Int32Array;
  waiting: number;
  /** Per threshold: the prefix length last found, and at what time (ms). */
  prefix: Int32Array;
  prefixAt: Float64Array;
}

function find(g: Group, i: number): number {
  let r = i;
  while (g.next[r] !== r) r = g.next[r]!;
  while (g.next[i] !== r) {
    const up = g.next[i]!;
    g.next[i] = r;
    i = up;
  }
  return r;
}

/**
 * How many of the group's oldest tickets threshold `t` holds for at `at` (it holds for a prefix).
 * A ticket that has crossed a threshold stays across it as time goes on, so the prefix only grows
 * with `at`: the simulation's calls come in time order, and from the previous length a few steps
 * forward find the new one (amortised O(1) per call instead of a binary search); an earlier `at`
 * than the last one asked falls back to the binary search.
 */
function prefixLength(g: Group, t: number, holds: AgeThreshold, at: Date, waitCapMinutes: number): number {
  const n = g.members.length;
  const atMs = at.getTime();
  let lo: number;
  if (atMs >= g.prefixAt[t]!) {
    lo = g.prefix[t]!;
    while (lo < n && holds(g.members[lo]!, at, waitCapMinutes)) lo++;
  } else {
    lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (holds(g.members[mid]!, at, waitCapMinutes)) lo = mid + 1;
      else hi = mid;
    }
  }
  g.prefix[t] = lo;
  g.prefixAt[t] = atMs;
  return lo;
}

export function groupedPool(candidates: readonly ForecastCandidate[], waitCapMinutes: number, thresholds: readonly AgeThreshold[] = AGE_THRESHOLDS): CandidatePool {
  return poolFromIndex(groupIndex(candidates), waitCapMinutes, thresholds);
}

/** A fresh pool over the index's groups (the same pool groupedPool builds from the same tickets). */
export function poolFromIndex(index: GroupIndex, waitCapMinutes: number, thresholds: readonly AgeThreshold[] = AGE_THRESHOLDS): CandidatePool {
  const groups: Group[] = [];
  const simulated = (members: readonly ForecastCandidate[], starts: readonly number[]): Group => {
    const next = new Int32Array(members.length + 1);
    for (let i = 0; i <= members.length; i++) next[i] = i;
    return { members, starts, next, waiting: members.length, prefix: new Int32Array(thresholds.length), prefixAt: new Float64Array(thresholds.length).fill(Infinity) };
  };
  // Copies: a run may outlive this call while the caller grows the index (addToIndex) for the next read.
  for (const g of index.groups.values()) if (g.members.length > 0) groups.push(simulated(g.members.slice(), g.starts.slice()));
  // Where each ticket of the last options() sits, for remove(); any other ticket is looked up in a map built on first need.
  let shownGroup: Group[] = [];
  let shownIndex: number[] = [];
  let shown: ForecastCandidate[] = [];
  let place: Map<string, { g: Group; i: number }> | null = null;
  const servedBy = new Map<string, Group[]>();
  const matterSets = new Map<string, ReadonlySet<string>>();
  const cuts: number[] = [];
  return {
    options(counter, at) {
      let mine = servedBy.get(counter.id);
      if (!mine) {
        servedBy.set(counter.id, (mine = groups.filter((g) => eligible(g.members[0]!, counter))));
        matterSets.set(counter.id, counter.matterIds);
      }
      const out: ForecastCandidate[] = [];
      shownGroup = [];
      shownIndex = [];
      for (const g of mine) {
        if (g.waiting === 0) continue;
        // The segments: cut where a threshold stops holding, oldest segment first (cuts ascending, insertion-sorted: a few).
        cuts.length = 0;
        cuts.push(0);
        for (let t = 0; t < thresholds.length; t++) {
          const cut = prefixLength(g, t, thresholds[t]!, at, waitCapMinutes);
          let j = cuts.length;
          cuts.push(cut);
          while (j > 0 && cuts[j - 1]! > cut) {
            cuts[j] = cuts[j - 1]!;
            cuts[--j] = cut;
          }
        }
        cuts.push(g.members.length);
        for (let s = 0; s + 1 < cuts.length; s++) {
          const end = cuts[s + 1]!;
          if (cuts[s] === end) continue;
          let i = find(g, cuts[s]!);
          const head = g.starts[i];
          while (i < end && g.starts[i] === head) {
            out.push(g.members[i]!);
            shownGroup.push(g);
            shownIndex.push(i);
            i = find(g, i + 1);
          }
        }
      }
      shown = out;
      return out;
    },
    remove(c) {
      let g: Group | undefined;
      let i = -1;
      const k = shown.indexOf(c);
      if (k >= 0) {
        g = shownGroup[k]!;
        i = shownIndex[k]!;
      } else {
        if (!place) {
          place = new Map();
          for (const x of groups) x.members.forEach((m, j) => place!.set(m.id, { g: x, i: j }));
        }
        const p = place.get(c.id);
        if (!p) return;
        g = p.g;
        i = p.i;
      }
      if (g.next[i] !== i) return; // already called
      g.next[i] = i + 1;
      g.waiting--;
    },
    add(c) {
      // A group of its own: a group split in two shows the rule one more head, never hides its pick (see above).
      const g = simulated([c], [c.waitStartAt.getTime()]);
      groups.push(g);
      for (const [counterId, mine] of servedBy) if (eligible(c, { id: counterId, matterIds: matterSets.get(counterId)! })) mine.push(g);
      place?.set(c.id, { g, i: 0 });
    },
  };
}
