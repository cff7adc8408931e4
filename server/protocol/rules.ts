/**
 * Rules both the server and the screens apply, each in this one home (docs/domain.md explains them).
 * UIs import them from here; server/domain and server/app import them too, never a copy.
 */

/**
 * At risk from 80 % of a target or limit: a wait or handling target (tickets), a case's promised
 * working days, a bad review's stage window (docs/domain.md, "At risk at 80 %").
 */
export const AT_RISK_SHARE = 4 / 5;

/** Exact for whole numbers (elapsed × 5 ≥ limit × 4), so 4 of 5 days is at risk and never a rounding miss. */
export function reachedAtRisk(elapsed: number, limit: number): boolean {
  return elapsed * 5 >= limit * 4;
}

/** The phone page a ticket's QR code opens: `<public base>/p/<token>` (docs/domain.md, "The ticket's QR code"). */
export function progressUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/p/${encodeURIComponent(token)}`;
}
