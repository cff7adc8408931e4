/**
 * A report as CSV for Excel: UTF-8 with a byte-order mark (so Excel opens Chinese correctly),
 * CRLF line ends, RFC 4180 quoting, and cells that could start a formula defused with a leading '.
 */
import type { ReportRow, ReportView, TargetShare } from '../../protocol/dashboard';

type Lang = 'zh-CN' | 'en';

const HEADERS: Record<Lang, string[]> = {
  'zh-CN': [
    '分组', '取号数', '办结数', '过号数', '取消数',
    '等候P50(分钟)', '等候P90(分钟)', '办理P50(分钟)', '办理P90(分钟)',
    '等候达标率(%)', '一般事项等候达标率(%)', '复杂事项等候达标率(%)', '窗口办理≤目标达标率(%)',
    '预约数', '预约履约', '预约爽约', '预约取消',
  ],
  en: [
    'Group', 'Tickets', 'Served', 'No-shows', 'Cancelled',
    'Wait P50 (min)', 'Wait P90 (min)', 'Handling P50 (min)', 'Handling P90 (min)',
    'Wait within target (%)', 'General matters within target (%)', 'Complex matters within target (%)', 'Handling within target (%)',
    'Appointments', 'Appointments kept', 'Appointments missed', 'Appointments cancelled',
  ],
};

const TOTAL: Record<Lang, string> = { 'zh-CN': '合计', en: 'Total' };
const NONE: Record<Lang, string> = { 'zh-CN': '（未到窗口）', en: '(not at a counter)' };

export const CSV_BOM = '\uFEFF';

export function reportCsv(view: ReportView, lang: Lang): string {
  const lines = [HEADERS[lang], ...view.rows.map((r) => cells(r, r.key === '' ? NONE[lang] : r.label)), cells(view.totals, TOTAL[lang])];
  return CSV_BOM + lines.map((l) => l.map(escapeCell).join(',')).join('\r\n') + '\r\n';
}

function cells(r: ReportRow, label: string): string[] {
  const a = r.appointments;
  return [
    label,
    String(r.tickets),
    String(r.served),
    String(r.noShows),
    String(r.cancelled),
    num(r.waitP50),
    num(r.waitP90),
    num(r.handlingP50),
    num(r.handlingP90),
    pct(r.wait),
    pct(r.waitGeneral),
    pct(r.waitComplex),
    pct(r.handling),
    a ? String(a.booked) : '',
    a ? String(a.kept) : '',
    a ? String(a.missed) : '',
    a ? String(a.cancelled) : '',
  ];
}

const num = (v: number | null) => (v === null ? '' : v.toFixed(1));
const pct = (s: TargetShare) => (s.share === null ? '' : (s.share * 100).toFixed(1));

export function escapeCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
