/**
 * The kiosk's endpoints over an injected `request` (ui-shared http in the browser, a fake in tests).
 * Every call is bounded by a timeout: a hung request must never leave the screen half-way.
 */
import type { BodyOf } from '../../../server/protocol/endpoint';
import type { Endpoints } from '../../../server/protocol/endpoints';
import type { Ack } from '../../../server/protocol/errors';
import type { CheckInResult } from '../../../server/protocol/appointments';
import type { PickupIssued } from '../../../server/protocol/cases';
import type { IssuedTicket, MatterView, PrintJobView, PublicHallSnapshot, WhoAmI } from '../../../server/protocol/views';
import { createApiClient, type RequestFn } from '../../../ui-shared/src/api-client';
import { delay, type KioskTimers } from './timers';

export type HttpRequest = RequestFn;
/** Who the kiosk's token belongs to (GET /api/auth/me). */
export type DeviceMe = WhoAmI;
export type IssueBody = BodyOf<Endpoints['issueTicket']>;
export type CheckInBody = BodyOf<Endpoints['checkIn']>;
export type PickupBody = BodyOf<Endpoints['pickupTicket']>;

export interface KioskApi {
  me(): Promise<Ack<DeviceMe>>;
  publicSnapshot(hallId: string): Promise<Ack<PublicHallSnapshot>>;
  matters(hallId: string): Promise<Ack<MatterView[]>>;
  issue(hallId: string, body: IssueBody): Promise<Ack<IssuedTicket>>;
  printJob(id: string): Promise<Ack<PrintJobView>>;
  checkIn(hallId: string, body: CheckInBody): Promise<Ack<CheckInResult>>;
  /** 统一出件: a pickup ticket for a ready case. */
  pickup(hallId: string, body: PickupBody): Promise<Ack<PickupIssued>>;
}

export const REQUEST_TIMEOUT_MS = 10_000;

export function createKioskApi(request: HttpRequest, token: string, timers: KioskTimers, timeoutMs = REQUEST_TIMEOUT_MS): KioskApi {
  const bounded: RequestFn = <T>(method: string, path: string, body?: unknown, tok?: string | null): Promise<Ack<T>> =>
    Promise.race([
      request<T>(method, path, body, tok),
      delay(timers, timeoutMs).then((): Ack<T> => ({ ok: false, error: { code: 'internal_error', message: 'timeout' } })),
    ]);
  const client = createApiClient(bounded, () => token);
  return {
    me: () => client.call('me'),
    publicSnapshot: (hallId) => client.call('publicSnapshot', { params: { hallId } }),
    matters: (hallId) => client.call('listMatters', { params: { hallId } }),
    issue: (hallId, body) => client.call('issueTicket', { params: { hallId }, body }),
    printJob: (printJobId) => client.call('getPrintJob', { params: { printJobId } }),
    checkIn: (hallId, body) => client.call('checkIn', { params: { hallId }, body }),
    pickup: (hallId, body) => client.call('pickupTicket', { params: { hallId }, body }),
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
