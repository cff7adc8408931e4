/** The public booking endpoints (no sign-in) over an injected `request` (ui-shared http, or a fake in tests). */
import type {
  AppointmentView,
  BookableMatterView,
  BookingCalendarView,
  BookingHallView,
  BookingReceipt,
} from '../../../server/protocol/appointments';
import type { Ack } from '../../../server/protocol/errors';

export type HttpRequest = <T>(method: string, path: string, body?: unknown, token?: string | null) => Promise<Ack<T>>;

export interface BookBody {
  commandId: string;
  matterId: string;
  date: string;
  slotStart: string;
  idNumber: string;
  phone: string;
  /** The six-digit code sent to `phone` (requestCode). */
  phoneCode: string;
  language: 'zh-CN' | 'en';
}

export interface PhoneCodeSent {
  sentTo: string;
  expiresAt: string;
  resendAfterSeconds: number;
}

export interface BookingApi {
  halls(): Promise<Ack<BookingHallView[]>>;
  matters(hallId: string): Promise<Ack<BookableMatterView[]>>;
  slots(hallId: string, matterId: string): Promise<Ack<BookingCalendarView>>;
  requestCode(body: { phone: string; language: 'zh-CN' | 'en' }): Promise<Ack<PhoneCodeSent>>;
  book(hallId: string, body: BookBody): Promise<Ack<BookingReceipt>>;
  lookup(body: { code: string; idNumber: string }): Promise<Ack<BookingReceipt>>;
  cancel(body: { commandId: string; code: string; idNumber: string; language: 'zh-CN' | 'en' }): Promise<Ack<AppointmentView>>;
}

export function createBookingApi(request: HttpRequest): BookingApi {
  const hall = (id: string) => `/api/booking/halls/${encodeURIComponent(id)}`;
  return {
    halls: () => request('GET', '/api/booking/halls'),
    matters: (hallId) => request('GET', `${hall(hallId)}/matters`),
    slots: (hallId, matterId) => request('GET', `${hall(hallId)}/matters/${encodeURIComponent(matterId)}/slots`),
    requestCode: (body) => request('POST', '/api/booking/phone-codes', body),
    book: (hallId, body) => request('POST', `${hall(hallId)}/appointments`, body),
    lookup: (body) => request('POST', '/api/booking/appointments/lookup', body),
    cancel: (body) => request('POST', '/api/booking/appointments/cancel', body),
  };
}
