/**
 * 好差评 levels and the rules of one submission (DOMAIN.md §7, docs/evaluations.md). Pure.
 * Stored 1–5: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. Levels 1–2 are 差评 (bad
 * reviews): they need a reason — a preset option, free text, or both. Levels 3–5 take no reason.
 */
import type { EvaluationLevel } from '../../protocol/evaluations';
import { fail, ok, type Result } from '../result';

export type { EvaluationLevel };
export const EVALUATION_LEVELS: readonly EvaluationLevel[] = [5, 4, 3, 2, 1];
export const BAD_LEVELS: readonly EvaluationLevel[] = [1, 2];

export const LEVEL_NAMES: Record<EvaluationLevel, { 'zh-CN': string; en: string }> = {
  5: { 'zh-CN': '非常满意', en: 'Very satisfied' },
  4: { 'zh-CN': '满意', en: 'Satisfied' },
  3: { 'zh-CN': '基本满意', en: 'Fairly satisfied' },
  2: { 'zh-CN': '不满意', en: 'Dissatisfied' },
  1: { 'zh-CN': '非常不满意', en: 'Very dissatisfied' },
};

/** Preset reasons for a bad review (the pad and the phone page offer these; a hall may not add free codes). */
export const BAD_REVIEW_REASONS = ['attitude', 'slow', 'unclear', 'repeat_visits', 'materials', 'system', 'other'] as const;
export type BadReviewReason = (typeof BAD_REVIEW_REASONS)[number];

export const REASON_NAMES: Record<BadReviewReason, { 'zh-CN': string; en: string }> = {
  attitude: { 'zh-CN': '服务态度不好', en: 'Unfriendly service' },
  slow: { 'zh-CN': '办理时间太长', en: 'Took too long' },
  unclear: { 'zh-CN': '告知不清楚', en: 'Explanations unclear' },
  repeat_visits: { 'zh-CN': '需要多次跑腿', en: 'Had to come back again' },
  materials: { 'zh-CN': '材料要求不合理', en: 'Unreasonable materials' },
  system: { 'zh-CN': '系统或设备问题', en: 'System or equipment problem' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const REASON_TEXT_MAX = 200;

export function isBadLevel(level: number): boolean {
  return level === 1 || level === 2;
}

export interface RatingInput {
  level: number;
  reasons?: readonly string[] | undefined;
  text?: string | undefined;
}

export interface ValidRating {
  level: EvaluationLevel;
  reasons: BadReviewReason[];
  text: string | null;
}

/** Checks one rating: a level 1–5; for 1–2 at least one preset reason or some text; for 3–5 none. */
export function validateRating(input: RatingInput): Result<ValidRating> {
  const level = input.level;
  if (!Number.isInteger(level) || level < 1 || level > 5) {
    return fail('evaluation_level_invalid', `The level must be a whole number from 1 to 5, got ${String(level)}`);
  }
  const reasons = [...new Set(input.reasons ?? [])];
  for (const r of reasons) {
    if (!(BAD_REVIEW_REASONS as readonly string[]).includes(r)) return fail('validation_failed', `Unknown reason '${r}'`);
  }
  const text = (input.text ?? '').trim();
  if (text.length > REASON_TEXT_MAX) return fail('validation_failed', `The reason text is longer than ${REASON_TEXT_MAX} characters`);
  if (isBadLevel(level)) {
    if (reasons.length === 0 && text.length === 0) {
      return fail('evaluation_reason_required', 'A rating of 不满意 or 非常不满意 needs a reason: pick one or write a few words');
    }
  } else if (reasons.length > 0 || text.length > 0) {
    return fail('validation_failed', 'Only a rating of 1 or 2 takes a reason');
  }
  return ok({ level: level as EvaluationLevel, reasons: reasons as BadReviewReason[], text: text.length ? text : null });
}

/** Counts by level and the two rates. 差评率 = levels 1–2 ÷ all; 好评率 = levels 3–5 ÷ all (its complement). */
export interface RatingFigures {
  total: number;
  byLevel: Record<EvaluationLevel, number>;
  good: number;
  bad: number;
  /** null when there is no evaluation (never 0 % or 100 % of nothing). */
  goodRate: number | null;
  badRate: number | null;
}

export function ratingFigures(byLevel: Partial<Record<EvaluationLevel, number>>): RatingFigures {
  const full: Record<EvaluationLevel, number> = { 1: byLevel[1] ?? 0, 2: byLevel[2] ?? 0, 3: byLevel[3] ?? 0, 4: byLevel[4] ?? 0, 5: byLevel[5] ?? 0 };
  const bad = full[1] + full[2];
  const good = full[3] + full[4] + full[5];
  const total = good + bad;
  return { total, byLevel: full, good, bad, goodRate: total ? good / total : null, badRate: total ? bad / total : null };
}
