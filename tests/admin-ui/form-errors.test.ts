/** The admin console validates with the server's own schemas and names each field in Chinese; the calendar warns before a year without data. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { schemas } from '../../server/protocol';
import { staffUpdate } from '../../server/protocol/admin';
import { changedFields, validate } from '../../admin-ui/src/stores/form-errors';
import { yearWithoutDataWarning } from '../../admin-ui/src/stores/calendar-warning';

const t = suite('admin form validation');

t('field messages in Chinese for each kind of problem, keyed by the field path', () => {
  const r = validate(schemas.hallCreate, { code: '', name: 'x'.repeat(101), sessions: [{ start: '9:00', end: '17:00' }], settings: { starvationGuard: 0 } }, 'zh-CN');
  assert.is(r.ok, false);
  if (r.ok) return;
  assert.is(r.fields.code, '必填');
  assert.is(r.fields.name, '最多 100 个字符');
  assert.is(r.fields['sessions.start'], '时间格式为 HH:MM');
  assert.is(r.fields['settings.starvationGuard'], '不能小于 1');
  const m = validate(schemas.matterCreate, { zoneId: 'nope', code: 'c', name: 'n', department: 'd', complexity: 'medium', ticketPrefix: 'a1' }, 'zh-CN');
  assert.is(m.ok, false);
  if (m.ok) return;
  assert.is(m.fields.ticketPrefix, '须为一到两个大写字母');
  assert.is(m.fields.complexity, '请选择有效选项');
  assert.is(m.fields.zoneId, '格式不正确');
  const en = validate(staffUpdate, { password: 'short' }, 'en');
  assert.equal(en.ok ? null : en.fields, { password: 'at least 8 characters' });
});

t('a valid body passes through parsed, the same as the server parses it', () => {
  const body = { code: 'QY', name: '企业服务区' };
  const r = validate(schemas.zoneCreate, body, 'zh-CN');
  assert.equal(r, { ok: true, data: schemas.zoneCreate.parse(body) });
  assert.is(r.ok && r.data.sortOrder, 0, 'defaults applied as on the server');
});

t('a PATCH body carries only what changed', () => {
  assert.equal(changedFields({ name: 'a', sortOrder: 3, code: 'Z' }, { name: 'b', sortOrder: 3, code: 'Z' }), { name: 'b' });
  assert.equal(changedFields({ materials: ['x'] }, { materials: ['x'] }), {});
});

t('calendar: warn within 90 days of a year without data, at once for the current year', () => {
  assert.is(yearWithoutDataWarning('2026-06-01', [2025, 2026]), null);
  assert.equal(yearWithoutDataWarning('2026-10-10', [2025, 2026]), { year: 2027, days: 83 });
  assert.is(yearWithoutDataWarning('2026-10-10', [2026, 2027]), null);
  assert.equal(yearWithoutDataWarning('2027-01-05', [2026]), { year: 2027, days: 0 });
});

t.run();
