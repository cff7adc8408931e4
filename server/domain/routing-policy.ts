/**
 * Which waiting ticket a counter calls next. Pure, so the server and the simulator run the
 * same rule. The server reads the eligible candidates (the counter's authorised matters, tickets
 * not transferred to another counter), ranks them here, then claims them in this order with
 * FOR UPDATE SKIP LOCKED (see server/app/call-next.ts). queue-position.ts forecasts with it too.
 *
 * The rule (docs/routing.md explains the why):
 *  1. Green channel (priority > 0) first — unless the starvation guard has tripped: after
 *     `starvationGuard` priority calls in a row at this counter, normal tickets go first, oldest
 *     waiting clock first, until one is called (call-next then resets the counter's streak).
 *  2. Appointments inside their window — from slot start to slot end + grace — next, earliest
 *     slot first. Before its slot an appointment has no precedence (and, its clock starting at
 *     slot start, no urgency either); after the window it competes on urgency like everyone else.
 *  3. Everyone else by urgency = (now − waitStartAt) / waitTargetMinutes, highest first: the
 *     ticket closest to, or furthest past, its wait target — not simply the oldest.
 *     A matter the counter prefers gets a bounded bonus of PREFERRED_BONUS (a quarter of the
 *     ticket's own target), and the bonus never lifts a ticket still within its target above
 *     one that has breached it.
 *  Ties: earlier waitStartAt, earlier issuedAt, ticket number, id — the order is total.
 */
export interface QueueCandidate {
  id: string;
  matterId: string;
  priority: number; // 0 normal, 1 green channel
  appointmentSlot: { start: Date; end: Date } | null;
  issuedAt: Date;
  waitStartAt: Date;
  waitTargetMinutes: number;
  number: string;
}

export interface RoutingContext {
  now: Date;
  /** Priority calls this counter made in a row since its last normal call. */
  consecutivePriorityCalls: number;
  starvationGuard: number;
  appointmentGraceMinutes: number;
  preferredMatterIds: ReadonlySet<string>;
  /** Urgency bonus for preferred matters, in targets; default PREFERRED_BONUS. */
  preferredBonus?: number;
}

/** A preferred matter counts as if it had waited an extra quarter of its target. */
export const PREFERRED_BONUS = 0.25;

const MINUTE = 60_000;

/** (now − waitStartAt) / target: 0 at the wait start, 1 at the deadline, negative before the slot. */
export function urgencyOf(c: Pick<QueueCandidate, 'waitStartAt' | 'waitTargetMinutes'>, now: Date): number {
  return (now.getTime() - c.waitStartAt.getTime()) / (Math.max(1, c.waitTargetMinutes) * MINUTE);
}

/** When the ticket breaches its wait target. */
export function deadlineOf(c: Pick<QueueCandidate, 'waitStartAt' | 'waitTargetMinutes'>): Date {
  return new Date(c.waitStartAt.getTime() + c.waitTargetMinutes * MINUTE);
}

/** An appointment has precedence from its slot start to slot end + grace. */
export function inAppointmentWindow(c: Pick<QueueCandidate, 'appointmentSlot'>, now: Date, graceMinutes: number): boolean {
  const slot = c.appointmentSlot;
  if (!slot) return false;
  const t = now.getTime();
  return t >= slot.start.getTime() && t <= slot.end.getTime() + graceMinutes * MINUTE;
}

/** True when the next call must go to a normal ticket (if there is one). */
export function starvationGuardTripped(ctx: Pick<RoutingContext, 'consecutivePriorityCalls' | 'starvationGuard'>): boolean {
  return ctx.starvationGuard > 0 && ctx.consecutivePriorityCalls >= ctx.starvationGuard;
}

type Tier = 0 | 1 | 2 | 3;

interface Scored {
  c: QueueCandidate;
  tier: Tier; // lower is called first
  breached: boolean;
  score: number;
}

function tierOf(c: QueueCandidate, ctx: RoutingContext, guard: boolean): Tier {
  if (guard) return c.priority > 0 ? 3 : 0; // guard: normal tickets first, by age
  if (c.priority > 0) return 0;
  if (inAppointmentWindow(c, ctx.now, ctx.appointmentGraceMinutes)) return 1;
  return 2;
}

function compareTies(a: QueueCandidate, b: QueueCandidate): number {
  return (
    a.waitStartAt.getTime() - b.waitStartAt.getTime() ||
    a.issuedAt.getTime() - b.issuedAt.getTime() ||
    a.number.localeCompare(b.number) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function compareScored(a: Scored, b: Scored): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.tier === 0 && b.tier === 0 && a.c.priority === 0 && b.c.priority === 0) {
    return compareTies(a.c, b.c); // starvation guard: the oldest normal ticket goes next
  }
  if (a.tier === 1) {
    const bySlot = a.c.appointmentSlot!.start.getTime() - b.c.appointmentSlot!.start.getTime();
    if (bySlot !== 0) return bySlot;
  }
  if (a.breached !== b.breached) return a.breached ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  return compareTies(a.c, b.c);
}

function scoreAll(candidates: readonly QueueCandidate[], ctx: RoutingContext): Scored[] {
  const hasNormal = candidates.some((c) => c.priority <= 0);
  const guard = hasNormal && starvationGuardTripped(ctx);
  const bonus = Math.max(0, ctx.preferredBonus ?? PREFERRED_BONUS);
  return candidates.map((c) => {
    const urgency = urgencyOf(c, ctx.now);
    return {
      c,
      tier: tierOf(c, ctx, guard),
      breached: urgency >= 1,
      score: urgency + (ctx.preferredMatterIds.has(c.matterId) ? bonus : 0),
    };
  });
}

/** Orders candidates best-first (see the rule above). The single entry point for server and simulator. */
export function rankCandidates(candidates: readonly QueueCandidate[], ctx: RoutingContext): QueueCandidate[] {
  return scoreAll(candidates, ctx).sort(compareScored).map((s) => s.c);
}

/** The first of rankCandidates, in one pass instead of a sort (the forecast calls it once per simulated call). */
export function pickNext(candidates: readonly QueueCandidate[], ctx: RoutingContext): QueueCandidate | undefined {
  let best: Scored | undefined;
  for (const s of scoreAll(candidates, ctx)) if (!best || compareScored(s, best) < 0) best = s;
  return best?.c;
}
