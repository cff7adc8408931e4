/**
 * The kiosk's endpoints over an injected `request` (ui-shared http in the browser, a fake in tests).
 * Every call is bounded by a timeout: a hung request must never leave the screen half-way.
 */
import type { Ack } from '../../../server/protocol/errors';
import type { IssuedTicket, MatterView, PrintJobView, PublicHallSnapshot } from '../../../server/protocol/views';
import type { DeviceKind } from '../../../server/protocol/views';
import { delay, type KioskTimers } from './timers';

export type HttpRequest = <T>(method: string, path: string, body?: unknown, token?: string | null) => Promise<Ack<T>>;

export interface DeviceMe {
  kind: 'device' | 'staff' | 'system';
  deviceKind?: DeviceKind;
  hallId?: string;
  /** A kiosk placed in one service area offers only that area's matters. */
  zoneId?: string | null;
}

export interface IssueBody {
  commandId: string;
  matterId: string;
  idNumber?: string;
  greenChannel?: 'disabled' | 'military' | 'pregnant';
  language: 'zh-CN' | 'en';
}

export interface CheckInBody {
  commandId: string;
  code?: string;
  idNumber?: string;
  language?: 'zh-CN' | 'en';
}

export interface KioskApi {
  me(): Promise<Ack<DeviceMe>>;
  publicSnapshot(hallId: string): Promise<Ack<PublicHallSnapshot>>;
  matters(hallId: string): Promise<Ack<MatterView[]>>;
  issue(hallId: string, body: IssueBody): Promise<Ack<IssuedTicket>>;
  printJob(id: string): Promise<Ack<PrintJobView>>;
  checkIn(hallId: string, body: CheckInBody): Promise<Ack<unknown>>;
  /** 统一出件: a pickup ticket for a ready case. */
  pickup(hallId: string, body: PickupBody): Promise<Ack<IssuedTicket & { caseNumber: string; pickupCounterNumber: number }>>;
}

export interface PickupBody {
  commandId: string;
  caseNumber?: string;
  idNumber?: string;
  language: 'zh-CN' | 'en';
}

export const REQUEST_TIMEOUT_MS = 10_000;

export function createKioskApi(request: HttpRequest, token: string, timers: KioskTimers, timeoutMs = REQUEST_TIMEOUT_MS): KioskApi {
  const call = <T>(method: string, path: string, body?: unknown): Promise<Ack<T>> =>
    Promise.race([
      request<T>(method, path, body, token),
      delay(timers, timeoutMs).then((): Ack<T> => ({ ok: false, error: { code: 'internal_error', message: 'timeout' } })),
    ]);
  const hall = (hallId: string) => `/api/halls/${encodeURIComponent(hallId)}`;
  return {
    me: () => call('GET', '/api/auth/me'),
    publicSnapshot: (hallId) => call('GET', `${hall(hallId)}/public-snapshot`),
    matters: (hallId) => call('GET', `${hall(hallId)}/matters`),
    issue: (hallId, body) => call('POST', `${hall(hallId)}/tickets`, body),
    printJob: (id) => call('GET', `/api/print-jobs/${encodeURIComponent(id)}`),
    checkIn: (hallId, body) => call('POST', `${hall(hallId)}/appointments/check-in`, body),
    pickup: (hallId, body) => call('POST', `${hall(hallId)}/pickup-tickets`, body),
  };
}

/** The outcome of a failed call is unknown (it may have been applied): retry with the same commandId. */
export function outcomeUnknown(error: { code: string }): boolean {
  return error.code === 'internal_error' || error.code === 'rate_limited' || error.code === 'database_unavailable';
}

/** A 404 from the router itself (the endpoint does not exist yet), as opposed to "no such record". */
export function isMissingRoute(error: { code: string; message: string }): boolean {
  if (error.code === 'not_found') return /^No route for /.test(error.message);
  return error.code === 'internal_error' && /^HTTP (404|405|501)$/.test(error.message);
}
