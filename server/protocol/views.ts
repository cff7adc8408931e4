/** Plain JSON shapes the server presents. Public views carry no personal data at all. */
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'parked' | 'no_show' | 'done' | 'cancelled';
export type Complexity = 'general' | 'complex';
export type TicketSource = 'kiosk' | 'appointment' | 'staff' | 'online';
export type PriorityReason = 'elderly' | 'disabled' | 'military' | 'pregnant' | 'staff_granted';
export type CounterType =
  | 'comprehensive'
  | 'professional'
  | 'consultation'
  | 'pickup'
  | 'assisted'
  | 'complaint'
  | 'cross_region'
  | 'after_hours';
export type CounterStatus = 'closed' | 'open' | 'paused';
/** reviewer: back-office staff of the departments they are linked to (cases only, no counter). */
export type Role = 'admin' | 'manager' | 'staff' | 'reviewer';
export type DeviceKind = 'kiosk' | 'display' | 'counter_display' | 'evaluator_pad';

/** What a wall display may know about a ticket. */
export interface PublicTicketView {
  id: string;
  number: string;
  status: TicketStatus;
  zoneId: string;
  matterId: string;
  matterName: string;
  counterId: string | null;
  counterNumber: number | null;
  calledAt: string | null;
  recallCount: number;
}

/** What counter staff and managers see. Personal data is masked on the server. */
export interface TicketView extends PublicTicketView {
  hallId: string;
  serviceDate: string;
  complexity: Complexity;
  source: TicketSource;
  priority: number;
  priorityReason: PriorityReason | null;
  targetCounterId: string | null;
  issuedAt: string;
  waitStartAt: string;
  waitTargetMinutes: number;
  firstCalledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  transferCount: number;
  lastTransferReason: string | null;
  appointmentSlot: { start: string; end: string } | null;
  visitorIdMasked: string | null;
  /** waitStartAt + waitTargetMinutes: when the wait breaches its target. */
  deadline?: string;
  /** Raised by the target scanner: at_risk at 80 % of the target, breached at 100 %. */
  alertLevel?: TicketAlertLevel;
}

export type TicketAlertLevel = 'none' | 'at_risk' | 'breached';

export interface CounterView {
  id: string;
  hallId: string;
  zoneId: string | null;
  number: number;
  name: string;
  type: CounterType;
  status: CounterStatus;
  pauseReason: string | null;
  /** Who holds the counter (a staff id is not personal data; PublicCounterView never carries it). */
  staffId: string | null;
  staffName: string | null;
  matterIds: string[];
  /** Matters this counter favours a little when ranking (a subset of matterIds). */
  preferredMatterIds: string[];
  /** A disabled counter cannot be taken and serves nothing. */
  active: boolean;
  currentTicketId: string | null;
}

export interface PublicCounterView {
  id: string;
  zoneId: string | null;
  number: number;
  name: string;
  type: CounterType;
  status: CounterStatus;
  /** Why a paused counter is paused (休息, 会议 …); null unless paused. Never who holds the counter. */
  pauseReason: string | null;
  currentTicketNumber: string | null;
}

export interface ZoneView {
  id: string;
  hallId: string;
  code: string;
  name: string;
  sortOrder: number;
  /** Where its visitors wait (floor and area), printed on its tickets; null/absent = not said. */
  location?: string | null;
}

export interface MatterView {
  id: string;
  hallId: string;
  zoneId: string;
  code: string;
  name: string;
  department: string;
  complexity: Complexity;
  ticketPrefix: string;
  waitTargetMinutes: number;
  materials: string[];
  legalLimitDays: number | null;
  promisedLimitDays: number | null;
  flags: MatterFlags;
  active: boolean;
}

export interface MatterFlags {
  zeroMaterial: boolean;
  fullyOnline: boolean;
  onTheSpot: boolean;
}

export interface OpeningSession {
  start: string; // HH:MM, hall-local
  end: string;
  /** ISO weekdays it runs on (1 = Monday … 7 = Sunday); absent = every day (server/domain/weekly-sessions.ts). */
  days?: number[];
}

export interface HallSettings {
  generalWaitTargetMinutes: number;
  complexWaitTargetMinutes: number;
  counterHandlingTargetMinutes: number;
  elderlyAge: number;
  starvationGuard: number;
  missedNumberRule: string;
  /** The same rule on English tickets (a stored hall without it prints the default English text). */
  missedNumberRuleEn?: string;
  announcementRepeat: number;
  /** The hall's service hotline, printed on every ticket ('' = none). */
  hotline?: string;
  // Appointment settings below are optional so hand-built settings and older rows stay valid;
  // the server fills every missing one from DEFAULT_HALL_SETTINGS (effectiveSettings()).
  /** Appointments keep precedence until slot end + this; later arrivals are walk-ins. */
  appointmentGraceMinutes?: number;
  /** A checked-in appointment is called as from its slot start this many minutes before it (0 = from the slot start; docs/routing.md rule 2). */
  earlyAppointmentMinutes?: number;
  /** Default slot length and capacity (per matter per slot); a matter may override both. */
  appointmentSlotMinutes?: number;
  appointmentSlotCapacity?: number;
  /** Booking horizon: from this many calendar days ahead … */
  bookingMinDaysAhead?: number;
  /** … to this many working days ahead. */
  bookingMaxWorkingDaysAhead?: number;
  bookingsPerPersonPerDay?: number;
  bookingCancelCutoffMinutes?: number;
  /** No-show ban: this many no-shows within the window → booking refused for banDays. */
  noShowBanThreshold?: number;
  noShowWindowDays?: number;
  noShowBanDays?: number;
  /** The hall cap of the calling rule: a walk-in ticket that has waited this long is called before the other walk-ins — after the green channel and appointments in their window (0 = none; see docs/routing.md). */
  waitCapMinutes?: number;
  /** The kiosk stops issuing walk-in tickets this many minutes before each session ends. */
  lastTicketMinutes?: number;
  /** End of day: hall-local HH:MM at which tickets still waiting are closed; '24:00' (default) = at midnight (docs/end-of-day.md). */
  dayCutoff?: string;
  /** 好差评 "1、3、1": working days to contact the reviewer, to give the signed reply, to close (docs/evaluations.md); 0 for contact or reply = no deadline of its own, due with the next stage. */
  badReviewContactDays?: number;
  badReviewReplyDays?: number;
  badReviewCloseDays?: number;
  /** How long after a service the counter's evaluator pad offers the rating (then back to idle, nothing submitted). */
  evaluationPromptMinutes?: number;
  /** Open on the calendar's rest days too (weekend service); default false. */
  openOnRestDays?: boolean;
  /** 'sessions' (default): the kiosk issues in opening hours up to the cut-off; 'always': any time (24-hour self-service). */
  kioskIssuing?: 'sessions' | 'always';
  /**
   * Shown on the public booking page (网上预约). A hall created through the admin API starts
   * unpublished until an administrator has configured it and ticks 在预约页面公开; a stored hall
   * without the flag (from before it existed) counts as published.
   */
  bookingPublished?: boolean;
}

/** 1+12+X: a district centre (区中心), its street centres (街镇中心), their service points (村居服务点). */
export type HallLevel = 'district_centre' | 'street_centre' | 'service_point';

export interface HallView {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  sessions: OpeningSession[];
  settings: HallSettings;
  level: HallLevel;
  /** The hall this one rolls up into (null at the top). */
  parentHallId: string | null;
}

export interface CallView {
  seq: number;
  ticketId: string;
  number: string;
  counterNumber: number;
  counterName: string;
  matterName: string;
  at: string;
  recall: boolean;
}

export interface StaffView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  hallIds: string[];
}

/** Snapshot for staff and managers. */
export interface HallSnapshot {
  protocolVersion: number;
  seq: number;
  serverTime: string;
  serviceDate: string;
  hall: HallView;
  zones: ZoneView[];
  matters: MatterView[];
  counters: CounterView[];
  tickets: TicketView[];
  recentCalls: CallView[];
  /** Today's breaks (and back-office half hours) a manager scheduled per counter (HH:MM, hall time; docs/routing.md). */
  scheduledBreaks?: { counterId: string; times: { from: string; to: string }[] }[];
  /** Counters whose workstation is connected now (filled in by the socket layer). */
  onlineCounterIds?: string[];
}

/** Snapshot for public screens: same seq stream, no personal data, no staff names. */
export interface PublicHallSnapshot {
  protocolVersion: number;
  seq: number;
  serverTime: string;
  serviceDate: string;
  hall: {
    id: string;
    name: string;
    timeZone: string;
    announcementRepeat: number;
    /** Printed and shown on every ticket (kiosk). Optional: added after protocol version 1. */
    missedNumberRule?: string;
    /** The same rule for English tickets and the English kiosk screen (the hall's, or the default English text). Added in protocol version 13. */
    missedNumberRuleEn?: string;
    /** Age from which an identity number gives elderly priority (kiosk hint). */
    elderlyAge?: number;
    /** Where visitors' phones reach the public pages (PUBLIC_BASE_URL): the kiosk's QR codes use it. */
    publicBaseUrl?: string;
  };
  zones: ZoneView[];
  counters: PublicCounterView[];
  tickets: PublicTicketView[];
  waitingByZone: Record<string, number>;
  recentCalls: CallView[];
}

export interface IssuedTicket {
  ticket: TicketView;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  token: string;
  /** The phone page the ticket's QR code opens, on the hall's public address: the same URL on paper and on screen. */
  progressUrl: string;
  hallName: string;
  /** The paper ticket: persisted first, printed second. Absent when the issuer has no printer. */
  print?: PrintJobView;
}

export type PrintJobStatus = 'pending' | 'printing' | 'printed' | 'failed';

/** What a print job prints: the queue ticket, or a case document (受理回执, 一次性告知书, 不予受理通知书). */
export type PrintDocument = 'ticket' | 'case_receipt' | 'case_notice' | 'case_refusal';

export interface PrintJobView {
  id: string;
  ticketId: string;
  deviceId: string | null;
  /** Absent on jobs presented before case documents existed: 'ticket'. */
  document?: PrintDocument;
  /** The counter whose printer prints a case document. */
  counterId?: string | null;
  caseId?: string | null;
  status: PrintJobStatus;
  attempts: number;
  reprint: boolean;
  lastError: string | null;
  /** printed · not_printed · interrupted (may have come out, part or all: a reprint needs staff to confirm) · unknown (still open). */
  paper: 'printed' | 'not_printed' | 'interrupted' | 'unknown';
  updatedAt: string;
}

/** A kiosk's thermal printer (raw TCP 9100 printers have no credentials, so nothing is secret). */
export interface PrinterProfileView {
  host: string;
  port: number;
  type: 'epson' | 'star';
  paperWidth: 58 | 80;
  chineseMode: 'fs-and' | 'none';
  qr: 'native' | 'image';
  timeoutMs: number;
}

/**
 * Which printer a kiosk prints on. 'device': set by an admin through the API; 'server_default': the
 * server's PRINTER_HOST (or the demo fake printer) for kiosks never configured; 'none': no printer.
 */
export interface DevicePrinterView {
  deviceId: string;
  hallId: string;
  deviceName: string;
  source: 'device' | 'server_default' | 'none';
  profile: PrinterProfileView | null;
}

/**
 * Which printer a counter prints case documents on. 'counter': set by an admin; 'server_default':
 * the server's PRINTER_HOST (or the demo fake printer) for counters never configured; 'none': the
 * counter prints from the browser instead.
 */
export interface CounterPrinterView {
  counterId: string;
  hallId: string;
  counterNumber: number;
  source: 'counter' | 'server_default' | 'none';
  profile: PrinterProfileView | null;
}

/**
 * What a kiosk printer last said about its paper and cover (DLE EOT 2 and 4), after a job or from the
 * kiosk's printer agent (docs/printing.md "Paper and cover").
 */
export interface PrinterSensorView {
  /** 'near_end': still printing, the roll is nearly used up; 'out': printing stopped for want of paper. */
  paper: 'ok' | 'near_end' | 'out';
  coverOpen: boolean;
  offline: boolean;
  fault: boolean;
  source: 'print_job' | 'agent';
  reportedAt: string;
}

/** Printer health per kiosk for managers, from the outcomes of its recent print jobs and its last sensor answer. */
export interface KioskPrinterStatusView extends DevicePrinterView {
  state: 'ok' | 'failing' | 'unknown' | 'no_printer';
  lastJob: PrintJobView | null;
  /** Failed jobs since the last printed one. */
  consecutiveFailures: number;
  /** The printer's last answer about paper and cover; null when it never answered (e.g. a Star printer). */
  sensor: PrinterSensorView | null;
}

/** A device just created: its token is shown once (only its hash is stored). */
export interface CreatedDevice {
  id: string;
  hallId: string;
  kind: string;
  name: string;
  token: string;
}

/** Who the bearer of a token is (GET /api/auth/me). */
export type WhoAmI =
  | { kind: 'staff'; id: string; role: Role; displayName: string; hallIds: string[] }
  | { kind: 'device'; id: string; deviceKind: DeviceKind; hallId: string; zoneId: string | null; counterId: string | null }
  | { kind: 'system'; id: 'system' };

export interface HealthView {
  status: 'ok' | 'degraded';
  db: 'up' | 'down';
  /** 'local' (one process), 'listening' or 'reconnecting'. */
  fanout: string;
  protocolVersion: number;
  time: string;
}
