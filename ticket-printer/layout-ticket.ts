import { create as createQr } from 'qrcode';
import { localParts } from '../server/domain/hall-time';
import { columnsForPaper, dotsForPaper, type PrinterProfile } from './printer-profile';
import { ticketLabels, type TicketLabels } from './ticket-labels';
import type { Align, LayoutBlock, TextBlock, TextSize, TicketLayout, TicketPrintData } from './types';
import { displayWidth } from './printable-text';
import { wrapText } from './wrap-text';

export class InvalidTicketDataError extends Error {
  override name = 'InvalidTicketDataError';
}

const TICKET_NUMBER = /^[\x21-\x7e]{1,16}$/;

/**
 * The ticket number is printed exactly or not at all: full-width forms (Ａ０２３) fold to ASCII,
 * anything else that is not printable ASCII is refused rather than printed as '?' or '□'.
 */
export function ticketNumberAsAscii(number: string): string {
  const ascii = number.normalize('NFKC').trim();
  if (!TICKET_NUMBER.test(ascii)) {
    throw new InvalidTicketDataError(`ticket number ${JSON.stringify(number)} is not printable ASCII`);
  }
  return ascii;
}

/** QR payload as ASCII (non-ASCII characters percent-encoded, as a browser would) so byte length = length. */
export function qrPayload(content: string): string {
  const ascii = content.trim().replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
  if (ascii.length === 0 || ascii.length > 1000) throw new InvalidTicketDataError('qrContent must be 1..1000 characters');
  return ascii;
}

function text(line: string, align: Align, size: TextSize, bold: boolean): TextBlock {
  return { kind: 'text', text: line, align, size, bold };
}

/**
 * Wraps text at the largest size (down from maxSize) that needs at most maxLines lines; `balance`
 * evens out the lines of short names ("徐汇区行政 / 服务中心", not "徐汇区行政服务中 / 心").
 */
export function fitted(value: string, columns: number, maxSize: TextSize, maxLines: number, bold = false, balance = false): TextBlock[] {
  for (let size = maxSize; size >= 1; size--) {
    const max = Math.floor(columns / size);
    let lines = wrapText(value, max);
    if (lines.length > maxLines && size > 1) continue;
    for (let cols = Math.ceil(displayWidth(value) / lines.length); balance && lines.length > 1 && cols < max; cols++) {
      const balanced = wrapText(value, Math.max(2, cols));
      if (balanced.length === lines.length) {
        lines = balanced;
        break;
      }
    }
    return lines.map((l) => text(l, 'center', size as TextSize, bold));
  }
  return [];
}

function numberBlock(number: string, columns: number): TextBlock {
  const size = ([4, 3, 2, 1] as const).find((s) => number.length * s <= columns);
  if (size === undefined) throw new InvalidTicketDataError(`ticket number ${number} is wider than the paper`);
  return text(number, 'center', size, true);
}

export function qrModuleDots(payload: string, paperDots: number): number {
  const modules = createQr(payload, { errorCorrectionLevel: 'M' }).modules.size;
  const target = paperDots === 576 ? 240 : 180; // about 30 mm / 22 mm wide at 203 dpi
  return Math.max(2, Math.min(8, Math.floor(target / modules), Math.floor(paperDots / (modules + 8))));
}

function slotText(slot: { start: Date; end: Date }, issuedDate: string, timeZone: string): string {
  const start = localParts(slot.start, timeZone);
  const end = localParts(slot.end, timeZone);
  const startText = start.date === issuedDate ? start.time : `${start.date} ${start.time}`;
  const endText = end.date === start.date ? end.time : `${end.date} ${end.time}`;
  return `${startText}-${endText}`;
}

function priorityMark(data: TicketPrintData, labels: TicketLabels): string {
  const reason = data.priorityReason;
  return reason && reason !== 'staff_granted' ? labels.priority[reason] : '';
}

/** Pure: the lines and blocks of a queue ticket for a paper width. Carries no personal data. */
export function layoutTicket(data: TicketPrintData, profile: Pick<PrinterProfile, 'paperWidth'>): TicketLayout {
  const columns = columnsForPaper(profile.paperWidth);
  const labels = ticketLabels(data.language ?? 'zh-CN');
  if (!Number.isInteger(data.peopleAhead) || data.peopleAhead < 0) {
    throw new InvalidTicketDataError('peopleAhead must be a non-negative integer');
  }
  const number = ticketNumberAsAscii(data.number);
  const payload = qrPayload(data.qrContent);
  // Throws RangeError for an unknown zone: a ticket must not silently show another zone's time.
  const issued = localParts(data.issuedAt, data.timeZone);
  const wait = data.estimatedWaitMinutes === null || !Number.isFinite(data.estimatedWaitMinutes)
    ? null
    : Math.max(0, Math.round(data.estimatedWaitMinutes));

  const blocks: LayoutBlock[] = [];
  if (data.reprint) blocks.push(...fitted(labels.reprint, columns, 2, 1, true));
  blocks.push(...fitted(data.hallName, columns, 2, 2, true, true));
  blocks.push({ kind: 'rule', char: '-' });
  blocks.push(numberBlock(number, columns));
  // What the kiosk screen shows under the number is printed too: the priority and the appointment.
  const marks = [data.appointment ? labels.appointmentMark : '', priorityMark(data, labels)].filter(Boolean).join('');
  if (marks) blocks.push(...fitted(marks, columns, 2, 1, true));
  blocks.push(...fitted(labels.matter(data.matterName), columns, 2, 1, true));
  blocks.push(...fitted(labels.peopleAhead(data.peopleAhead), columns, 1, 2));
  blocks.push(...fitted(labels.estimatedWait(wait), columns, 1, 2));
  if (data.appointmentSlot) {
    blocks.push(...fitted(labels.appointment(slotText(data.appointmentSlot, issued.date, data.timeZone)), columns, 1, 2, true));
  }
  if (data.waitArea?.trim()) blocks.push(...fitted(labels.waitArea(data.waitArea.trim()), columns, 1, 2, true));
  blocks.push({ kind: 'rule', char: '-' });
  blocks.push(...fitted(labels.issuedAt(issued.date, issued.time), columns, 1, 2));
  const rule = data.missedNumberRule.trim();
  if (rule) blocks.push(...fitted(rule, columns, 1, 3));
  // "当日有效" once: the hall's missed-number rule often says it already.
  if (!rule.includes(labels.validToday)) blocks.push(text(labels.validToday, 'center', 1, true));
  if (data.hotline?.trim()) blocks.push(...fitted(labels.hotline(data.hotline.trim()), columns, 1, 1));
  blocks.push({ kind: 'feed', lines: 1 });
  blocks.push({ kind: 'qr', content: payload, moduleDots: qrModuleDots(payload, dotsForPaper(profile.paperWidth)) });
  blocks.push(...fitted(labels.scanHint, columns, 1, 2));
  blocks.push({ kind: 'feed', lines: 2 });
  blocks.push({ kind: 'cut' });
  return { columns, blocks };
}
