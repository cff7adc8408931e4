/**
 * The city roll-up (docs/performance.md, "City roll-up"): today's live figures of every hall the
 * caller may see — up to a city's 1,000 halls — in two statements (the halls, then one read of
 * each hall's live row, its waiting tickets and its counters), not one snapshot per hall and not
 * every ticket of the day. "Within target" uses the report's own definitions (the trigger counts
 * report-sql.ts `WAIT_OK`; `waitMiss` is applied to the waiting tickets now), so it is what each
 * hall's today figures say.
 */
import { sql, type SQL } from 'drizzle-orm';
import { halls } from '../../../db/schema';
import { serviceDate } from '../../domain/hall-time';
import type { CityHallLive, CityLiveView } from '../../protocol/dashboard';
import { authorize, may, type Actor } from '../actor';
import type { AppDeps } from '../deps';
import { queryRows, waitMiss } from './report-sql';

interface Row {
  hall_id: string;
  issued: number | null;
  waiting: number | null;
  called: number | null;
  serving: number | null;
  served: number | null;
  no_shows: number | null;
  wait_measured: number | null;
  wait_within: number | null;
  longest: number | null;
  open: number | null;
  paused: number | null;
  counters: number | null;
}

const n = (v: number | null) => Number(v ?? 0);

export async function cityLive(deps: AppDeps, actor: Actor): Promise<CityLiveView> {
  authorize(actor, 'city:live');
  const started = performance.now();
  const now = deps.clock.now();
  const mine = (await deps.db.select({ id: halls.id, code: halls.code, name: halls.name, level: halls.level, parentHallId: halls.parentHallId, timeZone: halls.timeZone }).from(halls))
    .filter((h) => may(actor, 'city:live', { hallId: h.id }))
    .sort((a, b) => a.code.localeCompare(b.code));
  if (mine.length === 0) return { generatedAt: now.toISOString(), halls: [], tookMs: 0 };
  const days = mine.map((h) => serviceDate(now, h.timeZone));
  const rows = await deps.db.transaction(async (tx) => queryRows<Row>(tx, cityLiveQuery(mine.map((h) => h.id), days, now)), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
  const byHall = new Map(rows.map((r) => [r.hall_id, r]));
  const list: CityHallLive[] = mine.map((h, i) => {
    const r = byHall.get(h.id);
    const measured = n(r?.wait_measured ?? null);
    const within = n(r?.wait_within ?? null);
    return {
      hallId: h.id,
      code: h.code,
      name: h.name,
      level: h.level,
      parentHallId: h.parentHallId,
      serviceDate: days[i]!,
      issued: n(r?.issued ?? null),
      waiting: n(r?.waiting ?? null),
      called: n(r?.called ?? null),
      serving: n(r?.serving ?? null),
      served: n(r?.served ?? null),
      noShows: n(r?.no_shows ?? null),
      wait: { within, measured, share: measured > 0 ? within / measured : null },
      // An appointment's wait starts at its slot: one waiting ahead of it has waited 0 so far.
      longestWaitMinutes: r?.longest === null || r?.longest === undefined ? null : Math.max(0, Math.round(Number(r.longest) * 10) / 10),
      countersOpen: n(r?.open ?? null),
      countersPaused: n(r?.paused ?? null),
      counters: n(r?.counters ?? null),
    };
  });
  return { generatedAt: now.toISOString(), halls: list, tookMs: Math.round(performance.now() - started) };
}

/**
 * The one statement: the counts from each hall's live row (hall_day_live, kept at commit by a
 * trigger: live-counts.ts), the time-dependent figures from the hall's waiting tickets only (the
 * tickets_queue index), the counters' states. Exported for bench/reports.ts --explain.
 */
export function cityLiveQuery(hallIds: string[], days: string[], now: Date): SQL {
  const at = now.toISOString();
  // Halls' days differ only across time zones: each hall is joined on its own day.
  return sql`WITH d AS (SELECT * FROM unnest(${`{${hallIds.join(',')}}`}::uuid[], ${`{${days.join(',')}}`}::text[]) AS d(hall_id, day)),
          w AS (
            SELECT t.hall_id,
              count(*) FILTER (WHERE ${waitMiss(now)})::int AS missing,
              (extract(epoch FROM ${at}::timestamptz - min(t.wait_start_at)) / 60)::float8 AS longest
            FROM d JOIN tickets t ON t.hall_id = d.hall_id AND t.service_date = d.day AND t.status = 'waiting'
            GROUP BY t.hall_id),
          cn AS (
            SELECT hall_id,
              count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'paused')::int AS paused,
              count(*)::int AS counters
            FROM counters WHERE active AND hall_id IN (SELECT hall_id FROM d) GROUP BY hall_id)
        SELECT d.hall_id, l.issued, l.waiting, l.called, l.serving, l.served, l.no_shows,
               coalesce(l.call_measured, 0) + coalesce(w.missing, 0) AS wait_measured, l.wait_within, w.longest,
               cn.open, cn.paused, cn.counters
        FROM d LEFT JOIN hall_day_live l ON l.hall_id = d.hall_id AND l.service_date = d.day
        LEFT JOIN w ON w.hall_id = d.hall_id LEFT JOIN cn ON cn.hall_id = d.hall_id`;
}
