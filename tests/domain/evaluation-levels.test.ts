import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ratingFigures, validateRating } from '../../server/domain/evaluation/levels';

const t = suite('evaluation levels and reasons');

t('levels 3–5 submit without a reason', () => {
  for (const level of [3, 4, 5]) {
    const r = validateRating({ level });
    assert.ok(r.ok, `level ${level}`);
    if (r.ok) assert.equal(r.value, { level, reasons: [], text: null });
  }
});

t('levels 1–2 need a preset reason or text', () => {
  for (const level of [1, 2]) {
    const none = validateRating({ level });
    assert.is(none.ok, false);
    if (!none.ok) assert.is(none.code, 'evaluation_reason_required');
    const blank = validateRating({ level, reasons: [], text: '   ' });
    assert.is(!blank.ok && blank.code, 'evaluation_reason_required');
    const preset = validateRating({ level, reasons: ['slow', 'slow'] });
    assert.equal(preset.ok && preset.value, { level, reasons: ['slow'], text: null });
    const text = validateRating({ level, text: '  等了很久 ' });
    assert.equal(text.ok && text.value, { level, reasons: [], text: '等了很久' });
  }
});

t('a level outside 1–5 or not whole is refused', () => {
  for (const level of [0, 6, -1, 2.5, Number.NaN]) {
    const r = validateRating({ level, reasons: ['slow'] });
    assert.is(!r.ok && r.code, 'evaluation_level_invalid', String(level));
  }
});

t('unknown reasons, reasons on a good rating and over-long text are refused', () => {
  assert.is((r => !r.ok && r.code)(validateRating({ level: 1, reasons: ['bribe'] })), 'validation_failed');
  assert.is((r => !r.ok && r.code)(validateRating({ level: 4, reasons: ['slow'] })), 'validation_failed');
  assert.is((r => !r.ok && r.code)(validateRating({ level: 5, text: 'great' })), 'validation_failed');
  assert.is((r => !r.ok && r.code)(validateRating({ level: 2, text: '长'.repeat(201) })), 'validation_failed');
});

t('rates: 差评率 = levels 1–2 ÷ all, 好评率 = levels 3–5 ÷ all; none of nothing', () => {
  const f = ratingFigures({ 5: 6, 4: 2, 3: 1, 2: 0, 1: 1 });
  assert.is(f.total, 10);
  assert.is(f.bad, 1);
  assert.is(f.good, 9);
  assert.is(f.badRate, 0.1);
  assert.is(f.goodRate, 0.9);
  const empty = ratingFigures({});
  assert.is(empty.total, 0);
  assert.is(empty.goodRate, null);
  assert.is(empty.badRate, null);
});

t.run();
