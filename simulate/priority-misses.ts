/**
 * Why green-channel and appointment visitors miss their target, traced call by call under a
 * policy (ours by default): for every late one, what the counters that may serve their matter
 * did between the wait start and the deadline. The causes, in the order they are tested:
 *
 *  - a counter of the matter finished a visit in that time and went on its break (or its
 *    break was due) instead of calling them: the break lever;
 *  - a counter called a walk-in without precedence (the starvation guard): the order;
 *  - the counters that freed called other priority visitors only (green channel, appointments
 *    with an earlier slot): priority visitors competing among themselves;
 *  - no counter of the matter freed before the deadline: capacity — at a single desk or in a
 *    pool, with the first counter to free up in a visit drawn longer than twice its mean or not.
 *
 * docs/routing.md §Why priority visitors miss quotes the table.
 */
import type { DayResult, TicketRecord } from './engine';
import { measured, withinTarget } from './metrics';
import { table } from './report';
import type { Scenario } from './scenario';

export type MissCause =
  | 'went on break while they waited'
  | 'a walk-in called (starvation guard)'
  | 'only other priority visitors called'
  | 'single desk, no call before the deadline'
  | 'pool, none freed: a visit > 2× its mean'
  | 'pool, none freed: visits ≤ 2× mean';

export const MISS_CAUSES: readonly MissCause[] = [
  'went on break while they waited',
  'a walk-in called (starvation guard)',
  'only other priority visitors called',
  'single desk, no call before the deadline',
  'pool, none freed: a visit > 2× its mean',
  'pool, none freed: visits ≤ 2× mean',
];

export interface MissRow {
  cause: MissCause;
  green: number;
  appointments: number;
}

export interface MissBreakdown {
  rows: MissRow[];
  green: number;
  appointments: number;
  /** Late appointments by arrival: before the slot start, inside the slot, in the grace period. */
  appointmentArrival: { early: number; inSlot: number; grace: number };
  /** Late appointments whose slot start brought ≥ 3 booked visitors of the pool at once. */
  appointmentBunched: number;
  /** Late green-channel visitors with another green-channel visitor of the pool already waiting. */
  greenQueued: number;
  /** Late visitors per matter and cause (green + appointments). */
  byMatter: Map<string, number>;
}

const EPS = 1e-9;

function busyOf(s: Scenario, t: TicketRecord): number {
  const gone = t.abandoned || t.visitor.noShow;
  return gone ? s.absentCallMinutes : s.walkUpMinutes + t.visitor.serviceMinutes;
}

const isPriority = (t: TicketRecord) => t.candidate.priority > 0 || t.appointment;

export function priorityMisses(s: Scenario, days: readonly DayResult[]): MissBreakdown {
  const rows = MISS_CAUSES.map((cause) => ({ cause, green: 0, appointments: 0 }));
  const out: MissBreakdown = { rows, green: 0, appointments: 0, appointmentArrival: { early: 0, inSlot: 0, grace: 0 }, appointmentBunched: 0, greenQueued: 0, byMatter: new Map() };
  const servers = new Map<string, string[]>();
  for (const m of s.matters)
    servers.set(m.id, s.counters.filter((c) => c.matterIds.has(m.id) || c.duties.some((d) => d.matterIds.has(m.id))).map((c) => c.id));
  const poolOf = new Map<string, Set<string>>(); // matter → matters sharing one of its counters
  for (const m of s.matters) {
    const ids = new Set(servers.get(m.id));
    poolOf.set(m.id, new Set(s.matters.filter((o) => servers.get(o.id)!.some((c) => ids.has(c))).map((o) => o.id)));
  }
  for (const d of days) {
    const byCounter = new Map<string, TicketRecord[]>();
    for (const t of d.tickets) if (t.counterId !== null) (byCounter.get(t.counterId) ?? byCounter.set(t.counterId, []).get(t.counterId)!).push(t);
    for (const list of byCounter.values()) list.sort((a, b) => a.calledAt! - b.calledAt!);
    for (const t of d.tickets.filter(measured)) {
      if (!isPriority(t)) continue;
      const green = t.candidate.priority > 0;
      if (green) out.green++;
      else out.appointments++;
      if (withinTarget(t)) continue;
      const from = t.waitStart;
      const deadline = from + t.matter.targetMinutes;
      const ids = servers.get(t.matter.id)!;
      let wentOnBreak = false;
      let walkIn = false;
      let calls = 0;
      let firstFree = Number.POSITIVE_INFINITY;
      let firstFreeLong = false;
      for (const id of ids) {
        const list = byCounter.get(id) ?? [];
        for (let i = 0; i < list.length; i++) {
          const u = list[i]!;
          const end = u.calledAt! + busyOf(s, u);
          if (u !== t && u.calledAt! >= from - EPS && u.calledAt! <= deadline + EPS) {
            calls++;
            if (!isPriority(u)) walkIn = true;
          }
          // Freed inside the wait and did not call at once although this ticket waited: a break.
          if (end >= from - EPS && end < deadline - EPS) {
            const next = list[i + 1];
            if (!next || next.calledAt! > end + 1e-6) wentOnBreak = true;
          }
          if (u.calledAt! < from + EPS && end > from + EPS && end < firstFree) {
            firstFree = end;
            firstFreeLong = u.visitor.serviceMinutes > 2 * u.matter.serviceMean && !(u.abandoned || u.visitor.noShow);
          }
        }
      }
      const cause: MissCause = wentOnBreak
        ? 'went on break while they waited'
        : walkIn
          ? 'a walk-in called (starvation guard)'
          : calls > 0
            ? 'only other priority visitors called'
            : ids.length === 1
              ? 'single desk, no call before the deadline'
              : firstFreeLong
                ? 'pool, none freed: a visit > 2× its mean'
                : 'pool, none freed: visits ≤ 2× mean';
      const row = rows.find((r) => r.cause === cause)!;
      if (green) row.green++;
      else row.appointments++;
      const key = `${cause} | ${t.matter.id} | ${green ? 'green' : 'appt'}`;
      out.byMatter.set(key, (out.byMatter.get(key) ?? 0) + 1);
      const pool = poolOf.get(t.matter.id)!;
      if (green) {
        if (d.tickets.some((o) => o !== t && o.candidate.priority > 0 && pool.has(o.matter.id) && o.visitor.arrival < t.visitor.arrival && (o.calledAt ?? Infinity) > t.visitor.arrival)) out.greenQueued++;
      } else {
        const slot = t.visitor.slot!;
        if (t.visitor.arrival < slot.start) out.appointmentArrival.early++;
        else if (t.visitor.arrival < slot.end) out.appointmentArrival.inSlot++;
        else out.appointmentArrival.grace++;
        const together = d.tickets.filter((o) => o.appointment && pool.has(o.matter.id) && o.visitor.slot!.start === slot.start && o.visitor.arrival <= slot.start).length;
        if (together >= 3) out.appointmentBunched++;
      }
    }
  }
  return out;
}

/** The breakdown of several policies side by side: late green channel / appointments per cause. */
export function priorityMissTable(s: Scenario, runs: readonly [label: string, days: readonly DayResult[]][]): string {
  const all = runs.map(([label, days]) => [label, priorityMisses(s, days)] as const);
  const head = ['why they missed (their matter\'s counters between wait start and deadline)', ...all.map(([label, b]) => `${label}: green / appts late (of ${b.green} / ${b.appointments})`)];
  const body = MISS_CAUSES.map((cause) => [cause, ...all.map(([, b]) => {
    const r = b.rows.find((x) => x.cause === cause)!;
    return `${r.green} / ${r.appointments}`;
  })]);
  const sum = (b: MissBreakdown, k: 'green' | 'appointments') => b.rows.reduce((a, r) => a + r[k], 0);
  body.push(['all', ...all.map(([, b]) => `${sum(b, 'green')} / ${sum(b, 'appointments')}`)]);
  body.push(['late appointments who came: before the slot / in it / in the grace', ...all.map(([, b]) => `${b.appointmentArrival.early} / ${b.appointmentArrival.inSlot} / ${b.appointmentArrival.grace}`)]);
  body.push(['late appointments whose slot start brought ≥ 3 of the pool at once', ...all.map(([, b]) => String(b.appointmentBunched))]);
  body.push(['late green with another green of the pool already waiting', ...all.map(([, b]) => String(b.greenQueued))]);
  return table(head, body);
}
