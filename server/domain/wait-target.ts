import type { Complexity, HallSettings } from '../protocol/views';

/**
 * Minutes a service is assumed to take while a matter has too few recent services to measure
 * (docs/domain.md, "Waiting-time estimates"): the queue estimate and the staffing plan use it alike.
 */
export const FALLBACK_SERVICE_MINUTES: Readonly<Record<Complexity, number>> = { general: 8, complex: 20 };

/** Hall settings with every optional one filled in. */
export type EffectiveHallSettings = Required<HallSettings>;

export const DEFAULT_HALL_SETTINGS: EffectiveHallSettings = {
  generalWaitTargetMinutes: 10,
  complexWaitTargetMinutes: 30,
  counterHandlingTargetMinutes: 20,
  elderlyAge: 60,
  starvationGuard: 3,
  missedNumberRule: '过号请到服务台重新激活，当日有效',
  missedNumberRuleEn: 'Missed your number? Ask at the service desk to reactivate it. Valid today only.',
  announcementRepeat: 2,
  hotline: '',
  appointmentGraceMinutes: 15,
  earlyAppointmentMinutes: 5,
  appointmentSlotMinutes: 30,
  appointmentSlotCapacity: 4,
  bookingMinDaysAhead: 1,
  bookingMaxWorkingDaysAhead: 5,
  bookingsPerPersonPerDay: 1,
  bookingCancelCutoffMinutes: 120,
  noShowBanThreshold: 2,
  noShowWindowDays: 30,
  noShowBanDays: 90,
  waitCapMinutes: 60,
  lastTicketMinutes: 30,
  dayCutoff: '24:00',
  badReviewContactDays: 1,
  badReviewReplyDays: 3,
  badReviewCloseDays: 1,
  evaluationPromptMinutes: 5,
  openOnRestDays: false,
  kioskIssuing: 'sessions',
  // A stored hall without the flag was on the booking page before it existed; a new hall is created unpublished (admin/halls.ts).
  bookingPublished: true,
};

/** A hall's settings with the defaults of any it does not set (e.g. rows from before a setting existed). */
export function effectiveSettings(settings: HallSettings): EffectiveHallSettings {
  return { ...DEFAULT_HALL_SETTINGS, ...settings };
}

export function waitTargetMinutes(
  matter: { complexity: Complexity; waitTargetMinutes: number | null },
  settings: HallSettings,
): number {
  if (matter.waitTargetMinutes != null) return matter.waitTargetMinutes;
  return matter.complexity === 'complex' ? settings.complexWaitTargetMinutes : settings.generalWaitTargetMinutes;
}

/** Waiting time is measured from max(issue time, appointment slot start). */
export function waitStart(issuedAt: Date, slotStart: Date | null): Date {
  return slotStart && slotStart > issuedAt ? slotStart : issuedAt;
}
