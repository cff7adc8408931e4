import { PNG } from 'pngjs';
import { create as createQr } from 'qrcode';
import type { DecodedItem } from './decode-escpos';
import { GLYPH_DOTS, printerGlyph } from './printer-font';
import type { Align } from './types';

/**
 * A PNG picture of decoded items on thermal paper (203 dpi), drawn the way a Chinese ESC/POS
 * printer draws them from its built-in font: 12×24 dots for a single-byte character, 24×24 for a
 * GB18030 double-byte one, scaled by the character size (GS !). The glyphs are GNU Unifont's
 * 16-dot bitmaps (printer-font.ts) enlarged 1.5× to the 24-dot cell, so the preview is readable
 * Chinese, from the text decoded from the bytes the printer received.
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
  if (ch === ' ') return;
  const code = ch.codePointAt(0) ?? 0x3f;
  const cell = code < 0x80 ? 12 : 24;
  const glyph = printerGlyph(ch);
  // The 16-dot glyph fills the 24-dot cell (1.5 printer dots per font dot), centred if narrower.
  const scaleX = 1.5 * w;
  const scaleY = 1.5 * h;
  const left = Math.floor((cell * w - glyph.width * scaleX) / 2);
  for (let ty = 0; ty < GLYPH_DOTS * scaleY; ty++) {
    const row = Math.floor(ty / scaleY);
    for (let tx = 0; tx < glyph.width * scaleX; tx++) {
      if (!glyph.dots[row * glyph.width + Math.floor(tx / scaleX)]) continue;
      dot(x0 + left + tx, y0 + ty);
      if (bold) dot(x0 + left + tx + 1, y0 + ty);
    }
  }
}
