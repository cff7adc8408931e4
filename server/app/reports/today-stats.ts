/** Today's aggregates for the live dashboard: share within target, totals and throughput per hour. */
import type { TodayStatsView } from '../../protocol/dashboard';
import { serviceDate } from '../../domain/hall-time';
import { authorize, type Actor } from '../actor';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';
import { presentHall } from '../presenters';
import { aggregateHours } from './report-sql';
import { runReport } from './run-report';

export async function todayStats(deps: AppDeps, actor: Actor, hallId: string): Promise<TodayStatsView> {
  authorize(actor, 'stats:today', { hallId });
  const hall = presentHall(await loadHall(deps.db, hallId));
  const day = serviceDate(deps.clock.now(), hall.timeZone);
  const [report, hours] = await Promise.all([
    runReport(deps, actor, [hallId], { from: day, to: day, groupBy: 'hall' }),
    aggregateHours(deps.db, hallId, day, hall.timeZone),
  ]);
  return {
    hallId,
    serviceDate: day,
    generatedAt: report.generatedAt,
    counterHandlingTargetMinutes: hall.settings.counterHandlingTargetMinutes,
    totals: report.totals,
    byHour: hours.map((h) => ({ hour: h.hr, issued: h.issued, served: h.served })),
  };
}
