/**
 * 好差评 levels and the rules of one submission (docs/domain.md §7, docs/evaluations.md). Pure.
 * Stored 1–5: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. Levels 1–2 are 差评 (bad
 * reviews): they need a reason — a preset option, free text, or both. Levels 3–5 take no reason.
 */
import { BAD_REVIEW_REASONS, REASON_TEXT_MAX, type BadReviewReason, type EvaluationLevel } from '../../protocol/evaluations';
import { fail, ok, type Result } from '../result';

export type { EvaluationLevel };

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
