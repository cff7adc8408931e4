import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeGb18030, encodeTicket, FS_AND, layoutTicket, PLACEHOLDER } from '../../ticket-printer/index';
import { decodeEscPos } from '../../ticket-printer/decode-escpos';
import { profile, sampleTicket } from './_fixtures';

const encode = suite('encodeTicket');

const firstNonAscii = (bytes: Buffer, from = 0) => bytes.findIndex((b, i) => i >= from && b >= 0x80);

encode('"您前面还有12人等候" is exactly 18 GB18030 bytes and appears as such in the stream', () => {
  const phrase = encodeGb18030('您前面还有12人等候');
  assert.is(phrase.length, 18);
  assert.is(phrase.toString('hex'), 'c4fac7b0c3e6bbb9d3d03132c8cbb5c8baf2');
  const bytes = encodeTicket(layoutTicket(sampleTicket, { paperWidth: 80 }), profile());
  assert.ok(bytes.includes(Buffer.concat([phrase, Buffer.from([0x0a])])));
});

encode("with chineseMode 'fs-and', FS & (1C 26) precedes the first non-ASCII byte", () => {
  for (const type of ['epson', 'star'] as const) {
    for (const qr of ['native', 'image'] as const) {
      const bytes = encodeTicket(layoutTicket(sampleTicket, { paperWidth: 58 }), profile({ type, qr, paperWidth: 58 }));
      const fsAnd = bytes.indexOf(FS_AND);
      assert.ok(fsAnd >= 0, 'FS & sent');
      assert.ok(fsAnd < firstNonAscii(bytes), `FS & at ${fsAnd}, first non-ASCII at ${firstNonAscii(bytes)}`);
      assert.equal([...bytes.subarray(0, 4)], [0x1b, 0x40, 0x1c, 0x26], 'ESC @ then FS &');
    }
  }
});

encode("with chineseMode 'none', FS & is never sent", () => {
  for (const type of ['epson', 'star'] as const) {
    const bytes = encodeTicket(layoutTicket(sampleTicket, { paperWidth: 80 }), profile({ type, chineseMode: 'none' }));
    assert.is(bytes.indexOf(FS_AND), -1);
    assert.ok(firstNonAscii(bytes) > 0, 'still GB18030 text');
  }
});

encode('an unencodable character is replaced alone and does not touch the number', () => {
  const data = { ...sampleTicket, hallName: '吉𠮷区政务服务中心', matterName: '户籍迁移👍🏽' };
  const bytes = encodeTicket(layoutTicket(data, { paperWidth: 80 }), profile());
  const decoded = decodeEscPos(bytes);
  const lines = decoded.text.split('\n');
  assert.ok(lines.includes('A023'), 'number line is exactly A023');
  assert.ok(bytes.includes(Buffer.from([0x41, 0x30, 0x32, 0x33, 0x0a])), 'number sent as ASCII bytes');
  assert.ok(lines.includes(`吉${PLACEHOLDER}区政务服务中心`));
  assert.ok(lines.includes(`办理事项：户籍迁移${PLACEHOLDER}`));
  assert.not.ok(decoded.text.includes('?'), 'no question marks anywhere');
  assert.ok(!bytes.includes(Buffer.from('3f3f', 'hex')));
});

encode('Epson commands: GS ! 0x33 for the 4x number, native QR via GS ( k, cut GS V 0', () => {
  const bytes = encodeTicket(layoutTicket(sampleTicket, { paperWidth: 80 }), profile());
  assert.ok(bytes.includes(Buffer.from([0x1d, 0x21, 0x33])));
  assert.ok(bytes.includes(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30])), 'QR print');
  assert.ok(bytes.includes(Buffer.concat([Buffer.from([0x31, 0x50, 0x30]), Buffer.from(sampleTicket.qrContent)])), 'QR store');
  assert.ok(bytes.includes(Buffer.from([0x1d, 0x56, 0x00])));
});

encode('Star commands: ESC i 3 3 for 4x, ESC GS y D 1 0 nL nH before the QR data, ESC d 2 cut', () => {
  const bytes = encodeTicket(layoutTicket(sampleTicket, { paperWidth: 80 }), profile({ type: 'star' }));
  assert.ok(bytes.includes(Buffer.from([0x1b, 0x69, 0x03, 0x03])));
  const len = sampleTicket.qrContent.length;
  assert.ok(bytes.includes(Buffer.concat([Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, len, 0]), Buffer.from(sampleTicket.qrContent)])));
  assert.ok(bytes.includes(Buffer.from([0x1b, 0x64, 0x02])));
  assert.is(bytes.indexOf(Buffer.from([0x1d, 0x21])), -1, 'no Epson GS ! on Star');
});

encode("qr 'image' sends a full-width GS v 0 raster and no native QR", () => {
  for (const paperWidth of [58, 80] as const) {
    const bytes = encodeTicket(layoutTicket(sampleTicket, { paperWidth }), profile({ qr: 'image', paperWidth }));
    const at = bytes.indexOf(Buffer.from([0x1d, 0x76, 0x30, 0x00]));
    assert.ok(at > 0);
    assert.is(bytes[at + 4], paperWidth === 58 ? 48 : 72, 'bytes per row = paper dots / 8');
    assert.is(bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b])), -1);
    const image = decodeEscPos(bytes).items.find((i) => i.kind === 'image');
    assert.ok(image && image.kind === 'image' && image.width === (paperWidth === 58 ? 384 : 576));
  }
});

encode('control characters in data cannot reach the printer as commands', () => {
  const data = { ...sampleTicket, matterName: 'X\u001dV\u0000\u001b@' };
  const bytes = encodeTicket(layoutTicket(data, { paperWidth: 80 }), profile());
  const decoded = decodeEscPos(bytes);
  assert.is(decoded.items.filter((i) => i.kind === 'cut').length, 1);
  assert.ok(decoded.text.includes('办理事项：XV@'));
});

encode.run();
