/** The printer's DLE EOT answers read into problems (ticket-printer/printer-status.ts), and the fake's answers match. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readPrinterStatus, statusAnswer } from '../../ticket-printer/printer-status';

const t = suite('printer status');
const answersOf = (c: Parameters<typeof statusAnswer>[1]) => [1, 2, 4].map((n) => statusAnswer(n, c));

t('all well: 0x12 three times', () => {
  assert.equal(answersOf({}), [0x12, 0x12, 0x12]);
  assert.equal(readPrinterStatus([0x12, 0x12, 0x12]), { ready: true, problems: [], paperNearEnd: false });
});

t('hand-decoded answers of a real printer', () => {
  // Cover open: n=1 offline (0x1a), n=2 cover open (0x16), paper loaded.
  assert.equal(readPrinterStatus([0x1a, 0x16, 0x12]).problems, ['cover_open']);
  // Paper out: n=1 offline, n=2 stopped by paper end (0x32), n=4 near end + out (0x7e).
  assert.equal(readPrinterStatus([0x1a, 0x32, 0x7e]), { ready: false, problems: ['paper_end'], paperNearEnd: true });
  // Offline for another reason (e.g. waiting for online recovery): offline only.
  assert.equal(readPrinterStatus([0x1a, 0x12, 0x12]).problems, ['offline']);
  // An error (e.g. autocutter): n=2 bit 6.
  assert.equal(readPrinterStatus([0x1a, 0x52, 0x12]).problems, ['error']);
  // Paper near its end only: still ready, flagged.
  assert.equal(readPrinterStatus([0x12, 0x12, 0x1e]), { ready: true, problems: [], paperNearEnd: true });
  // A printer that answered DLE EOT 1 only.
  assert.equal(readPrinterStatus([0x12]).ready, true);
  assert.equal(readPrinterStatus([0x1a]).problems, ['offline']);
});

t('the fake printer answers each condition as read back', () => {
  assert.equal(readPrinterStatus(answersOf({ paperEnd: true })).problems, ['paper_end']);
  assert.equal(readPrinterStatus(answersOf({ coverOpen: true })).problems, ['cover_open']);
  assert.equal(readPrinterStatus(answersOf({ offline: true })).problems, ['offline']);
  assert.equal(readPrinterStatus(answersOf({ coverOpen: true, paperEnd: true })).problems, ['cover_open', 'paper_end']);
  assert.equal(readPrinterStatus(answersOf({ paperNearEnd: true })), { ready: true, problems: [], paperNearEnd: true });
});

t.run();
