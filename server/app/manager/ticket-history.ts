/**
 * Why is this ticket late? Its whole history from the append-only event log, for staff and
 * managers of its hall. Only whitelisted fields leave: no identity number, masked or not.
 */
import { recordAudit } from '../audit';
import { asc, eq, inArray } from 'drizzle-orm';
import { counters, devices, matters, staff, ticketEvents } from '../../../db/schema';
import type { TicketHistoryEntry, TicketHistoryView } from '../../protocol/dashboard';
import type { AuditRecord } from '../../protocol/facts';
import { authorize, type Actor } from '../actor';
import type { AppDeps } from '../deps';
import { ticketView } from '../loaders';

const str = (v: string | null | undefined): string | null => (v ? v : null);

export async function ticketHistory(deps: AppDeps, actor: Actor, ticketId: string): Promise<TicketHistoryView> {
  authorize(actor, 'ticket:history');
  const t = await ticketView(deps.db, ticketId);
  authorize(actor, 'ticket:history', { hallId: t.hallId });
  await recordAudit(deps, actor, { action: 'ticket:history', hallId: t.hallId, subject: ticketId });
  const events = await deps.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.seq));

  const ids = (pick: (d: AuditRecord) => (string | null | undefined)[]) => [...new Set(events.flatMap((e) => pick(e.data)).filter((v): v is string => typeof v === 'string'))];
  const counterIds = [...new Set([...ids((d) => [d.counterId, d.fromCounterId]), ...events.map((e) => e.counterId).filter((v): v is string => !!v)])];
  const matterIds = ids((d) => [d.matterId, d.fromMatterId]);
  const staffIds = events.filter((e) => e.actorType === 'staff' && e.actorId).map((e) => e.actorId!);
  const deviceIds = events.filter((e) => e.actorType === 'device' && e.actorId).map((e) => e.actorId!);
  const [counterRows, matterRows, staffRows, deviceRows] = await Promise.all([
    counterIds.length ? deps.db.select({ id: counters.id, number: counters.number }).from(counters).where(inArray(counters.id, counterIds)) : [],
    matterIds.length ? deps.db.select({ id: matters.id, name: matters.name }).from(matters).where(inArray(matters.id, matterIds)) : [],
    staffIds.length ? deps.db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, [...new Set(staffIds)])) : [],
    deviceIds.length ? deps.db.select({ id: devices.id, name: devices.name }).from(devices).where(inArray(devices.id, [...new Set(deviceIds)])) : [],
  ]);
  const counterNo = new Map(counterRows.map((c) => [c.id, c.number]));
  const matterName = new Map(matterRows.map((m) => [m.id, m.name]));
  const actorName = new Map([...staffRows, ...deviceRows].map((a) => [a.id, a.name]));

  // One entry per print job, at its last status change: "打印 · 已打印", not "打印" three times.
  const lastOfJob = new Map<string, number>();
  for (const e of events) {
    const job = e.data.printJob;
    if (e.type === 'print:status' && job) lastOfJob.set(job.id, e.seq);
  }
  const folded = events.filter((e) => {
    const job = e.type === 'print:status' ? e.data.printJob : null;
    return !job || lastOfJob.get(job.id) === e.seq;
  });
  const entries: TicketHistoryEntry[] = folded.map((e) => {
    const d = e.data;
    const alert = d.alert;
    const counterId = str(d.counterId) ?? e.counterId;
    return {
      seq: e.seq,
      type: e.type,
      at: e.at.toISOString(),
      actor: { kind: e.actorType, name: e.actorId ? (actorName.get(e.actorId) ?? null) : null },
      status: str(d.status),
      counterNumber: counterId ? (counterNo.get(counterId) ?? null) : null,
      matterName: d.matterId ? (matterName.get(d.matterId) ?? null) : null,
      reason: str(d.reason),
      fromMatterName: d.fromMatterId ? (matterName.get(d.fromMatterId) ?? null) : null,
      fromCounterNumber: d.fromCounterId ? (counterNo.get(d.fromCounterId) ?? null) : null,
      ...(e.type === 'print:status' && { print: printOutcome(d) }),
      alert: alert ? { kind: alert.kind, elapsedMinutes: alert.elapsedMinutes, targetMinutes: alert.targetMinutes } : null,
    };
  });
  return {
    ticket: {
      id: t.id,
      hallId: t.hallId,
      number: t.number,
      status: t.status,
      matterName: t.matterName,
      complexity: t.complexity,
      source: t.source,
      counterNumber: t.counterNumber,
      issuedAt: t.issuedAt,
      waitStartAt: t.waitStartAt,
      waitTargetMinutes: t.waitTargetMinutes,
      firstCalledAt: t.firstCalledAt,
      startedAt: t.startedAt,
      finishedAt: t.finishedAt,
      transferCount: t.transferCount,
    },
    events: entries,
  };
}

/** The paper ticket's outcome, from the audit record of a print:status fact. */
function printOutcome(d: AuditRecord): TicketHistoryEntry['print'] {
  const job = d.printJob;
  if (!job) return null;
  return { status: job.status, reprint: job.reprint || d.reprint === true, attempts: job.attempts, lastError: job.lastError };
}
