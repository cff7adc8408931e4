/** The public booking endpoints (no sign-in) over an injected `request` (ui-shared http, or a fake in tests). */
import type {
  AppointmentView,
  BookableMatterView,
  BookingCalendarView,
  BookingHallView,
  BookingReceipt,
} from '../../../server/protocol/appointments';
import type { BodyOf, OutputOf } from '../../../server/protocol/endpoint';
import type { Endpoints } from '../../../server/protocol/endpoints';
import type { Ack } from '../../../server/protocol/errors';
import { createApiClient, type RequestFn } from '../../../ui-shared/src/api-client';

export type HttpRequest = RequestFn;
export type BookBody = BodyOf<Endpoints['bookOnline']>;

export type PhoneCodeSent = OutputOf<Endpoints['phoneCode']>;

export interface BookingApi {
  halls(): Promise<Ack<BookingHallView[]>>;
  matters(hallId: string): Promise<Ack<BookableMatterView[]>>;
  slots(hallId: string, matterId: string): Promise<Ack<BookingCalendarView>>;
  requestCode(body: BodyOf<Endpoints['phoneCode']>): Promise<Ack<PhoneCodeSent>>;
  book(hallId: string, body: BookBody): Promise<Ack<BookingReceipt>>;
  lookup(body: BodyOf<Endpoints['lookupBooking']>): Promise<Ack<BookingReceipt>>;
  cancel(body: BodyOf<Endpoints['cancelBooking']>): Promise<Ack<AppointmentView>>;
}

export function createBookingApi(request: HttpRequest): BookingApi {
  const client = createApiClient(request);
  return {
    halls: () => client.call('bookingHalls'),
    matters: (hallId) => client.call('bookableMatters', { params: { hallId } }),
    slots: (hallId, matterId) => client.call('bookingSlots', { params: { hallId, matterId } }),
    requestCode: (body) => client.call('phoneCode', { body }),
    book: (hallId, body) => client.call('bookOnline', { params: { hallId }, body }),
    lookup: (body) => client.call('lookupBooking', { body }),
    cancel: (body) => client.call('cancelBooking', { body }),
  };
}
