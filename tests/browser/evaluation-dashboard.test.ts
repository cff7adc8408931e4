/**
 * The managers' 好差评 screen in Chromium (1366×768 and 1920×1080): today's ratings and rates, the
 * alert strip, the open bad reviews with the real-name evaluator masked, one review's deadlines and
 * step log, recording steps through the form (a real-name review refused to close before the
 * call-back), and the report. Screenshots: artifacts/screenshots/evaluation-dashboard-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { HallSnapshot } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, launchChromium, openWatchedPage, screenshotPath } from '../_support/browser';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, loginAs, socketFor, startTestServer, type ClientSocket } from '../_support/server';

assertChromium();

let db: TestDb;
let server: RunningServer;
let browser: Browser;
let socket: ClientSocket;

const t = suite('好差评 dashboard (browser)');
t.before(async () => {
  buildUi('dashboard');
  db = await createTestDb();
  server = await startTestServer(db);
  browser = await launchChromium();
});
t.after(async () => {
  socket?.close();
  await browser?.close();
  await server?.close();
  await db?.drop();
});

t('bad reviews: masked evaluator, deadlines, steps through the form, call-back before close', async () => {
  const staff = await loginAs(server.url, 'staff1');
  const hallId = (await api(server.url, 'GET', '/api/halls', undefined, staff)).json.data[0].id as string;
  const snap = (await api(server.url, 'GET', `/api/halls/${hallId}/snapshot`, undefined, staff)).json.data as HallSnapshot;
  socket = socketFor(server.url, staff);
  await connected(socket);
  const counter = snap.counters.find((c) => c.number === 1)!;
  const matter = snap.matters.find((m) => m.name === '企业设立登记')!;
  const send = async (event: string, payload: Record<string, unknown>) => assert.ok((await emitAck(socket, event, { commandId: randomUUID(), counterId: counter.id, ...payload })).ok, event);
  await send('counter:take', {});
  const rate = async (level: number, idNumber?: string) => {
    const issued = await api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: matter.id, ...(idNumber && { idNumber }) }, 'dv_demo-kiosk-1');
    const ticketId = issued.json.data.ticket.id;
    await send('ticket:call-next', {});
    await send('ticket:start', { ticketId });
    await send('ticket:finish', { ticketId });
    const r = await api(server.url, 'POST', `/api/evaluation/by-token/${issued.json.data.token}`, { commandId: randomUUID(), level, ...(level <= 2 && { reasons: ['attitude'], text: '窗口人员态度冷淡' }) });
    assert.is(r.status, 201);
    return issued.json.data.ticket.number as string;
  };
  await rate(5);
  await rate(4);
  const realName = await rate(1, '11010519491231002X');
  await rate(2);

  const { page, errors } = await openWatchedPage(browser, { width: 1366, height: 768 }, (r) => r.url().includes('/steps') && r.status() === 409);
  await page.goto(`${server.url}/dashboard/`);
  await page.locator('yc-dash-sign-in #username').fill('manager');
  await page.locator('yc-dash-sign-in #password').fill('yichuang2026');
  await page.locator('yc-dash-sign-in button[type=submit]').click();
  await page.locator('[data-testid="nav-evaluations"]').click();
  await page.locator('[data-testid="bad-review-table"]').waitFor({ timeout: 15_000 });
  const today = await page.locator('[data-testid="eval-today"]').innerText();
  assert.match(today, '50.0%'); // 好评率 2/4 and 差评率 2/4
  assert.is(await page.locator('[data-testid="bad-review-table"] tbody tr').count(), 2);
  const row = page.locator('[data-testid="bad-review-table"] tbody tr', { hasText: realName });
  assert.match(await row.innerText(), '110105********002X');
  assert.not.match(await page.content(), '11010519491231002X');
  await page.screenshot({ path: screenshotPath('evaluation-dashboard-open-1366x768'), fullPage: true });

  await row.click();
  const detail = page.locator('[data-testid="bad-review-detail"]');
  await detail.waitFor();
  assert.match(await detail.innerText(), '窗口人员态度冷淡');
  const note = detail.locator('[data-testid="step-note"]');
  const submit = detail.locator('[data-testid="step-submit"]');
  for (const [action, text] of [['contact', '已电话联系评价人并致歉'], ['rectify', '组织窗口服务规范培训'], ['reply', '书面答复已签字送达']] as const) {
    await detail.locator('[data-testid="step-action"]').selectOption(action);
    await note.fill(text);
    await submit.click();
    await detail.getByText(text).waitFor({ timeout: 10_000 });
  }
  // Only the call-back is offered for a real-name review at 已反馈; closing through the API is refused.
  const options = await detail.locator('[data-testid="step-action"] option').allInnerTexts();
  assert.equal(options, ['回访']);
  assert.match(await detail.innerText(), '实名差评须先回访');
  await page.screenshot({ path: screenshotPath('evaluation-dashboard-steps-1366x768'), fullPage: true });
  await note.fill('回访：评价人对整改结果表示认可');
  await submit.click();
  await detail.getByText('回访：评价人对整改结果表示认可').waitFor({ timeout: 10_000 });
  await detail.locator('[data-testid="step-action"]').selectOption('close');
  await note.fill('复核通过，办结');
  await submit.click();
  await page.locator('[data-testid="bad-review-table"] tbody tr').first().waitFor();
  await pollRows(async () => (await page.locator('[data-testid="bad-review-table"] tbody tr').count()) === 1);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.locator('[data-testid="eval-report-run"]').click();
  await page.locator('[data-testid="eval-report"] table').waitFor({ timeout: 10_000 });
  assert.match(await page.locator('[data-testid="eval-report"]').innerText(), '李娜（staff1）');
  await page.screenshot({ path: screenshotPath('evaluation-dashboard-report-1920x1080'), fullPage: true });
  assert.equal(errors, []);
});

t('alerts at 80 % and past due, and a year without calendar data, at 1920×1080 in Chinese and English', async () => {
  // Its own hall clock: reviews opened on earlier days, the dashboard read at a chosen instant.
  const clock = manualClock('2026-11-23T01:30:00Z'); // Monday 09:30 in Shanghai
  const db2 = await createTestDb();
  const server2 = await startTestServer(db2, clock);
  const sockets: ClientSocket[] = [];
  try {
    // Ticket numbers start again each day: a row is found by its service day.
    const rateOn = async (at: string, level: 1 | 2, text: string): Promise<string> => {
      clock.set(at);
      const staff = await loginAs(server2.url, 'staff1');
      const hallId = (await api(server2.url, 'GET', '/api/halls', undefined, staff)).json.data[0].id as string;
      const snap = (await api(server2.url, 'GET', `/api/halls/${hallId}/snapshot`, undefined, staff)).json.data as HallSnapshot;
      const s = socketFor(server2.url, staff);
      sockets.push(s);
      await connected(s);
      const counter = snap.counters.find((c) => c.number === 1)!;
      const matter = snap.matters.find((m) => m.name === '企业设立登记')!;
      const send = async (event: string, payload: Record<string, unknown>) => {
        const r = await emitAck(s, event, { commandId: randomUUID(), counterId: counter.id, ...payload });
        assert.ok(r.ok, `${event}: ${JSON.stringify(r.error)}`);
      };
      if (snap.counters.find((c) => c.number === 1)!.staffId === null) await send('counter:take', {});
      const issued = await api(server2.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: matter.id }, 'dv_demo-kiosk-1');
      assert.is(issued.status, 201, JSON.stringify(issued.json));
      const ticketId = issued.json.data.ticket.id;
      await send('ticket:call-next', {});
      await send('ticket:start', { ticketId });
      await send('ticket:finish', { ticketId });
      const r = await api(server2.url, 'POST', `/api/evaluation/by-token/${issued.json.data.token}`, { commandId: randomUUID(), level, reasons: ['slow'], text });
      assert.is(r.status, 201);
      return `${issued.json.data.ticket.serviceDate as string}`;
    };
    // Monday 11-23: contact due by the end of Tuesday → overdue on Friday.
    const late = await rateOn('2026-11-23T01:30:00Z', 2, '等候时间过长');
    // Thursday 12-17 09:30: contact due by the end of Friday 12-18; at 17:00 on Friday 82 % of that window is gone.
    const risky = await rateOn('2026-12-17T01:30:00Z', 1, '材料反复退回');
    clock.set('2026-12-18T09:00:00Z');

    let { page, errors } = await openWatchedPage(browser, { width: 1920, height: 1080 });
    const signIn = async () => {
      await page.goto(`${server2.url}/dashboard/`);
      await page.locator('yc-dash-sign-in #username').fill('manager');
      await page.locator('yc-dash-sign-in #password').fill('yichuang2026');
      await page.locator('yc-dash-sign-in button[type=submit]').click();
    };
    await signIn();
    // The strip on the live view already says so, before the 好差评 view is opened.
    const strip = page.locator('[data-testid="eval-alert-strip"]');
    await strip.waitFor({ timeout: 15_000 });
    assert.match(await strip.innerText(), '1');
    await page.locator('[data-testid="nav-evaluations"]').click();
    await page.locator('[data-testid="bad-review-table"]').waitFor({ timeout: 15_000 });
    const rowOf = (n: string) => page.locator('[data-testid="bad-review-table"] tbody tr', { hasText: n });
    assert.is(await rowOf(late).getAttribute('class'), 'overdue');
    assert.is(await rowOf(risky).getAttribute('class'), 'at_risk');
    assert.match(await rowOf(late).innerText(), '超期');
    assert.match(await rowOf(risky).innerText(), '临期');
    assert.match(await page.locator('[data-testid="eval-alerts"]').innerText(), '1');
    await rowOf(late).click();
    await page.locator('[data-testid="bad-review-detail"]').waitFor();
    await page.screenshot({ path: screenshotPath('evaluation-dashboard-alerts-1920x1080'), fullPage: true });

    // Tuesday 12-29: a review whose plan runs into 2027, a year the calendar has no data for.
    const unknownYear = await rateOn('2026-12-29T01:30:00Z', 2, '告知不一致');
    // Eleven days later the morning's session has expired: a manager signs in again.
    assert.equal(errors, []);
    await page.close();
    ({ page, errors } = await openWatchedPage(browser, { width: 1920, height: 1080 }));
    await signIn();
    await page.locator('[data-testid="nav-evaluations"]').click();
    await rowOf(unknownYear).waitFor({ timeout: 15_000 });
    assert.match(await rowOf(unknownYear).innerText(), '期限无法计算');
    await rowOf(unknownYear).click();
    const detail = page.locator('[data-testid="bad-review-detail"]');
    await detail.getByText('日历中没有 2027 年的法定节假日安排').waitFor();
    await page.screenshot({ path: screenshotPath('evaluation-dashboard-calendar-missing-1920x1080'), fullPage: true });

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await detail.getByText('no official holiday arrangement for 2027').waitFor();
    assert.match(await rowOf(late).innerText(), 'Overdue');
    assert.match(await rowOf(unknownYear).innerText(), 'Deadlines unknown');
    const text = await page.locator('yc-dash-evaluations').innerText();
    assert.not.match(text, /待联系|超期|临期|期限无法计算|差评详情/, 'no Chinese labels left in English mode');
    await page.screenshot({ path: screenshotPath('evaluation-dashboard-alerts-en-1920x1080'), fullPage: true });
    assert.equal(errors, []);
    await page.close();
  } finally {
    for (const s of sockets) s.close();
    await server2.close();
    await db2.drop();
  }
});

async function pollRows(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('the closed review did not leave the open list');
    await new Promise((r) => setTimeout(r, 100));
  }
}

t.run();
