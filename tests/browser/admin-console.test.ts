/**
 * A new hall set up and run entirely in the browser (issue #14): an empty database with
 * SEED_DEMO=false, the first administrator created with the set-up code from the server log, then a
 * hall with two zones, matters, counters, a staff account, a kiosk, a wall display and a printer
 * (the fake ESC/POS printer) built in the admin console — and one visitor served on the screens it
 * created: kiosk ticket → counter call and finish → the wall display shows the call.
 * Screenshots of every admin page: artifacts/screenshots/admin-*.png (1366×768, one at 1920×1080).
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../server/server';
import { startFakePrinter, type FakePrinter } from '../../ticket-printer';
import { assertChromium, buildUi, counterButton, counterStatus, launchChromium, pollUntil, screenshotPath } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { api, startTestServer } from '../_support/server';
import { eq } from 'drizzle-orm';
import { devices } from '../../db/schema';

assertChromium();

const HALL = '闵行区行政服务中心';
const ZONES = [
  { code: 'QY', name: '企业服务区' },
  { code: 'GR', name: '个人服务区' },
];
const DEPARTMENTS = ['市场监管局', '公安分局'];
const MATTERS = [
  { code: 'QY-001', name: '企业名称登记', zone: '企业服务区', dept: '市场监管局', prefix: 'Q', result: '名称登记通知书' },
  { code: 'GR-001', name: '居住证办理', zone: '个人服务区', dept: '公安分局', prefix: 'G', result: '居住证' },
];
const STAFF_PASSWORD = 'counter-pass-2026';

let db: TestDb;
let server: RunningServer;
let printer: FakePrinter;
let browser: Browser;
let admin: Page;
const errors: string[] = [];
const tokens: Record<string, string> = {};

const t = suite('admin console: a new hall built and run in the browser');

/** The whole page: a form's fields and the list below it, not only the part scrolled into view. */
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`admin-${name}`), fullPage: true });
const go = async (page: string) => {
  await admin.locator(`yc-admin-app nav button[data-page="${page}"]`).click();
  await admin.locator(`yc-admin-${page} .page-head`).waitFor();
};
const form = (page: string) => admin.locator(`yc-admin-${page} yc-admin-form`);
const field = (page: string, name: string) => form(page).locator(`#f-${name.replace(/\./g, '-')}`);
async function fill(page: string, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const el = field(page, name);
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption({ label: value });
    else await el.fill(value);
  }
}
async function save(page: string) {
  await form(page).locator('[data-testid=save]').click();
  await admin.locator(`yc-admin-${page} [data-testid=notice]`).waitFor();
}
const row = (page: string, text: string) => admin.locator(`yc-admin-${page} tbody tr`, { hasText: text });

t.before(async () => {
  buildUi('admin', 'kiosk', 'counter', 'display');
  db = await createTestDb();
  server = await startTestServer(db, undefined, { seedDemo: false });
  printer = await startFakePrinter();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  admin = await context.newPage();
  admin.on('pageerror', (e) => errors.push(String(e)));
  admin.on('dialog', (d) => void d.accept());
});
t.after(async () => {
  await browser?.close();
  await server?.close();
  await printer?.close();
  await db?.drop();
});

t('an empty installation offers only "create the first administrator", with the code from the log', async () => {
  assert.ok(server.setupCode, 'the server printed a set-up code');
  await admin.goto(`${server.url}/admin/`);
  const setup = admin.locator('yc-admin-app [data-testid=first-admin]');
  await setup.waitFor();
  await shot(admin, '01-first-admin');
  await setup.locator('#s-code').fill('WRONG-CODE-0000');
  await setup.locator('#s-username').fill('it.admin');
  await setup.locator('#s-displayName').fill('周管理员');
  await setup.locator('#s-password').fill('short');
  await setup.locator('button[type=submit]').click();
  await setup.locator('[data-testid=err-password]', { hasText: '至少 8 个字符' }).waitFor();
  await setup.locator('#s-password').fill('admin-pass-2026');
  await setup.locator('button[type=submit]').click();
  await setup.locator('[data-testid=err-code]', { hasText: '设置码错误' }).waitFor();
  await setup.locator('#s-code').fill(server.setupCode!);
  await setup.locator('button[type=submit]').click();
  await admin.locator('yc-admin-app nav').waitFor();
});

t('a hall with targets, two zones, two matters (prefixes checked) and counters', async () => {
  await go('halls');
  await admin.locator('yc-admin-halls [data-testid=new]').click();
  await fill('halls', { code: 'MH-ZX', name: HALL, 'settings.starvationGuard': '0' });
  // The week: Mon–Fri 9:00–12:00 and 13:30–17:00 come pre-filled; a Saturday morning that overlaps nothing
  // and a session overlapping the morning one are added; the overlap is refused on the form.
  const sessions = form('halls').locator('yc-sessions-editor');
  for (const [start, end, days] of [['09:00', '12:00', ['周六']], ['11:00', '12:30', ['周三']]] as const) {
    await sessions.locator('[data-testid=add-session]').click();
    const added = sessions.locator('.row').last();
    await added.locator('input[name=start]').fill(start);
    await added.locator('input[name=end]').fill(end);
    for (const d of days) await added.locator('label', { hasText: d }).locator('input').check();
  }
  await form('halls').locator('[data-testid=save]').click();
  await form('halls').locator('[data-testid="err-settings.starvationGuard"]', { hasText: '不能小于 1' }).waitFor();
  await form('halls').locator('[data-testid="err-sessions"]', { hasText: '开放时段在同一天内重叠' }).waitFor();
  assert.is(await sessions.locator('.row').count(), 4, 'the sessions typed stay after a refusal');
  await shot(admin, '02-hall-form');
  await sessions.locator('.row').last().locator('[data-testid=remove-session]').click();
  // For the visit below, at whatever hour and day the test runs: one session over the whole day, every weekday, no cut-off.
  while ((await sessions.locator('.row').count()) > 1) await sessions.locator('.row').last().locator('[data-testid=remove-session]').click();
  const allDay = sessions.locator('.row').first();
  await allDay.locator('input[name=start]').fill('00:00');
  await allDay.locator('input[name=end]').fill('23:59');
  for (const d of ['周一', '周二', '周三', '周四', '周五', '周六', '周日']) await allDay.locator('label', { hasText: d }).locator('input').check();
  await form('halls').locator('#f-settings-openOnRestDays').check();
  await fill('halls', { 'settings.starvationGuard': '3', 'settings.announcementRepeat': '1', 'settings.lastTicketMinutes': '0' });
  await save('halls');
  await row('halls', HALL).waitFor();
  await shot(admin, '03-halls');

  await go('zones');
  for (const z of ZONES) {
    await admin.locator('yc-admin-zones [data-testid=new]').click();
    await fill('zones', { code: z.code, name: z.name });
    await save('zones');
    await row('zones', z.name).waitFor();
  }
  await shot(admin, '04-zones');

  await go('departments');
  for (const d of DEPARTMENTS) {
    await admin.locator('yc-admin-departments [data-testid=new]').click();
    await fill('departments', { name: d, contact: '021-6480 0000' });
    await save('departments');
    await row('departments', d).waitFor();
  }

  await go('matters');
  for (const m of MATTERS) {
    await admin.locator('yc-admin-matters [data-testid=new]').click();
    await fill('matters', { code: m.code, name: m.name, zoneId: m.zone, ticketPrefix: m.prefix, materials: '身份证明\n申请表', 'guide.departmentId': m.dept, 'guide.resultName': m.result });
    await form('matters').locator('#f-guide-deliveryMethods input[value=post]').check();
    await save('matters');
    await row('matters', m.name).waitFor();
  }
  assert.match((await row('matters', '企业名称登记').textContent()) ?? '', '市场监管局', 'the matter shows its guide department');
  await admin.locator('yc-admin-matters [data-testid=new]').click();
  await fill('matters', { code: 'QY-002', name: '重复前缀事项', zoneId: '企业服务区', ticketPrefix: 'Q', 'guide.resultName': '营业执照' });
  await form('matters').locator('[data-testid=save]').click();
  await form('matters').locator('[data-testid=err-ticketPrefix]', { hasText: '已被本大厅事项' }).waitFor();
  await shot(admin, '05-matter-form');
  await fill('matters', { ticketPrefix: 'QQ', 'guide.resultName': '' });
  await form('matters').locator('[data-testid=save]').click();
  await form('matters').locator('[data-testid="err-guide.resultName"]', { hasText: '必填' }).waitFor();
  await form('matters').locator('button', { hasText: '取消' }).click();
  await shot(admin, '06-matters');

  await go('departments');
  await pollUntil('the department counts its matter', async () => ((await row('departments', '公安分局').locator('td').nth(2).textContent()) ?? '').trim() === '1');
  await row('departments', '公安分局').locator('[data-testid=edit]').click();
  await form('departments').locator('#f-active').uncheck();
  await form('departments').locator('[data-testid=save]').click();
  await admin.locator('yc-admin-departments [data-testid=problem]', { hasText: '个启用事项的办事指南指向该部门' }).waitFor();
  await shot(admin, '07-departments');
  await form('departments').locator('button', { hasText: '取消' }).click();

  await go('counters');
  for (const [n, zone] of [['1', '企业服务区'], ['2', '个人服务区']] as const) {
    await admin.locator('yc-admin-counters [data-testid=new]').click();
    await fill('counters', { number: n, name: `${n} 号综合窗口`, zoneId: zone });
    await save('counters');
    await row('counters', `${n} 号综合窗口`).waitFor();
  }
  assert.is((await row('counters', '1 号综合窗口').locator('td').nth(4).textContent())?.trim(), '1', 'a comprehensive counter took its zone’s matter by itself');
  // Counter 1's receipt printer (case receipts and notices): the fake ESC/POS printer.
  await row('counters', '1 号综合窗口').locator('[data-testid=counter-printer]').click();
  const cform = admin.locator('yc-admin-counters [data-testid=printer-form]');
  await cform.locator('#p-host').fill('127.0.0.1');
  await cform.locator('#p-port').fill(String(printer.port));
  await cform.locator('[data-testid=save-printer]').click();
  await row('counters', '1 号综合窗口').locator('[data-testid=counter-printer-state]', { hasText: `127.0.0.1:${printer.port}` }).waitFor();
  await cform.locator('[data-testid=remove-printer]').waitFor();
  await cform.locator('[data-testid=test-print]').click();
  await cform.locator('[data-testid=test-result].ok').waitFor({ timeout: 8000 });
  await printer.waitForJobs(1);
  assert.match(printer.jobs[0]!.decoded.text, '1 号窗口', 'the test page printed on the counter’s printer');
  await shot(admin, '08-counters');
});

t('a counter staff account, a kiosk with the fake printer (test print), a wall display', async () => {
  await go('staff');
  await admin.locator('yc-admin-staff [data-testid=new]').click();
  await fill('staff', { username: 'wang.li', displayName: '王丽', password: STAFF_PASSWORD });
  await form('staff').locator('#f-hallIds input').first().check();
  await save('staff');
  await row('staff', '王丽').waitFor();
  await admin.locator('yc-admin-staff [data-testid=new]').click();
  await fill('staff', { username: 'zhao.shen', displayName: '赵审查', password: STAFF_PASSWORD, role: '后台审查人员' });
  await form('staff').locator('#f-hallIds input').first().check();
  await form('staff').locator('#f-departmentIds label', { hasText: '公安分局' }).locator('input').check();
  await save('staff');
  assert.match((await row('staff', '赵审查').textContent()) ?? '', '公安分局', 'the reviewer works for the department');
  await admin.locator('yc-admin-staff [data-testid=new]').click();
  await fill('staff', { username: 'qian.mgr', displayName: '钱经理', password: STAFF_PASSWORD, role: '大厅负责人' });
  await form('staff').locator('#f-hallIds input').first().check();
  await save('staff');
  await row('staff', '钱经理').waitFor();
  await shot(admin, '09-staff');

  await go('devices');
  for (const [kind, name] of [['自助取号机', '一楼取号机'], ['大厅综合屏', '大厅主屏']] as const) {
    await admin.locator('yc-admin-devices [data-testid=new]').click();
    await fill('devices', { kind, name });
    await save('devices');
    tokens[kind] = (await admin.locator('yc-admin-devices [data-testid=token]').textContent())!.trim();
    assert.match(tokens[kind]!, /^dv_/);
  }
  await row('devices', '一楼取号机').locator('[data-testid=printer]').click();
  const pform = admin.locator('yc-admin-devices [data-testid=printer-form]');
  await pform.locator('#p-host').fill('127.0.0.1');
  await pform.locator('#p-port').fill(String(printer.port));
  await pform.locator('[data-testid=save-printer]').click();
  await admin.locator('yc-admin-devices [data-testid=notice]').waitFor();
  await pform.locator('[data-testid=test-print]').click();
  await pform.locator('[data-testid=test-result].ok').waitFor({ timeout: 8000 });
  await printer.waitForJobs(2);
  assert.match(printer.jobs[1]!.decoded.text, 'T001');
  // The kiosk's printer agent reports its roll sensor: paper near its end (DLE EOT 4 bits 2–3). The
  // printers page shows it on the kiosk's row, in words, with the time it was reported.
  const agent = await api(server.url, 'POST', `/api/devices/${(await db.db.select().from(devices).where(eq(devices.name, '一楼取号机')))[0]!.id}/printer/status`, { answers: [0x12, 0x12, 0x1e] }, tokens['自助取号机']);
  assert.is(agent.status, 200, JSON.stringify(agent.json));
  await go('staff');
  await go('devices');
  const sensor = row('devices', '一楼取号机').locator('[data-testid=printer-sensor]');
  await sensor.waitFor();
  assert.is(await sensor.getAttribute('data-conditions'), 'paper_near_end');
  assert.match((await sensor.textContent()) ?? '', '纸将用尽，请更换纸卷');
  await shot(admin, '10a-devices-paper-low');

  // An evaluator pad paired with counter 1, re-paired, unpaired and paired again; its token is shown once.
  await admin.locator('yc-admin-devices [data-testid=new]').click();
  await fill('devices', { kind: '评价器', name: '1号窗口评价器' });
  await form('devices').locator('[data-testid=save]').click();
  await form('devices').locator('[data-testid=err-counterId]').waitFor();
  await fill('devices', { counterId: '1 1 号综合窗口' });
  await save('devices');
  tokens['评价器'] = (await admin.locator('yc-admin-devices [data-testid=token]').textContent())!.trim();
  assert.match(await admin.locator('yc-admin-devices [data-testid=device-url]').textContent() ?? '', '/evaluation/?token=dv_');
  const pad = row('devices', '1号窗口评价器');
  assert.is((await pad.locator('td').nth(3).textContent())?.trim(), '1', 'paired with counter 1');
  await pad.locator('[data-testid=unpair]').click();
  await pollUntil('unpaired', async () => (await pad.locator('td').nth(3).textContent())?.trim() === '—');
  await pad.locator('[data-testid=edit]').click();
  await fill('devices', { name: '一号窗口评价器', counterId: '2 2 号综合窗口' });
  await save('devices');
  const renamed = row('devices', '一号窗口评价器');
  assert.is((await renamed.locator('td').nth(3).textContent())?.trim(), '2', 'renamed and paired with counter 2');
  await shot(admin, '10-devices');
});

t('calendar and audit pages', async () => {
  await go('calendar');
  await admin.locator('yc-admin-calendar [data-testid=years]').waitFor();
  await shot(admin, '11-calendar');
  await go('audit');
  await admin.locator('yc-admin-audit tbody tr', { hasText: 'staff:create' }).first().waitFor();
  await shot(admin, '12-audit');
  // The CSV export goes through the typed client's file download (a signed-in GET with format=csv).
  const [csv] = await Promise.all([admin.waitForEvent('download'), admin.locator('yc-admin-audit [data-testid=export]').click()]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  assert.match(readFileSync((await csv.path())!, 'utf8'), 'staff:create', 'the exported audit holds the rows the page shows');
  await admin.setViewportSize({ width: 1920, height: 1080 });
  await go('counters');
  await shot(admin, '13-counters-1920');
  await admin.setViewportSize({ width: 1366, height: 768 });
});

t('every page in English too (the language switch keeps the page)', async () => {
  await admin.locator('yc-admin-app header button', { hasText: 'English' }).click();
  await admin.locator('yc-admin-app nav button[data-page="halls"]', { hasText: 'Halls' }).waitFor();
  let n = 1;
  for (const page of ['halls', 'zones', 'departments', 'matters', 'counters', 'staff', 'devices', 'calendar', 'audit']) {
    await go(page);
    await admin.locator(`yc-admin-${page} h1`).waitFor();
    if (page === 'matters') {
      await row('matters', '企业名称登记').locator('[data-testid=edit]').click();
      await form('matters').locator('#f-guide-resultName').waitFor();
    }
    await shot(admin, `en-${String(n++).padStart(2, '0')}-${page}`);
    if (page === 'matters') await form('matters').locator('button', { hasText: 'Cancel' }).click();
  }
  await admin.setViewportSize({ width: 1920, height: 1080 });
  await go('matters');
  await shot(admin, 'en-10-matters-1920');
  await admin.setViewportSize({ width: 1366, height: 768 });
  await admin.locator('yc-admin-app header button', { hasText: '中文' }).click();
  await admin.locator('yc-admin-app nav button[data-page="halls"]', { hasText: '大厅' }).waitFor();
});

t('a hall manager sees the pages the permission table lets them read, read only, and no staff accounts', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/admin/`);
  await page.locator('yc-admin-app #username').fill('qian.mgr');
  await page.locator('yc-admin-app #password').fill(STAFF_PASSWORD);
  await page.locator('yc-admin-app button[type=submit]').click();
  await page.locator('yc-admin-app nav').waitFor();
  const pages = await page.locator('yc-admin-app nav button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-page')));
  assert.equal(pages, ['halls', 'zones', 'departments', 'matters', 'counters', 'devices', 'calendar', 'audit']);
  await page.locator('yc-admin-app nav button[data-page="matters"]').click();
  await page.locator('yc-admin-matters tbody tr', { hasText: '企业名称登记' }).waitFor();
  assert.is(await page.locator('yc-admin-matters [data-testid=new]').count(), 0, 'no "new" for a manager');
  assert.is(await page.locator('yc-admin-matters [data-testid=edit]').count(), 0, 'no "edit" for a manager');
  await page.locator('yc-admin-matters .note', { hasText: '只读' }).waitFor();
  await page.screenshot({ path: screenshotPath('admin-16-manager-matters') });
  await page.context().close();
});

t('one visitor served on the screens the console created: kiosk → counter → wall display', async () => {
  const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN' })).newPage();
  const counter = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  const display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })).newPage();
  for (const p of [kiosk, counter, display]) p.on('pageerror', (e) => errors.push(String(e)));

  await display.goto(`${server.url}/display/?token=${tokens['大厅综合屏']}`);
  await display.locator('yc-display-hall').waitFor({ timeout: 10_000 });

  await kiosk.goto(`${server.url}/kiosk/?token=${tokens['自助取号机']}`);
  await kiosk.locator('kiosk-home #take').click();
  await kiosk.locator('kiosk-zone-list button[data-zone="企业服务区"]').click();
  await kiosk.locator('kiosk-matter-list button[data-matter="企业名称登记"]').click();
  await kiosk.locator('kiosk-options #take').click();
  const number = ((await kiosk.locator('kiosk-ticket #ticket-number').textContent()) ?? '').trim();
  assert.is(number, 'Q001', 'the prefix set in the console');
  await printer.waitForJobs(3, 8000);
  assert.match(printer.jobs[2]!.decoded.text, 'Q001', 'the ticket printed on the printer set in the console');

  await counter.goto(`${server.url}/counter/`);
  await counter.locator('yc-sign-in #username').fill('wang.li');
  await counter.locator('yc-sign-in #password').fill(STAFF_PASSWORD);
  await counter.locator('yc-sign-in button[type=submit]').click();
  await counter.locator('yc-counter-picker li[data-number="1"] button').click();
  await counter.locator('yc-counter-desk').waitFor();
  await pollUntil('call next enabled', () => counterButton(counter, 'call-next').isEnabled(), 8000);
  await counterButton(counter, 'call-next').click();
  await pollUntil('the counter to hold the call', async () => (await counterStatus(counter)) === 'called', 8000);
  await display.locator('[data-testid=latest-ticket]', { hasText: number }).waitFor({ timeout: 5000 });
  await display.screenshot({ path: screenshotPath('admin-14-display-call') });
  await pollUntil('start enabled', () => counterButton(counter, 'start').isEnabled());
  await counterButton(counter, 'start').click();
  await pollUntil('serving', async () => (await counterStatus(counter)) === 'serving');
  await counterButton(counter, 'finish').click();
  await pollUntil('finished', async () => (await counterStatus(counter)) === 'none');
  await counter.screenshot({ path: screenshotPath('admin-15-counter-done') });

  // Today's weekday closed in the hall form: the running kiosk refuses the next ticket (hall_closed), no restart.
  const today = new Intl.DateTimeFormat('zh-CN', { weekday: 'short', timeZone: 'Asia/Shanghai' }).format(new Date());
  await go('halls');
  await row('halls', HALL).locator('[data-testid=edit]').click();
  await form('halls').locator('yc-sessions-editor .row').first().locator('label', { hasText: today }).locator('input').uncheck();
  await save('halls');
  // "Saved" shows before the list reloads: wait for the row to say the new week.
  await pollUntil('the week no longer has every day', async () => !((await row('halls', HALL).textContent()) ?? '').includes('每天'), 10_000);
  await kiosk.reload();
  await kiosk.locator('kiosk-home #take').click();
  await kiosk.locator('kiosk-zone-list button[data-zone="企业服务区"]').click();
  await kiosk.locator('kiosk-matter-list button[data-matter="企业名称登记"]').click();
  await kiosk.locator('kiosk-options #take').click();
  await kiosk.locator('#notice[role=alert]', { hasText: '现在不是取号时间' }).waitFor({ timeout: 10_000 });
  await kiosk.screenshot({ path: screenshotPath('admin-17-kiosk-closed-weekday') });
  assert.equal(errors, [], 'no page errors');
});

t.run();
