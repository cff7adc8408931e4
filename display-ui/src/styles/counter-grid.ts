/** Columns and type scale so any number of counters fits the band without scrolling. */
export function counterGrid(n: number): { cols: number; rows: number; scale: number } {
  if (n <= 7) return { cols: Math.max(n, 4), rows: 1, scale: 1.25 };
  if (n <= 16) return { cols: Math.ceil(n / 2), rows: 2, scale: 1 };
  if (n <= 27) return { cols: Math.ceil(n / 3), rows: 3, scale: 0.62 };
  const cols = Math.ceil(n / 4);
  return { cols, rows: 4, scale: Math.min(0.45, (0.45 * 10) / cols) };
}
