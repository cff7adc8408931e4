/** The checker for call-next races, and a deliberately naive claim to prove the checker bites. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tickets } from '../../db/schema';

export interface Claim {
  counterId: string;
  ticketId: string;
}

export interface ClaimReport {
  doubleClaimed: string[];
  lost: string[];
  claimed: number;
}

export function checkClaims(claims: readonly Claim[], allTicketIds: readonly string[]): ClaimReport {
  const byTicket = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const c of claims) {
    counts.set(c.ticketId, (counts.get(c.ticketId) ?? 0) + 1);
    let s = byTicket.get(c.ticketId);
    if (!s) byTicket.set(c.ticketId, (s = new Set()));
    s.add(c.counterId);
  }
  return {
    doubleClaimed: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
    lost: allTicketIds.filter((id) => !counts.has(id)),
    claimed: claims.length,
  };
}

/** WRONG on purpose: read the oldest waiting ticket, then write it, with no lock and no re-check. */
export async function naiveClaim(db: Db, hallId: string, counterId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.status, 'waiting')))
    .orderBy(asc(tickets.waitStartAt))
    .limit(1);
  if (!row) return null;
  await db.update(tickets).set({ status: 'called', counterId }).where(eq(tickets.id, row.id));
  return row.id;
}
