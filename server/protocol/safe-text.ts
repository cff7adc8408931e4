/**
 * Text every boundary refuses before a schema or the database sees it: a NUL byte (PostgreSQL
 * text cannot hold one) and a lone UTF-16 surrogate half (not a character; jsonb refuses it).
 * Shared by HTTP, socket.io and the UIs; pure, no I/O.
 */

/** Why a string is unsafe, or null when it is fine. */
export function unsafeTextReason(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return 'contains a NUL character';
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return 'contains an unpaired surrogate (not a character)';
    }
    if (c >= 0xdc00 && c <= 0xdfff) return 'contains an unpaired surrogate (not a character)';
  }
  return null;
}

/**
 * The first unsafe string (keys included) in a JSON-like value: `{ path, reason }`, or null.
 * Depth is bounded, so a deeply nested body cannot exhaust the stack.
 */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): { path: string; reason: string } | null {
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? { path: path.join('.') || '_', reason } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > 32) return { path: path.join('.') || '_', reason: 'is nested too deeply' };
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, v] of entries) {
    const keyReason = unsafeTextReason(key);
    if (keyReason) return { path: [...path, '(key)'].join('.'), reason: keyReason };
    const found = findUnsafeText(v, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
export function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}
