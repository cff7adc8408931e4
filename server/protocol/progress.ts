/** The visitor's phone page behind the ticket QR: what GET /api/progress/:token answers. No personal data beyond masked fields. */
import type { PublicTicketView } from './views';
import type { CaseProgressView } from './cases';

export interface ProgressView {
  hallName: string;
  /** The hall's time zone, for showing times as the hall's clock reads them. */
  timeZone: string;
  serviceDate: string;
  ticket: PublicTicketView;
  /** Only while the ticket is waiting. */
  peopleAhead?: number;
  estimatedWaitMinutes?: number | null;
  /** The case (办件) opened from this ticket, or continued by it; null before acceptance. */
  case: CaseProgressView | null;
}
