/**
 * Rows and columns for the counter band, and the band's height (in `--u`, 1 px of 1920×1080), so
 * any hall from 1 to 40 counters (and more) fits without scrolling. Inside a tile the type is sized
 * from the tile itself (container query units), so a ticket number never outgrows its tile.
 */
export interface CounterGrid {
  cols: number;
  rows: number;
  /** Height of the whole band, padding included. */
  bandHeight: number;
}

const BAND_HEIGHT = [0, 200, 310, 390, 450, 500];

export function counterGrid(n: number): CounterGrid {
  const rows = n <= 7 ? 1 : n <= 16 ? 2 : n <= 27 ? 3 : n <= 40 ? 4 : 5;
  const cols = rows === 1 ? Math.max(n, 4) : Math.ceil(n / rows);
  return { cols, rows, bandHeight: BAND_HEIGHT[rows]! };
}
