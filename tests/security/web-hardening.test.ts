/**
 * Web hardening (issue #11 §10): a Content-Security-Policy and frame protection on every page and
 * answer, Cache-Control: no-store on the API, an Origin check on socket.io, and the wall display
 * takes its token out of the address bar. Every page the server serves (the list comes from
 * server/static-ui.ts, so a new app is covered) is opened in Chromium under the policy, signed in
 * where it asks: no violation, no console error.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser } from 'playwright-core';
import { io as connectSocket } from 'socket.io-client';
import { randomUUID } from 'node:crypto';
import type { HallSnapshot } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import { UI_APPS, UNLISTED_APPS } from '../../server/static-ui';
import { assertChromium, buildUi, launchChromium, openWatchedPage, screenshotPath } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, loginAs, startTestServer } from '../_support/server';

assertChromium();

let db: TestDb;
let server: RunningServer;
let browser: Browser;
let base = '';

const t = suite('web hardening');
t.before(async () => {
  buildUi();
  db = await createTestDb();
  server = await startTestServer(db);
  base = server.url;
  browser = await launchChromium();
});
t.after(async () => {
  await browser?.close();
  await server?.close();
  await db?.drop();
});

/** Every page the server serves: each UI app, the phone pages /p/<token> and /g/<matterId>, the landing page. */
async function pagePaths(): Promise<string[]> {
  return ['/', ...UI_APPS.map((u) => `/${u.path}/`), ...UNLISTED_APPS.map((p) => `/${p}/`), `/p/${await ticketToken()}`, `/g/${(await demoMatter()).id}`];
}
let token: string | null = null;
async function ticketToken(): Promise<string> {
  if (token) return token;
  const m = await demoMatter();
  const issued = await api(base, 'POST', `/api/halls/${m.hallId}/tickets`, { commandId: randomUUID(), matterId: m.id, idNumber: '11010519491231002X' }, 'dv_demo-kiosk-1');
  assert.is(issued.status, 201, JSON.stringify(issued.json));
  return (token = issued.json.data.token as string);
}
async function demoMatter(): Promise<{ id: string; hallId: string }> {
  const staff = await loginAs(base, 'staff1');
  const hallId = (await api(base, 'GET', '/api/halls', undefined, staff)).json.data[0].id as string;
  const snap = (await api(base, 'GET', `/api/halls/${hallId}/snapshot`, undefined, staff)).json.data as HallSnapshot;
  return { id: snap.matters.find((m) => m.name === '企业设立登记')!.id, hallId };
}

t('every page and answer carries the CSP and frame protection; API answers are no-store', async () => {
  const admin = await loginAs(base, 'admin');
  const paths = [...(await pagePaths()), '/api/health', '/api/halls', '/no-such-page'];
  assert.ok(paths.includes('/admin/') && paths.includes('/review/') && paths.includes('/evaluation/') && paths.includes('/booking/'));
  for (const path of paths) {
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${admin}` } });
    await res.arrayBuffer();
    if (!path.startsWith('/api/') && path !== '/no-such-page') assert.is(res.status, 200, `${path} is served`);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/, path);
    assert.match(csp, /script-src 'self'(;|$)/, path);
    assert.match(csp, /object-src 'none'/, path);
    assert.is(res.headers.get('x-frame-options'), 'DENY', path);
    if (path.startsWith('/api/')) assert.is(res.headers.get('cache-control'), 'no-store', path);
  }
  const r = await api(base, 'GET', '/api/halls', undefined, admin);
  assert.is(r.status, 200);
});

t('socket.io refuses a foreign Origin; same-origin pages and clients without Origin connect', async () => {
  const open = (origin?: string) =>
    connectSocket(base, { auth: { token: 'dv_demo-display-1' }, transports: ['websocket'], reconnection: false, forceNew: true, ...(origin && { extraHeaders: { origin } }) });
  const evil = open('https://evil.example');
  const refused = await connected(evil as never).then(
    () => 'connected',
    (err: Error) => err.message,
  );
  evil.close();
  assert.is.not(refused, 'connected', 'a foreign page cannot open a socket with a stolen token');
  const same = open(base.replace('127.0.0.1', '127.0.0.1'));
  await connected(same as never);
  same.close();
  const none = open();
  await connected(none as never);
  none.close();
});

interface PageCase {
  path: string;
  viewport: { width: number; height: number };
  /** Staff pages are signed in through their own form first, so the page runs as it does at work. */
  signIn?: string;
  /** Visible once the page has rendered what it is for. */
  ready?: string;
}

t('every UI runs under the policy without a violation, signed in where it asks; the display drops its token from the address bar', async () => {
  const m = await demoMatter();
  const cases: PageCase[] = [
    { path: '/', viewport: { width: 1366, height: 768 } },
    { path: '/kiosk/?token=dv_demo-kiosk-1', viewport: { width: 1080, height: 1920 } },
    { path: '/counter/', viewport: { width: 1366, height: 768 }, signIn: 'staff1', ready: 'yc-counter-picker' },
    { path: '/dashboard/', viewport: { width: 1366, height: 768 }, signIn: 'manager' },
    { path: '/booking/', viewport: { width: 390, height: 844 } },
    { path: '/display/?token=dv_demo-display-1', viewport: { width: 1920, height: 1080 } },
    { path: '/evaluation/?token=dv_demo-pad-1', viewport: { width: 1280, height: 800 } },
    { path: '/admin/', viewport: { width: 1366, height: 768 }, signIn: 'admin', ready: 'yc-admin-app nav' },
    { path: '/review/', viewport: { width: 1366, height: 768 }, signIn: 'reviewer1' },
    { path: '/progress/', viewport: { width: 390, height: 844 } },
    { path: `/p/${await ticketToken()}`, viewport: { width: 390, height: 844 }, ready: 'progress-queue' },
    { path: `/g/${m.id}`, viewport: { width: 390, height: 844 } },
  ];
  const opened = cases.map((c) => c.path.replace(/\?.*$/, '').replace(/^\/(p|g)\/.+$/, '/$1/'));
  for (const path of await pagePaths()) assert.ok(opened.includes(path.replace(/^\/(p|g)\/.+$/, '/$1/')), `${path} is opened in the browser`);
  for (const c of cases) {
    const { page, errors } = await openWatchedPage(browser, c.viewport);
    const violations: string[] = [];
    page.on('console', (msg) => /Content Security Policy|Refused to/.test(msg.text()) && violations.push(msg.text()));
    const res = await page.goto(base + c.path, { waitUntil: 'load' });
    assert.match(res?.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/, c.path);
    if (c.signIn) {
      await page.locator('#username').fill(c.signIn);
      await page.locator('#password').fill('yichuang2026');
      await page.locator('#password').press('Enter');
      await page.locator('#password').waitFor({ state: 'detached', timeout: 10_000 });
    }
    if (c.ready) await page.locator(c.ready).first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1_500);
    assert.equal(violations, [], c.path);
    assert.equal(errors, [], c.path);
    const name = c.path.split(/[/?]/)[1] || 'landing';
    await page.screenshot({ path: screenshotPath(`security-csp-${name}-${c.viewport.width}x${c.viewport.height}`) });
    if (c.path.startsWith('/display/')) {
      await page.waitForFunction(() => !location.search.includes('token='), undefined, { timeout: 10_000 });
      assert.not.match(page.url(), /token=/);
      await page.screenshot({ path: screenshotPath('security-display-no-token') });
      await page.reload({ waitUntil: 'load' });
      await page.waitForTimeout(1_500);
      const text = await page.evaluate(() => document.body.innerText + [...document.querySelectorAll('*')].map((e) => e.shadowRoot?.textContent ?? '').join(' '));
      assert.not.match(text, /未配置设备令牌|No device token/, 'after a reload the remembered token still works');
    }
    await page.close();
  }
});

t.run();
