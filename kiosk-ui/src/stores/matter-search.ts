/** Matter search: by name (substring) or by pinyin initials (企业设立登记 → QYSLDJ). */
import type { MatterView } from '../../../server/protocol/views';

// With pinyin collation, the first character of each initial letter marks where that letter starts.
const BOUNDARIES = '阿八嚓哒妸发旮哈讥咔垃妈拏噢妑七呥仨他穵夕丫帀';
const LETTERS = 'ABCDEFGHJKLMNOPQRSTWXYZ';
let collator: Intl.Collator | null | undefined;

function pinyinCollator(): Intl.Collator | null {
  if (collator !== undefined) return collator;
  try {
    const c = new Intl.Collator('zh-Hans-CN-u-co-pinyin', { sensitivity: 'base' });
    // Without pinyin data (small-ICU builds) the order is by code point and this check fails.
    collator = c.compare('八', '阿') > 0 && c.compare('妈', '哒') > 0 ? c : null;
  } catch {
    collator = null;
  }
  return collator;
}

function initialOf(ch: string, c: Intl.Collator): string {
  if (/[A-Za-z0-9]/.test(ch)) return ch.toUpperCase();
  if (!/[\u4e00-\u9fff]/.test(ch)) return '';
  let letter = '';
  for (let i = 0; i < BOUNDARIES.length; i++) {
    if (c.compare(ch, BOUNDARIES[i]!) >= 0) letter = LETTERS[i]!;
    else break;
  }
  return letter;
}

const cache = new Map<string, string>();

/** Pinyin initials of a name, or '' where the platform has no pinyin collation. */
export function pinyinInitials(name: string): string {
  const c = pinyinCollator();
  if (!c) return '';
  let v = cache.get(name);
  if (v === undefined) {
    v = [...name].map((ch) => initialOf(ch, c)).join('');
    cache.set(name, v);
  }
  return v;
}

export function filterMatters(matters: readonly MatterView[], query: string): MatterView[] {
  const q = query.trim();
  if (!q) return [...matters];
  const upper = q.toUpperCase();
  const latin = /^[A-Z]+$/.test(upper);
  return matters.filter((m) => m.name.includes(q) || (latin && pinyinInitials(m.name).includes(upper)));
}
