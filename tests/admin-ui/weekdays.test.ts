/** Opening sessions as the console shows them: weekday runs in Chinese and English. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { daysLabel, sessionsLabel } from '../../admin-ui/src/stores/weekdays';

const t = suite('admin console: weekday labels');

t('runs of three or more are a range; shorter ones are listed; no days means working days', () => {
  assert.is(daysLabel([1, 2, 3, 4, 5], 'zh-CN'), '周一至周五');
  assert.is(daysLabel([5, 1, 3], 'zh-CN'), '周一、周三、周五');
  assert.is(daysLabel([6, 7], 'en'), 'Sat, Sun');
  assert.is(daysLabel([1, 2, 3, 5, 6, 7], 'en'), 'Mon–Wed, Fri–Sun');
  assert.is(daysLabel(undefined, 'zh-CN'), '工作日');
  assert.is(daysLabel([1, 2, 3, 4, 5, 6, 7], 'en'), 'Every day');
});

t('a week of sessions', () => {
  const week = [
    { start: '09:00', end: '12:00', days: [1, 2, 3, 4, 5] },
    { start: '09:00', end: '12:00', days: [6] },
  ];
  assert.is(sessionsLabel(week, 'zh-CN'), '周一至周五 09:00–12:00；周六 09:00–12:00');
  assert.is(sessionsLabel(week, 'en'), 'Mon–Fri 09:00–12:00; Sat 09:00–12:00');
});

t.run();
