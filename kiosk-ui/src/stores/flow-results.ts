/** Reading answers for the flow: a ticket (walk-in or check-in), or an error in the visitor's words. */
import type { ErrorBody } from '../../../server/protocol/errors';
import type { IssuedTicket } from '../../../server/protocol/views';
import { outcomeUnknown } from './kiosk-api';
import type { KioskError } from './kiosk-state';

export function isIssuedTicket(v: unknown): v is IssuedTicket {
  const t = v as IssuedTicket | null;
  return !!t && typeof t === 'object' && typeof t.token === 'string' && typeof t.ticket?.number === 'string';
}

/** A walk-in issue answers with the ticket; a check-in with `{ issued, notice, … }`. */
export function ticketOf(data: unknown): { issued: IssuedTicket; notice: string | null } | null {
  if (isIssuedTicket(data)) return { issued: data, notice: null };
  const r = data as { issued?: unknown; notice?: unknown } | null;
  if (r && typeof r === 'object' && isIssuedTicket(r.issued)) return { issued: r.issued, notice: typeof r.notice === 'string' ? r.notice : null };
  return null;
}

/** Pickup refusals in the visitor's words. */
export const PICKUP_KEYS: Record<string, string> = {
  not_found: 'pickup_not_found',
  case_not_ready: 'pickup_not_ready',
  conflict: 'pickup_already',
};

/** What the ticket screen says under a pickup ticket. */
export function pickupNotice(lang: 'zh-CN' | 'en', caseNumber: string, counterNumber: number): string {
  return lang === 'en' ? `Case ${caseNumber}: please wait for your call and collect at counter ${counterNumber}` : `办件 ${caseNumber}：请留意叫号，到 ${counterNumber} 号窗口领取`;
}

/** Check-in refusals in the visitor's words. */
export const CHECKIN_KEYS: Record<string, string> = {
  not_found: 'checkin_not_found',
  conflict: 'checkin_already',
  invalid_transition: 'checkin_cancelled',
  appointment_not_today: 'checkin_not_today',
};

export function kioskError(e: ErrorBody, key: string | null = null): KioskError {
  const retryable = outcomeUnknown(e);
  const own = e.message === 'offline' ? 'err_offline' : e.message === 'timeout' ? 'err_timeout' : 'err_server';
  return { code: e.code, message: e.message, key: key ?? (retryable ? own : null), retryable };
}

/** Outside ticket hours: say so, and when the kiosk issues again (the server sends the hall-local time). */
export function hallClosedError(e: ErrorBody): KioskError {
  const next = e.fields?.nextOpeningLocal;
  return { code: e.code, message: e.message, key: next ? 'err_hall_closed' : 'err_hall_closed_no_date', retryable: false, ...(next && { nextOpening: next }) };
}
