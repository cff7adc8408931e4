import type { PrinterStatus } from './printer-status';

// Public data types of the ticket printer. The printer profile type lives next to its zod schema
// in printer-profile.ts so the two cannot drift apart.

export type TicketLanguage = 'zh-CN' | 'en';

export interface TicketPrintData {
  hallName: string;
  /** e.g. "A023". Printed as ASCII, never replaced: layoutTicket refuses a number it cannot print exactly. */
  number: string;
  matterName: string;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  issuedAt: Date;
  /** Hall time zone, e.g. 'Asia/Shanghai'; date and time are formatted in it. */
  timeZone: string;
  /** URL of the ticket's progress page with its random token. No personal data. */
  qrContent: string;
  appointmentSlot?: { start: Date; end: Date } | null;
  /** From hall settings, e.g. "过号请重新取号". */
  missedNumberRule: string;
  /** Reprints are marked "补打". */
  reprint?: boolean;
  /** Default 'zh-CN'. */
  language?: TicketLanguage;
  /** Printed as 【老年人优先】 etc. (staff-granted priority is not printed: it is the counter's call). */
  priorityReason?: 'elderly' | 'disabled' | 'military' | 'pregnant' | 'staff_granted' | null;
  /** An appointment's ticket: printed as 【预约】 (with its slot when known). */
  appointment?: boolean;
  /** Where to wait, e.g. "自然人服务区（1楼西侧）". */
  waitArea?: string | null;
  /** The hall's service hotline. */
  hotline?: string | null;
}

export type Align = 'left' | 'center' | 'right';
/** Character magnification, the same horizontally and vertically (1 = normal, 4 = 4x). */
export type TextSize = 1 | 2 | 3 | 4;

/** One printed line: already sanitised and wrapped, so displayWidth(text) * size <= columns. */
export interface TextBlock {
  kind: 'text';
  text: string;
  align: Align;
  size: TextSize;
  bold: boolean;
}
export interface RuleBlock { kind: 'rule'; char: '-' | '=' }
export interface QrBlock { kind: 'qr'; content: string; /** dots per QR module */ moduleDots: number }
export interface FeedBlock { kind: 'feed'; lines: number }
export interface CutBlock { kind: 'cut' }
export type LayoutBlock = TextBlock | RuleBlock | QrBlock | FeedBlock | CutBlock;

export interface TicketLayout {
  /** Font A columns of the paper: 32 for 58 mm, 48 for 80 mm. */
  columns: number;
  blocks: LayoutBlock[];
}

/** `printer_problem`: the printer read the job but says it cannot print it now (paper out, cover open, offline). */
export type PrintFailure = 'unreachable' | 'refused' | 'stalled' | 'closed_mid_job' | 'printer_problem' | 'error';

/**
 * Result of one hand-off to a printer. `printerStatus`: the printer's own answer to DLE EOT 1, 2, 4
 * (only when it answered: 'status' confirmation, or a 'printer_problem' failure). `ok: true` means the bytes were accepted by the socket (and,
 * by `confirmation`, how far we know they went) — it does NOT mean paper came out.
 */
export type PrintOutcome =
  | { ok: true; ms: number; confirmation: 'socket' | 'peer_closed' | 'status'; statusByte?: number; paperNearEnd?: boolean; printerStatus?: PrinterStatus }
  | { ok: false; failure: PrintFailure; message: string; ms: number; printerStatus?: PrinterStatus };

/** The paper a counter hands over for a case (办件) outcome. */
export type CaseDocumentKind = 'case_receipt' | 'case_notice' | 'case_refusal';
export type CaseDelivery = 'pickup' | 'post' | 'electronic';

/** What goes on a case document. Carries no personal data beyond the case number: the QR holds the ticket's random token. */
export interface CaseDocumentPrintData {
  kind: CaseDocumentKind;
  hallName: string;
  /** Digits only, e.g. "202612010001"; printed large. */
  caseNumber: string;
  matterName: string;
  departmentName: string;
  /** When the outcome was recorded; date and time are formatted in timeZone. */
  issuedAt: Date;
  timeZone: string;
  counterNumber: number | null;
  /** Receipt: the promised completion date (hall-local YYYY-MM-DD); null when done on the spot. */
  dueDate: string | null;
  onTheSpot: boolean;
  resultName: string;
  delivery: CaseDelivery;
  /** Notice: every missing item in the guide's wording; receipt under 容缺: the promised items. */
  items: string[];
  /** Notice: come back by; 容缺 receipt: supply by. Hall-local YYYY-MM-DD. */
  deadline: string | null;
  /** Refusal: the recorded reason. */
  reason: string | null;
  /** The department's enquiry phone. */
  contact: string | null;
  hotline: string | null;
  /** The public progress page of the case (the visitor's ticket token). */
  progressUrl: string;
  reprint?: boolean;
  language?: TicketLanguage;
}
