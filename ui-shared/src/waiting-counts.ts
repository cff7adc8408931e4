/**
 * How many tickets wait, per zone or per matter, on the screens: the public screens' waitingByZone
 * after each fact (apply-fact.ts; the server counts the snapshot's the same way, in
 * server/app/snapshot.ts) and the kiosk's count beside each matter. Every key in `seed` is present
 * (0 when nobody waits); other keys only when someone does.
 */
export function countWaiting(
  tickets: readonly { status: string; zoneId: string; matterId: string }[],
  by: 'zoneId' | 'matterId',
  seed: readonly string[] = [],
): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(seed.map((k) => [k, 0]));
  for (const t of tickets) if (t.status === 'waiting') out[t[by]] = (out[t[by]] ?? 0) + 1;
  return out;
}
