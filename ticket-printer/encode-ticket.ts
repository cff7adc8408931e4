import { createEscPosWriter } from './escpos-writer';
import { qrPayload } from './layout-ticket';
import { dotsForPaper, type PrinterProfile } from './printer-profile';
import { encodeGb18030 } from './printable-text';
import { qrRaster } from './qr-raster';
import type { TicketLayout } from './types';

/** FS & — select Chinese (double-byte) character mode. */
export const FS_AND = Buffer.from([0x1c, 0x26]);

/**
 * ESC/POS bytes of a layout for a printer profile: ESC @, then FS & when the profile asks for it
 * (so it precedes every non-ASCII byte of the job), then per line alignment, size, bold and the
 * GB18030 text, the QR (native or raster), and the cut. Text is sanitised again here, so a layout
 * built by hand still cannot smuggle control bytes into the stream.
 */
export function encodeTicket(layout: TicketLayout, profile: Pick<PrinterProfile, 'type' | 'paperWidth' | 'chineseMode' | 'qr'>): Buffer {
  const w = createEscPosWriter(profile.type, layout.columns);
  w.init();
  if (profile.chineseMode === 'fs-and') w.raw(FS_AND);
  let current: { align: string; size: number; bold: boolean } | null = null;
  const style = (align: 'left' | 'center' | 'right', size: 1 | 2 | 3 | 4, bold: boolean) => {
    if (current?.align !== align) w.align(align);
    if (current?.size !== size) w.size(size);
    if (current?.bold !== bold) w.bold(bold);
    current = { align, size, bold };
  };
  for (const block of layout.blocks) {
    switch (block.kind) {
      case 'text':
        style(block.align, block.size, block.bold);
        w.raw(encodeGb18030(block.text));
        w.newLine();
        break;
      case 'rule':
        style('left', 1, false);
        w.rule(block.char);
        break;
      case 'feed':
        for (let i = 0; i < block.lines; i++) w.newLine();
        break;
      case 'qr':
        if (profile.qr === 'native') {
          style('center', 1, false);
          w.qrNative(qrPayload(block.content), block.moduleDots);
        } else {
          style('left', 1, false);
          const image = qrRaster(qrPayload(block.content), block.moduleDots, dotsForPaper(profile.paperWidth));
          w.raster(image.width, image.height, image.rows);
        }
        break;
      case 'cut':
        w.cut();
        current = null; // the cut is followed by ESC @
        break;
    }
  }
  return w.toBuffer();
}
