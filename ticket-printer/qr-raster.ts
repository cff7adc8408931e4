import { create as createQr } from 'qrcode';

export interface RasterImage {
  width: number;
  height: number;
  /** Rows of ceil(width / 8) bytes, MSB = leftmost dot, 1 = black. */
  rows: Uint8Array;
}

/** A 1-bit, full-paper-width image of a QR code, centred in the image itself (no reliance on ESC a for images). */
export function qrRaster(content: string, moduleDots: number, paperDots: number): RasterImage {
  const { modules } = createQr(content, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const scale = Math.max(1, Math.min(moduleDots, Math.floor(paperDots / (size + 8))));
  const quiet = 4 * scale;
  const qrDots = size * scale;
  const width = paperDots;
  const height = qrDots + 2 * quiet;
  const bytesPerRow = Math.ceil(width / 8);
  const rows = new Uint8Array(bytesPerRow * height);
  const left = Math.floor((width - qrDots) / 2);
  for (let y = 0; y < qrDots; y++) {
    const row = Math.floor(y / scale);
    for (let x = 0; x < qrDots; x++) {
      if (!modules.get(row, Math.floor(x / scale))) continue;
      const dx = left + x;
      const idx = (quiet + y) * bytesPerRow + (dx >> 3);
      rows[idx] = (rows[idx] ?? 0) | (0x80 >> (dx & 7));
    }
  }
  return { width, height, rows };
}
