import iconv from 'iconv-lite';

/**
 * What a GB18030 ESC/POS printer can really print, and how wide it is.
 *
 * Chinese-market printers carry a 12x24 ASCII font and a 24x24 double-byte font. In Chinese mode
 * every character sent as two GB18030 bytes is drawn from the 24x24 font, so it takes two columns
 * — CJK, full-width forms, but also 'é' (A8 A6) and '·' (A1 A4). Four-byte GB18030 sequences
 * (CJK extension A/B, emoji, combining marks) are not in the fonts of common thermal printers and
 * are replaced by PLACEHOLDER, one placeholder per user-perceived character, so the rest of the
 * line keeps its meaning and width.
 */
export const PLACEHOLDER = '□'; // GB2312 A1 F5, two columns

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const printableCache = new Map<string, boolean>();

// C0/C1 controls and DEL could inject printer commands; format characters (ZWJ, BOM, bidi marks)
// and variation selectors have no glyph.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\p{Cf}\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;
const WHITESPACE = /[\t\n\r\v\f\u00a0\u2028\u2029\u3000]/g;

function isPrintableChar(ch: string): boolean {
  const cached = printableCache.get(ch);
  if (cached !== undefined) return cached;
  const cp = ch.codePointAt(0) ?? 0;
  let ok: boolean;
  if (ch.length !== String.fromCodePoint(cp).length) ok = false; // more than one code point
  else if (cp >= 0x20 && cp <= 0x7e) ok = true;
  else if (cp >= 0xd800 && cp <= 0xdfff) ok = false; // lone surrogate
  else ok = iconv.encode(ch, 'gb18030').length === 2;
  printableCache.set(ch, ok);
  return ok;
}

/** Makes text printable: NFC, whitespace folded to ' ', controls dropped, unprintable characters replaced. */
export function toPrintableText(text: string): string {
  const cleaned = text.normalize('NFC').replace(WHITESPACE, ' ').replace(INVISIBLE, '');
  let out = '';
  for (const { segment } of segmenter.segment(cleaned)) out += isPrintableChar(segment) ? segment : PLACEHOLDER;
  return out;
}

/** Printable characters of text, each one a whole user-perceived character. */
export function printableChars(text: string): string[] {
  return Array.from(segmenter.segment(toPrintableText(text)), (s) => s.segment);
}

/** Columns of one printable character: 1 for ASCII, 2 for a double-byte (CJK / full-width) one. */
export function charColumns(ch: string): 1 | 2 {
  return ch.length === 1 && ch.charCodeAt(0) < 0x80 ? 1 : 2;
}

/** Columns text takes on the printer at normal size (CJK and full-width 2, ASCII 1). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of printableChars(text)) width += charColumns(ch);
  return width;
}

/** Encodes printable text as GB18030 bytes (ASCII stays single-byte). */
export function encodeGb18030(text: string): Buffer {
  return iconv.encode(toPrintableText(text), 'gb18030');
}
