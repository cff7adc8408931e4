// Masking of personal data for display (docs/domain.md §10) and mainland mobile-number validation.
// Rule of thumb: the output never equals a non-empty input, and short or odd values are masked
// entirely rather than partly shown. Pure functions: no I/O.

const MASK = '*';

/** Splits into user-perceived characters, so a surrogate pair or combining mark is never cut in half. */
const graphemeSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
function graphemes(s: string): string[] {
  return Array.from(graphemeSegmenter.segment(s), (seg) => seg.segment);
}

/** Keeps `head` leading and `tail` trailing characters and replaces the rest with one mask each. */
function keepEnds(chars: readonly string[], head: number, tail: number): string {
  const hidden = chars.length - head - tail;
  if (hidden <= 0) return MASK.repeat(chars.length);
  return chars.slice(0, head).join('') + MASK.repeat(hidden) + chars.slice(chars.length - tail).join('');
}

/**
 * '11010519491231002X' → '110105********002X' (area code and last four kept, birth date hidden).
 * Any other length is treated as malformed: 10+ characters keep the first 3 and last 2, shorter
 * values are masked entirely. A trailing 'x' is shown upper-cased. Output length = input length.
 */
export function maskIdNumber(raw: string): string {
  const chars = graphemes(raw.trim());
  const n = chars.length;
  if (n === 0) return '';
  if (chars[n - 1] === 'x') chars[n - 1] = 'X';
  if (n === 18) return keepEnds(chars, 6, 4);
  if (n >= 10) return keepEnds(chars, 3, 2);
  return MASK.repeat(n);
}

/** Full-width digits and plus sign (typed through a Chinese IME) become ASCII. */
function toHalfWidthDigits(raw: string): string {
  return raw.replace(/[\uFF0B\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const PHONE_SEPARATORS = /[\s\-().]/g;

/**
 * '13812341234' → '138****1234'. Separators (spaces, dashes, dots, brackets) and a +86 / 0086
 * prefix on a mobile number are dropped first. Digit strings of 11+ keep the first 3 and last 4,
 * 7–10 digits keep the first 2 and last 2, anything shorter or not made of digits is fully masked.
 */
export function maskPhone(raw: string): string {
  const compact = toHalfWidthDigits(raw).replace(PHONE_SEPARATORS, '');
  if (compact === '') return '';
  const mobile = validatePhone(compact);
  if (mobile.ok) return keepEnds(Array.from(mobile.value), 3, 4);
  if (!/^\+?\d+$/.test(compact)) return MASK.repeat(graphemes(compact).length);
  const digits = Array.from(compact.replace('+', ''));
  if (digits.length >= 11) return keepEnds(digits, 3, 4);
  if (digits.length >= 7) return keepEnds(digits, 2, 2);
  return MASK.repeat(digits.length);
}

/**
 * Names: one character → '*'; two → first kept ('张三' → '张*'); three or more → first and last
 * kept ('欧阳娜娜' → '欧**娜', '阿依古丽·买买提' → '阿******提'). Counted in user-perceived characters.
 */
export function maskName(raw: string): string {
  const chars = graphemes(raw.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return MASK;
  if (chars.length === 2) return chars[0] + MASK;
  return keepEnds(chars, 1, 1);
}

export type PhoneResult = { ok: true; value: string } | { ok: false; reason: 'format' };

export const phoneMessages: Readonly<Record<'format', { 'zh-CN': string; en: string }>> = {
  format: {
    'zh-CN': '手机号码格式不正确：应为11位数字，以13至19开头。',
    en: 'The mobile number is not in the right format: it must be 11 digits starting with 13 to 19.',
  },
};

/**
 * Mainland mobile number: 11 digits matching 1[3-9]xxxxxxxxx. Spaces or dashes anywhere
 * ('138 1234 1234', '138-1234-1234'), full-width digits and a '+86', '0086' or '86' country prefix
 * are accepted; the value returned is the bare 11 ASCII digits.
 */
export function validatePhone(raw: string): PhoneResult {
  const compact = toHalfWidthDigits(raw).replace(/[\s-]/g, '');
  const m = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(compact);
  return m ? { ok: true, value: m[1]! } : { ok: false, reason: 'format' };
}
