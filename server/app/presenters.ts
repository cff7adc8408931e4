/** Rows → plain JSON views. Public views are derived from staff views by dropping fields. */
import type { counters, halls, matters, tickets, zones } from '../../db/schema';
import type {
  CounterView,
  HallView,
  MatterView,
  PublicCounterView,
  PublicTicketView,
  TicketAlertLevel,
  TicketView,
  ZoneView,
} from '../protocol/views';
import { publicPauseReason } from '../domain/pause-reason';
import { DEFAULT_HALL_SETTINGS } from '../domain/wait-target';

type TicketRow = typeof tickets.$inferSelect;
type CounterRow = typeof counters.$inferSelect;
type MatterRow = typeof matters.$inferSelect;
type HallRow = typeof halls.$inferSelect;
type ZoneRow = typeof zones.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface TicketJoin {
  t: TicketRow;
  matterName: string;
  complexity: MatterRow['complexity'];
  counterNumber: number | null;
}

export function presentTicket({ t, matterName, complexity, counterNumber }: TicketJoin): TicketView {
  return {
    id: t.id,
    hallId: t.hallId,
    number: t.number,
    status: t.status,
    zoneId: t.zoneId,
    matterId: t.matterId,
    matterName,
    complexity,
    counterId: t.counterId,
    counterNumber,
    calledAt: iso(t.calledAt),
    recallCount: t.recallCount,
    serviceDate: t.serviceDate,
    source: t.source,
    priority: t.priority,
    priorityReason: t.priorityReason,
    targetCounterId: t.targetCounterId,
    issuedAt: t.issuedAt.toISOString(),
    waitStartAt: t.waitStartAt.toISOString(),
    waitTargetMinutes: t.waitTargetMinutes,
    firstCalledAt: iso(t.firstCalledAt),
    startedAt: iso(t.startedAt),
    finishedAt: iso(t.finishedAt),
    transferCount: t.transferCount,
    lastTransferReason: t.lastTransferReason,
    appointmentSlot: t.slotStart && t.slotEnd ? { start: t.slotStart.toISOString(), end: t.slotEnd.toISOString() } : null,
    visitorIdMasked: t.visitorIdMasked,
    deadline: new Date(t.waitStartAt.getTime() + t.waitTargetMinutes * 60_000).toISOString(),
    alertLevel: ALERT_LEVELS[t.alertLevel] ?? 'breached',
  };
}

const ALERT_LEVELS: readonly TicketAlertLevel[] = ['none', 'at_risk', 'breached'];

export function toPublicTicket(v: TicketView): PublicTicketView {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    zoneId: v.zoneId,
    matterId: v.matterId,
    matterName: v.matterName,
    counterId: v.counterId,
    counterNumber: v.counterNumber,
    calledAt: v.calledAt,
    recallCount: v.recallCount,
  };
}

export function presentCounter(
  c: CounterRow,
  extra: { staffName: string | null; matterIds: string[]; preferredMatterIds: string[]; currentTicketId: string | null },
): CounterView {
  return {
    id: c.id,
    hallId: c.hallId,
    zoneId: c.zoneId,
    number: c.number,
    name: c.name,
    type: c.type,
    status: c.status,
    pauseReason: c.pauseReason,
    staffId: c.staffId,
    active: c.active,
    ...extra,
  };
}

export function toPublicCounter(c: CounterView, currentTicketNumber: string | null): PublicCounterView {
  // Listed field by field: a public view must never pick up staffId, staffName or anything added later.
  const pauseReason = c.status === 'paused' ? publicPauseReason(c.pauseReason) : null;
  return { id: c.id, zoneId: c.zoneId, number: c.number, name: c.name, type: c.type, status: c.status, pauseReason, currentTicketNumber };
}

export function presentMatter(m: MatterRow, defaultTarget: number): MatterView {
  return {
    id: m.id,
    hallId: m.hallId,
    zoneId: m.zoneId,
    code: m.code,
    name: m.name,
    department: m.department,
    complexity: m.complexity,
    ticketPrefix: m.ticketPrefix,
    waitTargetMinutes: m.waitTargetMinutes ?? defaultTarget,
    materials: m.materials,
    legalLimitDays: m.legalLimitDays,
    promisedLimitDays: m.promisedLimitDays,
    flags: m.flags,
    active: m.active,
  };
}

export function presentHall(h: HallRow): HallView {
  return {
    id: h.id,
    code: h.code,
    name: h.name,
    timeZone: h.timeZone,
    sessions: h.sessions,
    settings: { ...DEFAULT_HALL_SETTINGS, ...h.settings },
    level: h.level,
    parentHallId: h.parentHallId,
  };
}

export function presentZone(z: ZoneRow): ZoneView {
  return { id: z.id, hallId: z.hallId, code: z.code, name: z.name, sortOrder: z.sortOrder, location: z.location };
}
