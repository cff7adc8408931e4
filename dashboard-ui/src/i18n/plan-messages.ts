/** Words of the staffing-plan card (zh-CN first), in the dashboard's language. */
import { i18n } from './messages';

const zh = {
  title: '今日到达预测与排班建议',
  basisSame: '依据：近 {weeks} 周同一工作日（{days}）的取号记录',
  basisRecent: '依据：近期 {n} 天的取号记录（没有同一工作日的记录）',
  basisNone: '暂无历史取号记录，无法预测；有记录后自动生成',
  staffingOpen: '“在岗”为当前已开窗口',
  staffingAll: '当前没有开放窗口，“在岗”按全部启用窗口计',
  slot: '时段',
  arrivals: '预计到达',
  needed: '需要窗口',
  staffed: '在岗',
  need95: '“需要窗口”按 {share}% 的访客在目标时间内叫号测算',
  moves: '潮汐窗口建议',
  noMoves: '暂无调整建议',
  apply: '一键调整',
  applying: '正在调整…',
  applied: '已调整',
  breaks: '错峰休息建议（每个时段休息 15 分钟）',
  breakRow: '{n} 号窗口：{times}',
  breakSep: '、',
  pooling: '窗口综合化测算',
  poolingRow: '{n} 号窗口改为综合窗口：{zone}达标率 {now}% → {pooled}%，全厅 {hallNow}% → {hallPooled}%',
  poolingNote: '按今日预测和本厅叫号规则模拟 {days} 天的平均值（在目标时间内叫号的访客占比）',
  seats: '预约号源：高峰 {n} 个时段已按预测压缩，预约将引导到就近空闲时段',
  noSeats: '预约号源：各时段按默认名额开放',
  reload: '刷新',
  move: '{from}–{to}：{n} 号窗口 → {zone}',
  sentence: '{text}。',
  sep: '；',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  title: "Today's arrival forecast and staffing advice",
  basisSame: 'Based on the same weekday of the last {weeks} weeks ({days})',
  basisRecent: 'Based on the last {n} days with tickets (no same weekday on record)',
  basisNone: 'No ticket history yet, so no forecast; it appears once there is history',
  staffingOpen: '"Staffed" = counters open now',
  staffingAll: 'No counter is open: "staffed" counts every active counter',
  slot: 'Half hour',
  arrivals: 'Expected',
  needed: 'Needed',
  staffed: 'Staffed',
  need95: '"Needed" keeps {share}% of visitors called within their target',
  moves: 'Tidal counter advice',
  noMoves: 'No change advised',
  apply: 'Apply',
  applying: 'Applying…',
  applied: 'Applied',
  breaks: 'Breaks out of the peaks (15 minutes a session)',
  breakRow: 'Counter {n}: {times}',
  breakSep: ', ',
  pooling: 'Making a counter comprehensive',
  poolingRow: 'Counter {n} comprehensive: {zone} within target {now}% → {pooled}%, whole hall {hallNow}% → {hallPooled}%',
  poolingNote: "Mean of {days} days simulated on today's forecast with the hall's calling rule (share of visitors called within their target)",
  seats: 'Appointments: {n} peak half hours capped by the plan; bookings are offered the nearest free slot',
  noSeats: 'Appointments: every half hour at the default number of seats',
  reload: 'Refresh',
  move: '{from}–{to}: counter {n} → {zone}',
  sentence: '{text}. ',
  sep: '; ',
};

export const pt = (key: Key, params?: Record<string, string | number>): string => {
  const text = (i18n.lang.get() === 'en' ? en : zh)[key];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
};
