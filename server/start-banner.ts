/** What `npm start` prints: the screens, and either the demo credentials or the first-admin set-up code. */
import { DEMO_DEVICES, DEMO_PADS, DEMO_PASSWORD, DEMO_REVIEWERS, DEMO_STAFF } from './seed/demo-hall-data';

export interface BannerFacts {
  base: string;
  dbLabel: string;
  seeded: boolean;
  /** The demo data (and its published credentials) is in this database. */
  demo: boolean;
  setupCode: string | null;
  printing: string;
}

export function startBanner(f: BannerFacts): string {
  const kioskToken = f.demo ? DEMO_DEVICES[0]!.token : '<device token>';
  const displayToken = f.demo ? DEMO_DEVICES[1]!.token : '<device token>';
  const padToken = f.demo ? DEMO_PADS[0]!.token : '<device token>';
  const lines = [
    '',
    `一窗 Yichuang is running — database: ${f.dbLabel}${f.seeded ? ' (demo hall created)' : ''}`,
    '',
    `  管理控制台 Admin      ${f.base}/admin/`,
    `  自助取号机 Kiosk      ${f.base}/kiosk/?token=${kioskToken}`,
    `  窗口工作台 Counter    ${f.base}/counter/`,
    `  大厅综合屏 Display    ${f.base}/display/?token=${displayToken}`,
    `  管理看板 Dashboard    ${f.base}/dashboard/`,
    `  预约办事 Booking      ${f.base}/booking/`,
    `  后台审批 Review       ${f.base}/review/`,
    `  窗口评价器 Evaluator  ${f.base}/evaluation/?token=${padToken}${f.demo ? `   (counter ${DEMO_PADS[0]!.counter})` : ''}`,
    `  API health           ${f.base}/api/health`,
    f.printing,
    '',
  ];
  if (f.demo) {
    lines.push(`Demo sign-in (password for all: ${DEMO_PASSWORD}):`);
    for (const s of DEMO_STAFF) lines.push(`  ${s.username.padEnd(9)} ${s.role.padEnd(8)} ${s.displayName}`);
    for (const r of DEMO_REVIEWERS) lines.push(`  ${r.username.padEnd(9)} ${'reviewer'.padEnd(8)} ${r.displayName}（${r.departments.join('、')}）`);
    lines.push('');
  }
  if (f.setupCode) {
    lines.push(
      'No administrator yet. Open the admin console and create the first administrator with this',
      'one-time set-up code (valid 24 hours and only until an administrator exists; each start prints a new one):',
      '',
      `  首次设置码 Set-up code   ${f.setupCode}`,
      '',
      `  ${f.base}/admin/   (or offline: npm run admin:create)`,
      '',
    );
  }
  return lines.join('\n');
}
