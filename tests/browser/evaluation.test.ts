/**
 * 好差评 in Chromium against a real server: the counter's evaluator pad (tablet 1280×800) — idle with
 * the counter and staff badge, the five levels with nothing pre-selected after a service, level 2
 * refused without a reason, thanks, and 已评价 for a service already rated — and the ticket QR's
 * phone page (390×844). Screenshots: artifacts/screenshots/evaluation-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { HallSnapshot } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, launchChromium, openWatchedPage, screenshotPath, signInAtCounter } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, emitAck, loginAs, socketFor, startTestServer, type ClientSocket } from '../_support/server';

assertChromium();

let db: TestDb;
let server: RunningServer;
let browser: Browser;
let staffToken: string;
let socket: ClientSocket;
let snap: HallSnapshot;
let hallId: string;

const t = suite('evaluator pad and QR evaluation (browser)');
t.before(async () => {
  buildUi('evaluation', 'progress', 'counter');
  db = await createTestDb();
  server = await startTestServer(db);
  browser = await launchChromium();
  staffToken = await loginAs(server.url, 'staff1');
  hallId = (await api(server.url, 'GET', '/api/halls', undefined, staffToken)).json.data[0].id as string;
  snap = (await api(server.url, 'GET', `/api/halls/${hallId}/snapshot`, undefined, staffToken)).json.data as HallSnapshot;
  socket = socketFor(server.url, staffToken);
  await connected(socket);
});
t.after(async () => {
  socket?.close();
  await browser?.close();
  await server?.close();
  await db?.drop();
});

async function ok(event: string, payload: Record<string, unknown>) {
  const r = await emitAck(socket, event, { commandId: randomUUID(), ...payload });
  assert.ok(r.ok, `${event}: ${JSON.stringify(r.error)}`);
  return r.data;
}

/** Issues a ticket and serves it to the end at counter `n`; returns its QR token. */
async function serveAt(n: number, matterName: string, idNumber?: string): Promise<string> {
  const counter = snap.counters.find((c) => c.number === n)!;
  const matter = snap.matters.find((m) => m.name === matterName)!;
  const issued = await api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: matter.id, ...(idNumber && { idNumber }) }, 'dv_demo-kiosk-1');
  assert.is(issued.status, 201);
  const ticketId = issued.json.data.ticket.id as string;
  await ok('ticket:call-next', { counterId: counter.id });
  await ok('ticket:start', { counterId: counter.id, ticketId });
  await ok('ticket:finish', { counterId: counter.id, ticketId });
  return issued.json.data.token as string;
}

/** WCAG contrast ratio of two computed 'rgb(r, g, b)' colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

async function pressedLevels(page: Page): Promise<number> {
  return page.locator('yc-rating-form .level[aria-pressed="true"]').count();
}

t('the pad: idle badge, five levels with nothing pre-selected, level 2 needs a reason, thanks, 已评价', async () => {
  const { page, errors } = await openWatchedPage(browser, { width: 1280, height: 800 }, (r) => r.url().includes('/api/evaluation/pad/evaluations') && r.status() === 409);
  const counter1 = snap.counters.find((c) => c.number === 1)!;
  await page.goto(`${server.url}/evaluation/?token=dv_demo-pad-1`);
  await page.getByText('1 号窗口').waitFor();
  assert.not.match(page.url(), 'dv_demo', 'the device token leaves the address bar');
  await ok('counter:take', { counterId: counter1.id });
  await page.getByText('李娜').waitFor({ timeout: 15_000 });
  await page.getByText('工号 staff1').waitFor();
  await page.getByText('欢迎办理业务').waitFor();
  await page.getByText('办理完成后，请您对我的服务进行评价').waitFor();
  await page.screenshot({ path: screenshotPath('evaluation-pad-idle-1280x800') });

  const token1 = await serveAt(1, '企业设立登记');
  await page.locator('yc-rating-form .level').first().waitFor({ timeout: 15_000 });
  assert.is(await page.locator('yc-rating-form .level').count(), 5);
  assert.is(await pressedLevels(page), 0, 'nothing pre-selected');
  await page.getByText('请您对我的服务进行评价', { exact: true }).waitFor();
  assert.equal(
    await page.locator('yc-rating-form .level').allInnerTexts().then((l) => l.map((x) => x.replace(/\s+/g, ' ').trim())),
    ['5 非常满意', '4 满意', '3 基本满意', '2 不满意', '1 非常不满意'],
  );
  await page.screenshot({ path: screenshotPath('evaluation-pad-levels-1280x800') });
  // Large, high-contrast, touch-friendly: every level a big target in large type, WCAG AA contrast or better.
  const looks = await page
    .locator('yc-rating-form .level')
    .evaluateAll((els) => els.map((e) => ({ h: e.getBoundingClientRect().height, w: e.getBoundingClientRect().width, font: parseFloat(getComputedStyle(e).fontSize), fg: getComputedStyle(e).color, bg: getComputedStyle(e).backgroundColor })));
  for (const l of looks) {
    assert.ok(l.h >= 96 && l.w >= 96, `touch target ${l.w}×${l.h}`);
    assert.ok(l.font >= 28, `large type ${l.font}px`);
    assert.ok(contrast(l.fg, l.bg) >= 4.5, `contrast ${contrast(l.fg, l.bg).toFixed(2)} of ${l.fg} on ${l.bg}`);
  }

  await page.locator('yc-rating-form .level[data-level="2"]').click();
  await page.locator('yc-rating-form [data-action="submit"]').click();
  await page.locator('yc-rating-form [data-alert="need-reason"]').waitFor();
  const still = await api(server.url, 'GET', `/api/evaluation/by-token/${token1}`);
  assert.is(still.json.data.status, 'open', 'level 2 without a reason sent nothing');
  await page.locator('yc-rating-form .chip[data-reason="slow"]').click();
  await page.screenshot({ path: screenshotPath('evaluation-pad-reason-1280x800') });
  await page.locator('yc-rating-form [data-action="submit"]').click();
  await page.locator('[data-screen="thanks"]').waitFor();
  await page.screenshot({ path: screenshotPath('evaluation-pad-thanks-1280x800') });
  const rated = await api(server.url, 'GET', `/api/evaluation/by-token/${token1}`);
  assert.is(rated.json.data.status, 'evaluated');
  assert.is(rated.json.data.evaluation.level, 2);
  assert.is(rated.json.data.evaluation.channel, 'pad');
  await page.getByText('欢迎办理业务').waitFor({ timeout: 15_000 });

  // Pad and QR at once: the QR rating lands first while the pad still shows the levels (its state
  // is held as it was, as if the nudge had not arrived yet); the tap on the pad answers 已评价.
  const token2 = await serveAt(1, '企业设立登记');
  await page.locator('yc-rating-form .level').first().waitFor({ timeout: 15_000 });
  assert.is(await pressedLevels(page), 0, 'a fresh form for the next service');
  const held = await api(server.url, 'GET', '/api/evaluation/pad', undefined, 'dv_demo-pad-1');
  await page.route('**/api/evaluation/pad', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(held.json) }));
  const byQr = await api(server.url, 'POST', `/api/evaluation/by-token/${token2}`, { commandId: randomUUID(), level: 5 });
  assert.is(byQr.status, 201);
  await page.locator('yc-rating-form .level[data-level="4"]').click();
  await page.locator('[data-screen="already"]').waitFor();
  await page.getByText('已评价').waitFor();
  await page.screenshot({ path: screenshotPath('evaluation-pad-already-1280x800') });
  const after = await api(server.url, 'GET', `/api/evaluation/by-token/${token2}`);
  assert.is(after.json.data.evaluation.level, 5, 'the QR rating stands; the pad wrote nothing');
  await page.unroute('**/api/evaluation/pad');
  await page.getByText('欢迎办理业务').waitFor({ timeout: 15_000 });

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('Counter 1').waitFor();
  await page.getByText('When we are done, please rate my service').waitFor();

  // A pad mounted upright (800×1280), in English: levels, the reason step, thanks — no Chinese label left.
  await page.setViewportSize({ width: 800, height: 1280 });
  await page.screenshot({ path: screenshotPath('evaluation-pad-idle-en-800x1280') });
  await serveAt(1, '企业设立登记');
  await page.locator('yc-rating-form .level').first().waitFor({ timeout: 15_000 });
  assert.is(await pressedLevels(page), 0);
  await page.screenshot({ path: screenshotPath('evaluation-pad-levels-en-800x1280') });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.is(await overflow(), 0, 'the five levels fit the width of an upright pad');
  await page.locator('yc-rating-form .level[data-level="1"]').click();
  const form = await page.locator('yc-rating-form').innerText();
  assert.not.match(form, /[满意原因提交选填]/, `English form holds no Chinese label: ${form}`);
  await page.locator('yc-rating-form .chip[data-reason="attitude"]').click();
  await page.screenshot({ path: screenshotPath('evaluation-pad-reason-en-800x1280') });
  assert.is(await overflow(), 0, 'the reason step fits the width too');
  const submitBox = await page.locator('yc-rating-form [data-action="submit"]').boundingBox();
  assert.ok(submitBox && submitBox.y + submitBox.height <= 1280, 'submit in view without scrolling');
  await page.locator('yc-rating-form [data-action="submit"]').click();
  await page.getByText('Thank you for your rating!').waitFor();
  await page.screenshot({ path: screenshotPath('evaluation-pad-thanks-en-800x1280') });
  assert.equal(errors, []);
  await page.close();
});

t('the QR phone page at 390×844: rate once, thanks, then 已评价 on reload', async () => {
  const counter4 = snap.counters.find((c) => c.number === 4)!;
  await ok('counter:release', { counterId: snap.counters.find((c) => c.number === 1)!.id });
  await ok('counter:take', { counterId: counter4.id });
  const token = await serveAt(4, '居住证办理');
  const { page, errors } = await openWatchedPage(browser, { width: 390, height: 844 });
  await page.goto(`${server.url}/p/${token}`);
  await page.locator('progress-evaluation yc-rating-form .level').first().waitFor({ timeout: 15_000 });
  assert.is(await page.locator('progress-evaluation .level[aria-pressed="true"]').count(), 0);
  await page.getByText('4 号窗口 · 李娜（工号 staff1）').waitFor();
  await page.locator('progress-evaluation').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('evaluation-qr-levels-390x844'), fullPage: true });
  // The phone page in English: the evaluation section too (a 差评 asks for reasons in English).
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('progress-evaluation .level[data-level="2"]').click();
  await page.getByText('Please tell us what went wrong (choose any)').waitFor();
  // The ticket card switches at once too, not at the next poll.
  await page.getByText('Counter service finished').waitFor({ timeout: 2_000 });
  const card = await page.locator('progress-queue').innerText();
  assert.not.match(card, /您的号码|窗口服务已完成|取号日期/, `English ticket card: ${card}`);
  const section = await page.locator('progress-evaluation').innerText();
  assert.not.match(section, /[满意原因提交选填评价]/, `English section holds no Chinese label: ${section}`);
  assert.is(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, 'nothing wider than the phone');
  await page.screenshot({ path: screenshotPath('evaluation-qr-reason-en-390x844'), fullPage: true });
  await page.locator('progress-evaluation button.secondary').click();
  await page.getByRole('button', { name: '中文' }).click();
  await page.locator('progress-evaluation .level').first().waitFor();
  await page.locator('progress-evaluation .level[data-level="4"]').click();
  await page.locator('progress-evaluation [data-evaluation="thanks"]').waitFor();
  await page.screenshot({ path: screenshotPath('evaluation-qr-thanks-390x844'), fullPage: true });
  await page.reload();
  await page.locator('progress-evaluation [data-evaluation="evaluated"]').waitFor({ timeout: 15_000 });
  await page.getByText('本次服务的评价：满意').waitFor();
  assert.equal(errors, []);
  await page.close();
});

t('the staff member’s 我的评价 at the counter: own ratings without the evaluator, 申诉 on a bad review', async () => {
  const counter1 = snap.counters.find((c) => c.number === 1)!;
  const counter4 = snap.counters.find((c) => c.number === 4)!;
  await ok('counter:release', { counterId: counter4.id });
  await ok('counter:take', { counterId: counter1.id });
  const ID = '11010519491231002X';
  const token = await serveAt(1, '企业设立登记', ID);
  const rated = await api(server.url, 'POST', `/api/evaluation/by-token/${token}`, { commandId: randomUUID(), level: 1, reasons: ['attitude'], text: '态度冷淡' });
  assert.is(rated.status, 201);
  await ok('counter:release', { counterId: counter1.id });

  const { page, errors } = await openWatchedPage(browser, { width: 1366, height: 768 }, (r) => r.url().includes('/steps') && r.status() === 400);
  await signInAtCounter(page, server.url, 'staff1', 1);
  await page.locator('yc-app-header button[data-tool="evaluations"]').click();
  const dialog = page.locator('[data-testid="evaluations-dialog"]');
  const row = dialog.locator('tr[data-level="1"]', { hasText: '态度冷淡' });
  await row.waitFor({ timeout: 15_000 });
  assert.match(await row.innerText(), '非常不满意');
  assert.match(await row.innerText(), '服务态度不好；态度冷淡');
  assert.match(await row.innerText(), '待联系');
  const shown = await dialog.innerText();
  for (const secret of [ID, '110105', '002X', '实名', token]) assert.not.ok(shown.includes(secret), `the staff member's view must not show ${secret}`);
  // 申诉 needs a note: refused in the dialog, nothing sent.
  await row.locator('button[data-appeal]').click();
  await dialog.locator('[data-testid="appeal-submit"]').click();
  await dialog.getByText('请写明申诉理由').waitFor();
  await dialog.locator('[data-testid="appeal-note"]').fill('评价人因排队时间长迁怒窗口，有录像为证');
  await page.screenshot({ path: screenshotPath('evaluation-counter-my-ratings-1366x768') });
  await dialog.locator('[data-testid="appeal-submit"]').click();
  await dialog.getByText('申诉已提交，等待管理人员裁定。').waitFor();
  await row.getByText('申诉中').waitFor();
  await page.screenshot({ path: screenshotPath('evaluation-counter-appealed-1366x768') });
  const manager = await loginAs(server.url, 'manager');
  const reviews = (await api(server.url, 'GET', `/api/halls/${hallId}/bad-reviews`, undefined, manager)).json.data as { evaluationId: string; state: string; steps: { action: string; actorName: string | null }[] }[];
  const mine = reviews.find((r) => r.evaluationId === rated.json.data.id)!;
  assert.is(mine.state, 'appealing');
  assert.equal(mine.steps.at(-1), { ...mine.steps.at(-1)!, action: 'appeal', actorName: '李娜' });
  assert.equal(errors, []);
  await page.close();
});

t.run();
