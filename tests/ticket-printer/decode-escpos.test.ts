import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeEscPos, EscPosDecoder, encodeTicket, layoutTicket } from '../../ticket-printer/index';
import { appointmentReprint, profile } from './_fixtures';

const decoder = suite('EscPosDecoder');

decoder('decodes the same job whatever the TCP chunking (even one byte at a time)', () => {
  for (const type of ['epson', 'star'] as const) {
    const bytes = encodeTicket(layoutTicket(appointmentReprint, { paperWidth: 58 }), profile({ type, qr: 'image', paperWidth: 58 }));
    const whole = decodeEscPos(bytes, { emulation: type });
    const d = new EscPosDecoder({ emulation: type });
    for (const b of bytes) d.push(Uint8Array.of(b));
    assert.equal(d.end(), whole);
    assert.ok(whole.text.includes('B105'));
  }
});

decoder('GB18030 trail bytes in the ASCII range are part of the character, not text', () => {
  // 丂 is 81 40: a naive decoder would print '@' after a broken byte.
  const job = decodeEscPos(Buffer.from([0x1b, 0x40, 0x1c, 0x26, 0x81, 0x40, 0x41, 0x0a]));
  assert.is(job.text, '丂A');
});

decoder('answers DLE EOT as soon as it is parsed', () => {
  const asked: number[] = [];
  const d = new EscPosDecoder({ onStatusRequest: (n) => void asked.push(n) });
  d.push(Buffer.from([0x41, 0x10, 0x04]));
  assert.equal(asked, []);
  d.push(Buffer.from([0x01]));
  assert.equal(asked, [1]);
});

decoder('reports unknown commands instead of printing them', () => {
  const job = decodeEscPos(Buffer.from([0x1b, 0x40, 0x1b, 0x99, 0x41, 0x0a]));
  assert.is(job.text, 'A');
  assert.match(job.warnings.join(), 'unknown command 1b99');
});

decoder.run();
