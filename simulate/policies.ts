/**
 * The calling policies compared. `ours` is the server's own rankCandidates; `previous` is the
 * rule it replaced (kept here only to measure against); the other two are the usual baselines,
 * written against the same candidate and context types.
 */
import { inAppointmentWindow, PREFERRED_BONUS, rankCandidates, starvationGuardTripped, urgencyOf, type QueueCandidate, type RoutingContext } from '../server/domain/routing-policy';

export interface Policy {
  name: 'fcfs' | 'strict' | 'previous' | 'ours';
  label: string;
  rank(candidates: readonly QueueCandidate[], ctx: RoutingContext): QueueCandidate[];
  /** The counters call one waiting priority visitor before a due break (callBeforeBreak). */
  beforeBreak?: boolean;
}

const byIssue = (a: QueueCandidate, b: QueueCandidate) => a.issuedAt.getTime() - b.issuedAt.getTime() || a.number.localeCompare(b.number);

/** First come, first served with the (mandatory) green channel: priority tickets first, then the oldest ticket. */
export const FCFS: Policy = {
  name: 'fcfs',
  label: 'FCFS + green channel',
  rank: (candidates) => [...candidates].sort((a, b) => b.priority - a.priority || byIssue(a, b)),
};

/** Green channel always first (no starvation guard), then appointments in their window, then FCFS. */
export const STRICT: Policy = {
  name: 'strict',
  label: 'strict priority',
  rank(candidates, ctx) {
    const appt = (c: QueueCandidate) => (inAppointmentWindow(c, ctx.now, ctx.appointmentGraceMinutes) ? 1 : 0);
    return [...candidates].sort((a, b) => b.priority - a.priority || appt(b) - appt(a) || byIssue(a, b));
  },
};

/**
 * The rule before issue #16: green channel (guarded), appointments in their window, then
 * urgency with breached tickets first, furthest past first — the rule whose lateness cascades.
 */
export const PREVIOUS: Policy = {
  name: 'previous',
  label: 'previous (breached first)',
  rank(candidates, ctx) {
    const guard = candidates.some((c) => c.priority <= 0) && starvationGuardTripped(ctx);
    const tier = (c: QueueCandidate) => (guard ? (c.priority > 0 ? 3 : 0) : c.priority > 0 ? 0 : inAppointmentWindow(c, ctx.now, ctx.appointmentGraceMinutes) ? 1 : 2);
    const scored = candidates.map((c) => {
      const u = urgencyOf(c, ctx.now);
      return { c, tier: tier(c), breached: u >= 1, score: u + (ctx.preferredMatterIds.has(c.matterId) ? PREFERRED_BONUS : 0) };
    });
    return scored
      .sort((a, b) => {
        if (a.tier !== b.tier) return a.tier - b.tier;
        if (a.tier === 0 && a.c.priority === 0 && b.c.priority === 0) return a.c.waitStartAt.getTime() - b.c.waitStartAt.getTime() || byIssue(a.c, b.c);
        if (a.tier === 1) {
          const d = a.c.appointmentSlot!.start.getTime() - b.c.appointmentSlot!.start.getTime();
          if (d !== 0) return d;
        }
        if (a.breached !== b.breached) return a.breached ? -1 : 1;
        return b.score - a.score || a.c.waitStartAt.getTime() - b.c.waitStartAt.getTime() || byIssue(a.c, b.c);
      })
      .map((s) => s.c);
  },
};

/** The product's rule (server/domain/routing-policy.ts, docs/routing.md). */
export const OURS: Policy = { name: 'ours', label: 'ours (makeable first, capped)', rank: rankCandidates };

/**
 * Ours, with the counters taking one more green-channel or appointment visitor who can still be
 * served within target before a due break (callBeforeBreak): a staff practice the simulator
 * measures; the server does not schedule breaks in real time (docs/routing.md §Why priority visitors miss).
 */
export const OURS_BEFORE_BREAK: Policy = { ...OURS, label: 'ours + priority before a break', beforeBreak: true };

export const POLICIES: readonly Policy[] = [FCFS, STRICT, PREVIOUS, OURS];
