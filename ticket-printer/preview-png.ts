import { PNG } from 'pngjs';
import { create as createQr } from 'qrcode';
import { asciiGlyphDot } from './bitmap-font';
import type { DecodedItem } from './decode-escpos';
import type { Align } from './types';

/**
 * A PNG picture of decoded items on thermal paper (203 dpi, 12x24 font A). ASCII is drawn with
 * a 5x7 dot font. There is no CJK font available offline, so each double-byte character is drawn
 * as a 24x24 box with a pattern derived from its code point: width, position and "which
 * characters are the same" stay visible; the exact text is in the decoded .txt next to it.
 */
export function renderPreviewPng(items: DecodedItem[], paperDots: number): Buffer {
  const ops: Array<{ height: number; draw: (top: number) => void }> = [];
  const canvas = { width: paperDots, pixels: new Uint8Array(0) };
  const dot = (x: number, y: number) => {
    if (x >= 0 && x < canvas.width && y >= 0 && y * canvas.width + x < canvas.pixels.length) canvas.pixels[y * canvas.width + x] = 1;
  };
  const startX = (width: number, align: Align) =>
    align === 'center' ? Math.floor((paperDots - width) / 2) : align === 'right' ? paperDots - width : 0;

  for (const item of items) {
    if (item.kind === 'text') {
      const chars = Array.from(item.text);
      const cellW = (ch: string) => (ch.charCodeAt(0) < 0x80 ? 12 : 24) * item.width;
      const lineWidth = chars.reduce((s, ch) => s + cellW(ch), 0);
      ops.push({
        height: Math.max(30, 24 * item.height + 6),
        draw: (top) => {
          let x = startX(lineWidth, item.align);
          for (const ch of chars) {
            drawChar(ch, x, top, item.width, item.height, item.bold, dot);
            x += cellW(ch);
          }
        },
      });
    } else if (item.kind === 'qr') {
      const modules = createQr(item.data || ' ', { errorCorrectionLevel: 'M' }).modules;
      const size = modules.size * item.moduleDots;
      ops.push({
        height: size + 8 * item.moduleDots,
        draw: (top) => {
          const left = startX(size, item.align);
          for (let y = 0; y < size; y++)
            for (let x = 0; x < size; x++)
              if (modules.get(Math.floor(y / item.moduleDots), Math.floor(x / item.moduleDots))) dot(left + x, top + 4 * item.moduleDots + y);
        },
      });
    } else if (item.kind === 'image') {
      const bytesPerRow = Math.ceil(item.width / 8);
      ops.push({
        height: item.height,
        draw: (top) => {
          const left = startX(item.width, item.align);
          for (let y = 0; y < item.height; y++)
            for (let x = 0; x < item.width; x++)
              if (((item.rows[y * bytesPerRow + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1) dot(left + x, top + y);
        },
      });
    } else {
      ops.push({ height: 16, draw: (top) => { for (let x = 0; x < paperDots; x += 8) for (let i = 0; i < 4; i++) dot(x + i, top + 8); } });
    }
  }

  const height = Math.max(1, ops.reduce((s, o) => s + o.height, 0));
  canvas.pixels = new Uint8Array(paperDots * height);
  let top = 0;
  for (const op of ops) {
    op.draw(top);
    top += op.height;
  }
  const png = new PNG({ width: paperDots, height });
  for (let i = 0; i < canvas.pixels.length; i++) {
    const v = canvas.pixels[i] ? 0 : 255;
    png.data[i * 4] = png.data[i * 4 + 1] = png.data[i * 4 + 2] = v;
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

function drawChar(ch: string, x0: number, y0: number, w: number, h: number, bold: boolean, dot: (x: number, y: number) => void): void {
  const code = ch.codePointAt(0) ?? 0x3f;
  const block = (bx: number, by: number, bw: number, bh: number) => {
    for (let y = 0; y < bh; y++) for (let x = 0; x < bw + (bold ? 1 : 0); x++) dot(x0 + bx + x, y0 + by + y);
  };
  if (code < 0x80) {
    if (ch === ' ') return;
    for (let gx = 0; gx < 5; gx++)
      for (let gy = 0; gy < 7; gy++) if (asciiGlyphDot(ch, gx, gy)) block((1 + 2 * gx) * w, (2 + 3 * gy) * h, 2 * w, 3 * h);
    return;
  }
  // 24x24 cell: box outline with a 4x4 pattern from the code point.
  const side = 22;
  for (let i = 0; i < side; i++) {
    block((1 + i) * w, 1 * h, w, h);
    block((1 + i) * w, side * h, w, h);
    block(1 * w, (1 + i) * h, w, h);
    block(side * w, (1 + i) * h, w, h);
  }
  let bits = Math.imul(code, 2654435761) >>> 0;
  for (let i = 0; i < 16; i++, bits >>>= 2) {
    if ((bits & 3) !== 0) continue;
    block((4 + (i % 4) * 4) * w, (4 + Math.floor(i / 4) * 4) * h, 3 * w, 3 * h);
  }
  if ((code & 1) === 1) for (let i = 4; i < 20; i++) block(i * w, 12 * h, w, h);
}
