/** The dashboard's 办件 words, zh-CN first. */
import type { Lang } from '../../../ui-shared/src/i18n';
import { i18n } from './messages';

const zh = {
  title: '今日办件',
  accepted: '受理',
  notice: '一次性告知',
  tolerated: '容缺受理',
  not_accepted: '不予受理',
  pass_rate: '一次性通过率',
  pass_target: '目标 ≥ {target}%',
  within_limit: '承诺时限内办结',
  overdue: '超期办件',
  on_the_spot: '当场办结率',
  definitions: '一次性通过率 = 首次到窗即受理 ÷ 受理；按时办结 = 承诺日期前办结 ÷ 已办结；当场办结率 = 当场办结 ÷ 受理',
  by_matter: '按事项',
  by_department: '按部门',
  by_counter: '按窗口',
  col_key: '分组',
  col_opened: '收件',
  none: '今日暂无办件',
  alerts_title: '办件预警',
  alerts_none: '无临期、超期或容缺逾期办件',
  alert_overdue: '超期',
  alert_at_risk: '临期（已过 80% 时限）',
  alert_promise_overdue: '容缺承诺逾期',
  fresh: '新',
  col_number: '办件编号',
  col_matter: '事项',
  col_department: '部门',
  col_counter: '窗口',
  col_due: '承诺办结',
  col_promise: '承诺补交',
  counter_n: '{n} 号窗口',
  period_title: '办件统计 {from} 至 {to}',
  csv: '导出办件 CSV',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  title: 'Cases today',
  accepted: 'Accepted',
  notice: 'Notice to supply',
  tolerated: 'Accepted on promise',
  not_accepted: 'Not accepted',
  pass_rate: 'First-visit pass rate',
  pass_target: 'target ≥ {target}%',
  within_limit: 'Finished within limit',
  overdue: 'Overdue cases',
  on_the_spot: 'Done on the spot',
  definitions: 'Pass rate = accepted at the first visit ÷ accepted; within limit = finished by the promised date ÷ finished; on the spot = completed on the spot ÷ accepted',
  by_matter: 'By matter',
  by_department: 'By department',
  by_counter: 'By counter',
  col_key: 'Group',
  col_opened: 'Opened',
  none: 'No cases today yet',
  alerts_title: 'Case alerts',
  alerts_none: 'No case at risk, overdue or past its promise',
  alert_overdue: 'Overdue',
  alert_at_risk: 'At risk (80 % of the limit)',
  alert_promise_overdue: 'Promise overdue',
  fresh: 'new',
  col_number: 'Case no.',
  col_matter: 'Matter',
  col_department: 'Department',
  col_counter: 'Counter',
  col_due: 'Due',
  col_promise: 'Supply by',
  counter_n: 'Counter {n}',
  period_title: 'Cases {from} to {to}',
  csv: 'Export cases CSV',
};
const tables: Record<Lang, Record<Key, string>> = { 'zh-CN': zh, en };

export type CaseKey = Key;
export function cst(key: Key, params?: Record<string, string | number>): string {
  const text = tables[i18n.lang.get()][key] ?? zh[key];
  return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text;
}
