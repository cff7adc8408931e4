/** Stable, snake_case error codes shared by HTTP, socket acks and every UI. */
export const ERROR_CODES = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 423,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** Deleting or disabling something still in use (a matter with waiting visitors, a held counter, a zone with counters). */
  in_use: 409,
  /** The change would leave no active administrator. */
  last_admin: 409,
  invalid_transition: 409,
  wrong_counter: 409,
  counter_busy: 409,
  counter_not_open: 409,
  counter_taken: 409,
  /** Taking a counter while still holding another (e.g. after closing the browser): release that one first. */
  staff_at_other_counter: 409,
  queue_empty: 409,
  matter_not_served: 409,
  hall_closed: 409,
  no_printer: 409,
  /** The ticket's last print may have come out (stalled, cut mid-job, printer problem, or still open): a reprint needs staff to confirm. */
  reprint_unconfirmed: 409,
  calendar_year_unknown: 422,
  booking_not_open: 409,
  slot_full: 409,
  booking_limit_reached: 409,
  booking_banned: 403,
  cancel_too_late: 409,
  appointment_not_today: 409,
  evaluation_level_invalid: 400,
  evaluation_reason_required: 400,
  already_evaluated: 409,
  service_not_finished: 409,
  callback_required: 409,
  case_notice_empty: 409,
  case_materials_missing: 409,
  case_not_tolerable: 409,
  case_not_on_the_spot: 409,
  case_not_ready: 409,
  case_identity_mismatch: 409,
  case_no_guide: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  /** The database cannot be reached (outage, restart): nothing was written; try again shortly. */
  database_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level details for validation errors: path → message. */
  fields?: Record<string, string>;
  /** What a screen needs to offer the fix, e.g. the counter to release for staff_at_other_counter. */
  detail?: ErrorDetail;
}

export interface ErrorDetail {
  counterId?: string;
  counterNumber?: number;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
