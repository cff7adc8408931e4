/**
 * The staffing plan on the managers' dashboard in the system Chromium (1920×1080): the forecast
 * from four past Tuesdays with a 不动产 morning peak, counters needed beside those open, tidal
 * advice applied in one click through the tidal-counter command, the pooling estimate (the
 * simulator engine on the forecast), in Chinese and English.
 * Screenshots: artifacts/screenshots/dashboard-plan-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq, inArray } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { counterBreaks, counterMatters, counters, matters } from '../../db/schema';
import { manualClock } from '../../server/domain/clock';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, launchChromium, openWatchedPage, screenshotPath } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { insertHistory } from '../_support/history';
import { api, loginAs, startTestServer } from '../_support/server';

assertChromium();

const clock = manualClock('2026-11-24T01:00:00Z'); // Tuesday 09:00 in Shanghai
let db: TestDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];
const test = suite('staffing plan on the dashboard');

async function history(matterName: string, dates: string[], hhmms: string[], n: number) {
  const [m] = await db.db.select().from(matters).where(eq(matters.name, matterName));
  for (const date of dates) for (const hhmm of hhmms) await insertHistory(db.db, m!, date, hhmm, n);
}

test.before(async () => {
  buildUi('dashboard');
  db = await createTestDb();
  server = await startTestServer(db, clock);
  const tuesdays = ['2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17'];
  await history('不动产抵押登记', tuesdays, ['09:30', '10:00', '10:30'], 20);
  await history('社保登记', tuesdays, ['09:00', '14:00', '15:00'], 3);
  await history('企业设立登记', tuesdays, ['14:30', '15:00'], 4);
  await history('出入境证件办理', tuesdays, ['09:30', '14:30'], 2);
  // Open now: 4, 5 (自然人) and the professional 出入境 counter 6, 7, 8 (不动产), 1, 2 (法人).
  const open = await db.db.select({ id: counters.id }).from(counters).where(inArray(counters.number, [1, 2, 4, 5, 6, 7, 8]));
  await db.db.update(counters).set({ status: 'open' }).where(inArray(counters.id, open.map((c) => c.id)));
  browser = await launchChromium();
  ({ page, errors } = await openWatchedPage(browser, { width: 1920, height: 1080 }, (r) => r.url().endsWith('/favicon.ico')));
});

test.after(async () => {
  await browser?.close();
  await server?.close();
  await db?.drop();
});

test('the plan: basis, counters needed beside staffed (short cells marked), tidal advice applied in one click', async () => {
  await page.goto(`${server.url}/dashboard/`);
  await page.locator('yc-dash-sign-in #username').fill('manager');
  await page.locator('yc-dash-sign-in #password').fill('yichuang2026');
  await page.locator('yc-dash-sign-in button[type=submit]').click();
  const card = page.locator('[data-testid=plan]');
  await card.locator('[data-testid=plan-table]').waitFor({ timeout: 15_000 });
  assert.match((await card.locator('[data-testid=plan-basis]').textContent()) ?? '', '近 4 周同一工作日（10-27、11-03、11-10、11-17）');
  assert.ok((await card.locator('td.short').count()) > 0, 'the 不动产 peak is short of counters');
  const advice = card.locator('[data-testid=plan-moves] li', { hasText: '不动产服务区' }).first();
  await advice.waitFor();
  const text = (await advice.locator('span').first().textContent())!;
  assert.match(text, /^09:30–\d\d:\d\d：\d+ 号窗口 → 不动产服务区$/);
  // Breaks out of the peaks, one line per open counter with both sessions (and its back-office half hours, if any).
  const breaks = (await card.locator('[data-testid=plan-breaks] li > span').allTextContents()).map((x) => x.trim());
  assert.is(breaks.length, 7);
  for (const b of breaks) assert.match(b, /^\d+ 号窗口：\d\d:\d\d–\d\d:\d\d(（后台）)?(、\d\d:\d\d–\d\d:\d\d(（后台）)?)+$/);
  assert.ok((breaks.join('').match(/（后台）/g)?.length ?? 0) > 0, 'the peak staffing releases minutes to the back office');
  // 弹性窗口: the after-hours window 14 opened by the back office in a peak.
  const flex = card.locator('[data-testid=plan-flex] li').first();
  assert.match((await flex.locator('span').first().textContent())!, /^\d\d:\d\d–\d\d:\d\d：14 号窗口开启 → .+服务区$/);
  assert.match((await card.textContent()) ?? '', /共 \d+ 分钟，由下方标“后台”的窗口以同样分钟数转后台/);
  // One click schedules a counter's advised breaks for today: the row then says 已安排.
  const first = card.locator('[data-testid=plan-breaks] li').first();
  await first.locator('button', { hasText: '一键安排' }).click();
  await first.locator('button', { hasText: '已安排' }).waitFor({ timeout: 10_000 });
  const [row] = await db.db.select().from(counterBreaks);
  assert.is(row!.serviceDate, '2026-11-24');
  assert.is(breaks[0]!.replace(/（后台）/g, '').replace(/^\d+ 号窗口：/, ''), row!.times.map((t) => `${t.from}–${t.to}`).join('、'));
  // Pooling, measured by the simulator engine on the forecast: the staffed professional counter 6.
  const pooling = (await card.locator('[data-testid=plan-pooling] li').allTextContents()).map((x) => x.trim());
  assert.is(pooling.length, 1);
  assert.match(pooling[0]!, /^6 号窗口改为综合窗口：自然人服务区达标率 \d+% → \d+%，全厅 \d+% → \d+%$/);
  assert.match((await card.textContent()) ?? '', '按今日预测和本厅叫号规则模拟 8 天的平均值');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('dashboard-plan-zh'), fullPage: true });
  await card.screenshot({ path: screenshotPath('dashboard-plan-card-zh') });

  // One click opens window 14 for the zone (the tidal command), the return gives it back its own matters.
  const manager = await loginAs(server.url, 'manager');
  const hallId = (await api(server.url, 'GET', '/api/halls', undefined, manager)).json.data[0].id;
  const list = (await api(server.url, 'GET', `/api/halls/${hallId}/counters`, undefined, manager)).json.data as { id: string; number: number; matterIds: string[] }[];
  const own = [...list.find((c) => c.number === 14)!.matterIds].sort();
  await flex.locator('button', { hasText: '一键开启' }).click();
  await flex.locator('button', { hasText: '已调整' }).waitFor({ timeout: 10_000 });
  const c14 = list.find((c) => c.number === 14)!.id;
  const opened = await db.db.select({ zoneId: matters.zoneId }).from(counterMatters).innerJoin(matters, eq(matters.id, counterMatters.matterId)).where(eq(counterMatters.counterId, c14));
  assert.is(new Set(opened.map((m) => m.zoneId)).size, 1, 'window 14 serves one zone’s matters');
  await page.setViewportSize({ width: 1366, height: 768 });
  await card.scrollIntoViewIfNeeded();
  // At 1366×768 the break rows wrap, but between ranges, never inside one ("12:00–" / "13:00").
  // Each range with its （后台） mark is one piece.
  const ranges = card.locator('[data-testid=plan-breaks] li > span > .range');
  assert.ok((await ranges.count()) >= 14, 'two ranges per counter at least');
  // (Chromium gives one box per font run — digits and the dash come from different fonts — so: all on one line.)
  const split = await ranges.evaluateAll((els) => els.filter((e) => new Set([...e.getClientRects()].map((r) => Math.round(r.bottom))).size !== 1).map((e) => e.textContent));
  await card.screenshot({ path: screenshotPath('dashboard-plan-card-1366-zh') });
  assert.equal(split, [], 'no time range is broken over two lines');
  await page.screenshot({ path: screenshotPath('dashboard-plan-1366-zh') });
  await card.screenshot({ path: screenshotPath('dashboard-plan-card-1366-zh') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await flex.locator('[data-testid=plan-return]').click();
  await flex.locator('button', { hasText: '一键开启' }).waitFor({ timeout: 10_000 });
  const back = await db.db.select({ id: counterMatters.matterId }).from(counterMatters).where(eq(counterMatters.counterId, c14));
  assert.equal(back.map((m) => m.id).sort(), own, 'its own matters again');

  await advice.locator('button', { hasText: '一键调整' }).click();
  await card.locator('[data-testid=plan-moves] li button', { hasText: '已调整' }).first().waitFor({ timeout: 10_000 });
  const number = Number(/：(\d+) 号窗口/.exec(text)![1]);
  const moved = list.find((c) => c.number === number)!;
  const served = await db.db.select({ name: matters.name }).from(counterMatters).innerJoin(matters, eq(matters.id, counterMatters.matterId)).where(eq(counterMatters.counterId, moved.id));
  assert.equal(served.map((s) => s.name).sort(), ['不动产抵押登记', '不动产登记资料查询', '不动产转移登记', '不动产首次登记', '存量房交易税费申报'].sort());
});

test('English', async () => {
  await page.locator('yc-dash-header button', { hasText: 'English' }).click();
  const card = page.locator('[data-testid=plan]');
  await card.locator('h2', { hasText: "Today's arrival forecast and staffing advice" }).waitFor();
  assert.match((await card.locator('[data-testid=plan-basis]').textContent()) ?? '', 'same weekday of the last 4 weeks');
  assert.match((await card.locator('[data-testid=plan-moves] li span').first().textContent()) ?? '', /^09:30–\d\d:\d\d: counter \d+ → /);
  assert.match((await card.locator('[data-testid=plan-flex] li span').first().textContent()) ?? '', /^\d\d:\d\d–\d\d:\d\d: open counter 14 → /);
  assert.match((await card.locator('[data-testid=plan-pooling] li').first().textContent())!.trim(), /^Counter 6 comprehensive: .+ within target \d+% → \d+%, whole hall \d+% → \d+%$/);
  await card.screenshot({ path: screenshotPath('dashboard-plan-card-en') });
  assert.equal(errors, []);
});

test.run();
