/**
 * Pure: the lines of a case document (受理回执, 一次性告知书, 不予受理通知书) for a paper width.
 * Every field the rule asks for is printed, never dropped for space: long lines wrap.
 *   receipt  case number, matter, department, date, counter, promised completion date (or 当场办结),
 *            the result and how it is delivered, a 容缺 promise with its items, how to follow progress (QR);
 *   notice   case number, matter, date, every missing item as given (the guide's wording), the
 *            counter and the deadline to come back, the department's enquiry phone, the QR;
 *   refusal  case number, matter, date, counter, the reason, the visitor's remedies, the QR.
 */
import { localParts } from '../server/domain/hall-time';
import { caseDocumentLabels } from './case-document-labels';
import { fitted, InvalidTicketDataError, qrModuleDots, qrPayload } from './layout-ticket';
import { columnsForPaper, dotsForPaper, type PrinterProfile } from './printer-profile';
import type { CaseDocumentPrintData, LayoutBlock, TextBlock, TicketLayout } from './types';
import { wrapText } from './wrap-text';

const CASE_NUMBER = /^\d{6,20}$/;

/** A left-aligned paragraph, wrapped to the paper (a character is never split). */
function paragraph(value: string, columns: number, bold = false): TextBlock[] {
  return wrapText(value, columns).map((line) => ({ kind: 'text', text: line, align: 'left', size: 1, bold }));
}

function numbered(items: string[], columns: number): TextBlock[] {
  return items.flatMap((item, i) => paragraph(`${i + 1}. ${item}`, columns));
}

export function layoutCaseDocument(data: CaseDocumentPrintData, profile: Pick<PrinterProfile, 'paperWidth'>): TicketLayout {
  const columns = columnsForPaper(profile.paperWidth);
  const l = caseDocumentLabels(data.language ?? 'zh-CN');
  const number = data.caseNumber.trim();
  if (!CASE_NUMBER.test(number)) throw new InvalidTicketDataError(`case number ${JSON.stringify(data.caseNumber)} is not digits`);
  const payload = qrPayload(data.progressUrl);
  const issued = localParts(data.issuedAt, data.timeZone);
  if (data.kind === 'case_notice' && data.items.length === 0) throw new InvalidTicketDataError('a notice lists at least one missing item');
  if (data.kind === 'case_notice' && !data.deadline) throw new InvalidTicketDataError('a notice has a deadline');
  if (data.kind === 'case_refusal' && !data.reason?.trim()) throw new InvalidTicketDataError('a refusal has a reason');
  if (data.kind === 'case_receipt' && !data.onTheSpot && !data.dueDate) throw new InvalidTicketDataError('a receipt has a promised completion date');

  const blocks: LayoutBlock[] = [];
  if (data.reprint) blocks.push(...fitted(l.reprint, columns, 2, 1, true));
  blocks.push(...fitted(data.hallName, columns, 2, 2, true, true));
  blocks.push(...fitted(l.title[data.kind], columns, 2, 2, true));
  blocks.push({ kind: 'rule', char: '=' });
  blocks.push(...paragraph(l.caseNumber(number), columns, true));
  blocks.push(...paragraph(l.matter(data.matterName), columns));
  blocks.push(...paragraph(l.department(data.departmentName), columns));
  blocks.push(...paragraph(l.date(issued.date, issued.time), columns));
  if (data.counterNumber !== null) blocks.push(...paragraph(l.counter(data.counterNumber), columns));
  blocks.push({ kind: 'rule', char: '-' });

  switch (data.kind) {
    case 'case_receipt':
      blocks.push(...paragraph(data.onTheSpot ? l.onTheSpot : l.due(data.dueDate!), columns, true));
      blocks.push(...paragraph(l.result(data.resultName), columns));
      blocks.push(...paragraph(l.delivery(data.delivery), columns));
      if (data.items.length > 0 && data.deadline) {
        blocks.push({ kind: 'rule', char: '-' });
        blocks.push(...paragraph(l.promise(data.deadline), columns, true));
        blocks.push(...numbered(data.items, columns));
      }
      break;
    case 'case_notice':
      blocks.push(...paragraph(l.noticeIntro, columns, true));
      blocks.push(...numbered(data.items, columns));
      blocks.push({ kind: 'rule', char: '-' });
      blocks.push(...paragraph(l.noticeDeadline(data.deadline!, data.counterNumber), columns, true));
      blocks.push(...paragraph(l.noticeSameCase, columns));
      break;
    case 'case_refusal':
      blocks.push(...paragraph(l.reason(data.reason!.trim()), columns, true));
      blocks.push(...paragraph(l.refusalAdvice, columns));
      break;
  }
  if (data.contact?.trim()) blocks.push(...paragraph(l.contact(data.contact.trim()), columns));
  if (data.hotline?.trim()) blocks.push(...paragraph(l.hotline(data.hotline.trim()), columns));
  blocks.push({ kind: 'rule', char: '-' });
  blocks.push(...paragraph(l.follow, columns));
  blocks.push({ kind: 'feed', lines: 1 });
  blocks.push({ kind: 'qr', content: payload, moduleDots: qrModuleDots(payload, dotsForPaper(profile.paperWidth)) });
  blocks.push(...fitted(l.scanHint, columns, 1, 2));
  blocks.push({ kind: 'feed', lines: 2 });
  blocks.push({ kind: 'cut' });
  return { columns, blocks };
}
