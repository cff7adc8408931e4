/** Appointments (统一预约): request schemas and views shared by the server and booking-ui. */
import { z } from 'zod';
import { isRealIsoDate } from './safe-text';
import type { IssuedTicket } from './views';

const id = z.string().uuid();
const commandId = z.string().trim().min(8).max(100);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine(isRealIsoDate, 'not a real date');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const language = z.enum(['zh-CN', 'en']);
/** Booking codes: 8 characters without look-alikes (no 0 O 1 I). Lower case is accepted. */
export const BOOKING_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const bookingCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-HJ-NP-Z2-9]{8}$/, '8 letters or digits'));

export const bookingCreate = z
  .object({
    commandId,
    matterId: id,
    date: isoDate,
    slotStart: hhmm,
    idNumber: z.string().trim().min(1).max(32),
    phone: z.string().trim().min(1).max(32),
    /** The code sent to `phone` (POST /api/booking/phone-codes): required on the public booking page, not for staff. */
    phoneCode: z.string().trim().regex(/^\d{6}$/, 'six digits').optional(),
    language: language.optional(),
  })
  .strict();

export const phoneCodeRequest = z.object({ phone: z.string().trim().min(1).max(32), language: language.optional() }).strict();

export const bookingLookup = z.object({ code: bookingCode, idNumber: z.string().trim().min(1).max(32) }).strict();

export const bookingCancel = z
  .object({ commandId, code: bookingCode, idNumber: z.string().trim().min(1).max(32), language: language.optional() })
  .strict();

export const staffBookingCancel = z.object({ commandId, reason: z.string().trim().max(200).optional() }).strict();

export const appointmentCheckIn = z
  .object({
    commandId,
    code: bookingCode.optional(),
    idNumber: z.string().trim().min(1).max(32).optional(),
    language: language.optional(),
  })
  .strict()
  .refine((v) => (v.code === undefined) !== (v.idNumber === undefined), {
    message: 'give either code or idNumber',
    path: ['code'],
  });

export const appointmentListQuery = z.object({ date: isoDate }).strict();

export const matterBookingRuleInput = z
  .object({
    bookable: z.boolean(),
    slotMinutes: z.number().int().min(10).max(240).nullable(),
    slotCapacity: z.number().int().min(0).max(200).nullable(),
  })
  .partial()
  .strict();

export const calendarOverrideInput = z.object({ working: z.boolean(), note: z.string().trim().max(60).optional() }).strict();

export type BookingCreate = z.output<typeof bookingCreate>;
export type AppointmentCheckIn = z.output<typeof appointmentCheckIn>;

export type AppointmentStatus = 'booked' | 'checked_in' | 'cancelled' | 'no_show' | 'late';
export type BookingChannel = 'online' | 'staff';

export interface SlotView {
  start: string; // HH:MM hall-local
  end: string;
  startAt: string; // ISO instant
  endAt: string;
  capacity: number;
  remaining: number;
}

export interface BookingDayView {
  date: string;
  note: string | null; // e.g. '国庆节' on a make-up working day
  slots: SlotView[];
}

export interface BookingCalendarView {
  hallId: string;
  matterId: string;
  today: string;
  days: BookingDayView[];
  /** The first date whose official holiday arrangement is not yet known: nothing from there on is offered. */
  calendarUnknownFrom: string | null;
}

export interface BookableMatterView {
  id: string;
  name: string;
  zoneId: string;
  zoneName: string;
  department: string;
  complexity: 'general' | 'complex';
  waitTargetMinutes: number;
  slotMinutes: number;
  materials: string[];
  /** It has a public guide page (/g/<id>): what to bring before coming. */
  hasGuide?: boolean;
}

export interface BookingHallView {
  id: string;
  name: string;
  timeZone: string;
  sessions: { start: string; end: string }[];
  rules: {
    minDaysAhead: number;
    maxWorkingDaysAhead: number;
    perPersonPerDay: number;
    cancelCutoffMinutes: number;
    graceMinutes: number;
    noShowBanThreshold: number;
    noShowWindowDays: number;
    noShowBanDays: number;
  };
}

/** An appointment as the visitor or staff see it: identity number and phone masked. */
export interface AppointmentView {
  id: string;
  hallId: string;
  hallName: string;
  /** The hall's time zone, for showing the instants below in hall-local time. */
  timeZone: string;
  matterId: string;
  matterName: string;
  date: string;
  slotStart: string; // ISO
  slotEnd: string;
  slotLabel: string; // '09:30–10:00'
  status: AppointmentStatus;
  code: string;
  channel: BookingChannel;
  idMasked: string;
  phoneMasked: string;
  createdAt: string;
  /** Cancelling is possible until this instant. */
  cancelUntil: string;
  /** Check in by this instant to keep the appointment's precedence (slot end + grace). */
  checkInUntil: string;
  checkedInAt: string | null;
  ticketId: string | null;
}

export interface BookingReceipt {
  appointment: AppointmentView;
  /** QR code (SVG markup) holding the booking code only — no personal data. */
  qrSvg: string;
}

/** The appointment as a check-in answers it: whoever holds a code learns no personal data, not even masked. */
export type CheckedInAppointmentView = Omit<AppointmentView, 'idMasked' | 'phoneMasked'>;

export interface CheckInResult {
  issued: IssuedTicket;
  appointment: CheckedInAppointmentView;
  /** True when the visitor arrived after slot end + grace: the ticket carries no appointment precedence. */
  walkIn: boolean;
  notice: string | null;
}

/** The working-day calendar as admins see it. */
export interface CalendarAdminView {
  coveredYears: number[];
  pendingYears: number[];
  declaredYears: number[];
  overrides: { date: string; working: boolean; note: string | null }[];
}

/** A matter's booking rule as stored: null = the hall default. */
export interface MatterBookingRuleView {
  matterId: string;
  bookable: boolean;
  slotMinutes: number | null;
  slotCapacity: number | null;
}

/** A phone code was sent (POST /api/booking/phone-codes). */
export interface PhoneCodeSent {
  sentTo: string;
  expiresAt: string;
  resendAfterSeconds: number;
}
