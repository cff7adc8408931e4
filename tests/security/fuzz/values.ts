/**
 * Seeded payload generation for the fuzzer: a PRNG, a pool of hostile values, and plausible
 * values chosen from a field's name. Fields a route wants are learnt from its own 400 answers
 * (`learn`), so bodies get past validation and reach the use cases without anyone writing a
 * template per route.
 */
import { randomUUID } from 'node:crypto';

export type Rng = () => number;

/** mulberry32: small, fast and repeatable. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** Strings that broke, or could break, something: encodings, dates, numbers, markup, paths. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfff',
  '\ud83d\ude00',
  '𠀀𠀁',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '2026-02-29',
  '24:00',
  '09:60',
  '0x7e3',
  '2e3',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '../../etc/passwd',
  '..\\..\\package.json',
  '%00',
  '%E0%A4%A',
  '<script>alert(1)</script>',
  "'; DROP TABLE tickets; --",
  '${7*7}',
  '__proto__',
  'constructor',
  '１３８１２３４５６７８',
  '138-1234-5678',
  '110101-19900307-299X',
  '张先生',
  'x'.repeat(5_000),
  '中'.repeat(300),
  '\u202e\u200b\ufeff',
  'null',
  'true',
];

const HOSTILE_VALUES: readonly unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -0, 1e308, [], {}, [[[]]], { a: { b: { c: {} } } }, ['\u0000'], { __proto__: { admin: true } }];

/** The classes that reached the database as 500s before: text it cannot store, dates it cannot parse. */
const ENCODING_HAZARDS: readonly string[] = ['a\u0000b', '\u0000', '\ud800', 'x\udfff', '2026-02-30', '0x7e3'];

export function hostile(rng: Rng): unknown {
  const r = rng();
  return r < 0.35 ? pick(rng, ENCODING_HAZARDS) : r < 0.8 ? pick(rng, HOSTILE_STRINGS) : pick(rng, HOSTILE_VALUES);
}

/** Field names worth trying on any body (the union of what the protocol uses, and some it does not). */
export const FIELD_NAMES: readonly string[] = [
  'commandId', 'hallId', 'zoneId', 'matterId', 'counterId', 'ticketId', 'deviceId', 'toMatterId', 'toCounterId', 'matterIds',
  'preferredMatterIds', 'hallIds', 'idNumber', 'phone', 'code', 'reason', 'text', 'name', 'username', 'password', 'displayName',
  'role', 'date', 'slotStart', 'from', 'to', 'groupBy', 'format', 'language', 'greenChannel', 'source', 'kind', 'sessions',
  'settings', 'timeZone', 'materials', 'department', 'complexity', 'ticketPrefix', 'number', 'type', 'active', 'working', 'note',
  'bookable', 'slotMinutes', 'slotCapacity', 'host', 'port', 'profile', 'sortOrder', 'waitTargetMinutes', 'untilMinutes', 'noticeId',
];

export interface KnownIds {
  [name: string]: readonly string[];
}

/** A plausible value for a field, from its name; real ids come from `ids` (hallId → the demo hall…). */
export function plausible(rng: Rng, field: string, ids: KnownIds): unknown {
  const known = ids[field] ?? (field.endsWith('Ids') ? undefined : ids[field.replace(/^to([A-Z])/, (_m, c: string) => c.toLowerCase())]);
  if (field === 'commandId') return randomUUID();
  if (known && rng() < 0.8) return pick(rng, known);
  if (field.endsWith('Ids')) return Array.from({ length: Math.floor(rng() * 3) }, () => pick(rng, ids[field.replace(/s$/, '')] ?? [randomUUID()]));
  if (field.endsWith('Id')) return randomUUID();
  switch (field) {
    case 'idNumber':
      return pick(rng, ['11010519491231002X', '440524188001010014', '110105194912310021', '110105194902300012', '11010520000307123X', '1101']);
    case 'phone':
      return pick(rng, ['13800138000', '138 0013 8001', '+86 139 0000 0000', '12345', '１３８００１３８０００']);
    case 'date':
    case 'from':
    case 'to':
      return pick(rng, ['2026-11-24', '2026-11-23', '2026-12-01', '2027-01-01', '2026-02-30', '2026-11-30']);
    case 'slotStart':
      return pick(rng, ['09:00', '09:30', '13:30', '16:30', '23:59']);
    case 'sessions':
      return pick(rng, [[{ start: '09:00', end: '17:00' }], [{ start: '17:00', end: '09:00' }], []]);
    case 'settings':
      return pick(rng, [{ elderlyAge: 65 }, { appointmentSlotCapacity: 0 }, { starvationGuard: 3 }, {}]);
    case 'materials':
      return pick(rng, [['身份证'], [], ['营业执照', '申请表']]);
    case 'greenChannel':
      return pick(rng, ['disabled', 'military', 'pregnant', 'elderly', 'vip']);
    case 'groupBy':
      return pick(rng, ['day', 'hour', 'matter', 'staff', 'zone', 'counter', 'hall']);
    case 'format':
      return pick(rng, ['json', 'csv']);
    case 'language':
      return pick(rng, ['zh-CN', 'en']);
    case 'role':
      return pick(rng, ['admin', 'manager', 'staff', 'root']);
    case 'kind':
      return pick(rng, ['kiosk', 'display', 'counter_display']);
    case 'complexity':
      return pick(rng, ['general', 'complex']);
    case 'type':
      return pick(rng, ['comprehensive', 'professional', 'pickup']);
    case 'ticketPrefix':
      return pick(rng, ['A', 'ZZ', 'a', 'ABC']);
    case 'timeZone':
      return pick(rng, ['Asia/Shanghai', 'Asia/Urumqi', 'Mars/Olympus']);
    case 'username':
      return pick(rng, ['admin', 'staff1', 'ghost', `u${Math.floor(rng() * 1e6)}`]);
    case 'password':
      return pick(rng, ['yichuang2026-wrong', 'longenough1', 'x']);
    case 'active':
    case 'working':
    case 'bookable':
      return rng() < 0.5;
    case 'number':
    case 'port':
    case 'sortOrder':
    case 'slotMinutes':
    case 'slotCapacity':
    case 'waitTargetMinutes':
    case 'untilMinutes':
      return pick(rng, [1, 5, 30, 999, 0, 9100]);
    case 'reason':
    case 'text':
    case 'note':
      return pick(rng, ['办事人离开', '材料属于变更登记', '系统维护，请稍候', '请联系张先生 13812345678', '１３８１２３４５６７８']);
    default:
      return pick(rng, ['测试', 'Test', 'XH-ZX', 'Z1', 'code-1']);
  }
}

/** What a route or event has told us it wants. */
export interface Learnt {
  wanted: Set<string>;
  refused: Set<string>;
}

export function learn(into: Learnt, error: { code?: string; message?: string; fields?: Record<string, string> } | undefined): void {
  if (!error || error.code !== 'validation_failed') return;
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const top = path.split('.')[0]!.replace(/^(body|query)$/, '');
    if (path === '_' || /nrecognized/.test(message)) for (const m of message.matchAll(/"([^"]+)"/g)) into.refused.add(m[1]!);
    else if (top && !top.startsWith('(')) into.wanted.add(path.replace(/^(body|query)\./, '').split('.')[0]!);
  }
}

/** A body: the learnt fields with plausible values, some extra field names, and a hostile value or two. */
export function body(rng: Rng, learnt: Learnt, ids: KnownIds): unknown {
  const roll = rng();
  if (roll < 0.04) return hostile(rng);
  if (roll < 0.07) return pick(rng, [[], [1, 2], 'string', 42, null]);
  const out: Record<string, unknown> = {};
  for (const f of learnt.wanted) if (rng() < 0.92) out[f] = plausible(rng, f, ids);
  const extra = learnt.wanted.size === 0 ? 1 + Math.floor(rng() * 4) : rng() < 0.25 ? 1 : 0;
  for (let i = 0; i < extra; i++) {
    const f = pick(rng, FIELD_NAMES);
    if (!learnt.refused.has(f)) out[f] = plausible(rng, f, ids);
  }
  const keys = Object.keys(out);
  if (keys.length && rng() < 0.6) out[pick(rng, keys)] = hostile(rng);
  if (rng() < 0.03) out[pick(rng, HOSTILE_STRINGS)] = 1;
  return out;
}
