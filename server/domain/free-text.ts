/**
 * Personal data in free text (issue #11 §8; rule written up in docs/security.md, "Personal data in free text"). Reasons typed at
 * a counter (transfer, cancel, pause, tidal change) end up in tickets, in the append-only event
 * log and in command results, where they can never be erased; notices are shown on the wall
 * display. So free text is screened before it is stored or shown:
 *  - codes: 统一社会信用代码 (18 characters, GB 32100);
 *  - numbers: digit clusters (ASCII, full-width and 〇一二…九 digits, with spaces, dashes, dots,
 *    brackets or slashes between digits) that form a mobile number (+86 allowed), a landline with
 *    area code, an 18- or 15-character identity number, or any 12+ digits (bank cards, IDs);
 *  - names: a surname before a title (张先生, 欧阳女士, 李老师), after a label (办事人：王小明,
 *    联系人李四), and a common surname plus one or two characters standing alone between
 *    punctuation (…，张伟，…).
 * `screenFreeText` reports what it found and the text with each finding replaced by '＊' per
 * character (names keep their title: '某先生'). Pure; no I/O.
 */

export type FindingKind = 'phone' | 'id_number' | 'long_number' | 'name';

export interface Finding {
  kind: FindingKind;
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
}

export interface Screened {
  findings: Finding[];
  /** The text with every finding blanked out. */
  redacted: string;
}

const CHINESE_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * One UTF-16 unit for one (offsets stay valid): full-width ASCII → ASCII, the ideographic space →
 * space, and with `digits` the Chinese digits 〇一二…九 → 0–9 (for numbers only: 张三 is a name).
 */
export function normalizeForScreening(text: string, digits = true): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (ch === '\u3000') out += ' ';
    else out += (digits && CHINESE_DIGITS[ch]) || ch;
  }
  return out;
}

const SEP = String.raw`[\s\-–—‐‑_.·・/\\()（）\[\]【】]`;
/** A digit cluster: digits with at most two separators between any two of them, an optional + before and X after. */
const CLUSTER = new RegExp(String.raw`\+?\d(?:${SEP}{0,2}\d)*(?:${SEP}{0,2}[Xx])?`, 'g');

function classifyDigits(raw: string): FindingKind | null {
  const digits = raw.replace(/[^0-9Xx+]/g, '').toUpperCase();
  const plain = digits.replace(/^\+/, '');
  const national = plain.replace(/^(0086|86)(?=1[3-9]\d{9}$)/, '');
  if (/^1[3-9]\d{9}$/.test(national)) return 'phone';
  if (/^\d{17}[\dX]$/.test(plain) || /^\d{15}$/.test(plain)) return 'id_number';
  if (/^0\d{2,3}\d{7,8}$/.test(plain) && /\D/.test(raw.replace(/^\+/, ''))) return 'phone'; // 021-64871234, (010) 1234 5678
  if (plain.replace(/X$/, '').length >= 12) return 'long_number';
  if (/^\d{7,8}$/.test(plain) && /^[2-9]/.test(plain) && /\D/.test(raw)) return null; // a date like 2026-11-25 is not a number of a person
  return null;
}

/** The most common surnames (covering the large majority of people), and compound ones. */
export const COMMON_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '慕容', '司徒', '尉迟', '公孙', '长孙', '宇文', '夏侯'];
const TITLES = ['先生', '女士', '小姐', '同志', '老师', '师傅', '阿姨', '大爷', '大妈', '奶奶', '爷爷', '老人', '经理', '主任', '律师', '医生'];
const LABELS = ['姓名', '名字', '办事人', '申请人', '联系人', '当事人', '代理人', '经办人', '法定代表人', '法人', '家属', '老人', '市民', '群众', '访客'];

const HAN = String.raw`[\u3400-\u9fff]`;
/** Surnames that are also everyday words (于 'at', 方 'side', 高 'high' …): only trusted before a title. */
const WORDLIKE_SURNAMES = '于向万方高白金石江龙任余何付段严武孔汤史黎钱夏谢周马陆许程';
const alt = (xs: readonly string[]) => xs.join('|');
const SURNAME = `(?:${alt(COMPOUND_SURNAMES)}|[${COMMON_SURNAMES}])`;
const PLAIN_SURNAME = `(?:${alt(COMPOUND_SURNAMES)}|[${[...COMMON_SURNAMES].filter((c) => !WORDLIKE_SURNAMES.includes(c)).join('')}])`;
/** Where a name ends: a title, a particle or verb that follows names, or anything not Han. */
const NAME_END = `(?=${alt(TITLES)}|的|已|来|到|去|说|在|和|与|办|[^\u3400-\u9fff]|$)`;
const NOT_HAN_BEFORE = '(?<![\u3400-\u9fff])';

const NAME_PATTERNS: readonly RegExp[] = [
  // 张先生, 欧阳女士, 王小明先生: a surname (and up to two given-name characters) before a title.
  new RegExp(`(${SURNAME}${HAN}{0,2}?)(?=${alt(TITLES)})`, 'gu'),
  // 姓名：王小明, 联系人为李四, 办事人是赵六.
  new RegExp(`(?:${alt(LABELS)})(?:[:：\\s]{1,2}(?:为|是|叫)?|为|是|叫)(${HAN}{2,4}?)${NAME_END}`, 'gu'),
  // 办事人王小明已离开, 联系人李四.
  new RegExp(`(?:${alt(LABELS)})(${PLAIN_SURNAME}${HAN}{1,2}?)${NAME_END}`, 'gu'),
  // 请张伟到5号窗口, 通知李四.
  new RegExp(`(?:请|叫|让|找|通知|联系|告诉|转告|陪同)(${PLAIN_SURNAME}${HAN}{1,2}?)${NAME_END}`, 'gu'),
  // …，张伟，…: two or three characters alone between punctuation, starting with a common surname.
  new RegExp(`${NOT_HAN_BEFORE}(${PLAIN_SURNAME}${HAN}{1,2})(?![\u3400-\u9fff])`, 'gu'),
];

function nameFindings(text: string): Finding[] {
  const out: Finding[] = [];
  for (const re of NAME_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const name = m[1]!;
      if (TITLES.some((t) => name.endsWith(t) || name.slice(-1) === t[0])) continue; // '欧阳女士' alone: the title is not a given name
      const start = m.index! + m[0].length - name.length; // the name is always the end of the match (lookaheads are not part of it)
      out.push({ kind: 'name', start, end: start + name.length });
    }
  }
  return out;
}

export function screenFreeText(text: string): Screened {
  const norm = normalizeForScreening(text);
  const findings: Finding[] = [];
  for (const m of norm.matchAll(CLUSTER)) {
    const kind = classifyDigits(m[0]);
    if (kind) findings.push({ kind, start: m.index!, end: m.index! + m[0].length });
  }
  // 统一社会信用代码 (GB 32100): a sole trader's code names a person as surely as an identity number.
  for (const m of norm.toUpperCase().matchAll(/(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/g)) {
    findings.push({ kind: 'id_number', start: m.index, end: m.index + m[0].length });
  }
  findings.push(...nameFindings(normalizeForScreening(text, false)));
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Finding[] = [];
  for (const f of findings) {
    const last = merged[merged.length - 1];
    if (last && f.start < last.end) last.end = Math.max(last.end, f.end);
    else merged.push({ ...f });
  }
  let redacted = '';
  let at = 0;
  for (const f of merged) {
    redacted += text.slice(at, f.start) + (f.kind === 'name' ? '某' : '＊'.repeat([...text.slice(f.start, f.end)].length));
    at = f.end;
  }
  redacted += text.slice(at);
  return { findings: merged, redacted };
}

export function containsPersonalData(text: string): boolean {
  return screenFreeText(text).findings.length > 0;
}

/** The text to store: personal data blanked out. */
export function redactPersonalData(text: string): string {
  return screenFreeText(text).redacted;
}
