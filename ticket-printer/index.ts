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
export { layoutTicket, InvalidTicketDataError, ticketNumberAsAscii } from './layout-ticket';
export { renderLayoutAsText } from './render-layout-as-text';
export { displayWidth, toPrintableText, encodeGb18030, PLACEHOLDER } from './printable-text';
export { wrapText } from './wrap-text';
export { encodeTicket, FS_AND } from './encode-ticket';
