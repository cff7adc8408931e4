/**
 * "您前面还有 N 人等候" and the estimated wait, from the same ranking the counters call by and the
 * recent service rate of the open counters that can serve the matter.
 */
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { counterMatters, counters, tickets } from '../../db/schema';
import { rankCandidates, type QueueCandidate } from '../domain/routing-policy';

type Reader = Db | Tx;

export interface QueuePosition {
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
}

export async function queuePosition(
  tx: Reader,
  ticket: { id: string; hallId: string; matterId: string; serviceDate: string },
  now: Date,
  fallbackServiceMinutes: number,
): Promise<QueuePosition> {
  const waiting = await tx
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.hallId, ticket.hallId),
        eq(tickets.serviceDate, ticket.serviceDate),
        eq(tickets.matterId, ticket.matterId),
        eq(tickets.status, 'waiting'),
      ),
    );
  const ranked = rankCandidates(waiting.map(toCandidate), {
    now,
    consecutivePriorityCalls: 0,
    starvationGuard: Number.MAX_SAFE_INTEGER,
    appointmentGraceMinutes: 0,
    preferredMatterIds: new Set(),
  });
  const index = ranked.findIndex((c) => c.id === ticket.id);
  const peopleAhead = index < 0 ? ranked.length : index;

  const open = await tx
    .select({ id: counters.id })
    .from(counters)
    .innerJoin(counterMatters, eq(counterMatters.counterId, counters.id))
    .where(and(eq(counterMatters.matterId, ticket.matterId), eq(counters.status, 'open')));
  const recent = await tx
    .select({ startedAt: tickets.startedAt, finishedAt: tickets.finishedAt })
    .from(tickets)
    .where(and(eq(tickets.matterId, ticket.matterId), eq(tickets.status, 'done'), isNotNull(tickets.startedAt), inArray(tickets.serviceDate, [ticket.serviceDate])))
    .orderBy(desc(tickets.finishedAt))
    .limit(20);
  const durations = recent
    .filter((r) => r.startedAt && r.finishedAt)
    .map((r) => (r.finishedAt!.getTime() - r.startedAt!.getTime()) / 60_000);
  const avg = durations.length >= 3 ? durations.reduce((a, b) => a + b, 0) / durations.length : fallbackServiceMinutes;
  const estimatedWaitMinutes = open.length === 0 ? null : Math.ceil((peopleAhead * avg) / open.length);
  return { peopleAhead, estimatedWaitMinutes };
}

export function toCandidate(t: typeof tickets.$inferSelect): QueueCandidate {
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
