import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { Align, TextSize } from './types';

/**
 * ESC/POS (Epson) and Star Line Mode command writer on top of node-thermal-printer's buffer.
 *
 * Verified by reading node-thermal-printer 4.6.1 (lib/core.js, lib/types/{epson,star}*.js):
 * - We never pass strings to it: append(string)/print() re-encode through its code-page table
 *   (CHINA = ESC R 15 + EUC-CN, no FS &) and fold lines by UTF-16 length. Text goes in as our own
 *   GB18030 Buffer via append(Buffer), which is copied unchanged.
 * - Used from the library for both types: alignLeft/Center/Right (Epson ESC a n,
 *   Star ESC GS a n), bold (Epson ESC E 1/0, Star ESC E / ESC F), newLine (LF), drawLine, cut
 *   (Epson: ESC d 4 per "vertical tab", GS V 0, then ESC @; Star: ESC d 2 = feed to cutter and cut,
 *   then ESC @). ESC @ itself (same byte pair for both) is written here: initHardware is untyped.
 * - Epson setTextSize(h, w) writes GS ! with h in the high nibble, which ESC/POS defines as the
 *   WIDTH bits; harmless here because our sizes are always square. Star has no setTextSize at all
 *   (it throws "this.printer.setTextSize is not a function"), so Star gets ESC i n1 n2 written here.
 * - Epson printQR (GS ( k: model 2, module size, level M, store, print) is correct for ASCII data
 *   (it counts str.length; layoutTicket guarantees an ASCII payload). Star printQR omits the
 *   `ESC GS y D 1 0` prefix before nL nH, so the printer would read the length as text: Star QR is
 *   written here (ESC GS y S 0/1/2, ESC GS y D 1 0 nL nH data, ESC GS y P).
 * - Raster images are written here (GS v 0 for Epson; Star Line Mode "fine bit image" ESC k n1 0
 *   in 24-row bands, as the library also does) because the library only takes PNG files/buffers
 *   asynchronously and our encoder is synchronous.
 */
export interface EscPosWriter {
  init(): void;
  raw(bytes: Uint8Array): void;
  align(align: Align): void;
  size(size: TextSize): void;
  bold(on: boolean): void;
  newLine(): void;
  rule(char: string): void;
  qrNative(asciiContent: string, moduleDots: number): void;
  /** 1-bit image, rows of ceil(width / 8) bytes, MSB = leftmost dot, 1 = black. */
  raster(widthDots: number, heightDots: number, rows: Uint8Array): void;
  cut(): void;
  toBuffer(): Buffer;
}

export function createEscPosWriter(type: 'epson' | 'star', columns: number): EscPosWriter {
  // interface '' = no transport: node-thermal-printer is used as a command buffer only
  // (its typings require the field; the constructor skips an empty one).
  const p = new ThermalPrinter({ type: type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON, interface: '', width: columns });
  const star = type === 'star';
  return {
    init: () => p.append(Buffer.from([0x1b, 0x40])), // ESC @ (initHardware exists at runtime but not in the typings)
    raw: (bytes) => p.append(Buffer.from(bytes)),
    align: (a) => (a === 'center' ? p.alignCenter() : a === 'right' ? p.alignRight() : p.alignLeft()),
    size: (s) => (star ? p.append(Buffer.from([0x1b, 0x69, s - 1, s - 1])) : p.setTextSize(s - 1, s - 1)),
    bold: (on) => p.bold(on),
    newLine: () => p.newLine(),
    rule: (char) => p.drawLine(char),
    qrNative(content, moduleDots) {
      const data = Buffer.from(content, 'latin1');
      if (!star) {
        p.printQR(content, { model: 2, cellSize: Math.min(8, Math.max(1, moduleDots)), correction: 'M' });
        return;
      }
      p.append(Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x30, 0x02])); // model 2
      p.append(Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x31, 0x01])); // level M
      p.append(Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x32, Math.min(8, Math.max(1, moduleDots))]));
      p.append(Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, data.length & 0xff, data.length >> 8]));
      p.append(data);
      p.append(Buffer.from([0x1b, 0x1d, 0x79, 0x50])); // print
      p.newLine();
    },
    raster(width, height, rows) {
      const bytesPerRow = Math.ceil(width / 8);
      if (!star) {
        p.append(Buffer.from([0x1d, 0x76, 0x30, 0x00, bytesPerRow & 0xff, bytesPerRow >> 8, height & 0xff, height >> 8]));
        p.append(Buffer.from(rows));
        return;
      }
      p.append(Buffer.from([0x1b, 0x30])); // 1/8 inch line spacing = 24 dots, so bands touch
      for (let top = 0; top < height; top += 24) {
        const band = Buffer.alloc(bytesPerRow * 24);
        Buffer.from(rows.subarray(top * bytesPerRow, Math.min(height, top + 24) * bytesPerRow)).copy(band);
        p.append(Buffer.from([0x1b, 0x6b, bytesPerRow & 0xff, 0x00]));
        p.append(band);
        p.newLine();
      }
      p.append(Buffer.from([0x1b, 0x7a, 0x01])); // back to 4 mm line spacing
    },
    cut: () => p.cut({ verticalTabAmount: star ? 0 : 1 }),
    toBuffer: () => Buffer.from(p.getBuffer() ?? Buffer.alloc(0)),
  };
}
