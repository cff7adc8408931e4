/**
 * How many tickets wait, per zone or per matter: the public snapshot's waitingByZone (server and
 * every public screen after each fact) and the kiosk's count beside each matter. Every key in
 * `seed` is present (0 when nobody waits); other keys only when someone does.
 */
import type { PublicTicketView } from './views';

export function countWaiting(
  tickets: readonly Pick<PublicTicketView, 'status' | 'zoneId' | 'matterId'>[],
  by: 'zoneId' | 'matterId',
  seed: readonly string[] = [],
): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(seed.map((k) => [k, 0]));
  for (const t of tickets) if (t.status === 'waiting') out[t[by]] = (out[t[by]] ?? 0) + 1;
  return out;
}
