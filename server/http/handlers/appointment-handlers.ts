/**
 * Appointments (统一预约): the public booking page (no sign-in, rate-limited per client address);
 * staff booking, list and cancel, kiosk check-in, per-matter booking rules and the calendar.
 */
import { bookableMatters, bookingCalendar, bookingHall, bookingHalls } from '../../app/appointments/availability';
import { bookAppointment } from '../../app/appointments/book';
import { requestPhoneCode, verifyPhoneCode } from '../../app/appointments/phone-code';
import { calendarAdminView, declareCalendarYear, deleteCalendarOverride, setCalendarOverride } from '../../app/appointments/calendar';
import { checkInAppointment } from '../../app/appointments/check-in';
import { cancelByStaff, cancelByVisitor, listAppointments, lookupBooking } from '../../app/appointments/manage';
import { saveMatterBookingRule } from '../../app/appointments/matter-rules';
import { AppError } from '../../app/app-error';
import { signedIn, type EndpointHandlers } from '../handler';

type AppointmentEndpoints =
  | 'bookingHalls' | 'bookingHall' | 'bookableMatters' | 'bookingSlots' | 'phoneCode' | 'bookOnline' | 'lookupBooking' | 'cancelBooking'
  | 'checkIn' | 'bookForVisitor' | 'listAppointments' | 'cancelAppointment' | 'saveBookingRule'
  | 'calendar' | 'setCalendarOverride' | 'deleteCalendarOverride' | 'declareCalendarYear';

export const appointmentHandlers: EndpointHandlers<AppointmentEndpoints> = {
  bookingHalls: (deps) => bookingHalls(deps),
  bookingHall: (deps, { params }) => bookingHall(deps, params.hallId),
  bookableMatters: (deps, { params }) => bookableMatters(deps, params.hallId),
  bookingSlots: (deps, { params }) => bookingCalendar(deps, params.hallId, params.matterId),
  phoneCode: (deps, { body }) => requestPhoneCode(deps, body),
  async bookOnline(deps, { params, body }) {
    // The public page proves the phone first (the code sent to it); staff booking at the desk does not.
    await verifyPhoneCode(deps, body);
    return bookAppointment(deps, null, params.hallId, body);
  },
  lookupBooking: (deps, { body }) => lookupBooking(deps, body),
  cancelBooking: (deps, { body }) => cancelByVisitor(deps, body),
  checkIn: (deps, { actor, params, body }) => checkInAppointment(deps, signedIn(actor), params.hallId, body),
  bookForVisitor: (deps, { actor, params, body }) => bookAppointment(deps, signedIn(actor), params.hallId, body),
  listAppointments: (deps, { actor, params, query }) => listAppointments(deps, signedIn(actor), params.hallId, query.date),
  cancelAppointment: (deps, { actor, params, body }) => cancelByStaff(deps, signedIn(actor), params.hallId, params.appointmentId, body),
  saveBookingRule: (deps, { actor, params, body }) => saveMatterBookingRule(deps, signedIn(actor), params.hallId, params.matterId, body),
  calendar: (deps, { actor }) => calendarAdminView(deps, signedIn(actor)),
  async setCalendarOverride(deps, { actor, params, body }) {
    await setCalendarOverride(deps, signedIn(actor), params.date, body);
    return calendarAdminView(deps, signedIn(actor));
  },
  async deleteCalendarOverride(deps, { actor, params }) {
    await deleteCalendarOverride(deps, signedIn(actor), params.date);
    return calendarAdminView(deps, signedIn(actor));
  },
  async declareCalendarYear(deps, { actor, params }) {
    // Four decimal digits only: Number('0x7e3') is 2019, Number('2e3') is 2000.
    if (!/^\d{4}$/.test(params.year)) throw new AppError('validation_failed', 'year must be four decimal digits', { year: 'four decimal digits' });
    await declareCalendarYear(deps, signedIn(actor), Number(params.year));
    return calendarAdminView(deps, signedIn(actor));
  },
};
