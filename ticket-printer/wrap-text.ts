import type { Align } from './types';
import { charColumns, printableChars } from './printable-text';

const WORD_CHAR = /^[A-Za-z0-9'’_-]$/;
// Chinese line-breaking rule (避头点): these never start a line; the character before moves down with them.
const NO_LINE_START = /^[，。、；：！？）】》」』”’,.;:!?)\]}%]$/;

/**
 * Splits text into lines of at most maxColumns display columns. Breaks only between whole
 * characters (never inside a double-byte or combined character); a run of ASCII letters is kept
 * together when a space earlier on the line allows it, and closing punctuation never starts a line.
 */
export function wrapText(text: string, maxColumns: number): string[] {
  if (maxColumns < 2) throw new RangeError('wrapText needs at least 2 columns');
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  for (const ch of printableChars(text)) {
    const w = charColumns(ch);
    if (width + w > maxColumns) {
      let carry: string[] = [];
      if (WORD_CHAR.test(ch)) {
        const space = line.lastIndexOf(' ');
        if (space > 0 && line.slice(space + 1).every((c) => WORD_CHAR.test(c))) {
          carry = line.slice(space + 1);
          line = line.slice(0, space);
        }
      } else if (NO_LINE_START.test(ch) && line.length > 1 && maxColumns >= 4) {
        carry = line.slice(-1);
        line = line.slice(0, -1);
      }
      lines.push(line.join('').trimEnd());
      line = carry;
      width = carry.reduce((sum, c) => sum + charColumns(c), 0);
      if (ch === ' ' && line.length === 0) continue;
    }
    line.push(ch);
    width += w;
  }
  const last = line.join('').trimEnd();
  if (last.length > 0 || lines.length === 0) lines.push(last);
  return lines;
}

/** Spaces to put before a line of `width` columns so it sits like the printer's ESC a alignment. */
export function leftPadding(width: number, columns: number, align: Align): number {
  const free = Math.max(0, columns - width);
  if (align === 'center') return Math.floor(free / 2);
  if (align === 'right') return free;
  return 0;
}
