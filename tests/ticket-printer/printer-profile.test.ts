import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { columnsForPaper, printerProfileSchema } from '../../ticket-printer/index';

const schema = suite('printerProfileSchema');

schema('fills defaults from a host alone', () => {
  assert.equal(printerProfileSchema.parse({ host: '192.168.1.50' }), {
    host: '192.168.1.50',
    port: 9100,
    type: 'epson',
    paperWidth: 80,
    chineseMode: 'fs-and',
    qr: 'native',
    timeoutMs: 3000,
  });
});

schema('rejects bad admin input', () => {
  for (const bad of [
    {},
    { host: '' },
    { host: 'printer 1' },
    { host: 'p', port: 0 },
    { host: 'p', port: 70000 },
    { host: 'p', paperWidth: 76 },
    { host: 'p', type: 'zebra' },
    { host: 'p', chineseMode: 'gb2312' },
    { host: 'p', timeoutMs: 10 },
  ]) {
    assert.not.ok(printerProfileSchema.safeParse(bad).success, JSON.stringify(bad));
  }
});

schema('paper width gives the font A columns', () => {
  assert.is(columnsForPaper(58), 32);
  assert.is(columnsForPaper(80), 48);
});

schema.run();
