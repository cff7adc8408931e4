/**
 * One visit across the three screens of a hall, in one Chromium against one real server: the
 * visitor takes a ticket on the kiosk, the counter sees it and calls it (a double click, one call),
 * the wall display shows it within 1 s and announces it, a recall is announced again, start and
 * finish clear the display's tile; after a server restart on the same port and database the
 * display and the counter come back by themselves with the right state; an invalid identity number
 * on the kiosk is refused in plain words and issues nothing. Screenshots: artifacts/screenshots/flow-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { tickets } from '../../db/schema';
import type { HallFact } from '../../server/protocol/events';
import type { HallSnapshot } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import {
  assertChromium,
  buildUi,
  CAPTURE_SPEECH,
  counterButton,
  counterRow,
  counterStatus,
  kioskToOptions,
  kioskTypeId,
  launchChromium,
  pollUntil,
  screenshotPath,
  signInAtCounter,
  spoken,
  waitSpoken,
  zhSpell,
} from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, loginAs, socketFor, startTestServer, type ClientSocket } from '../_support/server';

assertChromium(); // without Chromium a browser test fails, it never skips

const KIOSK_TOKEN = 'dv_demo-kiosk-1';
const DISPLAY_TOKEN = 'dv_demo-display-1';
const REPEAT = 2; // the demo hall's announcementRepeat
const INVALID_ID = '110105194912310021'; // check digit should be X

interface Ctx {
  db: TestDb;
  server: RunningServer;
  browser: Browser;
  kiosk: Page;
  counter: Page;
  display: Page;
  hallId: string;
  manager: string;
  /** Every hall fact, seen by a manager's socket: how many calls the counter really made. */
  watcher: ClientSocket;
  facts: HallFact[];
  pageErrors: string[];
  /** The ticket the visitor took, as the kiosk showed it. */
  number: string;
  /** What the display says for it: "请 A 零 零 一 号 到 1 号窗口办理". */
  announcement: string;
}
const ctx = {} as Ctx;
const test = suite('a visit across kiosk, counter and wall display');

const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`flow-${name}`) });
const factsOf = (type: HallFact['type']) => ctx.facts.filter((f) => f.type === type);
const said = async () => (await spoken(ctx.display)).filter((s) => s.text === ctx.announcement).length;
const tile = (hasText?: string) => ctx.display.locator('yc-display-counters [data-counter="1"]', hasText === undefined ? {} : { hasText });

async function snapshot(): Promise<HallSnapshot> {
  return (await api(ctx.server.url, 'GET', `/api/halls/${ctx.hallId}/snapshot`, undefined, ctx.manager)).json.data as HallSnapshot;
}

async function watchFacts(): Promise<void> {
  ctx.manager = await loginAs(ctx.server.url, 'manager');
  ctx.watcher = socketFor(ctx.server.url, ctx.manager);
  ctx.watcher.on('hall:fact', (f) => ctx.facts.push(f));
  await connected(ctx.watcher);
  assert.ok((await emitAck(ctx.watcher, 'hall:subscribe', { hallId: ctx.hallId })).ok);
}

/**
 * Resolves with the display page's Date.now() at the first animation frame where the big tile
 * shows `number`.
 */
function displayShows(number: string) {
  // A function, not a string: the page's Content-Security-Policy forbids evaluating strings. No
  // named inner functions (tsx would wrap them in a helper the page does not have).
  return ctx.display.waitForFunction(
    (n: string) => {
      const roots: (Document | ShadowRoot)[] = [document];
      while (roots.length) {
        const root = roots.pop()!;
        const hit = root.querySelector('[data-testid=latest-ticket]');
        if (hit) return hit.textContent?.trim() === n ? Date.now() : false;
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      }
      return false;
    },
    number,
    { polling: 'raf', timeout: 5000 },
  );
}

test.before(async () => {
  buildUi('kiosk', 'counter', 'display');
  ctx.db = await createTestDb();
  ctx.server = await startTestServer(ctx.db);
  ctx.hallId = (await api(ctx.server.url, 'GET', '/api/auth/me', undefined, KIOSK_TOKEN)).json.data.hallId;
  ctx.facts = [];
  await watchFacts();

  ctx.browser = await launchChromium();
  ctx.pageErrors = [];
  const open = async (viewport: { width: number; height: number }, initScript?: string) => {
    const context = await ctx.browser.newContext({ viewport, locale: 'zh-CN' });
    if (initScript) await context.addInitScript({ content: initScript });
    const page = await context.newPage();
    page.on('pageerror', (e) => ctx.pageErrors.push(String(e)));
    return page;
  };
  ctx.kiosk = await open({ width: 1080, height: 1920 }); // a portrait kiosk
  ctx.counter = await open({ width: 1366, height: 768 }); // a common counter PC screen
  ctx.display = await open({ width: 1920, height: 1080 }, CAPTURE_SPEECH);

  await ctx.kiosk.goto(`${ctx.server.url}/kiosk/?token=${KIOSK_TOKEN}`);
  await ctx.kiosk.locator('kiosk-home #take').waitFor();
  await signInAtCounter(ctx.counter, ctx.server.url, 'staff1', 1);
  await ctx.counter.locator('yc-app-header [data-testid=header-counter]', { hasText: '1 号窗口' }).waitFor();
  await ctx.display.goto(`${ctx.server.url}/display/?token=${DISPLAY_TOKEN}`);
  await ctx.display.locator('yc-display-hall').waitFor({ timeout: 10_000 });
  await tile('等候叫号').waitFor();
});

test.after(async () => {
  ctx.watcher?.close();
  await ctx.browser?.close();
  await ctx.server?.close();
  await ctx.db?.drop();
});

test('the visitor takes a ticket for 企业设立登记 on the kiosk', async () => {
  await kioskToOptions(ctx.kiosk, '法人服务区', '企业设立登记');
  await ctx.kiosk.locator('kiosk-options #take').click();
  const shown = ctx.kiosk.locator('kiosk-ticket #ticket-number');
  await shown.waitFor();
  ctx.number = (await shown.textContent())?.trim() ?? '';
  assert.match(ctx.number, /^[A-Z]\d{3}$/);
  assert.is((await ctx.kiosk.locator('kiosk-ticket #ticket-matter').textContent())?.trim(), '企业设立登记');
  ctx.announcement = `请 ${zhSpell(ctx.number)} 号 到 1 号窗口办理`;
  const tickets = (await snapshot()).tickets;
  assert.equal(tickets.map((t) => [t.number, t.matterName, t.status]), [[ctx.number, '企业设立登记', 'waiting']], 'the ticket on screen is the one the server holds');
  await shot(ctx.kiosk, '01-kiosk-ticket');
});

test('the counter sees it; a double-clicked "call next" calls it once; the display shows it within 1 s and announces it', async () => {
  const { counter, display, number } = ctx;
  await counterRow(counter, 'waiting', number).waitFor({ timeout: 5000 });
  await shot(counter, '02-counter-queue');

  await counter.evaluate(() => {
    const w = window as unknown as { __clicks: number[] };
    w.__clicks = [];
    window.addEventListener('click', () => w.__clicks.push(Date.now()), true);
  });
  const shown = displayShows(number);
  const started = Date.now();
  await counterButton(counter, 'call-next').dblclick();
  const shownAt = (await (await shown).jsonValue()) as number;
  const roundTrip = Date.now() - started;
  const clickedAt = await counter.evaluate(() => (window as unknown as { __clicks: number[] }).__clicks[0]!);
  const latency = shownAt - clickedAt;
  console.log(`call → display: ${latency} ms from the click to the frame showing ${number} (${roundTrip} ms including the test's own dblclick round trip)`);
  assert.ok(latency >= 0 && latency <= 1000, `shown ${latency} ms after the click`);
  assert.is((await display.locator('[data-testid=latest-counter]').innerText()).trim(), '1 号窗口');
  await tile(number).waitFor({ timeout: 1000 });

  await pollUntil('the counter to hold the call', async () => (await counterStatus(counter)) === 'called');
  assert.is(await counter.locator('[data-testid=current-number]').textContent(), number);
  await counter.waitForTimeout(400); // room for a second command, were one sent
  assert.is(factsOf('ticket:called').length, 1, 'a double click is one call');
  assert.equal((await snapshot()).tickets.filter((t) => t.status === 'called').map((t) => t.number), [number]);

  await waitSpoken(display, ctx.announcement, REPEAT);
  const heard = (await spoken(display)).map((s) => s.text);
  assert.ok(heard.some((s) => s.includes(zhSpell(number)) && /(^|[^\d])1 号窗口/.test(s)), `announced: ${JSON.stringify(heard)}`);
  assert.is(await said(), REPEAT, 'said hall.announcementRepeat times, no more');
  await shot(counter, '03-counter-called');
  await shot(display, '04-display-called');
});

test('a recall is announced again', async () => {
  const { counter, display } = ctx;
  const before = await said();
  await pollUntil('recall enabled', () => counterButton(counter, 'recall').isEnabled());
  await counterButton(counter, 'recall').click();
  await display.locator('yc-display-latest-call .recall').waitFor({ timeout: 1000 });
  await waitSpoken(display, ctx.announcement, before + REPEAT);
  assert.is(factsOf('ticket:recalled').length, 1);
  await shot(display, '05-display-recall');
});

test('start, then finish: the display’s tile for counter 1 clears', async () => {
  const { counter, number } = ctx;
  await pollUntil('start enabled', () => counterButton(counter, 'start').isEnabled());
  await counterButton(counter, 'start').click();
  await pollUntil('serving', async () => (await counterStatus(counter)) === 'serving');
  await shot(counter, '06-counter-serving');
  await counterButton(counter, 'finish').click();
  await pollUntil('finished', async () => (await counterStatus(counter)) === 'none');
  await tile(number).waitFor({ state: 'detached', timeout: 1000 });
  await tile('等候叫号').waitFor({ timeout: 1000 });
  assert.is(factsOf('ticket:finished').length, 1);
  await shot(counter, '07-counter-finished');
  await shot(ctx.display, '08-display-finished');
});

test('server restart on the same port and database: display and counter come back by themselves', async () => {
  const { counter, display, number } = ctx;
  const port = ctx.server.port;
  const heardBefore = (await spoken(display)).length;
  ctx.watcher.close();
  await ctx.server.close();
  await display.locator('[data-testid=offline]').waitFor({ state: 'visible', timeout: 5000 });
  await counter.locator('yc-connection-badge [data-testid=connection-badge]:not([data-state=online])').waitFor({ timeout: 5000 });
  await shot(display, '09-display-offline');
  await shot(counter, '10-counter-offline');

  ctx.server = await startTestServer(ctx.db, undefined, { port });
  await watchFacts();
  // The display: the offline badge goes, the last call is still the big one, counter 1 is waiting for a call.
  await display.locator('[data-testid=offline]').waitFor({ state: 'detached', timeout: 15_000 });
  await display.locator('[data-testid=latest-ticket]', { hasText: number }).waitFor({ timeout: 5000 });
  assert.is((await display.locator('[data-testid=latest-counter]').innerText()).trim(), '1 号窗口');
  await tile('等候叫号').waitFor({ timeout: 5000 });
  assert.is(await tile(number).count(), 0, 'the finished ticket is not back on the tile');
  // The counter: online, at its desk, nothing in hand and nobody waiting.
  await counter.locator('yc-connection-badge [data-state=online]').waitFor({ timeout: 15_000 });
  await counter.locator('yc-counter-desk').waitFor({ timeout: 5000 });
  assert.match((await counter.locator('yc-app-header [data-testid=header-counter]').textContent()) ?? '', '1 号窗口');
  await pollUntil('an empty desk', async () => (await counterStatus(counter)) === 'none');
  assert.is(await counter.locator('yc-ticket-list[kind="waiting"] button.row').count(), 0, 'nobody waiting');
  assert.ok(await counterButton(counter, 'pause-resume').isEnabled(), 'the counter takes commands again');
  assert.ok(await counterButton(counter, 'call-next').isDisabled(), '"call next" waits for a visitor');
  await display.waitForTimeout(1000);
  assert.is((await spoken(display)).length, heardBefore, 'a call already announced is not announced again after the restart');
  await shot(display, '11-display-after-restart');
  await shot(counter, '12-counter-after-restart');
});

test('an invalid identity number on the kiosk: a clear message, and no ticket', async () => {
  const { kiosk } = ctx;
  const issuedBefore = factsOf('ticket:issued').length;
  assert.is(issuedBefore, 1, 'the watcher saw the first ticket issued');
  const done = kiosk.locator('kiosk-ticket #done');
  if (await done.isVisible()) await done.click(); // unless the ticket screen has timed out to the home screen already
  await kiosk.locator('kiosk-home #take').waitFor();
  await kioskToOptions(kiosk, '法人服务区', '企业设立登记');
  await kioskTypeId(kiosk, INVALID_ID);
  const error = kiosk.locator('kiosk-options #id-error');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', '身份证号码校验位不符');
  await kiosk.locator('kiosk-options #take').click();
  await kiosk.waitForTimeout(500);
  assert.ok(await error.isVisible(), 'still on the form, the message still shown');
  assert.is(await kiosk.locator('kiosk-ticket').count(), 0, 'no ticket screen');
  const issued = await ctx.db.db.select({ number: tickets.number, status: tickets.status }).from(tickets);
  assert.equal(issued, [{ number: ctx.number, status: 'done' }], 'no ticket was issued: the only one today is the finished one');
  assert.is(factsOf('ticket:issued').length, issuedBefore, 'no ticket:issued fact');
  await shot(kiosk, '13-kiosk-invalid-id');
  assert.equal(ctx.pageErrors, [], 'no uncaught errors on any screen');
});

test.run();
