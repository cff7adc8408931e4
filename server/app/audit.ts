/**
 * Audit of reads (DOMAIN §10: every view or export of personal data is audited). Changes are audited
 * by their events in ticket_events and by admin/audit-log.ts; a read leaves no event, so it appends
 * an entry to the same append-only audit_entries: who, when, which kind of read, which hall, and what
 * was asked for — never the data itself. The admin audit view lists them with the rest.
 */
import type { Actor } from './actor';
import { appendAudit } from './admin/audit-log';
import type { AppDeps } from './deps';

export type AuditedRead =
  | 'hall:snapshot'
  | 'ticket:history'
  | 'appointments:list'
  | 'report:read'
  | 'report:export'
  | 'retention:purge'
  | 'cases:list'
  | 'case:read'
  | 'cases:find'
  | 'bad-reviews:list';

const SUBJECT_TYPE: Record<AuditedRead, string> = {
  'hall:snapshot': 'hall',
  'ticket:history': 'ticket',
  'appointments:list': 'appointments',
  'report:read': 'report',
  'report:export': 'report',
  'retention:purge': 'retention',
  'cases:list': 'cases',
  'case:read': 'case',
  'cases:find': 'counter',
  'bad-reviews:list': 'bad_reviews',
};

export async function recordAudit(
  deps: AppDeps,
  actor: Actor,
  entry: { action: AuditedRead; hallId: string | null; subject: string; detail?: Record<string, unknown> },
): Promise<void> {
  await appendAudit(deps.db, actor, deps.clock.now(), {
    action: entry.action,
    hallId: entry.hallId,
    subjectType: SUBJECT_TYPE[entry.action],
    subjectId: entry.subject,
    data: { ...(actor.kind === 'staff' && { role: actor.role }), ...entry.detail },
  });
}
