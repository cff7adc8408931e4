/**
 * Web hardening (issue #11 §10): a Content-Security-Policy and frame protection on every page and
 * answer, Cache-Control: no-store on the API, an Origin check on socket.io, and the wall display
 * takes its token out of the address bar. Every UI is opened in Chromium under the policy: no
 * violation, no console error.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser } from 'playwright-core';
import { io as connectSocket } from 'socket.io-client';
import type { RunningServer } from '../../server/server';
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

t('every page and answer carries the CSP and frame protection; API answers are no-store', async () => {
  const admin = await loginAs(base, 'admin');
  for (const path of ['/', '/kiosk/', '/counter/', '/display/', '/dashboard/', '/booking/', '/api/health', '/api/halls', '/no-such-page']) {
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${admin}` } });
    await res.arrayBuffer();
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

t('every UI runs under the policy without a violation; the display drops its token from the address bar', async () => {
  const pages: [string, { width: number; height: number }][] = [
    ['/kiosk/?token=dv_demo-kiosk-1', { width: 1080, height: 1920 }],
    ['/counter/', { width: 1366, height: 768 }],
    ['/dashboard/', { width: 1366, height: 768 }],
    ['/booking/', { width: 390, height: 844 }],
    ['/display/?token=dv_demo-display-1', { width: 1920, height: 1080 }],
  ];
  for (const [path, viewport] of pages) {
    const { page, errors } = await openWatchedPage(browser, viewport);
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
    await page.goto(base + path, { waitUntil: 'load' });
    await page.waitForTimeout(1_500);
    assert.equal(violations, [], path);
    assert.equal(errors, [], path);
    if (path.startsWith('/display/')) {
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
