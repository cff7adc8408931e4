/**
 * Paper tickets: one row per print job, written in the transaction that issues (or reprints) the
 * ticket, sent to the printer only after commit. Status changes are guarded UPDATEs by the process
 * holding the claim (claimed_by + lease_until), so several processes on one database never send the
 * same job twice while its lease runs.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PrintDocument, PrintJobStatus, PriorityReason } from '../server/protocol/views';
import { counters, devices, halls, tickets } from './schema';
import { cases } from './schema-cases';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** What goes on paper, as JSON. Carries no personal data: the QR holds the ticket's random token. */
export interface StoredTicketPrint {
  hallName: string;
  number: string;
  matterName: string;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  issuedAt: string;
  timeZone: string;
  qrContent: string;
  appointmentSlot: { start: string; end: string } | null;
  missedNumberRule: string;
  language: 'zh-CN' | 'en';
  // Optional: jobs stored before these were printed existed have none of them.
  /** Green channel or elderly priority, printed as e.g. 【老年人优先】. */
  priorityReason?: PriorityReason | null;
  /** An appointment's ticket (checked in), printed as 【预约】. */
  appointment?: boolean;
  /** Where to wait: the zone's name and location, e.g. "自然人服务区（1楼西侧）". */
  waitArea?: string | null;
  /** The hall's service hotline. */
  hotline?: string | null;
}

/** What goes on a case document (受理回执, 一次性告知书, 不予受理通知书), as JSON: the case number, no identity data. */
export interface StoredCaseDocumentPrint {
  hallName: string;
  caseNumber: string;
  matterName: string;
  departmentName: string;
  issuedAt: string;
  timeZone: string;
  counterNumber: number | null;
  dueDate: string | null;
  onTheSpot: boolean;
  resultName: string;
  delivery: 'pickup' | 'post' | 'electronic';
  items: string[];
  deadline: string | null;
  reason: string | null;
  contact: string | null;
  hotline: string | null;
  progressUrl: string;
  language: 'zh-CN' | 'en';
}

/** The payload of a job: a queue ticket (document 'ticket') or a case document. */
export type StoredPrint = StoredTicketPrint | StoredCaseDocumentPrint;

export const printJobs = pgTable(
  'print_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id),
    /** What is printed: the queue ticket, or a case document (the ticket is then the visitor's ticket at the counter). */
    document: text('document').$type<PrintDocument>().notNull().default('ticket'),
    /** The kiosk whose printer prints it (null for a counter's job, or if the device row is gone). */
    deviceId: uuid('device_id').references(() => devices.id),
    /** The counter whose printer prints a case document (docs/cases.md "Printing at the counter"). */
    counterId: uuid('counter_id').references(() => counters.id),
    caseId: uuid('case_id').references(() => cases.id),
    status: text('status').$type<PrintJobStatus>().notNull().default('pending'),
    /** Sends tried so far, across restarts. */
    attempts: integer('attempts').notNull().default(0),
    reprint: boolean('reprint').notNull().default(false),
    lastError: text('last_error'),
    payload: jsonb('payload').$type<StoredPrint>().notNull(),
    /** Process instance that may send this job and write its status, while lease_until is ahead. */
    claimedBy: text('claimed_by'),
    leaseUntil: ts('lease_until'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    printedAt: ts('printed_at'),
  },
  (t) => [
    check('print_jobs_status', sql`${t.status} in ('pending', 'printing', 'printed', 'failed')`),
    index('print_jobs_ticket').on(t.ticketId),
    index('print_jobs_device_recent').on(t.deviceId, t.createdAt),
    index('print_jobs_counter_recent').on(t.counterId, t.createdAt),
    index('print_jobs_case').on(t.caseId),
    check('print_jobs_document', sql`${t.document} in ('ticket', 'case_receipt', 'case_notice', 'case_refusal')`),
    index('print_jobs_open').on(t.status).where(sql`${t.status} in ('pending', 'printing')`),
  ],
);

/**
 * The last thing each kiosk's printer said about its paper and cover (DLE EOT 2 and 4), one row per
 * kiosk, replaced on every answer: read by the server after each job, or reported by a printer
 * agent at the kiosk (docs/printing.md "Paper and cover"). A printer that never answered has no row.
 */
export const printerStatus = pgTable(
  'printer_status',
  {
    deviceId: uuid('device_id')
      .primaryKey()
      .references(() => devices.id, { onDelete: 'cascade' }),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    paper: text('paper').$type<'ok' | 'near_end' | 'out'>().notNull(),
    coverOpen: boolean('cover_open').notNull(),
    offline: boolean('offline').notNull(),
    fault: boolean('fault').notNull(),
    /** 'print_job': read after a job; 'agent': sent by the kiosk's printer agent. */
    source: text('source').$type<'print_job' | 'agent'>().notNull(),
    reportedAt: ts('reported_at').notNull(),
  },
  (t) => [
    check('printer_status_paper', sql`${t.paper} in ('ok', 'near_end', 'out')`),
    check('printer_status_source', sql`${t.source} in ('print_job', 'agent')`),
    index('printer_status_hall').on(t.hallId),
  ],
);
