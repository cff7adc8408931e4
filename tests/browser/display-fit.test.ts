/**
 * The wall display at 1920×1080 under real hall loads — 1, 14 and 40 counters all calling, a
 * manager's notice, long matter and zone names, Chinese and English — measured in the page: no
 * glyph clipped (Q001 must not read O001), no half row, nothing covered (the notice must not sit on
 * 等候人数). Screenshots: artifacts/screenshots/display-fit-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { matters, zones } from '../../db/schema';
import { systemClock } from '../../server/domain/clock';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, CAPTURE_SPEECH, launchChromium } from '../_support/browser';
import { loadHall } from '../_support/bulk';
import { createTestDb, type TestDb } from '../_support/db';
import { testDeps } from '../_support/fixtures';
import { assertLayoutFits } from '../_support/layout-check';
import { api, loginAs, startTestServer } from '../_support/server';

assertChromium();

const DISPLAY = 'dv_demo-display-1';
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

let db: TestDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
let hallId = '';
let manager = '';

async function show(query = '', screen = 'yc-display-hall'): Promise<void> {
  await page.goto(`${server.url}/display/?token=${DISPLAY}${query}`);
  await page.locator(screen).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.fonts.status === 'loaded');
  await page.waitForTimeout(300);
}

const tiles = () => page.locator('yc-display-counters [data-counter]').count();

const t = suite('wall display fits the hall');

t.before(async () => {
  buildUi('display');
  db = await createTestDb();
  server = await startTestServer(db);
  const admin = await loginAs(server.url, 'admin');
  manager = await loginAs(server.url, 'manager');
  hallId = (await api(server.url, 'GET', '/api/halls', undefined, admin)).json.data[0].id;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addInitScript({ content: CAPTURE_SPEECH });
  page = await context.newPage();
});

t.after(async () => {
  await browser?.close();
  await server?.close();
  await db?.drop();
});

t('1 counter calling', async () => {
  await loadHall(testDeps(db.db, systemClock), hallId, [10], { waitingPerCounter: 2 });
  await show();
  assert.is(await tiles(), 1);
  await assertLayoutFits(page, 'display-fit-1-counter');
});

t('14 counters calling (Q, F, Z tickets) and a notice', async () => {
  await loadHall(testDeps(db.db, systemClock), hallId, range(1, 14), { waitingPerCounter: 1 });
  const notice = await api(server.url, 'POST', `/api/halls/${hallId}/notices`, { commandId: randomUUID(), text: '今日 12:00–13:00 不动产服务区系统升级，请到综合服务区办理，感谢理解', minutes: 60 }, manager);
  assert.is(notice.status, 201, JSON.stringify(notice.json));
  await show();
  assert.is(await tiles(), 14);
  await page.locator('[data-testid=display-notice]').waitFor();
  await page.locator('yc-display-counters [data-counter="10"]', { hasText: /Q\d{3}/ }).waitFor();
  await assertLayoutFits(page, 'display-fit-14-counters-notice');
});

t('40 counters, long names and a notice, Chinese and English', async () => {
  await db.db.update(matters).set({ name: sql`${matters.name} || '（含变更、补证、注销等一件事联办）'` }).where(eq(matters.hallId, hallId));
  await db.db.update(zones).set({ name: sql`${zones.name} || '（二楼东侧）'` }).where(eq(zones.hallId, hallId));
  await loadHall(testDeps(db.db, systemClock), hallId, range(15, 40), { waitingPerCounter: 1 });
  await show();
  assert.is(await tiles(), 40);
  await assertLayoutFits(page, 'display-fit-40-counters-notice');
  // The visible switch in the header: English, kept in the URL (?lang=en) for reloads.
  await page.locator('yc-display-header [data-testid=lang-switch]').click();
  await page.locator('yc-display-recent-calls', { hasText: 'Recent calls' }).waitFor();
  assert.match(page.url(), /[?&]lang=en/);
  assert.is(await page.evaluate(() => document.documentElement.lang), 'en');
  await show('&lang=en');
  await page.locator('yc-display-recent-calls', { hasText: 'Recent calls' }).waitFor();
  await assertLayoutFits(page, 'display-fit-40-counters-en');
  await page.locator('yc-display-header [data-testid=lang-switch]', { hasText: '中文' }).click();
  await page.locator('yc-display-recent-calls', { hasText: '最近叫号' }).waitFor();
});

t('a zone screen and a counter screen with long names', async () => {
  await show('&zone=ZH');
  await assertLayoutFits(page, 'display-fit-zone-zh');
  await show('&counter=40', 'yc-display-counter-screen');
  await page.locator('yc-display-counter-screen yc-display-notice').waitFor();
  await assertLayoutFits(page, 'display-fit-counter-40');
});

t.run();
