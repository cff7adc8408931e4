// Identity numbers: 居民身份证号码 (GB 11643-1999) and 统一社会信用代码 (GB 32100-2015).
// Pure: no I/O and no clock — "today" is passed in. See docs/domain.md §9.

export type IdNumberFailure = 'format' | 'length_15' | 'date' | 'future' | 'too_old' | 'checksum';
export type Sex = 'male' | 'female';

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; sex: Sex }
  | { ok: false; reason: IdNumberFailure };

export type CreditCodeFailure = 'format' | 'checksum';
export type CreditCodeResult = { ok: true; value: string } | { ok: false; reason: CreditCodeFailure };

export interface LocalizedMessage {
  'zh-CN': string;
  en: string;
}

export const idNumberMessages: Readonly<Record<IdNumberFailure, LocalizedMessage>> = {
  format: {
    'zh-CN': '身份证号码格式不正确：应为18位，前17位为数字，最后一位为数字或字母X。',
    en: 'The ID number is not in the right format: it must be 18 characters, 17 digits followed by a digit or the letter X.',
  },
  length_15: {
    'zh-CN': '不支持15位旧版身份证号码，请使用18位身份证号码。',
    en: 'Old 15-digit ID numbers are not accepted. Please use the 18-digit ID number.',
  },
  date: {
    'zh-CN': '身份证号码中的出生日期无效，请核对第7至14位。',
    en: 'The date of birth in the ID number is not a real date. Please check digits 7 to 14.',
  },
  future: {
    'zh-CN': '身份证号码中的出生日期晚于今天，请核对第7至14位。',
    en: 'The date of birth in the ID number is after today. Please check digits 7 to 14.',
  },
  too_old: {
    'zh-CN': '身份证号码中的出生日期对应年龄超过120岁，请核对第7至14位。',
    en: 'The date of birth in the ID number gives an age over 120. Please check digits 7 to 14.',
  },
  checksum: {
    'zh-CN': '身份证号码校验位不符，可能有输入错误，请逐位核对。',
    en: 'The ID number’s check character does not match, so a character is probably mistyped. Please check each character.',
  },
};

export const creditCodeMessages: Readonly<Record<CreditCodeFailure, LocalizedMessage>> = {
  format: {
    'zh-CN': '统一社会信用代码格式不正确：应为18位数字或大写字母（不含I、O、Z、S、V）。',
    en: 'The unified social credit code is not in the right format: it must be 18 digits or capital letters (never I, O, Z, S or V).',
  },
  checksum: {
    'zh-CN': '统一社会信用代码校验位不符，可能有输入错误，请逐位核对。',
    en: 'The unified social credit code’s check character does not match, so a character is probably mistyped. Please check each character.',
  },
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';
/** Birth years before this are treated as impossible dates (nobody alive; guards against typos like 0949). */
export const MIN_BIRTH_YEAR = 1800;
/** An age above this (周岁) is a mistyped birth year (e.g. 1880 for 1980), not a visitor: refused, never given elderly priority. */
export const MAX_AGE = 120;

/** Full-width digits and letters (typed through a Chinese IME) become ASCII; everything else is kept. */
function toHalfWidth(raw: string): string {
  return raw.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** GB 11643-1999 check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idNumberCheckChar expects exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseYmd(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (ymd.m < 1 || ymd.m > 12 || ymd.d < 1 || ymd.d > daysInMonth(ymd.y, ymd.m)) return null;
  return ymd;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The calendar date a caller means by "today". A 'YYYY-MM-DD' string is taken as the hall-local
 * date (preferred). A Date is read in China Standard Time (UTC+8, no DST), the default hall zone,
 * so that a baby born today in Shanghai is not "in the future" before 08:00.
 */
function todayYmd(today: Date | string): Ymd {
  if (typeof today === 'string') {
    const parsed = parseYmd(today);
    if (!parsed) throw new RangeError(`today must be a real 'YYYY-MM-DD' date, got '${today}'`);
    return parsed;
  }
  const t = today.getTime();
  if (Number.isNaN(t)) throw new RangeError('today is an invalid Date');
  const china = new Date(t + CHINA_OFFSET_MS);
  return { y: china.getUTCFullYear(), m: china.getUTCMonth() + 1, d: china.getUTCDate() };
}

function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/**
 * Validates a 居民身份证号码. Order of checks: format → 15-digit → real birth date → not in the
 * future → check character, so the reason points at the part that is wrong.
 */
export function validateIdNumber(raw: string, today: Date | string): IdNumberResult {
  let value = toHalfWidth(raw.trim());
  if (value.endsWith('x')) value = `${value.slice(0, -1)}X`;
  if (/^\d{15}$/.test(value)) return { ok: false, reason: 'length_15' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'format' };

  const birth = { y: Number(value.slice(6, 10)), m: Number(value.slice(10, 12)), d: Number(value.slice(12, 14)) };
  if (
    birth.y < MIN_BIRTH_YEAR ||
    birth.m < 1 ||
    birth.m > 12 ||
    birth.d < 1 ||
    birth.d > daysInMonth(birth.y, birth.m)
  ) {
    return { ok: false, reason: 'date' };
  }
  if (compareYmd(birth, todayYmd(today)) > 0) return { ok: false, reason: 'future' };
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'checksum' };

  return {
    ok: true,
    value,
    birthDate: `${pad(birth.y, 4)}-${pad(birth.m, 2)}-${pad(birth.d, 2)}`,
    sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * An identity number a visitor presents (kiosk, booking, staff issuing a ticket): valid, and of a
 * living person — an age above MAX_AGE is a mistyped birth year, refused as 'too_old' before the
 * check character is looked at (GB 11643 itself has no age limit: validateIdNumber accepts it).
 */
export function validateVisitorId(raw: string, today: Date | string): IdNumberResult {
  const id = validateIdNumber(raw, today);
  const reason = id.ok ? null : id.reason;
  if (reason === 'format' || reason === 'length_15' || reason === 'date' || reason === 'future') return id;
  // The birth date is real and not in the future here (checksum may still fail): judge the age first.
  const value = toHalfWidth(raw.trim());
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const day = todayYmd(today);
  if (ageOn(birthDate, `${pad(day.y, 4)}-${pad(day.m, 2)}-${pad(day.d, 2)}`) > MAX_AGE) return { ok: false, reason: 'too_old' };
  return id;
}

/**
 * Age in full years (周岁) on a hall-local date. The age goes up on the birthday itself; someone
 * born on 29 February gets a year older on 1 March in common years.
 */
export function ageOn(birthDate: string, on: string): number {
  const birth = parseYmd(birthDate);
  const day = parseYmd(on);
  if (!birth) throw new RangeError(`birthDate must be a real 'YYYY-MM-DD' date, got '${birthDate}'`);
  if (!day) throw new RangeError(`on must be a real 'YYYY-MM-DD' date, got '${on}'`);
  if (compareYmd(day, birth) < 0) throw new RangeError(`on (${on}) is before birthDate (${birthDate})`);
  const hadBirthday = day.m > birth.m || (day.m === birth.m && day.d >= birth.d);
  return day.y - birth.y - (hadBirthday ? 0 : 1);
}

/** GB 32100-2015 character set: digits and capitals without I, O, Z, S, V; index = value 0–30. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 32100-2015 check character for the first 17 characters (which must be in the charset). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCodeCheckChar expects exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (v < 0) throw new RangeError(`'${first17[i]}' is not in the credit-code character set`);
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Validates a 统一社会信用代码: trimmed, upper-cased, 18 characters over the GB 32100 charset and a
 * matching check character. The embedded organisation code's own GB 11714 check is not enforced
 * (not required by docs/domain.md; older registrations may not satisfy it).
 */
export function validateCreditCode(raw: string): CreditCodeResult {
  const value = toHalfWidth(raw.trim()).toUpperCase();
  if (value.length !== 18) return { ok: false, reason: 'format' };
  for (const c of value) if (!CREDIT_CODE_CHARSET.includes(c)) return { ok: false, reason: 'format' };
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'checksum' };
  return { ok: true, value };
}
