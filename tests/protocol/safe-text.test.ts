/** The text every boundary refuses (NUL, lone surrogates) and real calendar dates. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { findUnsafeText, isRealIsoDate, unsafeTextReason } from '../../server/protocol/safe-text';

const t = suite('safe text');

t('NUL anywhere is refused; ordinary Chinese, emoji and controls like tab are kept', () => {
  assert.ok(unsafeTextReason('a\u0000b'));
  assert.ok(unsafeTextReason('\u0000'));
  assert.is(unsafeTextReason('张三 申请营业执照'), null);
  assert.is(unsafeTextReason('😀 line\tone\nline two'), null);
  assert.is(unsafeTextReason(''), null);
});

t('a lone high or low surrogate is refused, a paired one is a character', () => {
  assert.ok(unsafeTextReason('\ud800'));
  assert.ok(unsafeTextReason('x\udc00y'));
  assert.ok(unsafeTextReason('\ud83d'));
  assert.ok(unsafeTextReason('\ude00\ud83d'), 'reversed pair');
  assert.is(unsafeTextReason('\ud83d\ude00'), null);
  assert.is(unsafeTextReason('𠀀'), null, 'CJK extension B (astral) is fine');
});

t('findUnsafeText walks nested bodies, keys included, and names the path', () => {
  assert.equal(findUnsafeText({ a: [1, { b: 'ok' }, { c: 'x\u0000' }] }, ['body']), { path: 'body.a.2.c', reason: 'contains a NUL character' });
  assert.is(findUnsafeText({ ['k\u0000']: 1 })?.path, '(key)');
  assert.is(findUnsafeText({ a: 1, b: null, c: true, d: ['x', 'y'] }), null);
  assert.is(findUnsafeText('\ud800')?.path, '_');
  let deep: unknown = 'x';
  for (let i = 0; i < 100; i++) deep = [deep];
  assert.ok(findUnsafeText(deep), 'too deep is refused, not a stack overflow');
});

t('real dates: month lengths, leap years, shapes', () => {
  for (const d of ['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01', '2026-04-30']) assert.ok(isRealIsoDate(d), d);
  for (const d of ['2026-02-30', '2026-02-29', '1900-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-1', '20260101', '2026-01-01T00:00', ' 2026-01-01', '0000-01-01']) {
    assert.not.ok(isRealIsoDate(d), d);
  }
});

t.run();
