/**
 * A consistent picture of a hall with the seq it corresponds to. Read in one repeatable-read
 * transaction so the seq and the rows agree; clients apply deltas with seq > snapshot.seq.
 */
import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { counterBreaks, counters, matters, ticketEvents, tickets, zones } from '../../db/schema';
import { instantAt, serviceDate } from '../domain/hall-time';
import { DEFAULT_HALL_SETTINGS, waitTargetMinutes } from '../domain/wait-target';
import { ANNOUNCEMENT_HORIZON_MS, RECENT_CALLS_MAX, RECENT_CALLS_MIN } from '../protocol/sync-limits';
import { PROTOCOL_VERSION } from '../protocol/version';
import type { CallView, HallSnapshot, PublicHallSnapshot } from '../protocol/views';
import { reachableBase } from '../protocol/rules';
import { authorize, type Actor } from './actor';
import { recordAudit } from './audit';
import type { AppDeps } from './deps';
import { counterViews, loadHall, ticketViews } from './loaders';
import { presentHall, presentMatter, presentZone, toPublicCounter, toPublicTicket } from './presenters';

const LIVE_STATUSES = ['waiting', 'called', 'serving', 'parked', 'no_show'] as const;
const CALL_TYPES = ['ticket:called', 'ticket:recalled', 'ticket:called-back'];

/** Who may read a hall's staff snapshot (and so join its staff room): staff of the hall, never a device. */
export function authorizeHallSnapshot(actor: Actor, hallId: string): void {
  authorize(actor, 'hall:snapshot', { hallId });
}

export async function hallSnapshot(deps: AppDeps, actor: Actor, hallId: string): Promise<HallSnapshot> {
  authorizeHallSnapshot(actor, hallId);
  const snap = await deps.db.transaction((tx) => readSnapshot(tx, hallId, deps.clock.now()), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
  // Staff snapshots carry masked identity numbers: a read of personal data, audited.
  await recordAudit(deps, actor, { action: 'hall:snapshot', hallId, subject: hallId, detail: { tickets: snap.tickets.length } });
  return snap;
}

export async function publicSnapshot(deps: AppDeps, actor: Actor, hallId: string): Promise<PublicHallSnapshot> {
  authorize(actor, 'hall:public-snapshot', { hallId });
  return readPublicSnapshot(deps, hallId);
}

/** The public picture of a hall, the same for every public screen (the caller has authorized). */
export async function readPublicSnapshot(deps: AppDeps, hallId: string): Promise<PublicHallSnapshot> {
  const snap = await deps.db.transaction((tx) => readSnapshot(tx, hallId, deps.clock.now()), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
  const numberById = new Map(snap.tickets.map((t) => [t.id, t.number]));
  const waitingByZone: Record<string, number> = Object.fromEntries(snap.zones.map((z) => [z.id, 0]));
  for (const t of snap.tickets) if (t.status === 'waiting') waitingByZone[t.zoneId] = (waitingByZone[t.zoneId] ?? 0) + 1;
  return {
    protocolVersion: snap.protocolVersion,
    seq: snap.seq,
    serverTime: snap.serverTime,
    serviceDate: snap.serviceDate,
    hall: {
      id: snap.hall.id,
      name: snap.hall.name,
      timeZone: snap.hall.timeZone,
      announcementRepeat: snap.hall.settings.announcementRepeat,
      missedNumberRule: snap.hall.settings.missedNumberRule,
      missedNumberRuleEn: snap.hall.settings.missedNumberRuleEn?.trim() || DEFAULT_HALL_SETTINGS.missedNumberRuleEn,
      elderlyAge: snap.hall.settings.elderlyAge,
      // Only a base phones can reach; without one the kiosk uses the address it was loaded from.
      ...(reachableBase(deps.publicBaseUrl) && { publicBaseUrl: deps.publicBaseUrl }),
    },
    zones: snap.zones,
    counters: snap.counters.map((c) => toPublicCounter(c, c.currentTicketId ? (numberById.get(c.currentTicketId) ?? null) : null)),
    tickets: snap.tickets.map(toPublicTicket),
    waitingByZone,
    recentCalls: snap.recentCalls,
  };
}

async function readSnapshot(tx: Tx, hallId: string, now: Date): Promise<HallSnapshot> {
  const hallRow = await loadHall(tx, hallId);
  const hall = presentHall(hallRow);
  const day = serviceDate(now, hall.timeZone);
  const zoneRows = await tx.select().from(zones).where(eq(zones.hallId, hallId)).orderBy(asc(zones.sortOrder), asc(zones.code));
  const matterRows = await tx.select().from(matters).where(and(eq(matters.hallId, hallId), eq(matters.active, true))).orderBy(asc(matters.code));
  const counterList = await counterViews(tx, eq(counters.hallId, hallId));
  const ticketList = await ticketViews(
    tx,
    and(eq(tickets.hallId, hallId), eq(tickets.serviceDate, day), inArray(tickets.status, [...LIVE_STATUSES])),
  );
  const callRows = await tx
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.hallId, hallId), inArray(ticketEvents.type, CALL_TYPES), gte(ticketEvents.at, instantAt(day, '00:00', hall.timeZone))))
    .orderBy(desc(ticketEvents.seq))
    .limit(RECENT_CALLS_MAX);
  const horizon = now.getTime() - ANNOUNCEMENT_HORIZON_MS;
  const recentCalls = callRows
    .filter((e, i) => i < RECENT_CALLS_MIN || e.at.getTime() >= horizon)
    .flatMap((e) => (e.data.call ? [{ ...e.data.call, seq: e.seq }] : []));
  // Today's scheduled breaks (错峰休息, docs/routing.md): each counter screen reminds its staff.
  const breakRows = counterList.length
    ? await tx.select().from(counterBreaks).where(and(eq(counterBreaks.serviceDate, day), inArray(counterBreaks.counterId, counterList.map((c) => c.id))))
    : [];
  return {
    protocolVersion: PROTOCOL_VERSION,
    seq: hallRow.eventSeq,
    serverTime: now.toISOString(),
    serviceDate: day,
    hall,
    zones: zoneRows.map(presentZone),
    matters: matterRows.map((m) => presentMatter(m, waitTargetMinutes({ ...m, waitTargetMinutes: null }, hall.settings))),
    counters: counterList,
    tickets: ticketList,
    recentCalls,
    scheduledBreaks: breakRows.map((b) => ({ counterId: b.counterId, times: b.times })).sort((a, b) => a.counterId.localeCompare(b.counterId)),
  };
}
