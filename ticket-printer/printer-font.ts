/**
 * The preview's stand-in for a Chinese thermal printer's built-in font: GNU Unifont (UnifontEX,
 * npm @fontsource/unifontex), a 16-dot bitmap font covering the whole Basic Multilingual Plane —
 * every GB18030 hanzi a ticket can hold. The font ships as a WOFF whose outlines are the bitmap's
 * dots drawn as squares (64 units per dot, 1024 per em), so sampling each dot's centre recovers
 * the bitmap exactly. Glyphs come out 16 dots high, 8 (ASCII, half-width) or 16 (hanzi) wide.
 *
 * A small reader of its own (WOFF tables inflated with node:zlib; head, hhea, hmtx, cmap 4/12,
 * loca, glyf simple glyphs), not a general font engine: the preview needs this one font only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

export const GLYPH_DOTS = 16;

export interface Glyph {
  /** 8 or 16 dots. */
  width: number;
  /** Row-major, 1 = ink, width × 16. */
  dots: Uint8Array;
}

interface FontTables {
  tables: Map<string, Buffer>;
  unitsPerEm: number;
  ascender: number;
  longLoca: boolean;
  advances: Uint16Array;
  cmap: (code: number) => number;
}

const FONT_FILE = '@fontsource/unifontex/files/unifontex-latin-400-normal.woff';

let loaded: FontTables | null = null;
const cache = new Map<number, Glyph>();

/** Reads the font once per process (about half a second); a missing package says how to fix it. */
function font(): FontTables {
  if (loaded) return loaded;
  let path: string;
  try {
    path = createRequire(import.meta.url).resolve(FONT_FILE);
  } catch {
    throw new Error(`printer preview font missing: ${FONT_FILE} (run npm ci; it is a dependency in package.json)`);
  }
  loaded = parseFont(readWoff(readFileSync(path)));
  return loaded;
}

function readWoff(woff: Buffer): Map<string, Buffer> {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('printer preview font is not a WOFF file');
  const count = woff.readUInt16BE(12);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const e = 44 + i * 20;
    const tag = woff.toString('latin1', e, e + 4);
    const offset = woff.readUInt32BE(e + 4);
    const compressed = woff.readUInt32BE(e + 8);
    const original = woff.readUInt32BE(e + 12);
    const raw = woff.subarray(offset, offset + compressed);
    tables.set(tag, compressed < original ? inflateSync(raw) : raw);
  }
  return tables;
}

function table(tables: Map<string, Buffer>, tag: string): Buffer {
  const t = tables.get(tag);
  if (!t) throw new Error(`printer preview font has no ${tag} table`);
  return t;
}

function parseFont(tables: Map<string, Buffer>): FontTables {
  const head = table(tables, 'head');
  const hhea = table(tables, 'hhea');
  const hmtx = table(tables, 'hmtx');
  const metrics = hhea.readUInt16BE(34);
  const glyphs = table(tables, 'maxp').readUInt16BE(4);
  const advances = new Uint16Array(glyphs);
  for (let g = 0; g < glyphs; g++) advances[g] = hmtx.readUInt16BE(4 * Math.min(g, metrics - 1));
  return {
    tables,
    unitsPerEm: head.readUInt16BE(18),
    ascender: hhea.readInt16BE(4),
    longLoca: head.readInt16BE(50) === 1,
    advances,
    cmap: readCmap(table(tables, 'cmap')),
  };
}

/** A code point → glyph index function from the best Unicode subtable (format 12, else 4). */
function readCmap(cmap: Buffer): (code: number) => number {
  const n = cmap.readUInt16BE(2);
  let best: { format: number; offset: number } | null = null;
  for (let i = 0; i < n; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 12 || (format === 4 && best?.format !== 12))) best = { format, offset };
  }
  if (!best) throw new Error('printer preview font has no Unicode cmap');
  const o = best.offset;
  if (best.format === 12) {
    const groups = cmap.readUInt32BE(o + 12);
    return (code) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = o + 16 + mid * 12;
        const start = cmap.readUInt32BE(g);
        const end = cmap.readUInt32BE(g + 4);
        if (code < start) hi = mid - 1;
        else if (code > end) lo = mid + 1;
        else return cmap.readUInt32BE(g + 8) + code - start;
      }
      return 0;
    };
  }
  const segs = cmap.readUInt16BE(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const ranges = deltas + segs * 2;
  return (code) => {
    if (code > 0xffff) return 0;
    for (let i = 0; i < segs; i++) {
      if (code > cmap.readUInt16BE(ends + i * 2)) continue;
      const start = cmap.readUInt16BE(starts + i * 2);
      if (code < start) return 0;
      const delta = cmap.readInt16BE(deltas + i * 2);
      const range = cmap.readUInt16BE(ranges + i * 2);
      if (range === 0) return (code + delta) & 0xffff;
      const g = cmap.readUInt16BE(ranges + i * 2 + range + (code - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}

/** The contours of a simple glyph, in font units (quadratic control points are kept as points: the outlines are rectilinear). */
function contours(f: FontTables, index: number): Array<Array<[number, number]>> {
  const loca = table(f.tables, 'loca');
  const glyf = table(f.tables, 'glyf');
  const start = f.longLoca ? loca.readUInt32BE(index * 4) : loca.readUInt16BE(index * 2) * 2;
  const end = f.longLoca ? loca.readUInt32BE(index * 4 + 4) : loca.readUInt16BE(index * 2 + 2) * 2;
  if (end <= start) return [];
  const n = glyf.readInt16BE(start);
  if (n < 0) return []; // composite glyphs: none in this font
  const endPts: number[] = [];
  for (let i = 0; i < n; i++) endPts.push(glyf.readUInt16BE(start + 10 + i * 2));
  const points = (endPts[n - 1] ?? -1) + 1;
  let p = start + 10 + n * 2;
  p += 2 + glyf.readUInt16BE(p); // instructions
  const flags: number[] = [];
  while (flags.length < points) {
    const flag = glyf[p++]!;
    flags.push(flag);
    if (flag & 8) for (let r = glyf[p++]!; r > 0; r--) flags.push(flag);
  }
  const coords = (shortBit: number, sameBit: number): number[] => {
    const out: number[] = [];
    let v = 0;
    for (const flag of flags) {
      if (flag & shortBit) v += flag & sameBit ? glyf[p++]! : -glyf[p++]!;
      else if (!(flag & sameBit)) (v += glyf.readInt16BE(p)), (p += 2);
      out.push(v);
    }
    return out;
  };
  const xs = coords(2, 16);
  const ys = coords(4, 32);
  const result: Array<Array<[number, number]>> = [];
  let first = 0;
  for (const last of endPts) {
    const c: Array<[number, number]> = [];
    for (let i = first; i <= last; i++) c.push([xs[i]!, ys[i]!]);
    result.push(c);
    first = last + 1;
  }
  return result;
}

/** Non-zero winding number of a point against closed polygons. */
function inside(polys: Array<Array<[number, number]>>, x: number, y: number): boolean {
  let winding = 0;
  for (const poly of polys) {
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i]!;
      const [x2, y2] = poly[(i + 1) % poly.length]!;
      if (y1 <= y) {
        if (y2 > y && (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1) > 0) winding++;
      } else if (y2 <= y && (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1) < 0) winding--;
    }
  }
  return winding !== 0;
}

/** The 16-dot bitmap of one character; a character the font lacks is its replacement box (like a printer's). */
export function printerGlyph(ch: string): Glyph {
  const code = ch.codePointAt(0) ?? 0x3f;
  const hit = cache.get(code);
  if (hit) return hit;
  const f = font();
  const index = f.cmap(code) || f.cmap(0xfffd);
  const unit = f.unitsPerEm / GLYPH_DOTS;
  const width = f.advances[index]! > f.unitsPerEm * 0.75 ? 16 : 8;
  const polys = contours(f, index);
  const dots = new Uint8Array(width * GLYPH_DOTS);
  for (let row = 0; row < GLYPH_DOTS; row++)
    for (let col = 0; col < width; col++) dots[row * width + col] = inside(polys, (col + 0.5) * unit, f.ascender - (row + 0.5) * unit) ? 1 : 0;
  const glyph = { width, dots };
  cache.set(code, glyph);
  return glyph;
}
