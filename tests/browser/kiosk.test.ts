/**
 * The kiosk in the system Chromium against a real server on port 0: take a ticket, an invalid ID
 * is refused locally, a valid elderly ID gets priority, large-text mode and English, screenshots.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../server/server';
import { startFakePrinter } from '../../ticket-printer/fake-printer';
import { DEFAULT_HALL_SETTINGS } from '../../server/domain/wait-target';
import { assertChromium, buildUi, kioskToOptions, kioskTypeId, launchChromium, screenshotPath } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { api, loginAs, startTestServer } from '../_support/server';

assertChromium(); // without Chromium a browser test fails, it never skips

const TOKEN = 'dv_demo-kiosk-1';
const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

interface Ctx {
  db: TestDb;
  server: RunningServer;
  browser: Browser;
  hallId: string;
  admin: string;
}

const ctx = {} as Ctx;
const test = suite('kiosk in the browser');

test.before(async () => {
  buildUi();
  ctx.db = await createTestDb();
  ctx.server = await startTestServer(ctx.db);
  ctx.browser = await launchChromium();
  const me = await api(ctx.server.url, 'GET', '/api/auth/me', undefined, TOKEN);
  ctx.hallId = me.json.data.hallId;
  ctx.admin = await loginAs(ctx.server.url, 'admin');
});

test.after(async () => {
  await ctx.browser?.close();
  await ctx.server?.close();
  await ctx.db?.drop();
});

async function serverTickets() {
  const r = await api(ctx.server.url, 'GET', `/api/halls/${ctx.hallId}/snapshot`, undefined, ctx.admin);
  return r.json.data.tickets as { number: string; matterName: string; priority: number; priorityReason: string | null; visitorIdMasked: string | null }[];
}

async function openKiosk(viewport = PORTRAIT, query = `?token=${TOKEN}`): Promise<Page> {
  const page = await ctx.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${ctx.server.url}/kiosk/${query}`);
  return page;
}

test('take a ticket for 企业设立登记: A001 on screen, the same as the server holds', async () => {
  const page = await openKiosk();
  await page.locator('kiosk-home #take').waitFor();
  assert.not.ok(page.url().includes('token='), 'the token is taken out of the address bar');
  assert.is(await page.evaluate(() => localStorage.getItem('yichuang.kiosk.token')), TOKEN);
  await page.screenshot({ path: screenshotPath('kiosk-home') });
  await page.locator('kiosk-home #take').click();
  await page.locator('kiosk-zone-list button[data-zone="法人服务区"]').waitFor();
  await page.screenshot({ path: screenshotPath('kiosk-zones') });
  await page.locator('kiosk-zone-list button[data-zone="法人服务区"]').click();
  const matterButton = (p: Page) => p.locator('kiosk-matter-list button[data-matter="企业设立登记"]');
  await matterButton(page).waitFor();
  assert.match((await matterButton(page).textContent()) ?? '', '等候 0 人', 'each matter shows how many wait for it');
  await page.screenshot({ path: screenshotPath('kiosk-matters') });
  await matterButton(page).click();
  await page.locator('kiosk-options #take').dblclick(); // a double tap issues one ticket
  const number = page.locator('kiosk-ticket #ticket-number');
  await number.waitFor();
  assert.is((await number.textContent())?.trim(), 'A001');
  assert.is((await page.locator('kiosk-ticket #ticket-matter').textContent())?.trim(), '企业设立登记');
  assert.match((await page.locator('kiosk-ticket #ticket').textContent()) ?? '', '当日有效');
  assert.match((await page.locator('kiosk-ticket #ticket-rule').textContent()) ?? '', '过号');
  assert.match((await page.locator('kiosk-ticket #countdown').textContent()) ?? '', /\d+ 秒后返回首页/);
  await page.locator('kiosk-ticket kiosk-qr img').waitFor();
  await page.waitForFunction(() => {
    const el = document.querySelector('kiosk-app')?.shadowRoot?.querySelector('kiosk-ticket')?.shadowRoot?.querySelector('#print-status');
    return el && !/正在打印/.test(el.textContent ?? '');
  }, undefined, { timeout: 8000 });
  const print = (await page.locator('kiosk-ticket #print-status').textContent())?.trim() ?? '';
  assert.ok(['请取走您的号票', '本机未连接打印机', '打印失败'].some((p) => print.includes(p)), print);
  await page.screenshot({ path: screenshotPath('kiosk-ticket') });

  const tickets = await serverTickets();
  assert.equal(tickets.map((t) => [t.number, t.matterName]), [['A001', '企业设立登记']], 'exactly one ticket, the one shown');
  assert.equal((page as Page & { errors?: string[] }).errors, []);
  await page.close();

  // The next visitor sees A001 waiting for the matter, and nobody for its neighbour.
  const next = await openKiosk();
  await next.locator('kiosk-home #take').click();
  await next.locator('kiosk-zone-list button[data-zone="法人服务区"]').click();
  await matterButton(next).waitFor();
  assert.match((await matterButton(next).textContent()) ?? '', '等候 1 人');
  assert.match((await next.locator('kiosk-matter-list button[data-matter="营业执照变更登记"]').textContent()) ?? '', '等候 0 人');
  await next.screenshot({ path: screenshotPath('kiosk-matters-waiting') });
  await next.close();
});

test('an invalid ID number shows a clear message and issues nothing; a valid elderly ID gets priority', async () => {
  const page = await openKiosk();
  await kioskToOptions(page);
  await kioskTypeId(page, '110105194912310021');
  const error = page.locator('kiosk-options #id-error');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', '身份证号码校验位不符');
  await page.locator('kiosk-options #take').click();
  await page.waitForTimeout(300);
  assert.ok(await page.locator('kiosk-options #id-error').isVisible(), 'still on the form');
  assert.is((await serverTickets()).length, 1, 'no ticket was issued');
  await page.screenshot({ path: screenshotPath('kiosk-id-invalid') });

  await page.locator('kiosk-options kiosk-keypad button[data-key="back"]').click();
  await kioskTypeId(page, 'X');
  await page.locator('kiosk-options #id-ok').waitFor();
  await page.locator('kiosk-options #take').click();
  const number = page.locator('kiosk-ticket #ticket-number');
  await number.waitFor();
  assert.is((await number.textContent())?.trim(), 'A002');
  assert.match((await page.locator('kiosk-ticket #ticket-priority').textContent()) ?? '', '老年人');
  assert.not.match((await page.locator('kiosk-ticket #ticket').textContent()) ?? '', '002X', 'no ID number on screen');
  const a002 = (await serverTickets()).find((t) => t.number === 'A002');
  assert.is(a002?.priority, 1);
  assert.is(a002?.priorityReason, 'elderly');
  await page.screenshot({ path: screenshotPath('kiosk-ticket-priority') });
  await page.close();
});

test('large-text mode and English', async () => {
  const page = await openKiosk();
  await page.locator('kiosk-home #take').waitFor();
  await page.locator('kiosk-top-bar #elderly-toggle').click();
  assert.ok(await page.locator('kiosk-app[elderly]').count(), 'elderly attribute set');
  const h = await page.locator('kiosk-top-bar #lang-toggle').evaluate((b) => b.getBoundingClientRect().height);
  assert.ok(h >= 96, `touch target ${h}px in large-text mode`);
  await page.locator('kiosk-top-bar #lang-toggle').click();
  assert.match((await page.locator('kiosk-home #take').textContent()) ?? '', 'Take a ticket');
  assert.is(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.screenshot({ path: screenshotPath('kiosk-home-elderly-en') });
  await kioskToOptions(page, '自然人服务区', '社保登记');
  const take = await page.locator('kiosk-options #take').boundingBox();
  assert.ok(take && take.y + take.height <= PORTRAIT.height, 'the take button is on screen without scrolling');
  const key = await page.locator('kiosk-options kiosk-keypad button[data-key="5"]').boundingBox();
  assert.ok(key && key.height >= 96, `keypad key ${key?.height}px`);
  await page.screenshot({ path: screenshotPath('kiosk-options-elderly-en') });
  await page.locator('kiosk-options #take').click();
  await page.locator('kiosk-ticket #ticket-number').waitFor();
  assert.is((await page.locator('kiosk-ticket #ticket-number').textContent())?.trim(), 'C001');
  assert.match((await page.locator('kiosk-ticket #ticket').textContent()) ?? '', 'Valid today only');
  // The demo hall sets no English rule: the default English text, never the Chinese rule.
  const rule = (await page.locator('kiosk-ticket #ticket-rule').textContent())?.trim() ?? '';
  assert.is(rule, DEFAULT_HALL_SETTINGS.missedNumberRuleEn);
  assert.not.match(rule, /[\u4e00-\u9fff]/, 'no Chinese on the English screen');
  await page.screenshot({ path: screenshotPath('kiosk-ticket-elderly-en') });
  await page.close();
});

test("English screen: the hall's English missed-number rule, as English tickets print it; Chinese screen keeps the Chinese rule", async () => {
  const set = await api(ctx.server.url, 'PATCH', `/api/halls/${ctx.hallId}`, { settings: { missedNumberRule: '过号请到服务台重新激活，当日有效', missedNumberRuleEn: 'Missed your number? Please take a new ticket at this kiosk.' } }, ctx.admin);
  assert.is(set.status, 200, JSON.stringify(set.json));
  const page = await openKiosk();
  await page.locator('kiosk-home #take').waitFor();
  await page.locator('kiosk-top-bar #lang-toggle').click();
  await kioskToOptions(page, '自然人服务区', '社保登记');
  await page.locator('kiosk-options #take').click();
  await page.locator('kiosk-ticket #ticket-number').waitFor();
  assert.is((await page.locator('kiosk-ticket #ticket-rule').textContent())?.trim(), 'Missed your number? Please take a new ticket at this kiosk.');
  await page.screenshot({ path: screenshotPath('kiosk-ticket-en-rule') });
  // Back in Chinese (the language switch on the ticket screen re-renders it): the Chinese rule.
  await page.locator('kiosk-top-bar #lang-toggle').click();
  assert.is((await page.locator('kiosk-ticket #ticket-rule').textContent())?.trim(), '过号请到服务台重新激活，当日有效');
  await page.close();
});

test('landscape: search by name, green channel, ticket; appointment check-in is never faked', async () => {
  const page = await openKiosk(LANDSCAPE);
  await page.locator('kiosk-home #take').click();
  await page.locator('kiosk-zone-list button[data-zone="法人服务区"]').click();
  await page.locator('kiosk-matter-list #search').fill('发票');
  assert.is(await page.locator('kiosk-matter-list button[data-matter]').count(), 1);
  await page.screenshot({ path: screenshotPath('kiosk-matters-search') });
  await page.locator('kiosk-matter-list button[data-matter="发票申领"]').click();
  await page.locator('kiosk-options #take').waitFor();
  await kioskTypeId(page, '1101051949');
  await page.screenshot({ path: screenshotPath('kiosk-options-partial-id-landscape') });
  for (let i = 0; i < 10; i++) await page.locator('kiosk-options kiosk-keypad button[data-key="back"]').click();
  await page.locator('kiosk-options button[data-channel="disabled"]').click();
  await page.screenshot({ path: screenshotPath('kiosk-options-landscape') });
  await page.locator('kiosk-options #take').click();
  await page.locator('kiosk-ticket #ticket-number').waitFor();
  assert.match((await page.locator('kiosk-ticket #ticket-priority').textContent()) ?? '', '残疾人');
  const b001 = (await serverTickets()).find((t) => t.number === 'B001');
  assert.is(b001?.priorityReason, 'disabled', 'the green channel choice reached the server');
  assert.is(b001?.visitorIdMasked, null, 'no ID number was sent');
  await page.screenshot({ path: screenshotPath('kiosk-ticket-landscape') });
  await page.locator('kiosk-ticket #done').click();
  await page.locator('kiosk-home #checkin').waitFor();
  await page.locator('kiosk-home #checkin').click();
  for (const ch of 'ABCD2345') await page.locator(`kiosk-checkin kiosk-keypad button[data-key="${ch}"]`).click();
  await page.locator('kiosk-checkin #submit').click();
  const err = page.locator('kiosk-checkin #checkin-error');
  await err.waitFor();
  const text = (await err.textContent()) ?? '';
  // No booking has this code: "not found" — or, before the appointment service exists, "not available".
  assert.ok(/预约签到暂不可用，请到服务台|没有找到您今天的预约/.test(text), text);
  assert.is(await page.locator('kiosk-ticket').count(), 0);
  await page.screenshot({ path: screenshotPath('kiosk-checkin') });
  await page.close();
});

test('with a printer: "请取走您的号票"; with a dead printer: the failure sentence, the ticket stays', async () => {
  const printer = await startFakePrinter({ mode: 'ok' });
  try {
    const me = await api(ctx.server.url, 'GET', '/api/auth/me', undefined, TOKEN);
    const setPrinter = (port: number) =>
      api(ctx.server.url, 'PUT', `/api/devices/${me.json.data.id}/printer`, { host: '127.0.0.1', port, timeoutMs: 1000 }, ctx.admin);
    const put = await setPrinter(printer.port);
    assert.is(put.status, 200, JSON.stringify(put.json));

    const page = await openKiosk();
    await kioskToOptions(page, '综合服务区', '政务服务咨询');
    await page.locator('kiosk-options #take').click();
    const status = page.locator('kiosk-ticket #print-status');
    await page.locator('kiosk-ticket #ticket-number').waitFor();
    await page.waitForFunction(() => /请取走您的号票/.test(document.querySelector('kiosk-app')?.shadowRoot?.querySelector('kiosk-ticket')?.shadowRoot?.querySelector('#print-status')?.textContent ?? ''), undefined, { timeout: 7000 });
    const [job] = await printer.waitForJobs(1, 3000);
    assert.match(job!.decoded.text, 'Z001');
    await page.screenshot({ path: screenshotPath('kiosk-ticket-printed') });

    await printer.setMode('refuse');
    await page.locator('kiosk-ticket #done').click();
    await kioskToOptions(page, '综合服务区', '政务服务咨询');
    await page.locator('kiosk-options #take').click();
    await page.locator('kiosk-ticket #ticket-number').waitFor();
    await page.waitForFunction(() => /打印失败/.test(document.querySelector('kiosk-app')?.shadowRoot?.querySelector('kiosk-ticket')?.shadowRoot?.querySelector('#print-status')?.textContent ?? ''), undefined, { timeout: 8000 });
    assert.match((await status.textContent()) ?? '', '打印失败，请记住屏幕上的号码或拍照，工作人员可为您补打');
    assert.is((await page.locator('kiosk-ticket #ticket-number').textContent())?.trim(), 'Z002');
    await page.screenshot({ path: screenshotPath('kiosk-ticket-print-failed') });
    await page.close();
  } finally {
    await printer.close();
  }
});

test('without a device token: a clear "未配置设备令牌" screen', async () => {
  const page = await openKiosk(PORTRAIT, '');
  const notice = page.locator('kiosk-notice #notice');
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? '', '未配置设备令牌');
  await page.screenshot({ path: screenshotPath('kiosk-no-token') });
  await page.close();
});

test.run();
