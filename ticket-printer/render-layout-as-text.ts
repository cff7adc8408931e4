import { charColumns, printableChars } from './printable-text';
import type { PrinterProfile } from './printer-profile';
import { columnsForPaper } from './printer-profile';
import type { TicketLayout } from './types';
import { leftPadding, wrapText } from './wrap-text';

/**
 * A monospace picture of a layout for snapshots and logs: each printed line between '|' borders,
 * exactly `columns` wide. Enlarged text is letter-spaced to its printed width ("A023" at 4x becomes
 * "A   0   2   3   "), so alignment and overflow show as they would on paper.
 */
export function renderLayoutAsText(layout: TicketLayout, profile?: Pick<PrinterProfile, 'paperWidth'>): string {
  const { columns } = layout;
  if (profile && columnsForPaper(profile.paperWidth) !== columns) {
    throw new RangeError(`layout is for ${columns} columns, profile paper has ${columnsForPaper(profile.paperWidth)}`);
  }
  const out: string[] = [];
  const frame = (content: string, width: number, align: 'left' | 'center' | 'right' = 'left') => {
    const pad = leftPadding(width, columns, align);
    out.push(`|${' '.repeat(pad)}${content}${' '.repeat(Math.max(0, columns - pad - width))}|`);
  };
  for (const block of layout.blocks) {
    switch (block.kind) {
      case 'text': {
        let content = '';
        let width = 0;
        for (const ch of printableChars(block.text)) {
          const w = charColumns(ch) * block.size;
          content += ch + ' '.repeat(w - charColumns(ch));
          width += w;
        }
        frame(content, width, block.align);
        break;
      }
      case 'rule':
        frame(block.char.repeat(columns), columns);
        break;
      case 'qr':
        for (const line of wrapText(`[QR ${block.content}]`, columns)) frame(line, line.length, 'center');
        break;
      case 'feed':
        for (let i = 0; i < block.lines; i++) frame('', 0);
        break;
      case 'cut':
        out.push(`+${'~'.repeat(columns)}+ cut`);
        break;
    }
  }
  return out.join('\n');
}
