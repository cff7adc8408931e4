/**
 * The managers' dashboard in the system Chromium against a real server on port 0: sign in, the live
 * view with tickets over and near their target, a call at a counter moves the dashboard within 1 s,
 * a ticket's history, a notice, and a report with its chart. Screenshots: artifacts/screenshots/dashboard-*.png.
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import type { Clock } from '../../server/domain/clock';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, launchChromium, openWatchedPage, screenshotPath } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, issueAtDemoKiosk, loginAs, socketFor, startTestServer, type ClientSocket } from '../_support/server';

assertChromium(); // without Chromium a browser test fails, it never skips

const MINUTE = 60_000;
/**
 * The server's clock runs in real time, shifted into the past while the morning is set up. The set-up
 * reaches an hour back, so near the hall's midnight (Asia/Shanghai: 16:00 UTC) the whole clock moves
 * to 02:00 hall time — the morning and "today's" figures then stay on one service day at any hour CI runs.
 */
let shift = 0;
const base = (() => {
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now()).split(':').map(Number);
  const minutes = h! * 60 + m!;
  return minutes < 90 ? (120 - minutes) * MINUTE : minutes > 23 * 60 + 30 ? (24 * 60 + 120 - minutes) * MINUTE : 0;
})();
const clock: Clock = { now: () => new Date(Date.now() + base + shift) };

interface Ctx {
  db: TestDb;
  server: RunningServer;
  browser: Browser;
  page: Page;
  hallId: string;
  manager: string;
  staff: ClientSocket;
  counterId: string;
  errors: string[];
}
const ctx = {} as Ctx;
const test = suite('managers’ dashboard in the browser');

const issue = (matterName: string) => issueAtDemoKiosk(ctx.server.url, ctx.hallId, ctx.manager, matterName);

async function counterCommand(event: string, extra: Record<string, unknown> = {}) {
  const r = await emitAck(ctx.staff, event, { commandId: crypto.randomUUID(), counterId: ctx.counterId, ...extra });
  assert.ok(r.ok, `${event}: ${JSON.stringify(r.error)}`);
  return r.data as { ticket?: { id: string; number: string } };
}

const shot = (name: string) => ctx.page.screenshot({ path: screenshotPath(`dashboard-${name}`), fullPage: true });
const text = (selector: string) => ctx.page.locator(selector).first().textContent().then((s) => (s ?? '').trim());

test.before(async () => {
  buildUi('dashboard', 'display');
  ctx.db = await createTestDb();
  ctx.server = await startTestServer(ctx.db, clock);
  ctx.manager = await loginAs(ctx.server.url, 'manager');
  ctx.hallId = (await api(ctx.server.url, 'GET', '/api/halls', undefined, ctx.manager)).json.data[0].id;
  const counters = (await api(ctx.server.url, 'GET', `/api/halls/${ctx.hallId}/counters`, undefined, ctx.manager)).json.data;
  ctx.counterId = counters.find((c: { number: number }) => c.number === 1).id;
  ctx.staff = socketFor(ctx.server.url, await loginAs(ctx.server.url, 'staff1'));
  await connected(ctx.staff);

  // The morning so far: two served tickets, two waiting past the 10-minute target, one at 90 %, two fresh.
  shift = -60 * MINUTE;
  await issue('企业设立登记');
  await issue('营业执照变更登记');
  await counterCommand('counter:take');
  for (const wait of [4, 14]) {
    shift += wait * MINUTE;
    const called = await counterCommand('ticket:call-next');
    await counterCommand('ticket:start', { ticketId: called.ticket!.id });
    shift += 8 * MINUTE;
    await counterCommand('ticket:finish', { ticketId: called.ticket!.id });
  }
  shift = -12 * MINUTE;
  await issue('企业设立登记');
  await issue('公章刻制备案');
  shift = -9 * MINUTE;
  await issue('营业执照变更登记');
  shift = 0;
  await issue('社会保障卡补换');
  await issue('企业注销登记');

  ctx.browser = await launchChromium();
  // No answer of 400 or more is allowed, /favicon.ico included.
  ({ page: ctx.page, errors: ctx.errors } = await openWatchedPage(ctx.browser, { width: 1440, height: 1000 }));
});

test.after(async () => {
  ctx.staff?.close();
  await ctx.browser?.close();
  await ctx.server?.close();
  await ctx.db?.drop();
});

test('sign in as the manager: the live view shows waits against target, at-risk and breached tickets, counters', async () => {
  const page = ctx.page;
  await page.goto(`${ctx.server.url}/dashboard/`);
  await page.locator('yc-dash-sign-in #username').fill('manager');
  await page.locator('yc-dash-sign-in #password').fill('yichuang2026');
  await page.locator('yc-dash-sign-in button[type=submit]').click();
  await page.locator('[data-testid=kpi-waiting] .value', { hasText: '5' }).waitFor();
  assert.is(await text('[data-testid=kpi-breached] .value'), '2');
  assert.is(await text('[data-testid=kpi-at-risk] .value'), '1');
  await page.locator('[data-testid=kpi-served] .value', { hasText: '2' }).waitFor(); // today's stats from the server
  assert.is(await text('[data-testid=kpi-handling] .value'), '100.0%');
  assert.is(await page.locator('[data-testid=risk-list] tr.breached').count(), 2);
  assert.is(await page.locator('[data-testid=counter-card][data-counter="1"]').getAttribute('data-state'), 'idle');
  await shot('live');
});

test('a call at a counter moves the dashboard within 1 s', async () => {
  const page = ctx.page;
  const started = Date.now();
  const called = await counterCommand('ticket:call-next');
  const number = called.ticket!.number;
  await page.locator('[data-testid=counter-card][data-counter="1"] [data-testid=counter-ticket]', { hasText: number }).waitFor({ timeout: 1000 });
  await page.locator('[data-testid=kpi-waiting] .value', { hasText: '4' }).waitFor({ timeout: 1000 });
  const ms = Date.now() - started;
  console.log(`  call → dashboard: ${ms} ms`);
  assert.ok(ms < 1000, `${ms} ms`);
  assert.is(await page.locator('[data-testid=counter-card][data-counter="1"]').getAttribute('data-state'), 'called');
});

test("why is a ticket late: its history, without personal data", async () => {
  const page = ctx.page;
  await page.locator('[data-testid=risk-list] tr').first().locator('button').first().click();
  await page.locator('yc-dash-history [data-testid=history] li').first().waitFor();
  const body = await text('yc-dash-history [data-testid=history]');
  assert.ok(body.includes('取号'), body);
  await shot('history');
  await page.locator('yc-dash-dialogs button.close').click();
});

test('a reprint after an interrupted print asks first: the visitor may already have the ticket', async () => {
  const page = ctx.page;
  const { startFakePrinter } = await import('../../ticket-printer/index');
  const { printJobs } = await import('../../db/schema-printing');
  const { devices, tickets } = await import('../../db/schema');
  const { and, eq } = await import('drizzle-orm');
  // The kiosk's printer cuts the connection mid-job: part or all of the ticket may have come out.
  const printer = await startFakePrinter({ mode: 'close-mid-job', closeAfterBytes: 40 });
  try {
    const [kiosk] = await ctx.db.db.select().from(devices).where(and(eq(devices.hallId, ctx.hallId), eq(devices.kind, 'kiosk')));
    const admin = await loginAs(ctx.server.url, 'admin');
    const put = await api(ctx.server.url, 'PUT', `/api/devices/${kiosk!.id}/printer`, { host: '127.0.0.1', port: printer.port, timeoutMs: 1000 }, admin);
    assert.is(put.status, 200, JSON.stringify(put.json));
    await page.locator('[data-testid=risk-list] tr').first().locator('button').first().click();
    const number = /[A-Z]+\d{3,}/.exec(await text('yc-dash-history h2'))![0];
    const [ticket] = await ctx.db.db.select().from(tickets).where(and(eq(tickets.hallId, ctx.hallId), eq(tickets.number, number)));
    const first = await api(ctx.server.url, 'POST', `/api/tickets/${ticket!.id}/reprint`, { commandId: crypto.randomUUID(), deviceId: kiosk!.id }, ctx.manager);
    assert.is(first.status, 201, JSON.stringify(first.json));
    for (let i = 0; i < 200; i++) {
      const job = (await api(ctx.server.url, 'GET', `/api/print-jobs/${first.json.data.id}`, undefined, ctx.manager)).json.data;
      if (job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await printer.setMode('ok');
    await page.locator('yc-dash-history [data-testid=reprint]').click();
    const answer = 'yc-dash-history [data-testid=reprint-confirm], yc-dash-history [data-testid=reprint-sent], yc-dash-history .problem';
    await page.locator(answer).first().waitFor();
    const warning = await text(answer);
    assert.ok(warning.includes('群众可能已经拿到这张号票'), warning);
    assert.is((await ctx.db.db.select().from(printJobs).where(eq(printJobs.ticketId, ticket!.id))).length, 1, 'nothing sent before staff confirm');
    await shot('reprint-confirm');
    await page.locator('yc-dash-history [data-testid=reprint-confirmed]').click();
    await page.locator('yc-dash-history [data-testid=reprint-sent]').waitFor();
    const jobs = await ctx.db.db.select().from(printJobs).where(eq(printJobs.ticketId, ticket!.id));
    assert.is(jobs.length, 2, 'one reprint after the confirmation');
    // The page's watcher records the refused first try: that 409 is the point of the test, anything else is not.
    const refused = ctx.errors.filter((e) => /^409 POST \S+\/api\/tickets\/[^/]+\/reprint$/.test(e));
    assert.is(refused.length, 1, ctx.errors.join('; '));
    ctx.errors.splice(ctx.errors.indexOf(refused[0]!), 1);
  } finally {
    await page.locator('yc-dash-dialogs button.close').click().catch(() => {});
    await printer.close();
  }
});

test('paper near its end at the kiosk: a live alert on the dashboard, zh-CN and English; 1920×1080 and 1366×768', async () => {
  const page = ctx.page;
  const { startFakePrinter } = await import('../../ticket-printer/index');
  const { devices, tickets } = await import('../../db/schema');
  const { and, eq } = await import('drizzle-orm');
  // The kiosk's printer prints, and its roll sensor says the paper is nearly used up (DLE EOT 4 bits 2–3).
  const printer = await startFakePrinter({ condition: { paperNearEnd: true } });
  try {
    const [kiosk] = await ctx.db.db.select().from(devices).where(and(eq(devices.hallId, ctx.hallId), eq(devices.kind, 'kiosk')));
    const admin = await loginAs(ctx.server.url, 'admin');
    const put = await api(ctx.server.url, 'PUT', `/api/devices/${kiosk!.id}/printer`, { host: '127.0.0.1', port: printer.port, timeoutMs: 1000 }, admin);
    assert.is(put.status, 200, JSON.stringify(put.json));
    assert.is(await page.locator('yc-dash-printer-alerts [data-testid=printer-alert]').count(), 0, 'no alert before the printer said anything');
    // A paper ticket for a waiting visitor (补打 of a ticket never printed): the job's 'print:status' fact makes the dashboard re-read.
    const [ticket] = await ctx.db.db.select().from(tickets).where(and(eq(tickets.hallId, ctx.hallId), eq(tickets.status, 'waiting')));
    const started = Date.now();
    const job = await api(ctx.server.url, 'POST', `/api/tickets/${ticket!.id}/reprint`, { commandId: crypto.randomUUID(), deviceId: kiosk!.id }, ctx.manager);
    assert.is(job.status, 201, JSON.stringify(job.json));
    const alert = page.locator('yc-dash-printer-alerts [data-testid=printer-alert][data-condition=paper_near_end]');
    await alert.waitFor({ timeout: 10_000 });
    const ms = Date.now() - started;
    console.log(`  print job → paper alert on the dashboard: ${ms} ms`);
    assert.ok(ms < 10_000, 'pushed by the fact, not the 30 s re-read');
    assert.match(await alert.textContent() ?? '', `${kiosk!.name} 纸将用尽，请更换纸卷`);
    assert.is(await alert.getAttribute('class'), 'warn', 'still printing: a warning');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: screenshotPath('dashboard-printer-alert-1920') });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: screenshotPath('dashboard-printer-alert-1366') });
    const box = await alert.boundingBox();
    assert.ok(box && box.y + box.height <= 768, 'the alert is on screen at 1366×768 without scrolling');
    await page.locator('yc-dash-header button', { hasText: 'English' }).click();
    await page.locator('yc-dash-printer-alerts [data-testid=printer-alert]', { hasText: `${kiosk!.name}: paper low. Load a new roll` }).waitFor();
    await page.screenshot({ path: screenshotPath('dashboard-printer-alert-1366-en') });
    await page.locator('yc-dash-header button', { hasText: '中文' }).click();
    // The kiosk's printer agent reports a new roll loaded (no fact): the dashboard's periodic re-read (30 s) clears the alert.
    const ok = await api(ctx.server.url, 'POST', `/api/devices/${kiosk!.id}/printer/status`, { answers: [0x12, 0x12, 0x12] }, 'dv_demo-kiosk-1');
    assert.is(ok.status, 200, JSON.stringify(ok.json));
    await page.locator('yc-dash-printer-alerts [data-testid=printer-alert]').waitFor({ state: 'detached', timeout: 45_000 });
  } finally {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await printer.close();
  }
});

test('a notice for the wall display', async () => {
  const page = ctx.page;
  await page.locator('yc-dash-notice-form textarea').fill('系统维护中，请耐心等候');
  await page.locator('yc-dash-notice-form button[type=submit]').click();
  await page.locator('yc-dash-notice-form [data-testid=notice-current]', { hasText: '系统维护中' }).waitFor();
  // The wall display, switched on after the notice went out, shows it across the bottom.
  const display = await ctx.browser.newPage({ viewport: { width: 1280, height: 720 } });
  await display.goto(`${ctx.server.url}/display/?token=dv_demo-display-1`);
  await display.locator('yc-display-notice [data-testid=display-notice]', { hasText: '系统维护中，请耐心等候' }).waitFor();
  await display.screenshot({ path: screenshotPath('dashboard-display-notice') });
  await display.close();
});

test('reports: by matter with a chart and a table; English switch', async () => {
  const page = ctx.page;
  await page.locator('[data-testid=nav-reports]').click();
  await page.locator('[data-testid=group-by]').selectOption('matter');
  await page.locator('[data-testid=report-run]').click();
  await page.locator('[data-testid=report-table] td', { hasText: '企业设立登记' }).first().waitFor();
  await page.waitForTimeout(300); // the chart draws on the next frame
  await shot('report');
  // The CSV goes through the typed client's file download (signed in, format=csv), for Excel.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=report-csv]').click()]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  assert.match(readFileSync((await csv.path())!, 'utf8'), '企业设立登记', 'the CSV holds the rows of the table');
  // "生成于 HH:MM" is the hall's clock (Asia/Shanghai), not the browser's (UTC on CI).
  const took = await page.locator('yc-dash-reports p.muted', { hasText: '生成于' }).innerText();
  const shown = took.match(/生成于 (\d\d:\d\d)/)?.[1];
  const hallTime = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  const now = clock.now().getTime();
  assert.ok(shown === hallTime(now) || shown === hallTime(now - 60_000), `${took} vs ${hallTime(now)}`);
  await page.locator('yc-dash-header button', { hasText: 'English' }).click();
  await page.locator('[data-testid=report-table] th', { hasText: 'Tickets' }).first().waitFor();
  await page.locator('[data-testid=nav-live]').click();
  await page.locator('[data-testid=kpi-waiting] .label', { hasText: 'Waiting' }).waitFor();
  await shot('live-en');
  assert.equal(ctx.errors, []);
});

test('a counter whose workstation disconnects shows offline, and online again when it returns', async () => {
  const page = ctx.page;
  const card = page.locator('[data-testid=counter-card][data-counter="1"]');
  assert.not.equal(await card.getAttribute('data-state'), 'offline');
  ctx.staff.disconnect(); // the counter PC loses its connection; counter 1 stays taken
  await page.locator('[data-testid=counter-card][data-counter="1"][data-state=offline]').waitFor({ timeout: 10_000 });
  await shot('live-offline');
  ctx.staff.connect(); // the server rejoins staff1 to the counter it holds
  await page.locator('[data-testid=counter-card][data-counter="1"]:not([data-state=offline])').waitFor({ timeout: 5_000 });
});

test.run();
