/**
 * Which waiting ticket a counter calls next. Pure, so the server and the simulator run the
 * same rule. The server reads the eligible candidates, ranks them here, then claims them in
 * this order with FOR UPDATE SKIP LOCKED (see server/app/call-next.ts).
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
}

/** Orders candidates best-first: priority class, then appointments, then earliest wait start. */
export function rankCandidates(candidates: readonly QueueCandidate[], ctx: RoutingContext): QueueCandidate[] {
  void ctx;
  return [...candidates].sort(
    (a, b) =>
      b.priority - a.priority ||
      Number(b.appointmentSlot !== null) - Number(a.appointmentSlot !== null) ||
      a.waitStartAt.getTime() - b.waitStartAt.getTime() ||
      a.issuedAt.getTime() - b.issuedAt.getTime() ||
      a.number.localeCompare(b.number),
  );
}
