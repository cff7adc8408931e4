import iconv from 'iconv-lite';
import type { Align } from './types';

/** What a printer would put on paper, item by item, decoded from an ESC/POS or Star Line Mode stream. */
export type DecodedItem =
  | { kind: 'text'; text: string; align: Align; width: number; height: number; bold: boolean }
  | { kind: 'qr'; data: string; moduleDots: number; align: Align }
  | { kind: 'image'; width: number; height: number; rows: Uint8Array; align: Align }
  | { kind: 'cut' };

export interface DecodedJob {
  items: DecodedItem[];
  /** Printed text, one line per item; QR as "[QR data]", images as "[image WxH]", cuts as "--- cut ---". */
  text: string;
  /** FS & was received (or the printer starts in Chinese mode and no FS . turned it off). */
  chineseModeSeen: boolean;
  warnings: string[];
}

export interface DecoderOptions {
  emulation?: 'epson' | 'star';
  /** Chinese-market printers usually power up in Chinese mode; false = needs FS & first. */
  chineseByDefault?: boolean;
  /** Called for DLE EOT n as soon as it is parsed (a real printer answers in real time). */
  onStatusRequest?: (n: number) => void;
}

const ALIGNS: Align[] = ['left', 'center', 'right'];
const NEED_MORE = -1;

/** Incremental decoder: push() chunks as they arrive, end() when the connection closes. */
export class EscPosDecoder {
  readonly items: DecodedItem[] = [];
  readonly warnings: string[] = [];
  private pending = Buffer.alloc(0);
  private chinese: boolean;
  private chineseSeen: boolean;
  private align: Align = 'left';
  private width = 1;
  private height = 1;
  private bold = false;
  private line: { text: string; align: Align; width: number; height: number; bold: boolean } | null = null;
  private qrData = '';
  private qrModule = 3;
  private starImage: { width: number; rows: number[] } | null = null;
  private afterBand = false;
  private readonly star: boolean;

  constructor(private readonly options: DecoderOptions = {}) {
    this.star = options.emulation === 'star';
    this.chinese = options.chineseByDefault ?? true;
    this.chineseSeen = this.chinese;
  }

  push(chunk: Uint8Array): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
    let pos = 0;
    while (pos < this.pending.length) {
      const used = this.step(this.pending, pos);
      if (used === NEED_MORE) break;
      pos += used;
    }
    this.pending = this.pending.subarray(pos);
  }

  end(): DecodedJob {
    if (this.pending.length) this.warnings.push(`${this.pending.length} trailing bytes of an incomplete command`);
    this.flushLine(false);
    this.flushStarImage();
    const text = this.items
      .map((i) =>
        i.kind === 'text' ? i.text : i.kind === 'qr' ? `[QR ${i.data}]` : i.kind === 'image' ? `[image ${i.width}x${i.height}]` : '--- cut ---',
      )
      .join('\n');
    return { items: [...this.items], text, chineseModeSeen: this.chineseSeen, warnings: [...this.warnings] };
  }

  private emit(item: DecodedItem): void {
    if (item.kind !== 'image') this.flushStarImage();
    this.items.push(item);
  }

  private flushLine(blankIfEmpty: boolean): void {
    if (this.line) this.emit({ kind: 'text', ...this.line });
    else if (blankIfEmpty) this.emit({ kind: 'text', text: '', align: this.align, width: this.width, height: this.height, bold: this.bold });
    this.line = null;
  }

  private flushStarImage(): void {
    const img = this.starImage;
    if (!img) return;
    this.starImage = null;
    this.items.push({ kind: 'image', width: img.width * 8, height: img.rows.length / img.width, rows: Uint8Array.from(img.rows), align: 'left' });
  }

  private addText(text: string): void {
    this.flushStarImage();
    this.line ??= { text: '', align: this.align, width: this.width, height: this.height, bold: this.bold };
    this.line.text += text;
  }

  /** Consumes one command or text run at pos; returns bytes used or NEED_MORE. */
  private step(buf: Buffer, pos: number): number {
    const b = buf[pos]!;
    const at = (i: number) => buf[pos + i];
    const need = (n: number) => pos + n <= buf.length;
    if (b >= 0x20 && b !== 0x7f) return this.textRun(buf, pos);
    if (b === 0x0a || b === 0x0b || b === 0x0c) {
      if (this.afterBand) this.afterBand = false;
      else this.flushLine(true);
      return 1;
    }
    this.afterBand = false;
    if (b === 0x0d || b === 0x7f || b === 0x00) return 1;
    if (b === 0x09) return this.addText(' '), 1;
    if (b === 0x10) {
      if (!need(3)) return NEED_MORE;
      if (at(1) === 0x04) this.options.onStatusRequest?.(at(2)!);
      return 3;
    }
    if (b === 0x1c) {
      if (!need(2)) return NEED_MORE;
      if (at(1) === 0x26) return (this.chinese = this.chineseSeen = true), 2;
      if (at(1) === 0x2e) return (this.chinese = false), 2;
      if (at(1) === 0x21 || at(1) === 0x43 || at(1) === 0x57) return need(3) ? 3 : NEED_MORE;
      return this.unknown(buf, pos, 2);
    }
    if (b === 0x1d) return this.gs(buf, pos);
    if (b === 0x1b) return this.esc(buf, pos);
    return this.unknown(buf, pos, 1);
  }

  private textRun(buf: Buffer, pos: number): number {
    let i = pos;
    let complete = pos;
    while (i < buf.length && buf[i]! >= 0x20 && buf[i] !== 0x7f) {
      const lead = buf[i]!;
      const size = lead < 0x80 || !this.chinese ? 1 : i + 1 < buf.length && buf[i + 1]! >= 0x30 && buf[i + 1]! <= 0x39 ? 4 : 2;
      if (i + size > buf.length) break;
      i += size;
      complete = i;
    }
    if (complete === pos) return NEED_MORE;
    const bytes = buf.subarray(pos, complete);
    if (this.chinese) this.addText(iconv.decode(bytes, 'gb18030'));
    else {
      if (bytes.some((x) => x >= 0x80)) this.warnings.push('non-ASCII bytes outside Chinese mode (missing FS &?)');
      this.addText(Array.from(bytes, (x) => (x < 0x80 ? String.fromCharCode(x) : '?')).join(''));
    }
    return complete - pos;
  }

  private esc(buf: Buffer, pos: number): number {
    if (pos + 2 > buf.length) return NEED_MORE;
    const cmd = buf[pos + 1]!;
    const arg = (i: number) => buf[pos + 2 + i];
    const need = (n: number) => (pos + n <= buf.length ? n : NEED_MORE);
    switch (cmd) {
      case 0x40: // ESC @
        this.flushLine(false);
        this.align = 'left';
        this.width = this.height = 1;
        this.bold = false;
        this.chinese = this.options.chineseByDefault ?? true;
        return 2;
      case 0x61: // ESC a n
        if (need(3) < 0) return NEED_MORE;
        this.align = ALIGNS[arg(0)! % 48] ?? 'left';
        return 3;
      case 0x45: // Epson ESC E n / Star ESC E
        if (this.star) return (this.bold = true), 2;
        if (need(3) < 0) return NEED_MORE;
        this.bold = (arg(0)! & 1) === 1;
        return 3;
      case 0x46: // Star ESC F
        return (this.bold = false), 2;
      case 0x21: // ESC ! n
        if (need(3) < 0) return NEED_MORE;
        this.bold = (arg(0)! & 0x08) !== 0;
        this.height = arg(0)! & 0x10 ? 2 : 1;
        this.width = arg(0)! & 0x20 ? 2 : 1;
        return 3;
      case 0x69: // Star ESC i n1 n2
        if (need(4) < 0) return NEED_MORE;
        this.height = (arg(0)! % 48) + 1;
        this.width = (arg(1)! % 48) + 1;
        return 4;
      case 0x64: // Epson ESC d n: print and feed n lines. Star ESC d n: cut.
        if (need(3) < 0) return NEED_MORE;
        if (this.star) return this.flushLine(false), this.emit({ kind: 'cut' }), 3;
        for (let i = 0; i < Math.max(1, arg(0)!); i++) this.flushLine(true);
        return 3;
      case 0x6b: { // Star ESC k n1 n2 d[(n1 + n2 * 256) * 24]: one 24-dot band
        if (need(4) < 0) return NEED_MORE;
        const bytesPerRow = arg(0)! + arg(1)! * 256;
        const total = 4 + bytesPerRow * 24;
        if (need(total) < 0) return NEED_MORE;
        this.flushLine(false);
        if (!this.starImage || this.starImage.width !== bytesPerRow) this.flushStarImage();
        this.starImage ??= { width: bytesPerRow, rows: [] };
        for (const x of buf.subarray(pos + 4, pos + total)) this.starImage.rows.push(x);
        this.afterBand = true;
        return total;
      }
      case 0x1d: return this.escGs(buf, pos);
      case 0x1e: return need(4) < 0 ? NEED_MORE : 4; // Star ESC RS F n: font
      case 0x32: case 0x30: return 2; // ESC 2 default spacing, Star ESC 0 1/8" spacing
      case 0x33: case 0x4d: case 0x74: case 0x52: case 0x2d: case 0x4a: case 0x7b: case 0x7a: case 0x20:
        return need(3);
      case 0x70: return need(5);
      default: return this.unknown(buf, pos, 2);
    }
  }

  private escGs(buf: Buffer, pos: number): number {
    if (pos + 4 > buf.length) return NEED_MORE;
    const sub = buf[pos + 2]!;
    if (sub === 0x61) return (this.align = ALIGNS[buf[pos + 3]! % 48] ?? 'left'), 4;
    if (sub === 0x74) return 4;
    if (sub !== 0x79) return this.unknown(buf, pos, 3);
    const fn = buf[pos + 3]!;
    if (fn === 0x53) { // ESC GS y S n m
      if (pos + 6 > buf.length) return NEED_MORE;
      if (buf[pos + 4] === 0x32) this.qrModule = buf[pos + 5]!;
      return 6;
    }
    if (fn === 0x44) { // ESC GS y D 1 0 nL nH data
      if (pos + 8 > buf.length) return NEED_MORE;
      const len = buf[pos + 6]! + buf[pos + 7]! * 256;
      if (pos + 8 + len > buf.length) return NEED_MORE;
      this.qrData = buf.subarray(pos + 8, pos + 8 + len).toString('latin1');
      return 8 + len;
    }
    if (fn === 0x50) return this.printQr(), 4; // ESC GS y P
    return this.unknown(buf, pos, 4);
  }

  private printQr(): void {
    this.flushLine(false);
    this.emit({ kind: 'qr', data: this.qrData, moduleDots: this.qrModule, align: this.align });
  }

  private gs(buf: Buffer, pos: number): number {
    if (pos + 2 > buf.length) return NEED_MORE;
    const cmd = buf[pos + 1]!;
    const need = (n: number) => (pos + n <= buf.length ? n : NEED_MORE);
    switch (cmd) {
      case 0x21: { // GS ! n: bits 4-7 width, 0-3 height
        if (need(3) < 0) return NEED_MORE;
        const n = buf[pos + 2]!;
        this.width = (n >> 4) + 1;
        this.height = (n & 0x0f) + 1;
        return 3;
      }
      case 0x56: { // GS V m [n]
        if (need(3) < 0) return NEED_MORE;
        const m = buf[pos + 2]!;
        const len = m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104 ? 4 : 3;
        if (need(len) < 0) return NEED_MORE;
        this.flushLine(false);
        this.emit({ kind: 'cut' });
        return len;
      }
      case 0x28: { // GS ( k pL pH cn fn ...
        if (need(5) < 0) return NEED_MORE;
        const len = buf[pos + 3]! + buf[pos + 4]! * 256;
        if (need(5 + len) < 0) return NEED_MORE;
        if (buf[pos + 2] === 0x6b && buf[pos + 5] === 0x31) {
          const fn = buf[pos + 6];
          if (fn === 0x43) this.qrModule = buf[pos + 7]!;
          if (fn === 0x50) this.qrData = buf.subarray(pos + 8, pos + 5 + len).toString('latin1');
          if (fn === 0x51) this.printQr();
        }
        return 5 + len;
      }
      case 0x76: { // GS v 0 m xL xH yL yH d...
        if (need(8) < 0) return NEED_MORE;
        const bytesPerRow = buf[pos + 4]! + buf[pos + 5]! * 256;
        const height = buf[pos + 6]! + buf[pos + 7]! * 256;
        const total = 8 + bytesPerRow * height;
        if (need(total) < 0) return NEED_MORE;
        this.flushLine(false);
        this.emit({ kind: 'image', width: bytesPerRow * 8, height, rows: Uint8Array.from(buf.subarray(pos + 8, pos + total)), align: this.align });
        return total;
      }
      case 0x42: case 0x48: case 0x66: case 0x68: case 0x77: case 0x72: case 0x61: case 0x7c:
        return need(3);
      case 0x4c: case 0x57: return need(4);
      default: return this.unknown(buf, pos, 2);
    }
  }

  private unknown(buf: Buffer, pos: number, len: number): number {
    if (pos + len > buf.length) return NEED_MORE;
    this.warnings.push(`unknown command ${buf.subarray(pos, pos + len).toString('hex')} at offset ${pos}`);
    return len;
  }
}

/** Decodes a complete job at once. */
export function decodeEscPos(bytes: Uint8Array, options: DecoderOptions = {}): DecodedJob {
  const decoder = new EscPosDecoder(options);
  decoder.push(bytes);
  return decoder.end();
}
