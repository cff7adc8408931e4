import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { publicPauseReason } from '../../server/domain/pause-reason';

const t = suite('public pause reason');

t('only the preset category reaches public screens', () => {
  assert.is(publicPauseReason('休息'), '休息');
  assert.is(publicPauseReason('会议：科室例会'), '会议');
  assert.is(publicPauseReason('其他：帮张三处理急件'), '其他');
  assert.is(publicPauseReason('业务学习: 新政策培训'), '业务学习');
});

t('free text without a known category never goes public', () => {
  assert.is(publicPauseReason('张三请假'), null);
  assert.is(publicPauseReason(''), null);
  assert.is(publicPauseReason(null), null);
});

t.run();
