export type {
  Align,
  LayoutBlock,
  PrintFailure,
  PrintOutcome,
  TextSize,
  TicketLanguage,
  TicketLayout,
  TicketPrintData,
} from './types';
export { printerProfileSchema, columnsForPaper, dotsForPaper } from './printer-profile';
export type { PrinterProfile, PrinterProfileInput } from './printer-profile';
export { layoutTicket, InvalidTicketDataError, ticketNumberAsAscii, qrPayload } from './layout-ticket';
export { renderLayoutAsText } from './render-layout-as-text';
export { displayWidth, toPrintableText, encodeGb18030, PLACEHOLDER } from './printable-text';
export { wrapText } from './wrap-text';
export { encodeTicket, FS_AND } from './encode-ticket';
export { sendToPrinter, DLE_EOT_PRINTER_STATUS } from './send-to-printer';
export { readPrinterStatus, statusAnswer, STATUS_QUERIES, sensorOf } from './printer-status';
export type { PrinterProblem, PrinterSensor, PrinterStatus } from './printer-status';
export type { SendOptions } from './send-to-printer';
export { createPrintJobRunner } from './print-job-runner';
export type {
  PrintJob,
  PrintJobResult,
  PrintJobRunner,
  PrintJobRunnerOptions,
  PrintJobStatus,
  PrintJobUpdate,
  RetryContext,
  SendFn,
} from './print-job-runner';
export { startFakePrinter } from './fake-printer';
export type { FakePrinter, FakePrinterCondition, FakePrinterMode, FakePrinterOptions, FakePrintJob } from './fake-printer';
export { decodeEscPos, EscPosDecoder } from './decode-escpos';
export type { DecodedItem, DecodedJob, DecoderOptions } from './decode-escpos';
export { renderPreviewPng } from './preview-png';
export { savePrintedJob } from './save-printed-job';
export { layoutCaseDocument } from './layout-case-document';
export { caseDocumentLabels } from './case-document-labels';
export type { CaseDocumentKind, CaseDocumentPrintData, CaseDelivery } from './types';
