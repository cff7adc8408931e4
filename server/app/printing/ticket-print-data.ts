/** What goes on a paper ticket, from the issuing transaction's rows. Nothing personal. */
import type { StoredTicketPrint } from '../../../db/schema-printing';
import type { TicketPrintData } from '../../../ticket-printer/index';
import { progressUrl } from '../../protocol/rules';
import type { HallView, PriorityReason } from '../../protocol/views';
import { DEFAULT_HALL_SETTINGS } from '../../domain/wait-target';
import type { QueuePosition } from '../queue-position';

export interface TicketPrintSource {
  hall: HallView;
  matterName: string;
  ticket: {
    number: string;
    issuedAt: Date;
    slotStart: Date | null;
    slotEnd: Date | null;
    token: string;
    priorityReason: PriorityReason | null;
    source: string;
  };
  /** The ticket's zone, for the where-to-wait line. */
  zone: { name: string; location: string | null } | null;
  position: QueuePosition;
  language: 'zh-CN' | 'en';
  publicBaseUrl: string;
}

/** The hall's missed-number rule in the ticket's language (an older hall without the English one: the default English text). */
export function missedNumberRule(settings: HallView['settings'], language: 'zh-CN' | 'en'): string {
  return language === 'en' ? (settings.missedNumberRuleEn?.trim() || DEFAULT_HALL_SETTINGS.missedNumberRuleEn) : settings.missedNumberRule;
}

/** The QR: the public progress page of the ticket's random token. */
export { progressUrl };

/** "自然人服务区（1楼西侧）", or the zone name alone when its location is not set. */
export function waitArea(zone: { name: string; location: string | null } | null): string | null {
  if (!zone) return null;
  const location = zone.location?.trim();
  return location ? `${zone.name}（${location}）` : zone.name;
}

export function storedTicketPrint(s: TicketPrintSource): StoredTicketPrint {
  return {
    hallName: s.hall.name,
    number: s.ticket.number,
    matterName: s.matterName,
    peopleAhead: s.position.peopleAhead,
    estimatedWaitMinutes: s.position.estimatedWaitMinutes,
    issuedAt: s.ticket.issuedAt.toISOString(),
    timeZone: s.hall.timeZone,
    qrContent: progressUrl(s.publicBaseUrl, s.ticket.token),
    appointmentSlot: s.ticket.slotStart && s.ticket.slotEnd ? { start: s.ticket.slotStart.toISOString(), end: s.ticket.slotEnd.toISOString() } : null,
    missedNumberRule: missedNumberRule(s.hall.settings, s.language),
    language: s.language,
    priorityReason: s.ticket.priorityReason,
    appointment: s.ticket.source === 'appointment',
    waitArea: waitArea(s.zone),
    hotline: s.hall.settings.hotline?.trim() || null,
  };
}

export function toTicketPrintData(stored: StoredTicketPrint, reprint: boolean): TicketPrintData {
  return {
    hallName: stored.hallName,
    number: stored.number,
    matterName: stored.matterName,
    peopleAhead: stored.peopleAhead,
    estimatedWaitMinutes: stored.estimatedWaitMinutes,
    issuedAt: new Date(stored.issuedAt),
    timeZone: stored.timeZone,
    qrContent: stored.qrContent,
    appointmentSlot: stored.appointmentSlot ? { start: new Date(stored.appointmentSlot.start), end: new Date(stored.appointmentSlot.end) } : null,
    missedNumberRule: stored.missedNumberRule,
    reprint,
    language: stored.language,
    priorityReason: stored.priorityReason ?? null,
    appointment: stored.appointment ?? false,
    waitArea: stored.waitArea ?? null,
    hotline: stored.hotline ?? null,
  };
}
