/**
 * After an evaluation, a bad-review step or a case acceptance (which the pad offers to rate) commits: a content-free nudge so dashboards and the
 * counter's pad re-read over HTTP. It carries no seq and no data (see Publisher.evaluationChanged).
 */
import type { AppDeps } from '../deps';

export function notifyEvaluationChanged(deps: AppDeps, hallId: string, counterId: string | null): void {
  deps.publisher.evaluationChanged?.(hallId, counterId);
}
