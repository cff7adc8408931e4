import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { displayWidth, encodeGb18030, PLACEHOLDER, toPrintableText, wrapText } from '../../ticket-printer/index';

const width = suite('displayWidth');

width('ASCII is 1 column, CJK and full-width 2', () => {
  assert.is(displayWidth('A023'), 4);
  assert.is(displayWidth('您前面还有12人等候'), 18);
  assert.is(displayWidth('（）：，'), 8);
  assert.is(displayWidth('Ａ'), 2);
});

width('double-byte Latin letters print from the 24x24 font, so they are 2 columns', () => {
  assert.is(displayWidth('é'), 2);
  assert.is(displayWidth('e\u0301'), 2); // composes to é
});

width('controls and zero-width characters take no columns', () => {
  assert.is(displayWidth('A\u001b@B\u200d'), 3); // ESC dropped, '@' kept, ZWJ dropped
});

width.run();

const printable = suite('toPrintableText');

printable('replaces each character outside the printer fonts with one placeholder', () => {
  assert.is(toPrintableText('吉𠮷祥'), `吉${PLACEHOLDER}祥`);
  assert.is(toPrintableText('好👍🏽!'), `好${PLACEHOLDER}!`);
  assert.is(toPrintableText('㐀'), PLACEHOLDER); // CJK Ext A is 4-byte GB18030
});

printable('strips control bytes so text cannot inject printer commands', () => {
  assert.is(toPrintableText('A\u001bd\u0001B\u001d'), 'AdB');
  assert.is(toPrintableText('a\tb\nc'), 'a b c');
});

printable('encodes GB18030 with ASCII as single bytes', () => {
  assert.is(encodeGb18030('A023').toString('hex'), '41303233');
  assert.is(encodeGb18030('您前面还有12人等候').length, 18);
  assert.is(encodeGb18030('€').toString('hex'), 'a2e3');
  assert.ok(encodeGb18030('吉𠮷').every((b) => b !== 0x3f), 'no "?" bytes');
});

printable.run();

const wrap = suite('wrapText');

const chars = (s: string) => Array.from(new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(s), (x) => x.segment);

wrap('never exceeds the width and never splits a character', () => {
  const text = '办理事项：不动产登记（二手房买卖）A1B2，é𠮷 and some English words here';
  for (let cols = 2; cols <= 48; cols++) {
    const lines = wrapText(text, cols);
    for (const line of lines) assert.ok(displayWidth(line) <= cols, `"${line}" wider than ${cols}`);
    const rejoined = lines.join('').replace(/ /g, '');
    assert.is(rejoined, toPrintableText(text).replace(/ /g, ''), `nothing lost or split at ${cols} columns`);
    for (const line of lines) for (const ch of chars(line)) assert.ok(ch === toPrintableText(ch), 'whole characters only');
  }
});

wrap('a CJK character that would cross the edge moves to the next line', () => {
  assert.equal(wrapText('一二三', 5), ['一二', '三']);
  assert.equal(wrapText('A一二', 4), ['A一', '二']);
});

wrap('closing punctuation does not start a line', () => {
  assert.equal(wrapText('一二三四。', 8), ['一二三', '四。']);
});

wrap('English wraps at spaces', () => {
  assert.equal(wrapText('Real estate registration', 16), ['Real estate', 'registration']);
});

wrap.run();
