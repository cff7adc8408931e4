/** The message table: both languages complete, same parameters, every action, type and error covered. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERROR_CODES } from '../../server/protocol/errors';
import { describeError } from '../../ui-shared/src/i18n';
import { messages, type MessageKey } from '../../counter-ui/src/i18n/messages';
import { ALL_ACTIONS } from '../../counter-ui/src/stores/available-actions';

const zh = messages['zh-CN'];
const en = messages.en;
const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const test = suite('counter messages');
test('the same keys in zh-CN and English, none empty', () => {
  assert.equal(Object.keys(en).sort(), Object.keys(zh).sort());
  for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)]) assert.ok(v.trim().length > 0, k);
});
test('the same {parameters} in both languages', () => {
  for (const k of Object.keys(zh) as MessageKey[]) assert.equal(params(en[k]), params(zh[k]), k);
});
test('zh-CN text is Chinese, English text is not', () => {
  const skip = new Set<MessageKey>(['app.brand', 'lang.switch', 'lang.label']);
  for (const k of Object.keys(zh) as MessageKey[]) {
    if (skip.has(k)) continue;
    assert.ok(/[\u4e00-\u9fff]/.test(zh[k]), `zh ${k}`);
    assert.not.ok(/[\u4e00-\u9fff]/.test(en[k]), `en ${k}`);
  }
});
test('every action, counter type, counter status and priority has a label', () => {
  const keys = new Set(Object.keys(zh));
  for (const a of ALL_ACTIONS) if (a !== 'pause-resume') assert.ok(keys.has(`action.${a}`), a);
  assert.ok(keys.has('action.pause') && keys.has('action.resume'));
  for (const t of ['comprehensive', 'professional', 'consultation', 'pickup', 'assisted', 'complaint', 'cross_region', 'after_hours']) assert.ok(keys.has(`counterType.${t}`), t);
  for (const s of ['open', 'paused', 'closed']) assert.ok(keys.has(`counterStatus.${s}`), s);
  for (const p of ['elderly', 'disabled', 'military', 'pregnant', 'staff_granted']) assert.ok(keys.has(`priority.${p}`), p);
  for (const b of ['connecting', 'online', 'syncing', 'reconnecting', 'offline']) assert.ok(keys.has(`badge.${b}`), b);
});
/** What sign-in, the hall snapshot and the counter commands can answer, plus the sender's own failures. */
const COUNTER_ERRORS = [
  'validation_failed',
  'invalid_json',
  'unauthenticated',
  'invalid_credentials',
  'account_locked',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_transition',
  'wrong_counter',
  'counter_busy',
  'counter_not_open',
  'counter_taken',
  'queue_empty',
  'matter_not_served',
  'payload_too_large',
  'rate_limited',
  'internal_error',
] as const;

test('every error a counter can meet reads as plain words in both languages', () => {
  for (const code of COUNTER_ERRORS) {
    assert.ok(code in ERROR_CODES, code);
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = describeError(lang, { code, message: 'Some English detail from the server' });
      assert.is.not(text, code, `${lang} ${code}`);
      assert.is.not(text, 'Some English detail from the server', `${lang} ${code}`);
      if (lang === 'zh-CN') assert.ok(/[\u4e00-\u9fff]/.test(text), `zh-CN ${code}: ${text}`);
    }
  }
  for (const message of ['offline', 'timeout']) {
    assert.ok(/[\u4e00-\u9fff]/.test(describeError('zh-CN', { code: 'internal_error', message })), message);
    assert.is.not(describeError('en', { code: 'internal_error', message }), message);
  }
});
test.run();
