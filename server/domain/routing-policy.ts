/**
 * Which waiting ticket a counter calls next. Pure, so the server and the simulator run the
 * same rule. The server reads the eligible candidates (the counter's authorised matters, tickets
 * not transferred to another counter), ranks them here, then claims them in this order with
 * FOR UPDATE SKIP LOCKED (see server/app/call-next.ts). The forecast (queue-forecast.ts) runs
 * the same ranking at each counter's forecast free time, and the simulator (simulate/) at each
 * simulated call.
 *
 * The rule (docs/routing.md explains the why and shows the figures):
 *  1. Green channel (priority > 0) first — unless the starvation guard has tripped: after
 *     `starvationGuard` priority calls in a row at this counter, normal tickets go first, oldest
 *     waiting clock first, until one is called (call-next then resets the counter's streak).
 *  2. Appointments inside their window — from slot start to slot end + grace — next: still
 *     makeable ones before breached ones (as in rule 3), each part earliest slot first. Before its slot an appointment has no precedence (and, its clock starting at
 *     slot start, no wait either); after the window it competes like a walk-in.
 *  2½. The hall cap: a ticket that has waited `waitCapMinutes` (hall setting) goes before every
 *     other walk-in, longest wait first. This bounds the tail that rule 3 would otherwise
 *     stretch; green channel and appointments keep their precedence over it (issue #16).
 *  3. Everyone else: still-makeable tickets (deadline = waitStartAt + target not yet passed at
 *     the moment of the call) before breached ones, each class earliest deadline first. Calling a ticket
 *     that is already late cannot bring it back within target, while calling one that is about
 *     to be late can: so lateness does not cascade from ticket to ticket in a peak.
 *     A matter the counter prefers gets a bounded bonus of PREFERRED_BONUS (a quarter of the
 *     ticket's own target), only ever within its class (makeable or breached).
 *  Within the green channel, rule 3 orders the tickets too.
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
  /**
   * A checked-in appointment whose slot starts within this many minutes already has appointment
   * precedence (HallSettings.earlyAppointmentMinutes; unset = 0: from the slot start).
   */
  earlyAppointmentMinutes?: number;
  /** The hall cap (HallSettings.waitCapMinutes): waited this long → called before the other walk-ins. 0 = no cap. */
  waitCapMinutes: number;
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

/** Minutes waited so far (negative before an appointment's slot). */
export function waitedMinutes(c: Pick<QueueCandidate, 'waitStartAt'>, now: Date): number {
  return (now.getTime() - c.waitStartAt.getTime()) / MINUTE;
}

/** Past the hall cap: called before every walk-in that is not (after the green channel and appointments in their window). */
export function pastWaitCap(c: Pick<QueueCandidate, 'waitStartAt'>, now: Date, capMinutes: number): boolean {
  return capMinutes > 0 && waitedMinutes(c, now) >= capMinutes;
}

/** An appointment has precedence from its slot start to slot end + grace. */
export function inAppointmentWindow(c: Pick<QueueCandidate, 'appointmentSlot'>, now: Date, graceMinutes: number, earlyMinutes = 0): boolean {
  const slot = c.appointmentSlot;
  if (!slot) return false;
  const t = now.getTime();
  return t >= slot.start.getTime() - Math.max(0, earlyMinutes) * MINUTE && t <= slot.end.getTime() + graceMinutes * MINUTE;
}

/** True when the next call must go to a normal ticket (if there is one). */
export function starvationGuardTripped(ctx: Pick<RoutingContext, 'consecutivePriorityCalls' | 'starvationGuard'>): boolean {
  return ctx.starvationGuard > 0 && ctx.consecutivePriorityCalls >= ctx.starvationGuard;
}

/** Lower is called first. */
const enum Tier {
  Guarded = 0, // starvation guard tripped: normal tickets, oldest first
  Green = 1,
  Appointment = 2,
  PastCap = 3,
  Walk = 4,
  GuardedGreen = 5,
}

interface Scored {
  c: QueueCandidate;
  tier: Tier;
  breached: boolean;
  /** Deadline in minutes, brought forward by the preferred bonus (lower first). */
  score: number;
}

function tierOf(c: QueueCandidate, ctx: RoutingContext, guard: boolean): Tier {
  if (guard) return c.priority > 0 ? Tier.GuardedGreen : Tier.Guarded;
  if (c.priority > 0) return Tier.Green;
  if (inAppointmentWindow(c, ctx.now, ctx.appointmentGraceMinutes, ctx.earlyAppointmentMinutes)) return Tier.Appointment;
  if (pastWaitCap(c, ctx.now, ctx.waitCapMinutes)) return Tier.PastCap;
  return Tier.Walk;
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
  // Past the cap, and the guard's normal tickets: the longest wait first.
  if (a.tier === Tier.PastCap || a.tier === Tier.Guarded) return compareTies(a.c, b.c);
  if (a.breached !== b.breached) return a.breached ? 1 : -1; // still makeable first
  if (a.tier === Tier.Appointment) {
    const bySlot = a.c.appointmentSlot!.start.getTime() - b.c.appointmentSlot!.start.getTime();
    if (bySlot !== 0) return bySlot;
  }
  if (a.score !== b.score) return a.score - b.score;
  return compareTies(a.c, b.c);
}

/** Whether the starvation guard orders this set of candidates (it has a normal ticket to call). */
function guardApplies(candidates: readonly QueueCandidate[], ctx: RoutingContext): boolean {
  return starvationGuardTripped(ctx) && candidates.some((c) => c.priority <= 0);
}

function scoreOf(c: QueueCandidate, ctx: RoutingContext, guard: boolean, bonus: number): Scored {
  const b = ctx.preferredMatterIds.has(c.matterId) ? bonus : 0;
  return {
    c,
    tier: tierOf(c, ctx, guard),
    breached: urgencyOf(c, ctx.now) > 1,
    // deadlineOf(c) in minutes, without building the Date (new Date(ms) truncates to whole ms: so does this).
    score: Math.trunc(c.waitStartAt.getTime() + c.waitTargetMinutes * MINUTE) / MINUTE - b * Math.max(1, c.waitTargetMinutes),
  };
}

const bonusOf = (ctx: RoutingContext) => Math.max(0, ctx.preferredBonus ?? PREFERRED_BONUS);

/** Orders candidates best-first (see the rule above). The single entry point for server, forecast and simulator. */
export function rankCandidates(candidates: readonly QueueCandidate[], ctx: RoutingContext): QueueCandidate[] {
  const guard = guardApplies(candidates, ctx);
  const bonus = bonusOf(ctx);
  return candidates.map((c) => scoreOf(c, ctx, guard, bonus)).sort(compareScored).map((s) => s.c);
}

/** The first of rankCandidates, in one pass instead of a sort (the forecast calls it once per simulated call). */
export function pickNext(candidates: readonly QueueCandidate[], ctx: RoutingContext): QueueCandidate | undefined {
  const guard = guardApplies(candidates, ctx);
  const bonus = bonusOf(ctx);
  let best: Scored | undefined;
  for (const c of candidates) {
    const s = scoreOf(c, ctx, guard, bonus);
    if (!best || compareScored(s, best) < 0) best = s;
  }
  return best?.c;
}

/**
 * A counter whose break is due (it has just finished a visitor) first calls one more visitor if
 * the rule's pick has precedence — green channel, or an appointment in its window — and can
 * still be called within target; otherwise (nothing, a walk-in, a breached ticket) undefined:
 * the counter goes on its break. The break is then taken in full after that visitor.
 */
export function callBeforeBreak(candidates: readonly QueueCandidate[], ctx: RoutingContext): QueueCandidate | undefined {
  const first = pickNext(candidates, ctx);
  if (!first) return undefined;
  // A walk-in past the hall cap is owed as much: the break is not put off over their head.
  if (candidates.some((c) => c.priority <= 0 && !inAppointmentWindow(c, ctx.now, ctx.appointmentGraceMinutes, ctx.earlyAppointmentMinutes) && pastWaitCap(c, ctx.now, ctx.waitCapMinutes))) return undefined;
  const precedence = first.priority > 0 || inAppointmentWindow(first, ctx.now, ctx.appointmentGraceMinutes, ctx.earlyAppointmentMinutes);
  return precedence && urgencyOf(first, ctx.now) <= 1 ? first : undefined;
}
