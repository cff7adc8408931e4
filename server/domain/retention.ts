/**
 * How long each kind of record is kept (issue #11 §11; docs/security.md). Pure: the purge job asks
 * for the cut-off instants at `now` and deletes or blanks what is older.
 *  - command results (the idempotency memory of commandIds): 7 days — a retry comes within minutes;
 *  - visitors' identity numbers and phones on tickets and appointments: 180 days after the
 *    service day — long enough for complaints and 好差评 follow-up; for appointments at least as
 *    long as the hall's no-show rule looks back (window + ban), so a ban is never cut short;
 *  - the audit trails are never purged (DOMAIN §10 asks for at least 6 months): ticket_events, the
 *    append-only record of every change, holds no personal data (reasons are screened, see
 *    free-text.ts); audit_entries (changes outside a hall's events, and reads of personal data)
 *    names what was read, never the data, and its trigger refuses UPDATE and DELETE;
 *  - expired sessions and phone codes: a day after they expired;
 *  - abuse counters (throttle_counters): as soon as their window, lock and back-off memory are over.
 */
export const RETENTION_DAYS = {
  commandResults: 7,
  visitorData: 180,
  expiredCredentials: 1,
} as const;

const DAY_MS = 86_400_000;

export interface RetentionCutoffs {
  commandResultsBefore: Date;
  credentialsExpiredBefore: Date;
  /** Tickets of service days before this (YYYY-MM-DD, compared as text) lose their visitor data. */
  ticketDayBefore: string;
}

function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function retentionCutoffs(now: Date, days: { [K in keyof typeof RETENTION_DAYS]: number } = RETENTION_DAYS): RetentionCutoffs {
  const ago = (d: number) => new Date(now.getTime() - d * DAY_MS);
  return {
    commandResultsBefore: ago(days.commandResults),
    credentialsExpiredBefore: ago(days.expiredCredentials),
    ticketDayBefore: isoDay(ago(days.visitorData)),
  };
}

/** Appointments of service days before this keep no visitor data: never sooner than the hall's no-show rule needs them. */
export function appointmentDayBefore(now: Date, noShow: { noShowWindowDays: number; noShowBanDays: number }, visitorDataDays: number = RETENTION_DAYS.visitorData): string {
  return isoDay(new Date(now.getTime() - Math.max(visitorDataDays, noShow.noShowWindowDays + noShow.noShowBanDays + 1) * DAY_MS));
}
