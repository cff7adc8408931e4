/**
 * 好差评 reports per hall, zone, matter, department, counter, staff or day, over hall-local service
 * dates. Definitions (docs/evaluations.md): 好评率 = levels 3–5 ÷ all evaluations, 差评率 = levels
 * 1–2 ÷ all; "closed on time" = bad reviews opened in the range and closed with every stage by
 * its deadline. Managers see only their halls; staff may not see reports.
 */
import { and, between, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { counters, halls, matters, staff, zones } from '../../../db/schema';
import { badReviews, evaluations } from '../../../db/schema-evaluations';
import type { EvaluationLevel } from '../../domain/evaluation/levels';
import type { EvaluationGroupBy, EvaluationReportQuery, EvaluationReportRow, EvaluationReportView } from '../../protocol/evaluations';
import { authorize, type Actor } from '../actor';
import { loadCalendar } from '../appointments/calendar';
import { recordAudit } from '../audit';
import type { AppDeps } from '../deps';
import { CSV_BOM, escapeCell } from '../reports/report-csv';
import { planFor } from './bad-review-views';
import { handledOnTime } from '../../domain/evaluation/bad-review-deadlines';
import { toRatingCounts } from './bad-reviews';

export const RATE_DEFINITION = '好评率 = 3–5 级（基本满意及以上）÷ 全部评价；差评率 = 1–2 级（不满意、非常不满意）÷ 全部评价';

const DIMENSION: Record<EvaluationGroupBy, SQL<string | null>> = {
  hall: sql<string>`${evaluations.hallId}::text`,
  zone: sql<string>`${evaluations.zoneId}::text`,
  matter: sql<string>`${evaluations.matterId}::text`,
  department: sql<string>`${matters.department}`,
  counter: sql<string>`${evaluations.counterId}::text`,
  staff: sql<string | null>`${evaluations.staffId}::text`,
  day: sql<string>`${evaluations.serviceDate}`,
};

interface Acc {
  byLevel: Partial<Record<EvaluationLevel, number>>;
  badReviews: number;
  closed: number;
  closedOnTime: number;
  appealUpheld: number;
}
const empty = (): Acc => ({ byLevel: {}, badReviews: 0, closed: 0, closedOnTime: 0, appealUpheld: 0 });

export async function evaluationReport(deps: AppDeps, actor: Actor, hallIds: string[], q: Pick<EvaluationReportQuery, 'from' | 'to' | 'groupBy'> & { format?: EvaluationReportQuery['format'] }): Promise<EvaluationReportView> {
  authorize(actor, 'report:read');
  for (const id of hallIds) authorize(actor, 'report:read', { hallId: id });
  const dim = DIMENSION[q.groupBy];
  const scope = and(inArray(evaluations.hallId, hallIds), between(evaluations.serviceDate, q.from, q.to));
  const counts = await deps.db
    .select({ k: dim, level: evaluations.level, n: sql<number>`count(*)::int` })
    .from(evaluations)
    .innerJoin(matters, eq(matters.id, evaluations.matterId))
    .where(scope)
    .groupBy(dim, evaluations.level);
  const reviews = await deps.db
    .select({ k: dim, r: badReviews, timeZone: halls.timeZone })
    .from(badReviews)
    .innerJoin(evaluations, eq(evaluations.id, badReviews.evaluationId))
    .innerJoin(matters, eq(matters.id, evaluations.matterId))
    .innerJoin(halls, eq(halls.id, badReviews.hallId))
    .where(scope);

  const groups = new Map<string, Acc>();
  const total = empty();
  const accOf = (k: string | null) => {
    const key = k ?? '';
    let a = groups.get(key);
    if (!a) groups.set(key, (a = empty()));
    return a;
  };
  for (const c of counts) {
    const level = c.level as EvaluationLevel;
    const a = accOf(c.k);
    a.byLevel[level] = (a.byLevel[level] ?? 0) + Number(c.n);
    total.byLevel[level] = (total.byLevel[level] ?? 0) + Number(c.n);
  }
  const calendar = reviews.length ? await loadCalendar(deps.db) : null;
  for (const { k, r, timeZone } of reviews) {
    const onTime = calendar ? (() => {
      const { plan } = planFor(r, timeZone, calendar);
      return plan ? handledOnTime(plan, r) === true : false;
    })() : false;
    for (const a of [accOf(k), total]) {
      a.badReviews++;
      if (r.state === 'closed') a.closed++;
      if (r.state === 'closed' && onTime) a.closedOnTime++;
      if (r.outcome === 'appeal_upheld') a.appealUpheld++;
    }
  }
  const labels = await labelsFor(deps, q.groupBy, [...groups.keys()]);
  const rows = [...groups.entries()]
    .map(([key, a]) => toRow(key, labels.get(key) ?? key, a))
    .sort((x, y) => (q.groupBy === 'day' ? x.key.localeCompare(y.key) : x.label.localeCompare(y.label, 'zh-CN')));
  // Grouped by staff it names people, and it is exported as a file: every read and export is audited, like the other reports.
  await recordAudit(deps, actor, {
    action: q.format === 'csv' ? 'report:export' : 'report:read',
    hallId: hallIds.length === 1 ? hallIds[0]! : null,
    subject: `${q.from}..${q.to}`,
    detail: { report: 'evaluations', groupBy: q.groupBy, format: q.format ?? 'json', hallIds },
  });
  return { hallIds, from: q.from, to: q.to, groupBy: q.groupBy, definition: RATE_DEFINITION, rows, totals: toRow('', '', total) };
}

function toRow(key: string, label: string, a: Acc): EvaluationReportRow {
  return { key, label, ...toRatingCounts(a.byLevel), badReviews: a.badReviews, closed: a.closed, closedOnTime: a.closedOnTime, appealUpheld: a.appealUpheld };
}

async function labelsFor(deps: AppDeps, groupBy: EvaluationGroupBy, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
  const out = new Map<string, string>();
  if (groupBy === 'department' || groupBy === 'day') {
    for (const k of keys) out.set(k, k);
    return out;
  }
  if (ids.length === 0) return out;
  if (groupBy === 'hall') for (const h of await deps.db.select().from(halls).where(inArray(halls.id, ids))) out.set(h.id, h.name);
  if (groupBy === 'zone') for (const z of await deps.db.select().from(zones).where(inArray(zones.id, ids))) out.set(z.id, z.name);
  if (groupBy === 'matter') for (const m of await deps.db.select().from(matters).where(inArray(matters.id, ids))) out.set(m.id, m.name);
  if (groupBy === 'counter') for (const c of await deps.db.select().from(counters).where(inArray(counters.id, ids))) out.set(c.id, `${c.number}号 ${c.name}`);
  if (groupBy === 'staff') for (const s of await deps.db.select().from(staff).where(inArray(staff.id, ids))) out.set(s.id, `${s.displayName}（${s.username}）`);
  return out;
}

const HEADERS: Record<'zh-CN' | 'en', string[]> = {
  'zh-CN': ['分组', '评价数', '非常满意', '满意', '基本满意', '不满意', '非常不满意', '好评率(%)', '差评率(%)', '差评件数', '已办结', '按期办结', '申诉成立'],
  en: ['Group', 'Evaluations', 'Very satisfied', 'Satisfied', 'Fairly satisfied', 'Dissatisfied', 'Very dissatisfied', 'Good rate (%)', 'Bad rate (%)', 'Bad reviews', 'Closed', 'Closed on time', 'Appeals upheld'],
};

export function evaluationReportCsv(view: EvaluationReportView, lang: 'zh-CN' | 'en'): string {
  const pct = (v: number | null) => (v === null ? '' : (v * 100).toFixed(1));
  const line = (r: EvaluationReportRow, label: string) => [
    label, String(r.total), String(r.byLevel['5']), String(r.byLevel['4']), String(r.byLevel['3']), String(r.byLevel['2']), String(r.byLevel['1']),
    pct(r.goodRate), pct(r.badRate), String(r.badReviews), String(r.closed), String(r.closedOnTime), String(r.appealUpheld),
  ];
  const definition = lang === 'zh-CN' ? view.definition : 'Good rate = levels 3–5 ÷ all evaluations; bad rate = levels 1–2 ÷ all evaluations';
  const lines = [HEADERS[lang], ...view.rows.map((r) => line(r, r.label)), line(view.totals, lang === 'zh-CN' ? '合计' : 'Total'), [definition]];
  return CSV_BOM + lines.map((l) => l.map(escapeCell).join(',')).join('\r\n') + '\r\n';
}
