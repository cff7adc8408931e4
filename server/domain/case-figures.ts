/**
 * Managers' case figures (docs/domain.md §8), pure: per group, how many were accepted, given a notice,
 * accepted under 容缺, not accepted; 一次性通过率 = accepted without any notice ÷ accepted (target
 * ≥ 90 %); the share finished (ready / posted / closed) within the promised date; overdue; the share
 * done on the spot (当场办结 ÷ accepted). Shares are null when their denominator is 0.
 */
import type { CaseFigures } from '../protocol/cases';

export type { CaseFigures };

export interface CaseFigureRow {
  key: string;
  accepted: boolean;
  noticeCount: number;
  tolerated: boolean;
  notAccepted: boolean;
  onTheSpot: boolean;
  /** Hall-local date the result was ready (or the case closed), null while open. */
  finishedDate: string | null;
  dueDate: string | null;
  overdue: boolean;
}


const share = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

export function caseFigures(rows: readonly CaseFigureRow[]): CaseFigures[] {
  const groups = new Map<string, CaseFigureRow[]>();
  for (const r of rows) groups.set(r.key, [...(groups.get(r.key) ?? []), r]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => {
      const accepted = list.filter((r) => r.accepted);
      const finished = accepted.filter((r) => r.finishedDate !== null && r.dueDate !== null);
      return {
        key,
        opened: list.length,
        accepted: accepted.length,
        notice: list.filter((r) => r.noticeCount > 0).length,
        tolerated: list.filter((r) => r.tolerated).length,
        notAccepted: list.filter((r) => r.notAccepted).length,
        firstVisitPassRate: share(accepted.filter((r) => r.noticeCount === 0).length, accepted.length),
        withinLimitShare: share(finished.filter((r) => r.finishedDate! <= r.dueDate!).length, finished.length),
        overdue: list.filter((r) => r.overdue).length,
        onTheSpotShare: share(accepted.filter((r) => r.onTheSpot).length, accepted.length),
      };
    });
}
