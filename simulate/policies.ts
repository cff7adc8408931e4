/**
 * The calling policies compared. `ours` is the server's own rankCandidates; the other two are
 * the usual baselines, written against the same candidate and context types.
 */
import { rankCandidates, type QueueCandidate, type RoutingContext } from '../server/domain/routing-policy';

export interface Policy {
  name: 'fcfs' | 'strict' | 'ours';
  label: string;
  rank(candidates: readonly QueueCandidate[], ctx: RoutingContext): QueueCandidate[];
}

const byIssue = (a: QueueCandidate, b: QueueCandidate) => a.issuedAt.getTime() - b.issuedAt.getTime() || a.number.localeCompare(b.number);

/** First come, first served over the counter's matters: the oldest ticket, nothing else considered. */
export const FCFS: Policy = {
  name: 'fcfs',
  label: 'FCFS per matter',
  rank: (candidates) => [...candidates].sort(byIssue),
};

/** Green channel always first (no starvation guard), then appointments from their slot start, then FCFS. */
export const STRICT: Policy = {
  name: 'strict',
  label: 'strict priority',
  rank(candidates, ctx) {
    const appt = (c: QueueCandidate) => (c.appointmentSlot !== null && ctx.now >= c.appointmentSlot.start ? 1 : 0);
    return [...candidates].sort((a, b) => b.priority - a.priority || appt(b) - appt(a) || byIssue(a, b));
  },
};

/** The product's rule (server/domain/routing-policy.ts, docs/routing.md). */
export const OURS: Policy = { name: 'ours', label: 'ours (urgency)', rank: rankCandidates };

export const POLICIES: readonly Policy[] = [FCFS, STRICT, OURS];
