/**
 * The counter workstation at 1366×768 under load (14 counters serving, a long queue, long matter
 * names), Chinese and English, measured in the page (nothing clipped or covered); and a staff
 * member who still holds counter 4 (browser closed) and takes counter 5 is told so and offered
 * "释放 4 号窗口", which releases 4 and takes 5. Screenshots: artifacts/screenshots/counter-fit-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { counterBreaks, counters, matters } from '../../db/schema';
import { serviceDate } from '../../server/domain/hall-time';
import { formatClockTime } from '../../counter-ui/src/stores/counter-selectors';
import { systemClock } from '../../server/domain/clock';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, launchChromium } from '../_support/browser';
import { loadHall } from '../_support/bulk';
import { createTestDb, type TestDb } from '../_support/db';
import { testDeps } from '../_support/fixtures';
import { assertLayoutFits } from '../_support/layout-check';
import { api, connected, emitAck, loginAs, socketFor, startTestServer } from '../_support/server';

assertChromium();

let db: TestDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
let hallId = '';
let breakTimes: { from: string; to: string }[] = [];

const t = suite('counter workstation at 1366×768');

t.before(async () => {
  buildUi('counter');
  db = await createTestDb();
  server = await startTestServer(db);
  const admin = await loginAs(server.url, 'admin');
  hallId = (await api(server.url, 'GET', '/api/halls', undefined, admin)).json.data[0].id;
  await db.db.update(matters).set({ name: sql`${matters.name} || '（含变更、补证、注销等一件事联办）'` }).where(eq(matters.hallId, hallId));
  // Every other counter busy, and a queue behind them.
  await loadHall(testDeps(db.db, systemClock), hallId, [1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14], { waitingPerCounter: 3 });
  // Counter 5's breaks scheduled for today (as the dashboard's 一键安排 stores them), still ahead at any hour CI runs.
  const local = formatClockTime(new Date().toISOString(), 'Asia/Shanghai');
  const nowMin = Number(local.slice(0, 2)) * 60 + Number(local.slice(3));
  const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const start = Math.ceil((nowMin + 1) / 15) * 15;
  // Late in the evening the second one runs to the end of the day ('24:00'), so it is still ahead when the page asserts.
  breakTimes = start + 60 < 24 * 60 ? [{ from: hm(start), to: hm(start + 15) }, { from: hm(start + 30), to: hm(start + 60) }] : [{ from: hm(Math.min(start, 23 * 60 + 45)), to: '24:00' }];
  const [c5] = await db.db.select({ id: counters.id }).from(counters).where(and(eq(counters.hallId, hallId), eq(counters.number, 5)));
  await db.db.insert(counterBreaks).values({ counterId: c5!.id, serviceDate: serviceDate(new Date(), 'Asia/Shanghai'), times: breakTimes });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});

t.after(async () => {
  await browser?.close();
  await server?.close();
  await db?.drop();
});

t('still signed in at counter 4: the message says so and the button releases 4 and takes 5', async () => {
  const token = await loginAs(server.url, 'staff1');
  const socket = socketFor(server.url, token);
  await connected(socket);
  const counters = (await api(server.url, 'GET', `/api/halls/${hallId}/counters`, undefined, token)).json.data as { id: string; number: number }[];
  const take4 = await emitAck(socket, 'counter:take', { commandId: randomUUID(), counterId: counters.find((c) => c.number === 4)!.id });
  assert.ok(take4.ok, JSON.stringify(take4.error));
  socket.close(); // the browser that held counter 4 is gone

  await page.goto(`${server.url}/counter/`);
  await page.locator('yc-sign-in #username').fill('staff1');
  await page.locator('yc-sign-in #password').fill('yichuang2026');
  await page.locator('yc-sign-in button[type=submit]').click();
  await page.locator('yc-connection-badge [data-state=online]').waitFor();
  await page.locator('yc-counter-picker li[data-number="5"] button').click();
  const notice = page.locator('yc-counter-picker yc-notice-bar [data-testid=notice]');
  await notice.waitFor();
  assert.match(await notice.innerText(), '您仍在 4 号窗口签到');
  const fix = page.locator('yc-counter-picker yc-notice-bar [data-testid=notice-action]');
  assert.is((await fix.innerText()).trim(), '释放 4 号窗口');
  await assertLayoutFits(page, 'counter-fit-release-other');
  await fix.click();
  await page.locator('yc-counter-desk').waitFor();
  const snap = (await api(server.url, 'GET', `/api/halls/${hallId}/snapshot`, undefined, token)).json.data as { counters: { number: number; status: string; staffId: string | null }[] };
  assert.is(snap.counters.find((c) => c.number === 4)!.status, 'closed', 'counter 4 released');
  assert.is(snap.counters.find((c) => c.number === 5)!.status, 'open', 'counter 5 taken');
});

t('the desk with a called ticket and a long queue fits, in Chinese and English', async () => {
  await page.locator('yc-action-bar button[data-action="call-next"]').click();
  await page.locator('yc-current-ticket section[data-status="called"]').waitFor();
  // 休息安排: the counter's scheduled breaks for today, a small reminder on the desk.
  const reminder = page.locator('yc-app-header [data-testid=break-reminder]');
  await reminder.waitFor();
  const shown = (await reminder.innerText()).replace(/\s+/g, ' ').trim();
  assert.ok(shown.startsWith('休息安排') && shown.includes(`${breakTimes.at(-1)!.from}–${breakTimes.at(-1)!.to}`), shown);
  await assertLayoutFits(page, 'counter-fit-desk-zh');
  await page.locator('[data-testid=lang-toggle]').click();
  await page.locator('yc-action-bar button[data-action="call-next"]', { hasText: /Call/ }).waitFor();
  await assertLayoutFits(page, 'counter-fit-desk-en');
  await page.locator('[data-testid=lang-toggle]').click();
});

t.run();
