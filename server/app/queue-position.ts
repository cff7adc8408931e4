/**
 * "您前面还有 N 人等候" and the estimated wait, from the same ranking the counters call by and the
 * recent service rate of the open counters that can serve the matter: the open counters drain
 * today's waiting tickets in rankCandidates order, each call taking the recent mean service time
 * of its matter (server/domain/queue-forecast.ts). Not a naive count of the matter's queue.
 */
import { and, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { counterMatters, counters, matters, tickets } from '../../db/schema';
import { forecastQueue, type ForecastCandidate, type ForecastCounter } from '../domain/queue-forecast';
import type { QueueCandidate } from '../domain/routing-policy';
import { expectedServiceMinutes, MIN_SAMPLES } from '../domain/service-time';
import { effectiveSettings, FALLBACK_SERVICE_MINUTES } from '../domain/wait-target';
import type { Complexity } from '../protocol/views';
import { loadHall } from './loaders';
import { presentHall } from './presenters';

type Reader = Db | Tx;

export interface QueuePosition {
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
}

/** Recent calls per matter used for its mean service time; fewer than MIN_SAMPLES → fallback. */
const RECENT_PER_MATTER = 20;

export async function queuePosition(
  tx: Reader,
  ticket: { id: string; hallId: string; matterId: string; serviceDate: string },
  now: Date,
  complexity: Complexity,
): Promise<QueuePosition> {
  const fallbackServiceMinutes = FALLBACK_SERVICE_MINUTES[complexity];
  const staffed = await tx
    .select({ id: counters.id, priorityStreak: counters.priorityStreak })
    .from(counters)
    .where(and(eq(counters.hallId, ticket.hallId), eq(counters.active, true), eq(counters.status, 'open')));
  const hall = presentHall(await loadHall(tx, ticket.hallId));
  const sameDay = and(eq(tickets.hallId, ticket.hallId), eq(tickets.serviceDate, ticket.serviceDate), eq(tickets.status, 'waiting'));
  // With no counter open only the place in the matter's own line can be told (no estimate).
  const waiting = await tx
    .select(candidateColumns)
    .from(tickets)
    .where(staffed.length ? sameDay : and(sameDay, eq(tickets.matterId, ticket.matterId)));
  const ids = staffed.map((c) => c.id);
  const links = ids.length ? await tx.select().from(counterMatters).where(inArray(counterMatters.counterId, ids)) : [];
  const busy = ids.length
    ? await tx
        .select({ counterId: tickets.counterId, matterId: tickets.matterId, calledAt: tickets.calledAt })
        .from(tickets)
        .where(and(inArray(tickets.counterId, ids), inArray(tickets.status, ['called', 'serving'])))
    : [];

  const serviceMinutes = staffed.length ? await recentServiceMinutes(tx, ticket, fallbackServiceMinutes) : () => fallbackServiceMinutes;
  const counterList: ForecastCounter[] = staffed.map((c) => {
    const mine = links.filter((l) => l.counterId === c.id);
    const current = busy.find((b) => b.counterId === c.id);
    // A counter with a visitor is expected free when the matter's mean service time has passed.
    const freeAt = current?.calledAt ? new Date(current.calledAt.getTime() + serviceMinutes(current.matterId) * 60_000) : now;
    return {
      id: c.id,
      matterIds: new Set(mine.map((l) => l.matterId)),
      preferredMatterIds: new Set(mine.filter((l) => l.preferred).map((l) => l.matterId)),
      consecutivePriorityCalls: c.priorityStreak,
      freeAt: freeAt > now ? freeAt : now,
    };
  });

  return forecastQueue({
    now,
    ticketId: ticket.id,
    candidates: waiting.map((t) => ({ ...toCandidate(t), targetCounterId: t.targetCounterId }) satisfies ForecastCandidate),
    counters: counterList,
    serviceMinutes,
    starvationGuard: hall.settings.starvationGuard,
    appointmentGraceMinutes: effectiveSettings(hall.settings).appointmentGraceMinutes,
    waitCapMinutes: effectiveSettings(hall.settings).waitCapMinutes,
  });
}

/**
 * Expected handling minutes (call → finish) of each matter (server/domain/service-time.ts): the
 * mean of its recent done tickets today, else of today's tickets of the same complexity, else the
 * hall's typical time — never below half the hall's mean on earlier days (or of the default).
 */
async function recentServiceMinutes(
  tx: Reader,
  ticket: { hallId: string; matterId: string; serviceDate: string },
  fallbackForTicketMatter: number,
): Promise<(matterId: string) => number> {
  const done = await tx
    .select({ matterId: tickets.matterId, calledAt: tickets.calledAt, finishedAt: tickets.finishedAt })
    .from(tickets)
    .where(
      and(
        eq(tickets.hallId, ticket.hallId),
        eq(tickets.serviceDate, ticket.serviceDate),
        eq(tickets.status, 'done'),
        isNotNull(tickets.calledAt),
        isNotNull(tickets.finishedAt),
      ),
    )
    .orderBy(desc(tickets.finishedAt))
    .limit(500);
  const complexityOf = new Map(
    (await tx.select({ id: matters.id, complexity: matters.complexity }).from(matters).where(eq(matters.hallId, ticket.hallId))).map((m) => [
      m.id,
      m.complexity,
    ]),
  );
  const history = await hallHistoryMinutes(tx, ticket.hallId, ticket.serviceDate);
  const byMatter = new Map<string, number[]>();
  const byComplexity = { general: [] as number[], complex: [] as number[] };
  for (const d of done) {
    const minutes = (d.finishedAt!.getTime() - d.calledAt!.getTime()) / 60_000;
    const list = byMatter.get(d.matterId) ?? [];
    if (list.length < RECENT_PER_MATTER) list.push(minutes);
    byMatter.set(d.matterId, list);
    const c = complexityOf.get(d.matterId);
    if (c && byComplexity[c].length < RECENT_PER_MATTER) byComplexity[c].push(minutes);
  }
  const cache = new Map<string, number>();
  return (matterId) => {
    let v = cache.get(matterId);
    if (v === undefined) {
      const c = complexityOf.get(matterId) ?? 'general';
      v = expectedServiceMinutes({
        todayMatter: byMatter.get(matterId) ?? [],
        todayComplexity: byComplexity[c],
        historyMinutes: history[c],
        defaultMinutes: matterId === ticket.matterId ? fallbackForTicketMatter : FALLBACK_SERVICE_MINUTES[c],
      });
      cache.set(matterId, v);
    }
    return v;
  };
}

/** Days of history behind the floor; the figures of a past day do not change, so one read per hall and day. */
const HISTORY_DAYS = 28;
const historyCache = new Map<string, { general: number | null; complex: number | null }>();

/** Mean handling minutes per complexity of the hall's done tickets on the HISTORY_DAYS days before `serviceDate`. */
async function hallHistoryMinutes(tx: Reader, hallId: string, serviceDate: string): Promise<{ general: number | null; complex: number | null }> {
  const key = `${hallId}:${serviceDate}`;
  const cached = historyCache.get(key);
  if (cached) return cached;
  const from = new Date(Date.parse(`${serviceDate}T00:00:00Z`) - HISTORY_DAYS * 86_400_000).toISOString().slice(0, 10);
  const rows = await tx
    .select({
      complexity: matters.complexity,
      minutes: sql<string | null>`avg(extract(epoch from (${tickets.finishedAt} - ${tickets.calledAt})) / 60)`,
      n: sql<number>`count(*)::int`,
    })
    .from(tickets)
    .innerJoin(matters, eq(matters.id, tickets.matterId))
    .where(
      and(
        eq(tickets.hallId, hallId),
        gte(tickets.serviceDate, from),
        lt(tickets.serviceDate, serviceDate),
        eq(tickets.status, 'done'),
        isNotNull(tickets.calledAt),
        isNotNull(tickets.finishedAt),
      ),
    )
    .groupBy(matters.complexity);
  const result = { general: null as number | null, complex: null as number | null };
  for (const r of rows) if (r.minutes !== null && Number(r.n) >= MIN_SAMPLES) result[r.complexity] = Number(r.minutes);
  if (historyCache.size > 1_000) historyCache.clear();
  historyCache.set(key, result);
  return result;
}

/** Only what ranking needs: the forecast reads every waiting ticket of the day. */
const candidateColumns = {
  id: tickets.id,
  matterId: tickets.matterId,
  priority: tickets.priority,
  slotStart: tickets.slotStart,
  slotEnd: tickets.slotEnd,
  issuedAt: tickets.issuedAt,
  waitStartAt: tickets.waitStartAt,
  waitTargetMinutes: tickets.waitTargetMinutes,
  number: tickets.number,
  targetCounterId: tickets.targetCounterId,
};

type CandidateRow = Pick<typeof tickets.$inferSelect, keyof typeof candidateColumns>;

export function toCandidate(t: CandidateRow): QueueCandidate {
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
