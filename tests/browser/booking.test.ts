/**
 * The booking page in the system Chromium on a phone-sized screen against a real server: choose a
 * matter and a slot, get refused locally for a bad identity number, book, see the code and QR,
 * then find and cancel the booking. Screenshots go to artifacts/screenshots/booking-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { manualClock } from '../../server/domain/clock';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, launchChromium, screenshotPath } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { recordingPhoneNotifier } from '../../server/app/phone-notifier';
import { startTestServer } from '../_support/server';

assertChromium(); // without Chromium a browser test fails, it never skips

let db: TestDb;
let server: RunningServer;
let browser: Browser;
let page: Page;

const t = suite('booking page (browser)');
t.before(async () => {
  buildUi('booking');
  db = await createTestDb();
  server = await startTestServer(db, manualClock('2026-11-23T02:00:00Z'));
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  page = await context.newPage();
});
t.after(async () => {
  await browser?.close();
  await server?.close();
  await db?.drop();
});

t('book a slot on a phone, then find and cancel the booking', async () => {
  await page.goto(`${server.url}/booking/`);
  await page.getByRole('button', { name: /企业设立登记/ }).click();
  await page.getByRole('button', { name: /^10:00–10:30/ }).first().click();
  await page.locator('#id').fill('110105194912310021');
  await page.locator('#phone').fill('13812341234');
  await page.getByRole('button', { name: '确认预约' }).click();
  await page.getByText('身份证号码校验码不正确', { exact: false }).or(page.locator('.error').first()).waitFor();
  await page.screenshot({ path: screenshotPath('booking-details-error') });

  await page.locator('#id').fill('11010519491231002X');
  // The proof step: the code goes to the phone (here the test server's recording notifier).
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByText('验证码已发送至 138****1234', { exact: false }).waitFor();
  const sms = (server.deps.phoneNotifier as ReturnType<typeof recordingPhoneNotifier>).lastCodeFor('13812341234')!;
  await page.locator('#phone-code').fill(sms);
  await page.screenshot({ path: screenshotPath('booking-details-code') });
  await page.getByRole('button', { name: '确认预约' }).click();
  await page.getByText('预约成功').waitFor();
  const code = (await page.locator('booking-receipt .code').textContent())?.trim() ?? '';
  assert.match(code, /^[A-HJ-NP-Z2-9]{8}$/);
  assert.ok(await page.locator('booking-receipt img').isVisible(), 'QR code shown');
  const text = await page.locator('booking-receipt dl').innerText();
  assert.match(text, '110105********002X');
  assert.not.match(text, '11010519491231002X');
  await page.screenshot({ path: screenshotPath('booking-done'), fullPage: true });

  await page.getByRole('button', { name: '查询 / 取消预约' }).click();
  await page.locator('#code').fill(code.toLowerCase());
  await page.locator('#mid').fill('11010519491231002X');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.getByRole('button', { name: '取消预约' }).click();
  await page.getByText('预约已取消').waitFor();
  await page.screenshot({ path: screenshotPath('booking-cancelled'), fullPage: true });
});

t.run();
