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

/** A matter's public guide (办事指南) page: what to bring, limits, fee, result (docs/cases.md "The guide"). */
export function guidePageUrl(publicBaseUrl: string, matterId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/g/${encodeURIComponent(matterId)}`;
}

/** The fallback base of a server without PUBLIC_BASE_URL (http://localhost:<port>) is no address for a phone: null. */
export function reachableBase(base: string | null | undefined): string | null {
  if (!base) return null;
  return /^https?:\/\/(localhost|127\.[\d.]+|\[::1\])(:\d+)?\/?$/i.test(base) ? null : base;
}
