/** Print job rows: insert (inside the issuing transaction), load, present. */
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { printJobs, type StoredPrint } from '../../../db/schema-printing';
import type { PrintDocument, PrintJobStatus, PrintJobView } from '../../protocol/views';
import { AppError } from '../app-error';

type Reader = Db | Tx;
export type PrintJobRow = typeof printJobs.$inferSelect;

export const OPEN_STATUSES: PrintJobStatus[] = ['pending', 'printing'];

/** Failures after which paper may have come out (lastError starts with the kind): never resent by the server. */
export const MAY_HAVE_PRINTED_FAILURES = ['stalled', 'closed_mid_job', 'printer_problem'] as const;

/**
 * What staff can know about the paper (docs/faults.md): printed; not printed (nothing reached the
 * printer or it failed before reading it); interrupted (a stall, a cut mid-job or a printer problem
 * — part or all of the ticket may have come out, or may still come out once the printer is fixed);
 * unknown while the job is still open.
 */
export function paperOutcome(row: Pick<PrintJobRow, 'status' | 'lastError'>): PrintJobView['paper'] {
  if (row.status === 'printed') return 'printed';
  if (row.status !== 'failed') return 'unknown';
  return MAY_HAVE_PRINTED_FAILURES.some((f) => row.lastError?.startsWith(`${f}:`)) ? 'interrupted' : 'not_printed';
}

export function presentPrintJob(row: PrintJobRow): PrintJobView {
  return {
    id: row.id,
    ticketId: row.ticketId,
    deviceId: row.deviceId,
    document: row.document,
    counterId: row.counterId,
    caseId: row.caseId,
    status: row.status,
    attempts: row.attempts,
    reprint: row.reprint,
    lastError: row.lastError,
    paper: paperOutcome(row),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function insertPrintJob(
  tx: Tx,
  job: {
    hallId: string;
    ticketId: string;
    deviceId: string | null;
    reprint: boolean;
    payload: StoredPrint;
    now: Date;
    /** A case document printed at a counter (default: the queue ticket, printed at a kiosk). */
    document?: PrintDocument;
    counterId?: string | null;
    caseId?: string | null;
  },
): Promise<PrintJobRow> {
  const [row] = await tx
    .insert(printJobs)
    .values({
      hallId: job.hallId,
      ticketId: job.ticketId,
      deviceId: job.deviceId,
      document: job.document ?? 'ticket',
      counterId: job.counterId ?? null,
      caseId: job.caseId ?? null,
      status: 'pending',
      reprint: job.reprint,
      payload: job.payload,
      createdAt: job.now,
      updatedAt: job.now,
    })
    .returning();
  return row!;
}

export async function loadPrintJob(reader: Reader, jobId: string): Promise<PrintJobRow> {
  const [row] = await reader.select().from(printJobs).where(eq(printJobs.id, jobId));
  if (!row) throw new AppError('not_found', 'Print job not found');
  return row;
}

/** The ticket's latest paper ticket (case documents printed at a counter for the same ticket are not it). */
export async function latestPrintJobOfTicket(reader: Reader, ticketId: string): Promise<PrintJobRow | null> {
  const [row] = await reader.select().from(printJobs).where(and(eq(printJobs.ticketId, ticketId), eq(printJobs.document, 'ticket'))).orderBy(desc(printJobs.createdAt)).limit(1);
  return row ?? null;
}
