/**
 * Who changed what: one query over the two append-only trails — ticket_events (every ticket action
 * and hall configuration change, per hall) and audit_entries (staff accounts, devices, set-up) —
 * filtered, newest first, as JSON or CSV. Admins see every hall; managers only their halls' rows.
 */
import { and, desc, eq, gte, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client';
import { halls, staff, ticketEvents } from '../../../db/schema';
import { auditEntries } from '../../../db/schema-audit';
import { instantAt } from '../../domain/hall-time';
import type { auditQuery, AuditEntryView } from '../../protocol/admin';
import { authorize, type Actor, type StaffActor } from '../actor';
import type { AppDeps } from '../deps';
import { CSV_BOM, escapeCell } from '../reports/report-csv';

export interface AuditRecord {
  action: string;
  hallId?: string | null;
  subjectType: string;
  subjectId?: string | null;
  data?: Record<string, unknown>;
}

/** Appends one entry in the caller's transaction, so it commits (or not) with the change it records. */
export async function appendAudit(tx: Db | Tx, actor: Actor, now: Date, rec: AuditRecord): Promise<void> {
  await tx.insert(auditEntries).values({
    at: now,
    actorType: actor.kind,
    actorId: actor.id,
    action: rec.action,
    hallId: rec.hallId ?? null,
    subjectType: rec.subjectType,
    subjectId: rec.subjectId ?? null,
    data: rec.data ?? {},
  });
}

type Query = z.output<typeof auditQuery>;

export async function queryAudit(deps: AppDeps, actor: Actor, q: Query): Promise<AuditEntryView[]> {
  authorize(actor, 'audit:read', q.hallId ? { hallId: q.hallId } : {});
  const me = actor as StaffActor; // only staff roles hold a grant for the audit log
  const hallScope = q.hallId ? [q.hallId] : me.role === 'admin' ? null : me.hallIds;
  const zone = q.hallId ? ((await deps.db.select({ tz: halls.timeZone }).from(halls).where(eq(halls.id, q.hallId)))[0]?.tz ?? 'Asia/Shanghai') : 'Asia/Shanghai';
  const from = q.from ? instantAt(q.from, '00:00', zone) : null;
  const to = q.to ? new Date(instantAt(q.to, '00:00', zone).getTime() + 86_400_000) : null;
  const actionLike = (col: PgColumn) => (q.action ? (q.action.includes(':') ? eq(col, q.action) : like(col, `${q.action}:%`)) : undefined);

  const eventWhere: (SQL | undefined)[] = [
    hallScope ? inArray(ticketEvents.hallId, hallScope.length ? hallScope : ['00000000-0000-0000-0000-000000000000']) : undefined,
    from ? gte(ticketEvents.at, from) : undefined,
    to ? lt(ticketEvents.at, to) : undefined,
    actionLike(ticketEvents.type),
    q.actorId ? eq(ticketEvents.actorId, q.actorId) : undefined,
  ];
  const events = await deps.db.select().from(ticketEvents).where(and(...eventWhere)).orderBy(desc(ticketEvents.at)).limit(q.limit);

  const entryWhere: (SQL | undefined)[] = [
    // A manager sees hall-less entries (accounts) only about themselves.
    hallScope ? or(inArray(auditEntries.hallId, hallScope.length ? hallScope : ['00000000-0000-0000-0000-000000000000']), q.hallId ? undefined : eq(auditEntries.subjectId, me.id)) : undefined,
    from ? gte(auditEntries.at, from) : undefined,
    to ? lt(auditEntries.at, to) : undefined,
    actionLike(auditEntries.action),
    q.actorId ? eq(auditEntries.actorId, q.actorId) : undefined,
  ];
  const entries = await deps.db.select().from(auditEntries).where(and(...entryWhere)).orderBy(desc(auditEntries.at), desc(auditEntries.id)).limit(q.limit);

  const rows: Omit<AuditEntryView, 'actorName'>[] = [
    ...events.map((e) => ({
      at: e.at.toISOString(),
      hallId: e.hallId,
      actorType: e.actorType,
      actorId: e.actorId,
      action: e.type,
      subjectType: e.ticketId ? 'ticket' : e.counterId ? 'counter' : 'hall',
      subjectId: e.ticketId ?? e.counterId ?? e.hallId,
      data: e.data,
    })),
    ...entries.map((e) => ({
      at: e.at.toISOString(),
      hallId: e.hallId,
      actorType: e.actorType,
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      data: e.data,
    })),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, q.limit);
  const staffIds = [...new Set(rows.filter((r) => r.actorType === 'staff' && r.actorId).map((r) => r.actorId!))];
  const names = staffIds.length ? await deps.db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, staffIds)) : [];
  return rows.map((r) => ({ ...r, actorName: names.find((n) => n.id === r.actorId)?.name ?? null }));
}

const CSV_HEADERS = {
  'zh-CN': ['时间', '大厅', '操作者类型', '操作者', '操作者姓名', '操作', '对象类型', '对象', '详情'],
  en: ['Time', 'Hall', 'Actor type', 'Actor', 'Actor name', 'Action', 'Subject type', 'Subject', 'Details'],
};

export function auditCsv(rows: AuditEntryView[], lang: 'zh-CN' | 'en'): string {
  const lines = [
    CSV_HEADERS[lang],
    ...rows.map((r) => [r.at, r.hallId ?? '', r.actorType, r.actorId ?? '', r.actorName ?? '', r.action, r.subjectType ?? '', r.subjectId ?? '', JSON.stringify(r.data)]),
  ];
  return CSV_BOM + lines.map((l) => l.map(escapeCell).join(',')).join('\r\n') + '\r\n';
}
