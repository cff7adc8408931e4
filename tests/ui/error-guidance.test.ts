/** Every server error code tells staff what to do, in zh-CN and English; an error with a fix offers it. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERROR_CODES } from '../../server/protocol/errors';
import { errorAction, errorGuidance } from '../../ui-shared/src/error-guidance';
import { describeError, errorMessages } from '../../ui-shared/src/i18n';

const test = suite('error guidance');
const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every code in server/protocol/errors.ts has a zh-CN and an English message', () => {
  for (const code of Object.keys(ERROR_CODES)) {
    const zh = errorGuidance['zh-CN'][code] ?? errorMessages['zh-CN'][code];
    const en = errorGuidance.en[code] ?? errorMessages.en[code];
    assert.ok(zh && /[\u4e00-\u9fff]/.test(zh), `zh-CN message for ${code}`);
    assert.ok(en && !/[\u4e00-\u9fff]/.test(en) && en.length > 5, `English message for ${code}`);
    assert.equal(params(zh), params(en), code);
  }
});

test('the guidance says what to do: a next step after the colon, in both languages', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    for (const code of ['staff_at_other_counter', 'counter_busy', 'counter_not_open', 'matter_not_served', 'conflict', 'not_found', 'internal_error']) {
      const text = errorGuidance[lang][code]!;
      assert.ok(/[:：]/.test(text), `${lang} ${code}: ${text}`);
    }
  }
});

test('"still signed in at counter 4" names the counter and offers to release it', () => {
  const error = { code: 'staff_at_other_counter', message: 'You are still signed in at counter 4; release it first', detail: { counterId: 'c4', counterNumber: 4 } };
  assert.is(describeError('zh-CN', error), '您仍在 4 号窗口签到：请先释放 4 号窗口，再选择本窗口');
  assert.is(describeError('en', error), 'You are still signed in at counter 4: release counter 4, then take this one');
  assert.equal(errorAction(error), { kind: 'release-counter', counterId: 'c4', counterNumber: 4 });
  assert.is(errorAction({ code: 'conflict' }), null);
  assert.is(errorAction({ code: 'staff_at_other_counter' }), null, 'no action without the counter');
});

test('the old "refresh and retry" wording is gone; client-side failures keep their words', () => {
  assert.not.ok(describeError('zh-CN', { code: 'conflict', message: 'x' }).includes('请刷新后重试'));
  assert.ok(describeError('zh-CN', { code: 'internal_error', message: 'offline' }).includes('网络'));
  assert.is(describeError('zh-CN', { code: 'validation_failed', message: '证件号码校验位不正确' }), '证件号码校验位不正确');
});

test.run();
