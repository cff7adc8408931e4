/**
 * The calendar refuses dates in a year without official holiday data (DOMAIN §6). Warn the admin
 * well before such a year begins: from WARN_DAYS before 1 January, and for the current year at once.
 */
export const WARN_DAYS = 90;

export function yearWithoutDataWarning(todayIso: string, yearsWithData: readonly number[], warnDays = WARN_DAYS): { year: number; days: number } | null {
  const year = Number(todayIso.slice(0, 4));
  if (!yearsWithData.includes(year)) return { year, days: 0 };
  const next = year + 1;
  if (yearsWithData.includes(next)) return null;
  const days = Math.round((Date.UTC(next, 0, 1) - Date.parse(`${todayIso}T00:00:00Z`)) / 86_400_000);
  return days <= warnDays ? { year: next, days } : null;
}
