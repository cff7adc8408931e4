/**
 * A new hall set up and run entirely in the browser (issue #14): an empty database with
 * SEED_DEMO=false, the first administrator created with the set-up code from the server log, then a
 * hall with two zones, matters, counters, a staff account, a kiosk, a wall display and a printer
 * (the fake ESC/POS printer) built in the admin console — and one visitor served on the screens it
 * created: kiosk ticket → counter call and finish → the wall display shows the call.
 * Screenshots of every admin page: artifacts/screenshots/admin-*.png (1366×768, one at 1920×1080).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../server/server';
import { startFakePrinter, type FakePrinter } from '../../ticket-printer';
import { assertChromium, buildUi, counterButton, counterStatus, launchChromium, pollUntil, screenshotPath } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { startTestServer } from '../_support/server';

assertChromium();

const HALL = '闵行区行政服务中心';
const ZONES = [
  { code: 'QY', name: '企业服务区' },
  { code: 'GR', name: '个人服务区' },
];
const MATTERS = [
  { code: 'QY-001', name: '企业名称登记', zone: '企业服务区', dept: '市场监管局', prefix: 'Q' },
  { code: 'GR-001', name: '居住证办理', zone: '个人服务区', dept: '公安分局', prefix: 'G' },
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

const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`admin-${name}`) });
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
  await fill('halls', { code: 'MH-ZX', name: HALL, sessions: '00:00-23:59', 'settings.starvationGuard': '0' });
  await form('halls').locator('[data-testid=save]').click();
  await form('halls').locator('[data-testid="err-settings.starvationGuard"]', { hasText: '不能小于 1' }).waitFor();
  await shot(admin, '02-hall-form');
  await fill('halls', { 'settings.starvationGuard': '3', 'settings.announcementRepeat': '1' });
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

  await go('matters');
  for (const m of MATTERS) {
    await admin.locator('yc-admin-matters [data-testid=new]').click();
    await fill('matters', { code: m.code, name: m.name, zoneId: m.zone, department: m.dept, ticketPrefix: m.prefix, materials: '身份证明\n申请表' });
    await save('matters');
    await row('matters', m.name).waitFor();
  }
  await admin.locator('yc-admin-matters [data-testid=new]').click();
  await fill('matters', { code: 'QY-002', name: '重复前缀事项', zoneId: '企业服务区', department: '市场监管局', ticketPrefix: 'Q' });
  await form('matters').locator('[data-testid=save]').click();
  await form('matters').locator('[data-testid=err-ticketPrefix]', { hasText: '已被本大厅事项' }).waitFor();
  await shot(admin, '05-matter-form');
  await form('matters').locator('button', { hasText: '取消' }).click();
  await shot(admin, '06-matters');

  await go('departments');
  await row('departments', '公安分局').waitFor();
  await shot(admin, '07-departments');

  await go('counters');
  for (const [n, zone] of [['1', '企业服务区'], ['2', '个人服务区']] as const) {
    await admin.locator('yc-admin-counters [data-testid=new]').click();
    await fill('counters', { number: n, name: `${n} 号综合窗口`, zoneId: zone });
    await save('counters');
    await row('counters', `${n} 号综合窗口`).waitFor();
  }
  assert.is((await row('counters', '1 号综合窗口').locator('td').nth(4).textContent())?.trim(), '1', 'a comprehensive counter took its zone’s matter by itself');
  await shot(admin, '08-counters');
});

t('a counter staff account, a kiosk with the fake printer (test print), a wall display', async () => {
  await go('staff');
  await admin.locator('yc-admin-staff [data-testid=new]').click();
  await fill('staff', { username: 'wang.li', displayName: '王丽', password: STAFF_PASSWORD });
  await form('staff').locator('#f-hallIds input').first().check();
  await save('staff');
  await row('staff', '王丽').waitFor();
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
  await printer.waitForJobs(1);
  assert.match(printer.jobs[0]!.decoded.text, 'T001');
  await shot(admin, '10-devices');
});

t('calendar and audit pages', async () => {
  await go('calendar');
  await admin.locator('yc-admin-calendar [data-testid=years]').waitFor();
  await shot(admin, '11-calendar');
  await go('audit');
  await admin.locator('yc-admin-audit tbody tr', { hasText: 'staff:create' }).first().waitFor();
  await shot(admin, '12-audit');
  await admin.setViewportSize({ width: 1920, height: 1080 });
  await go('counters');
  await shot(admin, '13-counters-1920');
  await admin.setViewportSize({ width: 1366, height: 768 });
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
  await printer.waitForJobs(2, 8000);
  assert.match(printer.jobs[1]!.decoded.text, 'Q001', 'the ticket printed on the printer set in the console');

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
  assert.equal(errors, [], 'no page errors');
});

t.run();
