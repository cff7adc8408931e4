/**
 * The counter workstation in the system Chromium against a real server on port 0: sign in, take
 * counter 1, wait colours, a double-clicked "call next" calls exactly one ticket, a held shortcut
 * key sends one command, recall/start/finish, transfer and pause dialogs, no-show and reactivate,
 * resync after a dropped connection, and a refused session back to sign-in. Screenshots go to
 * artifacts/screenshots/counter-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page, Response } from 'playwright-core';
import { manualClock } from '../../server/domain/clock';
import type { HallFact } from '../../server/protocol/events';
import type { HallSnapshot } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, counterButton, counterRow, counterStatus, launchChromium, openWatchedPage, pollUntil, screenshotPath } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, issueAtDemoKiosk, loginAs, socketFor, startTestServer, type ClientSocket } from '../_support/server';

assertChromium(); // without Chromium a browser test fails, it never skips

const KIOSK = 'dv_demo-kiosk-1';
const MINUTE = 60_000;

interface Ctx {
  db: TestDb;
  server: RunningServer;
  browser: Browser;
  page: Page;
  hallId: string;
  manager: string;
  watcher: ClientSocket;
  facts: HallFact[];
  errors: string[];
  numbers: Record<'old' | 'mid' | 'fresh', string>;
}
const ctx = {} as Ctx;
// The server's clock: tickets are issued 12 and 9 minutes "ago", then it stands at the real now.
const clock = manualClock(new Date(Date.now() - 12 * MINUTE));

const test = suite('counter workstation in the browser');

async function snapshot(): Promise<HallSnapshot> {
  const r = await api(ctx.server.url, 'GET', `/api/halls/${ctx.hallId}/snapshot`, undefined, ctx.manager);
  return r.json.data as HallSnapshot;
}

const issue = (matterName: string) => issueAtDemoKiosk(ctx.server.url, ctx.hallId, ctx.manager, matterName);

const factsOf = (type: HallFact['type']) => ctx.facts.filter((f) => f.type === type);
const desk = () => ctx.page.locator('yc-counter-desk');
const button = (action: string) => counterButton(ctx.page, action);
const currentStatus = () => counterStatus(ctx.page);
const row = (list: string, number: string) => counterRow(ctx.page, list, number);
const waitFor = pollUntil;
/** Presses a shortcut once its button is enabled, as a person would after the last answer came back. */
async function press(key: string, action: string): Promise<void> {
  await waitFor(`${action} enabled`, () => button(action).isEnabled());
  await ctx.page.keyboard.press(key);
}
const notice = (text: string) => ctx.page.locator('yc-counter-desk yc-notice-bar [data-testid=notice]', { hasText: text }).waitFor();
const shot = (name: string) => ctx.page.screenshot({ path: screenshotPath(`counter-${name}`) });

/** Cuts the page's transport as a network drop would (the page's socket.io client reconnects). */
function dropBrowserConnections(): number {
  // By the socket's handshake copy: the server drops the engine's upgrade request once connected.
  let dropped = 0;
  for (const s of ctx.server.io.of('/').sockets.values()) {
    if (!/Chrome/.test(String(s.handshake.headers['user-agent'] ?? ''))) continue;
    s.conn.close();
    dropped++;
  }
  return dropped;
}

test.before(async () => {
  buildUi('counter');
  ctx.db = await createTestDb();
  ctx.server = await startTestServer(ctx.db, clock);
  const me = await api(ctx.server.url, 'GET', '/api/auth/me', undefined, KIOSK);
  ctx.hallId = me.json.data.hallId;
  ctx.manager = await loginAs(ctx.server.url, 'manager');
  // A second pair of eyes on the hall: every fact the server publishes.
  ctx.facts = [];
  ctx.watcher = socketFor(ctx.server.url, ctx.manager);
  ctx.watcher.on('hall:fact', (f) => ctx.facts.push(f));
  await connected(ctx.watcher);
  assert.ok((await emitAck(ctx.watcher, 'hall:subscribe', { hallId: ctx.hallId })).ok);

  const old = await issue('企业设立登记'); // waits 12 min: past the 10-minute target
  clock.advance(3 * MINUTE);
  const mid = await issue('营业执照变更登记'); // waits 9 min: 90 % of target
  clock.set(new Date());
  const fresh = await issue('公章刻制备案'); // just issued
  ctx.numbers = { old, mid, fresh };

  ctx.browser = await launchChromium();
  // A common counter PC screen. Errors are kept, except the one refused sign-in the first test makes on purpose.
  const refusedSignIn = (r: Response) => r.status() === 401 && r.url().endsWith('/api/auth/login');
  ({ page: ctx.page, errors: ctx.errors } = await openWatchedPage(ctx.browser, { width: 1366, height: 768 }, refusedSignIn));
});

test.after(async () => {
  ctx.watcher?.close();
  await ctx.browser?.close();
  await ctx.server?.close();
  await ctx.db?.drop();
});

test('sign in with a wrong password shows plain words, then sign in and take counter 1', async () => {
  const page = ctx.page;
  await page.goto(`${ctx.server.url}/counter/`);
  await page.locator('yc-sign-in #username').fill('staff1');
  await page.locator('yc-sign-in #password').fill('wrong-password');
  await page.locator('yc-sign-in button[type=submit]').click();
  const error = page.locator('yc-sign-in [data-testid=sign-in-error]');
  await error.waitFor();
  assert.is((await error.textContent())?.trim(), '用户名或密码错误：请核对后重新输入');
  await shot('sign-in-error');

  await page.locator('yc-sign-in #password').fill('yichuang2026');
  await page.locator('yc-sign-in button[type=submit]').click();
  const choice = page.locator('yc-counter-picker li[data-number="1"]');
  await choice.waitFor();
  await page.locator('yc-connection-badge [data-state=online]').waitFor();
  await shot('picker');
  await choice.locator('button').click();
  await desk().waitFor();
  assert.match((await page.locator('yc-app-header [data-testid=header-counter]').textContent()) ?? '', '1 号窗口');
  assert.ok(await page.evaluate(() => sessionStorage.getItem('yc-counter:session')?.includes('"token"')), 'token kept in sessionStorage');
});

test('the queue shows each live wait coloured against its target', async () => {
  const { old, mid, fresh } = ctx.numbers;
  for (const n of [old, mid, fresh]) await row('waiting', n).waitFor();
  const level = (n: string) => row('waiting', n).locator('.wait').getAttribute('data-level');
  assert.is(await level(old), 'over');
  assert.is(await level(mid), 'warn');
  assert.is(await level(fresh), 'ok');
  assert.ok(await row('waiting', old).locator('.wait.wait-over').count(), 'red class');
  assert.ok(await row('waiting', mid).locator('.wait.wait-warn').count(), 'amber class');
  assert.ok(await row('waiting', fresh).locator('.wait.wait-ok').count(), 'green class');
  const first = await row('waiting', mid).locator('.wait').innerText();
  await waitFor('the wait to tick', async () => (await row('waiting', mid).locator('.wait').innerText()) !== first, 3000);
  assert.ok(await button('recall').isDisabled(), 'nothing to recall yet');
  await shot('desk-waiting');
});

test('a double click on "call next" calls exactly one ticket', async () => {
  await button('call-next').dblclick();
  await waitFor('the called ticket', async () => (await currentStatus()) === 'called');
  await ctx.page.waitForTimeout(400); // room for a second command, were one sent
  assert.is(factsOf('ticket:called').length, 1, 'one ticket:called fact');
  const snap = await snapshot();
  const called = snap.tickets.filter((t) => t.status === 'called');
  assert.is(called.length, 1);
  // docs/routing.md: a ticket that can still make its target goes before one already past it.
  assert.is(called[0]!.number, ctx.numbers.mid, 'the still-makeable ticket goes first');
  assert.is(await ctx.page.locator('[data-testid=current-number]').textContent(), ctx.numbers.mid);
  assert.is(await ctx.page.locator('yc-counter-desk yc-notice-bar').count(), 0, 'no error for the swallowed second click');
  assert.ok(await button('call-next').isDisabled());
  await shot('desk-called');
});

test('a held F2 recalls once; F3 starts; the handling clock runs against 20 minutes; F4 finishes', async () => {
  const kb = ctx.page.keyboard;
  await waitFor('recall enabled', () => button('recall').isEnabled());
  await kb.down('F2');
  await kb.down('F2'); // auto-repeat of a held key
  await kb.down('F2');
  await kb.up('F2');
  await waitFor('the recall', () => factsOf('ticket:recalled').length === 1);
  await ctx.page.waitForTimeout(300);
  assert.is(factsOf('ticket:recalled').length, 1, 'a held key sends one command');
  await ctx.page.locator('yc-current-ticket .tag', { hasText: '已重呼 1 次' }).waitFor();

  await press('F3', 'start');
  await waitFor('serving', async () => (await currentStatus()) === 'serving');
  const clockEl = ctx.page.locator('[data-testid=current-clock]');
  assert.is(await clockEl.getAttribute('data-level'), 'ok');
  assert.match(await clockEl.innerText(), '目标 20 分钟');
  assert.ok(await button('finish').isEnabled());
  assert.ok(await button('start').isDisabled());
  await shot('desk-serving');

  await button('finish').click();
  await waitFor('finished', async () => (await currentStatus()) === 'none');
  assert.is(factsOf('ticket:finished').length, 1);
  await notice(`${ctx.numbers.mid} 服务完成`);
});

test('transfer needs a reason; no-show then reactivate; park and call back', async () => {
  const page = ctx.page;
  await press('F1', 'call-next');
  await waitFor('called', async () => (await currentStatus()) === 'called');
  const number = await page.locator('[data-testid=current-number]').textContent();
  assert.is(number, ctx.numbers.fresh, 'the fresh ticket can still make its target; the breached one waits (below the hall cap)');

  await press('F7', 'transfer');
  const dialog = page.locator('yc-transfer-dialog dialog');
  await dialog.waitFor();
  await page.keyboard.press('F1'); // shortcuts are suspended while a dialog is open
  await dialog.locator('#to-counter').selectOption({ label: '2 号 · 法人综合受理窗口' });
  await dialog.locator('button[type=submit]').click();
  assert.match(await dialog.locator('.problem').innerText(), '请填写转窗原因');
  await shot('transfer-dialog');
  await page.keyboard.press('Escape');
  await waitFor('dialog closed', async () => !(await dialog.isVisible()));
  assert.is(factsOf('ticket:transferred').length, 0);
  assert.is(factsOf('ticket:called').length, 2, 'F1 did nothing while the dialog was open');

  await press('F6', 'park');
  await row('parked', number!).waitFor();
  assert.is(await currentStatus(), 'none');
  await press('F10', 'call-back'); // the only parked ticket is called back
  await waitFor('called back', async () => (await currentStatus()) === 'called');
  assert.is(factsOf('ticket:called-back').length, 1);

  // Seconds after the call F5 only asks (the visitor may still be walking up); F5 again confirms.
  await press('F5', 'no-show');
  await notice('再按 F5');
  await page.waitForTimeout(300);
  assert.is(factsOf('ticket:no-show').length, 0, 'the first F5 right after the call marks nothing');
  await shot('no-show-confirm');
  await press('F5', 'no-show');
  await row('missed', number!).waitFor();
  await row('missed', number!).click();
  await press('Shift+F9', 'reactivate');
  await row('waiting', number!).waitFor();
  assert.is(factsOf('ticket:reactivated').length, 1);
});

test('pause with a reason, resume with F8; English switch', async () => {
  const page = ctx.page;
  await press('F8', 'pause-resume');
  const dialog = page.locator('yc-pause-dialog dialog');
  await dialog.waitFor();
  await dialog.locator('button[data-preset=other]').click();
  await dialog.locator('button[type=submit]').click();
  assert.match(await dialog.locator('.problem').innerText(), '请填写说明');
  await dialog.locator('button[data-preset=meeting]').click();
  await dialog.locator('#pause-detail').fill('科室例会');
  await dialog.locator('button[type=submit]').click();
  await page.locator('[data-testid=paused-banner]').waitFor();
  assert.match(await page.locator('[data-testid=paused-banner]').innerText(), '会议：科室例会');
  // Components re-render independently: poll rather than read once.
  await waitFor('call-next disabled while paused', () => button('call-next').isDisabled());
  assert.is((await snapshot()).counters.find((c) => c.number === 1)!.pauseReason, '会议：科室例会');
  await shot('desk-paused');

  await page.locator('[data-testid=lang-toggle]').click();
  await page.locator('[data-testid=paused-banner]', { hasText: 'Meeting: 科室例会' }).waitFor();
  await waitFor('resume button in English', async () => /Resume/.test(await button('pause-resume').innerText()));
  await shot('desk-paused-en');
  await page.locator('[data-testid=lang-toggle]').click();

  await press('F8', 'pause-resume');
  await waitFor('resumed', async () => (await page.locator('[data-testid=paused-banner]').count()) === 0);
  await waitFor('call-next enabled again', () => button('call-next').isEnabled());
});

test('after a dropped connection the screen resyncs by itself', async () => {
  assert.ok(dropBrowserConnections() > 0, 'the page had a live connection to drop');
  const late = await issue('发票申领'); // issued while the counter may be offline
  await row('waiting', late).waitFor({ timeout: 10_000 });
  await ctx.page.locator('yc-connection-badge [data-state=online]').waitFor({ timeout: 10_000 });
});

test('a session the server no longer accepts sends staff back to sign-in with a message', async () => {
  const token = await ctx.page.evaluate(() => JSON.parse(sessionStorage.getItem('yc-counter:session')!).token as string);
  await api(ctx.server.url, 'POST', '/api/auth/logout', undefined, token);
  dropBrowserConnections(); // the server may have closed it already on the logout
  const reason = ctx.page.locator('yc-sign-in [data-testid=sign-in-reason]');
  await reason.waitFor({ timeout: 10_000 });
  assert.match(await reason.innerText(), '登录已过期');
  assert.is(await ctx.page.evaluate(() => sessionStorage.getItem('yc-counter:session')), null);
  await shot('session-expired');
  assert.equal(ctx.errors, [], 'no page errors');
});

test.run();
