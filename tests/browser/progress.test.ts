/**
 * The visitor's phone page (390×844) behind the ticket QR, against a real server: waiting with
 * people ahead, then "请到 N 号窗口" after a counter calls — pushed over the visitor socket within 3 s,
 * with no GET in between (the safety-net poll is 30 s while the socket is live) — in Chinese and
 * English; a bad token says so. Screenshots: artifacts/screenshots/progress-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { HallSnapshot } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, launchChromium, screenshotPath } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, loginAs, socketFor, startTestServer } from '../_support/server';

assertChromium();

let db: TestDb;
let server: RunningServer;
let browser: Browser;
let page: Page;

const t = suite('phone progress page (browser)');
t.before(async () => {
  buildUi('progress');
  db = await createTestDb();
  server = await startTestServer(db);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  page = await context.newPage();
});
t.after(async () => {
  await browser?.close();
  await server?.close();
  await db?.drop();
});

t('waiting, then called to a counter, live; English switch; unknown token', async () => {
  const staff = await loginAs(server.url, 'staff1');
  const hallId = (await api(server.url, 'GET', '/api/halls', undefined, staff)).json.data[0].id as string;
  const snap = (await api(server.url, 'GET', `/api/halls/${hallId}/snapshot`, undefined, staff)).json.data as HallSnapshot;
  const matter = snap.matters.find((m) => m.name === '企业设立登记')!;
  const issued = await api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: matter.id, idNumber: '11010519491231002X' }, 'dv_demo-kiosk-1');
  assert.is(issued.status, 201);
  const token = issued.json.data.token as string;
  assert.ok(token.length >= 22, 'token of at least 128 bits');

  const gets: number[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/progress/')) gets.push(Date.now());
  });
  await page.goto(`${server.url}/p/${token}`);
  await page.getByText('您前面还有 0 人等候').waitFor();
  // The page's visitor socket is up (the server holds it) before the counter calls.
  const visitorOnline = () => [...server.io.of('/').sockets.values()].some((s) => s.data.actor?.kind === 'visitor' && s.rooms.has(`progress:${issued.json.data.ticket.id}`));
  for (let i = 0; i < 100 && !visitorOnline(); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(visitorOnline(), 'the phone page opened its visitor socket and follows its ticket');
  assert.is(await page.locator('progress-queue .number').textContent(), issued.json.data.ticket.number);
  assert.not.match(await page.content(), '11010519491231002X');
  await page.screenshot({ path: screenshotPath('progress-waiting-390x844') });

  const socket = socketFor(server.url, staff);
  await connected(socket);
  const counter = snap.counters.find((c) => c.number === 1)!;
  assert.ok((await emitAck(socket, 'counter:take', { commandId: randomUUID(), counterId: counter.id })).ok);
  const calledAt = Date.now();
  assert.ok((await emitAck(socket, 'ticket:call-next', { commandId: randomUUID(), counterId: counter.id })).ok);
  await page.getByText('请到 1 号窗口办理').waitFor({ timeout: 3_000 });
  assert.equal(gets.filter((at) => at >= calledAt), [], 'the call reached the page by the socket, not by a poll');
  await page.screenshot({ path: screenshotPath('progress-called-390x844') });

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('Please go to counter 1').waitFor();
  socket.close();

  await page.goto(`${server.url}/p/AAAAAAAAAAAAAAAAAAAAAAAA`);
  await page.getByText('No ticket for this code', { exact: false }).waitFor();
});

t.run();
