/**
 * The wall display in the system Chromium against a real server: a call shows within 1 s and is
 * announced (speech captured), a recall is announced again, and after a server restart on the same
 * port the display shows the offline badge, comes back by itself and resyncs (including a call made
 * while it was away). Screenshots go to artifacts/screenshots/display-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { systemClock } from '../../server/domain/clock';
import { callNext } from '../../server/app/call-next';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, CAPTURE_SPEECH, launchChromium, screenshotPath, spoken, waitSpoken, zhSpell } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { seedDemoHall, testDeps } from '../_support/fixtures';
import { api, connected, emitAck, loginAs, socketFor, startTestServer, type ClientSocket } from '../_support/server';

assertChromium(); // without Chromium a browser test fails, it never skips

const DISPLAY = 'dv_demo-display-1';
const KIOSK = 'dv_demo-kiosk-1';
const ID_NUMBER = '11010519491231002X';
const REPEAT = 2; // the demo hall's announcementRepeat

let db: TestDb;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let counterPage: Page;
let staff: ClientSocket;
let hallId = '';
let counter5 = '';
let matterId = '';
/** Every websocket frame the display pages received. */
const frames: string[] = [];

/** All text on the page, shadow roots included. */
const PAGE_TEXT = `(() => {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    out.push(root.body ? root.body.innerText : root.textContent);
  };
  walk(document);
  return out.join('\\n');
})()`;

async function command(event: string, payload: Record<string, unknown>) {
  const ack = await emitAck(staff, event, { commandId: randomUUID(), ...payload });
  assert.ok(ack.ok, `${event}: ${JSON.stringify(ack.error)}`);
  return ack.data;
}

async function issue(idNumber?: string): Promise<{ id: string; number: string }> {
  const r = await api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId, ...(idNumber && { idNumber }) }, KIOSK);
  assert.is(r.status, 201, JSON.stringify(r.json));
  return r.json.data.ticket;
}

async function staffSignIn(): Promise<void> {
  staff = socketFor(server.url, await loginAs(server.url, 'staff1'));
  await connected(staff);
}

const t = suite('wall display in Chromium');

t.before(async () => {
  buildUi('display');
  db = await createTestDb();
  server = await startTestServer(db);
  const admin = await loginAs(server.url, 'admin');
  hallId = (await api(server.url, 'GET', '/api/halls', undefined, admin)).json.data[0].id;
  matterId = ((await api(server.url, 'GET', `/api/halls/${hallId}/matters`, undefined, admin)).json.data as { id: string; name: string }[]).find(
    (m) => m.name === '社保登记',
  )!.id;
  counter5 = ((await api(server.url, 'GET', `/api/halls/${hallId}/counters`, undefined, admin)).json.data as { id: string; number: number }[]).find(
    (c) => c.number === 5,
  )!.id;
  await staffSignIn();
  await command('counter:take', { counterId: counter5 });
  for (let i = 0; i < 3; i++) await issue();

  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addInitScript({ content: CAPTURE_SPEECH });
  context.on('page', (p) => p.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload)))));
  page = await context.newPage();
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  await page.goto(`${server.url}/display/?token=${DISPLAY}`);
  await page.locator('yc-display-hall').waitFor({ timeout: 30_000 }); // first render after navigation: generous under CI load
  counterPage = await context.newPage();
  await counterPage.goto(`${server.url}/display/?token=${DISPLAY}&counter=5`);
  await counterPage.locator('yc-display-counter-screen').waitFor({ timeout: 10_000 });
});

t.after(async () => {
  await browser?.close();
  staff?.close();
  await server?.close();
  await db?.drop();
});

t('a call shows on the display within 1 s and is announced, repeated as configured', async () => {
  const ticket = await issue(ID_NUMBER);
  const started = Date.now();
  const called = await command('ticket:call-next', { counterId: counter5 });
  await page.locator('[data-testid=latest-ticket]', { hasText: called.ticket.number }).waitFor({ timeout: 1000 });
  const ms = Date.now() - started;
  assert.ok(ms <= 1000, `shown after ${ms} ms`);
  assert.is(await page.locator('[data-testid=latest-counter]').innerText(), '5 号窗口');
  await page.locator('yc-display-counters [data-counter="5"]', { hasText: called.ticket.number }).waitFor({ timeout: 1000 });
  await counterPage.locator('[data-testid=counter-ticket]', { hasText: called.ticket.number }).waitFor({ timeout: 1000 });

  const text = `请 ${zhSpell(called.ticket.number)} 号 到 5 号窗口办理`;
  await waitSpoken(page, text, REPEAT);
  await page.waitForTimeout(300);
  const said = (await spoken(page)).filter((s) => s.text === text);
  assert.is(said.length, REPEAT, 'spoken hall.announcementRepeat times');
  assert.is(said[0]!.lang, 'zh-CN');
  assert.equal(await spoken(counterPage), [], 'a counter screen is silent by default');
  await page.screenshot({ path: screenshotPath('display-hall') });
  await counterPage.screenshot({ path: screenshotPath('display-counter') });
  assert.ok(ticket.number.length > 0);
});

t('a recall is announced again', async () => {
  const snap = (await api(server.url, 'GET', `/api/halls/${hallId}/public-snapshot`, undefined, DISPLAY)).json.data;
  const current = snap.counters.find((c: { number: number }) => c.number === 5).currentTicketNumber as string;
  const ticketId = snap.tickets.find((x: { number: string }) => x.number === current).id as string;
  const text = `请 ${zhSpell(current)} 号 到 5 号窗口办理`;
  const before = (await spoken(page)).filter((s) => s.text === text).length;
  await command('ticket:recall', { counterId: counter5, ticketId });
  await page.locator('yc-display-latest-call .recall').waitFor({ timeout: 1000 });
  await waitSpoken(page, text, before + REPEAT);
  await page.screenshot({ path: screenshotPath('display-recall') });
  await command('ticket:start', { counterId: counter5, ticketId });
  await command('ticket:finish', { counterId: counter5, ticketId });
  await counterPage.locator('[data-testid=counter-state]', { hasText: '欢迎办理' }).waitFor({ timeout: 1000 });
});

t('server restart on the same port: offline badge, then back by itself with the right state', async () => {
  const port = server.port;
  staff.close();
  await server.close();
  await page.locator('[data-testid=offline]').waitFor({ state: 'visible', timeout: 5000 });
  await counterPage.locator('[data-testid=offline]').waitFor({ state: 'visible', timeout: 5000 });
  await page.screenshot({ path: screenshotPath('display-offline') });

  // While the server is down, a counter calls (through the use case, on the same database): no fact reaches the display.
  const demo = await seedDemoHall(db.db);
  const missed = await callNext(testDeps(db.db, systemClock), await demo.staff('staff1'), { commandId: randomUUID(), counterId: counter5 });
  const number = missed.ticket!.number;

  server = await startTestServer(db, undefined, { port });
  await page.locator('[data-testid=latest-ticket]', { hasText: number }).waitFor({ timeout: 15_000 });
  await page.locator('[data-testid=offline]').waitFor({ state: 'detached', timeout: 5000 });
  await page.locator('yc-display-counters [data-counter="5"]', { hasText: number }).waitFor({ timeout: 1000 });
  await counterPage.locator('[data-testid=counter-ticket]', { hasText: number }).waitFor({ timeout: 5000 });
  // A call missed while away is still fresh, so it is announced once the display is back.
  await waitSpoken(page, `请 ${zhSpell(number)} 号 到 5 号窗口办理`, 1);
  await page.screenshot({ path: screenshotPath('display-after-restart') });

  // And it is live again: the next change arrives as a fact.
  await staffSignIn();
  await command('counter:pause', { counterId: counter5, reason: '休息' }).catch(() => null);
  await command('ticket:no-show', { counterId: counter5, ticketId: missed.ticket!.id });
  await command('counter:pause', { counterId: counter5, reason: '休息' });
  await counterPage.locator('[data-testid=counter-state]', { hasText: '暂停服务' }).waitFor({ timeout: 1000 });
  await counterPage.locator('[data-testid=pause-reason]', { hasText: '暂停原因：休息' }).waitFor({ timeout: 1000 });
  await page.locator('yc-display-counters [data-counter="5"]', { hasText: '暂停服务' }).waitFor({ timeout: 1000 });
  await counterPage.screenshot({ path: screenshotPath('display-counter-paused') });
});

t('the display never receives an identity number or a staff name', async () => {
  const all = frames.join('\n');
  assert.ok(all.includes('public:fact'), 'frames were captured');
  for (const secret of [ID_NUMBER, '110105', 'visitorIdMasked', 'staffName', '李娜']) assert.not.ok(all.includes(secret), secret);
  const text = (await page.evaluate(PAGE_TEXT)) as string;
  assert.ok(text.includes('5 号窗口') || text.includes('号窗口'), 'page text was read');
  assert.not.ok(text.includes(ID_NUMBER) || text.includes('李娜'));
});

t('English by URL, a zone filter, and the screen without a token', async () => {
  await page.goto(`${server.url}/display/?token=${DISPLAY}&lang=en&zone=ZR`);
  await page.locator('yc-display-hall').waitFor({ timeout: 30_000 }); // first render after navigation: generous under CI load
  await page.locator('yc-display-header', { hasText: '自然人服务区' }).waitFor({ timeout: 2000 });
  await page.locator('yc-display-recent-calls', { hasText: 'Recent calls' }).waitFor({ timeout: 2000 });
  assert.is(await page.evaluate(() => document.documentElement.lang), 'en');
  const zones = await page.locator('yc-display-waiting li').count();
  assert.is(zones, 1, 'only the filtered zone is counted');
  await page.screenshot({ path: screenshotPath('display-en-zone') });

  // A reload from the bare URL keeps working: the token was remembered.
  await page.goto(`${server.url}/display/`);
  await page.locator('yc-display-hall').waitFor({ timeout: 30_000 }); // first render after navigation: generous under CI load

  const fresh = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const bare = await fresh.newPage();
  await bare.goto(`${server.url}/display/`);
  await bare.locator('yc-display-message', { hasText: '未配置设备令牌' }).waitFor({ timeout: 5000 });
  await bare.screenshot({ path: screenshotPath('display-no-token') });
  await fresh.close();
});

t.run();
