/**
 * The fake printer's preview draws real glyphs: GNU Unifont's 16-dot bitmaps (the stand-in for a
 * Chinese printer's built-in GB18030 font), 1.5× into the printer's 12×24 / 24×24 cells.
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeEscPos } from '../../ticket-printer/decode-escpos';
import { encodeTicket, layoutTicket } from '../../ticket-printer/index';
import { printerGlyph } from '../../ticket-printer/printer-font';
import { renderPreviewPng } from '../../ticket-printer/preview-png';
import { screenshotPath } from '../_support/browser';
import { profile, sampleTicket } from './_fixtures';

const font = suite('printer font (Unifont bitmaps)');

const ink = (ch: string) => printerGlyph(ch).dots.reduce((s, d) => s + d, 0);
const rowsWithInk = (ch: string) => {
  const g = printerGlyph(ch);
  let n = 0;
  for (let r = 0; r < 16; r++) if (g.dots.subarray(r * g.width, (r + 1) * g.width).some((d) => d)) n++;
  return n;
};

font('hanzi are 16 dots wide, ASCII 8; strokes look like the characters', () => {
  assert.is(printerGlyph('当').width, 16);
  assert.is(printerGlyph('A').width, 8);
  assert.is(printerGlyph('0').width, 8);
  assert.ok(rowsWithInk('一') <= 2, '一 is one stroke');
  assert.ok(rowsWithInk('日') >= 12, '日 is tall');
  assert.ok(ink('疾') > ink('人'), 'more strokes, more ink');
  // 日: a closed box — its outer columns carry a long vertical stroke.
  const ri = printerGlyph('日');
  const column = (c: number) => Array.from({ length: 16 }, (_, r) => ri.dots[r * 16 + c]).filter(Boolean).length;
  assert.ok(Math.max(...Array.from({ length: 8 }, (_, c) => column(c))) >= 12);
});

font('every character of a ticket has its own glyph (no shared placeholder)', () => {
  const chars = [...new Set('办理事项当日有效老年人残疾人孕妇军人预约等候热线楼层服务区')];
  const shapes = new Set(chars.map((c) => printerGlyph(c).dots.join('')));
  assert.is(shapes.size, chars.length);
  for (const c of chars) assert.ok(ink(c) > 10, c);
});

const preview = suite('preview PNG');

preview('a text line is the font glyphs, 1.5× in 24-dot cells, from the decoded bytes', () => {
  const png = PNG.sync.read(renderPreviewPng([{ kind: 'text', text: '当日A', align: 'left', width: 1, height: 1, bold: false }], 576));
  const black = (x: number, y: number) => png.data[(y * png.width + x) * 4] === 0;
  let x0 = 0;
  for (const ch of ['当', '日', 'A']) {
    const g = printerGlyph(ch);
    const cell = ch === 'A' ? 12 : 24;
    for (let y = 0; y < 24; y++)
      for (let x = 0; x < cell; x++) {
        const expected = !!g.dots[Math.floor(y / 1.5) * g.width + Math.floor(x / 1.5)];
        assert.is(black(x0 + x, y), expected, `${ch} at ${x},${y}`);
      }
    x0 += cell;
  }
});

preview('whole tickets (80 and 58 mm): ink where the text is; kept in artifacts/screenshots to look at', () => {
  const ticket = { ...sampleTicket, priorityReason: 'elderly' as const, appointment: true, waitArea: '不动产服务区（2楼东侧）', hotline: '021-64871234', missedNumberRule: '过号请到服务台重新激活，当日有效' };
  for (const paperWidth of [80, 58] as const) {
    const p = profile({ paperWidth });
    const decoded = decodeEscPos(encodeTicket(layoutTicket(ticket, p), p));
    const bytes = renderPreviewPng(decoded.items, paperWidth === 80 ? 576 : 384);
    writeFileSync(screenshotPath(`ticket-preview-${paperWidth}mm`), bytes);
    const png = PNG.sync.read(bytes);
    let inked = 0;
    for (let i = 0; i < png.width * png.height; i++) if (png.data[i * 4] === 0) inked++;
    assert.ok(inked > 15_000, `ink dots: ${inked}`);
  }
});

font.run();
preview.run();
