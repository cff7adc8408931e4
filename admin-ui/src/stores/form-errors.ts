/**
 * The server's zod schemas, run in the browser before sending: issues become one message per field
 * (path joined with "."), in the user's language. Pure, tested in Node.
 */
import type { z } from 'zod';
import type { Lang } from '../../../ui-shared/src/i18n';

type Issue = z.core.$ZodIssue;

const KNOWN: Record<string, Record<Lang, string>> = {
  'one or two capital letters': { 'zh-CN': '须为一到两个大写字母', en: 'one or two capital letters' },
  'HH:MM': { 'zh-CN': '时间格式为 HH:MM', en: 'time as HH:MM' },
  'start must be before end': { 'zh-CN': '开始时间须早于结束时间', en: 'start must be before end' },
  'sessions overlap': { 'zh-CN': '开放时段在同一天内重叠', en: 'sessions overlap on a day' },
  'digits, spaces and - ( ) + only': { 'zh-CN': '只能包含数字、空格和 - ( ) +', en: 'digits, spaces and - ( ) + only' },
  'unknown time zone': { 'zh-CN': '未知时区', en: 'unknown time zone' },
  '3–32 lower-case letters, digits, _ . -': { 'zh-CN': '3–32 位小写字母、数字或 _ . -', en: '3–32 lower-case letters, digits, _ . -' },
  'YYYY-MM-DD': { 'zh-CN': '日期格式为 YYYY-MM-DD', en: 'date as YYYY-MM-DD' },
  'not a real date': { 'zh-CN': '日期不存在', en: 'not a real date' },
};

export function issueText(issue: Issue, lang: Lang): string {
  const known = KNOWN[issue.message];
  if (known) return known[lang];
  const zh = lang === 'zh-CN';
  switch (issue.code) {
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? (zh ? '必填' : 'required') : zh ? `至少 ${n} 个字符` : `at least ${n} characters`;
      if (issue.origin === 'array') return zh ? `至少选择 ${n} 项` : `choose at least ${n}`;
      return zh ? `不能小于 ${n}` : `at least ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return zh ? `最多 ${n} 个字符` : `at most ${n} characters`;
      if (issue.origin === 'array') return zh ? `最多 ${n} 项` : `at most ${n} items`;
      return zh ? `不能大于 ${n}` : `at most ${n}`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return zh ? '必填' : 'required';
      return issue.expected === 'number' || issue.expected === 'int' ? (zh ? '请输入整数' : 'enter a whole number') : zh ? '格式不正确' : 'invalid value';
    case 'invalid_value':
      return zh ? '请选择有效选项' : 'choose a valid option';
    case 'invalid_format':
      return zh ? '格式不正确' : 'invalid format';
    case 'custom':
      return issue.message; // our own checks (a ticket prefix already taken …) speak the user's language already
    case 'unrecognized_keys':
      return zh ? '包含未知字段' : 'unknown field';
    default:
      return zh ? '输入有误' : 'invalid';
  }
}

/** Field → first message; the whole value on success. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, lang: Lang): { ok: true; data: z.output<S> } | { ok: false; fields: Record<string, string> } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, data: r.data };
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.filter((p) => typeof p !== 'number').join('.') || '_';
    fields[key] ??= issueText(issue, lang);
  }
  return { ok: false, fields };
}

/** For a PATCH: only the top-level fields whose value differs from the loaded one. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
}
