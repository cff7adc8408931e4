/**
 * What a print job prints and where: a queue ticket on its kiosk's printer, or a case document
 * (受理回执, 一次性告知书, 不予受理通知书) on its counter's printer. Both are laid out by ticket-printer
 * and encoded the same way (GB18030 after FS &, the QR, the cut).
 */
import type { StoredCaseDocumentPrint, StoredTicketPrint } from '../../../db/schema-printing';
import { encodeTicket, layoutCaseDocument, layoutTicket, type CaseDocumentKind, type CaseDocumentPrintData, type PrinterProfile } from '../../../ticket-printer/index';
import type { AppDeps } from '../deps';
import { counterPrinterOf, loadCounterRow } from './counter-printers';
import { loadDevice, printerOf } from './printer-profiles';
import type { PrintJobRow } from './print-jobs';
import { toTicketPrintData } from './ticket-print-data';

/** The printer of the job's kiosk or counter now, or why there is none (stored as the job's error). */
export async function jobPrinter(deps: AppDeps, job: PrintJobRow, serverDefault: PrinterProfile | null): Promise<{ profile: PrinterProfile } | { missing: string }> {
  if (job.document !== 'ticket') {
    const counter = job.counterId ? await loadCounterRow(deps.db, job.counterId).catch(() => null) : null;
    const profile = counter ? counterPrinterOf(counter, serverDefault).profile : null;
    return profile ? { profile } : { missing: 'no_printer: this counter has no printer configured' };
  }
  const device = job.deviceId ? await loadDevice(deps.db, job.deviceId).catch(() => null) : null;
  const profile = device ? printerOf(device, serverDefault).profile : null;
  return profile ? { profile } : { missing: 'no_printer: this kiosk has no printer configured' };
}

/** The job's ESC/POS bytes; throws InvalidTicketDataError (or RangeError for a bad zone) on data that cannot print. */
export function jobBytes(job: PrintJobRow, profile: PrinterProfile): Buffer {
  if (job.document === 'ticket') return encodeTicket(layoutTicket(toTicketPrintData(job.payload as StoredTicketPrint, job.reprint), profile), profile);
  const data = toCaseDocumentPrintData(job.document, job.payload as StoredCaseDocumentPrint, job.reprint);
  return encodeTicket(layoutCaseDocument(data, profile), profile);
}

export function toCaseDocumentPrintData(kind: CaseDocumentKind, s: StoredCaseDocumentPrint, reprint: boolean): CaseDocumentPrintData {
  return { ...s, kind, issuedAt: new Date(s.issuedAt), reprint };
}
