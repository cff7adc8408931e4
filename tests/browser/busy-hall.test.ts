/**
 * Every screen with the demo hall fully busy: all 14 counters open with a ticket called or in
 * service, 60+ visitors waiting across the matters (a third of them over their wait target, green
 * channel and elderly tickets among them), a ticket parked at counter 2 and one transferred from
 * counter 4, four checked-in appointments. The state is built through the use cases (take, issue, call-next, start, park,
 * transfer) on a clock shifted into the past, then each screen is shot at its real size and
 * measured: nothing clipped, covered or cut, every ticket number whole.
 * Screenshots: artifacts/screenshots/busy-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { counters, devices, matters, staff } from '../../db/schema';
import type { DeviceActor, StaffActor } from '../../server/app/actor';
import { login, staffActor } from '../../server/app/auth';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { issueTicket } from '../../server/app/issue-ticket';
import { actOnTicketAtCounter } from '../../server/app/ticket-actions';
import { transferTicket } from '../../server/app/transfer-ticket';
import type { Clock } from '../../server/domain/clock';
import { idNumberCheckChar } from '../../server/protocol/identity-number';
import type { HallSnapshot } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, CAPTURE_SPEECH, counterButton, kioskToOptions, launchChromium, openWatchedPage, screenshotPath, signInAtCounter } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { assertLayoutFits, type LayoutReport } from '../_support/layout-check';
import { api, connected, loginAs, socketFor, startTestServer, type ClientSocket } from '../_support/server';

assertChromium();

const MINUTE = 60_000;
/** As in dashboard.test.ts: real time shifted into the past during set-up; near the hall's midnight the whole day moves to 02:00 so it stays one service day. */
let shift = 0;
const base = (() => {
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now()).split(':').map(Number);
  const minutes = h! * 60 + m!;
  return minutes < 90 ? (120 - minutes) * MINUTE : minutes > 23 * 60 + 30 ? (24 * 60 + 120 - minutes) * MINUTE : 0;
})();
const clock: Clock = { now: () => new Date(Date.now() + base + shift) };

let db: TestDb;
let server: RunningServer;
let browser: Browser;
let hallId = '';
/** The last ticket issued: the phone page of the visitor at the back of the queue. */
let lastToken = '';
/** Every issued ticket's progress token, by number. */
const tokens = new Map<string, string>();
let parkedNumber = '';
let transferredNumber = '';
/** The checked-in appointments' ticket numbers. */
const appointmentNumbers: string[] = [];
const workstations: ClientSocket[] = [];
const TICKET = /^[A-Z]\d{3,}$/;

/** Elderly visitors (born 1949): priority from the identity number. */
const elderlyId = (n: number) => {
  const first17 = `11010519490101${String(100 + n).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};

async function seedBusyHall(): Promise<void> {
  const deps = server.deps;
  const [kioskRow] = await db.db.select().from(devices).where(and(eq(devices.hallId, hallId), eq(devices.kind, 'kiosk')));
  const kiosk: DeviceActor = { kind: 'device', id: kioskRow!.id, deviceKind: 'kiosk', hallId, zoneId: kioskRow!.zoneId, counterId: kioskRow!.counterId };
  const all = (await db.db.select().from(matters).where(eq(matters.hallId, hallId))).filter((m) => m.active);
  let issued = 0;
  const issue = async (n: number) => {
    for (let i = 0; i < n; i++, issued++) {
      const matter = all[issued % all.length]!;
      const extra = issued % 11 === 3 ? { greenChannel: 'pregnant' as const } : issued % 13 === 5 ? { greenChannel: 'disabled' as const } : issued % 9 === 7 ? { idNumber: elderlyId(issued) } : {};
      const r = await issueTicket(deps, kiosk, hallId, { commandId: randomUUID(), matterId: matter.id, ...extra });
      lastToken = r.token;
      tokens.set(r.ticket.number, r.token);
    }
  };
  // The morning's queue: 30 tickets 50 minutes ago (every general matter over its 10-minute target), 30 twenty minutes ago, 30 just now.
  shift = -50 * MINUTE;
  await issue(30);
  shift = -20 * MINUTE;
  await issue(30);
  shift = -6 * MINUTE;
  await issue(30);
  // Checked-in appointments (统一预约), checked in with the last batch: two whose slot had begun 5
  // minutes before, two whose slot starts 10 minutes after (their wait counts from the slot start,
  // so the counter shows 00:00 for them). Issued as the kiosk's check-in issues them.
  const bookable = all.filter((m) => !m.name.includes('咨询')).slice(0, 4);
  for (const [i, matter] of bookable.entries()) {
    const slotStart = new Date(clock.now().getTime() + (i < 2 ? -5 : 10) * MINUTE);
    const r = await issueTicket(deps, kiosk, hallId, { commandId: randomUUID(), matterId: matter.id }, { appointmentId: randomUUID(), slotStart, slotEnd: new Date(slotStart.getTime() + 30 * MINUTE) });
    appointmentNumbers.push(r.ticket.number);
    tokens.set(r.ticket.number, r.token);
  }

  // Staff for counters 2–14 (staff1 takes counter 1 in the browser).
  const demo = await db.db.select().from(staff).where(inArray(staff.username, ['staff1', 'staff2', 'staff3', 'staff4']));
  const passwordHash = demo.find((s) => s.username === 'staff1')!.passwordHash; // the demo password, so their workstations can sign in
  const extra = await db.db
    .insert(staff)
    .values(Array.from({ length: 10 }, (_, i) => ({ username: `busy${i + 5}`, displayName: ['赵敏', '孙丽', '周强', '吴芳', '郑磊', '王静', '冯涛', '陈晨', '褚明', '卫东'][i]!, role: 'staff' as const, hallIds: [hallId], passwordHash })))
    .returning();
  const others = [...demo.filter((s) => s.username !== 'staff1'), ...extra];
  const people: StaffActor[] = others.map((s) => staffActor(s));
  const hallCounters = await db.db.select().from(counters).where(eq(counters.hallId, hallId));
  const counterOf = (n: number) => hallCounters.find((c) => c.number === n)!.id;
  for (let n = 2; n <= 14; n++) {
    const actor = people[n - 2]!;
    const counterId = counterOf(n);
    shift = (-5 + n * 0.3) * MINUTE;
    const take = await actOnCounter(deps, actor, 'take', { commandId: randomUUID(), counterId });
    assert.ok(take.counter, `counter ${n} taken`);
    let called = await callNext(deps, actor, { commandId: randomUUID(), counterId });
    assert.ok(called.ticket, `counter ${n} called a ticket`);
    if (n === 2) {
      // 挂起: the visitor is sent to fetch a document; counter 2 serves the next one.
      await actOnTicketAtCounter(deps, actor, 'start', { commandId: randomUUID(), counterId, ticketId: called.ticket!.id });
      await actOnTicketAtCounter(deps, actor, 'park', { commandId: randomUUID(), counterId, ticketId: called.ticket!.id });
      parkedNumber = called.ticket!.number;
      called = await callNext(deps, actor, { commandId: randomUUID(), counterId });
    }
    if (n === 4) {
      // 转窗: the visitor at counter 4 really needs 居住证办理 at the 出入境 counter.
      const to = all.find((m) => m.name === '居住证办理')!;
      await transferTicket(deps, actor, { commandId: randomUUID(), ticketId: called.ticket!.id, counterId, toMatterId: to.id, toCounterId: counterOf(6), reason: '需办理居住证，转出入境专业窗口' });
      transferredNumber = called.ticket!.number;
      called = await callNext(deps, actor, { commandId: randomUUID(), counterId });
    }
    assert.ok(called.ticket, `counter ${n} has a ticket`);
    if (n % 2 === 0) await actOnTicketAtCounter(deps, actor, 'start', { commandId: randomUUID(), counterId, ticketId: called.ticket!.id });
  }
  shift = 0;
  // Each of those counters has its workstation connected (the dashboard shows them online, not 离线).
  for (const s of others) {
    const socket = socketFor(server.url, (await login(deps, s.username, 'yichuang2026')).token);
    await connected(socket);
    workstations.push(socket);
  }
}

async function snapshot(): Promise<HallSnapshot> {
  const manager = await loginAs(server.url, 'manager');
  return (await api(server.url, 'GET', `/api/halls/${hallId}/snapshot`, undefined, manager)).json.data as HallSnapshot;
}

/** No ticket number cut with an ellipsis. */
function numbersWhole(report: LayoutReport, name: string): void {
  const cut = report.truncated.filter((t) => /[A-Z]\d{3,}/.test(t.text));
  assert.is(cut.length, 0, `${name}: ticket numbers cut: ${cut.map((c) => `${c.text} (${c.where})`).join(', ')}`);
}

const t = suite('every screen with the hall fully busy');

t.before(async () => {
  buildUi('display', 'counter', 'dashboard', 'kiosk', 'progress');
  db = await createTestDb();
  server = await startTestServer(db, clock);
  const admin = await loginAs(server.url, 'admin');
  hallId = (await api(server.url, 'GET', '/api/halls', undefined, admin)).json.data[0].id;
  try {
    await seedBusyHall();
  } catch (err) {
    // uvu swallows an error thrown in a before hook: say what failed, and fail the process.
    console.error('busy hall set-up failed:', err);
    process.once('exit', () => (process.exitCode = 1));
    throw err;
  }
  browser = await launchChromium();
});

t.after(async () => {
  for (const s of workstations) s.close();
  await browser?.close();
  await server?.close();
  await db?.drop();
});

let counterPage: Page;

t('counter workstation 1366×768: counter 1 calls the 14th ticket, with 60+ waiting', async () => {
  ({ page: counterPage } = await openWatchedPage(browser, { width: 1366, height: 768 }));
  await signInAtCounter(counterPage, server.url, 'staff1', 1);
  await counterButton(counterPage, 'call-next').click();
  await counterPage.locator('yc-current-ticket section[data-status="called"]').waitFor();
  const snap = await snapshot();
  const busy = snap.counters.filter((c) => c.status !== 'closed');
  assert.is(busy.length, 14, 'all 14 counters open');
  const inHand = snap.tickets.filter((x) => x.status === 'called' || x.status === 'serving');
  assert.is(inHand.length, 14, 'a ticket called or serving at every counter');
  const waiting = snap.tickets.filter((x) => x.status === 'waiting');
  assert.ok(waiting.length >= 60, `waiting: ${waiting.length}`);
  assert.ok(snap.tickets.some((x) => x.status === 'parked' && x.number === parkedNumber), 'a parked ticket');
  const booked = snap.tickets.filter((x) => appointmentNumbers.includes(x.number));
  assert.is(booked.length, 4, 'the four appointment tickets');
  assert.ok(booked.every((x) => x.appointmentSlot !== null), 'each carries its slot');
  // Transferred to counter 6, which called it first when it called next.
  const moved = snap.tickets.find((x) => x.number === transferredNumber)!;
  assert.is(moved.counterId, snap.counters.find((c) => c.number === 6)!.id, 'the transferred ticket is at counter 6');
  await counterPage.waitForTimeout(300);
  // The waiting appointments counter 1 may serve carry the 预约 tag in its list.
  const waitingBooked = booked.filter((x) => x.status === 'waiting').map((x) => x.number);
  const rows = counterPage.locator('yc-ticket-list button.row', { hasText: '预约' });
  const shown = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-ticket')));
  assert.ok(shown.length >= 1, `appointment rows in counter 1's list: ${shown.join(', ')} (waiting appointments ${waitingBooked.join(', ')})`);
  assert.ok(shown.every((n) => waitingBooked.includes(n!)), `only appointment tickets are tagged: ${shown.join(', ')}`);
  await rows.first().scrollIntoViewIfNeeded();
  await counterPage.screenshot({ path: screenshotPath('busy-counter-1366x768-appointment') });
  await rows.first().evaluate((el) => el.closest('ol, ul')?.parentElement?.scrollTo?.(0, 0));
  const report = await assertLayoutFits(counterPage, 'busy-counter-1366x768');
  numbersWhole(report, 'counter');
  await counterPage.locator('[data-testid=lang-toggle]').click();
  await counterButton(counterPage, 'call-next').filter({ hasText: /Call/ }).waitFor();
  await counterPage.waitForTimeout(300);
  numbersWhole(await assertLayoutFits(counterPage, 'busy-counter-1366x768-en'), 'counter en');
  await counterPage.locator('[data-testid=lang-toggle]').click();
});

t('wall display 1920×1080: 14 counters, the calling banner, waiting per zone', async () => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addInitScript({ content: CAPTURE_SPEECH });
  const page = await context.newPage();
  await page.goto(`${server.url}/display/?token=dv_demo-display-1`);
  await page.locator('yc-display-hall').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.fonts.status === 'loaded');
  const tiles = page.locator('yc-display-counters [data-counter]');
  await page.waitForFunction(() => true);
  assert.is(await tiles.count(), 14, 'all 14 counters on the display');
  for (let n = 1; n <= 14; n++) {
    const text = (await page.locator(`yc-display-counters [data-counter="${n}"]`).innerText()).replace(/\s+/g, ' ');
    assert.match(text, /[A-Z]\d{3,}/, `counter ${n} shows its ticket: ${text}`);
  }
  const latest = page.locator('yc-display-latest-call [data-testid=latest-ticket]');
  await latest.waitFor();
  assert.match((await latest.innerText()).trim(), TICKET);
  // The banner's number is big enough to read across the hall.
  const size = await latest.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 64, `calling banner number ${size}px`);
  await page.waitForTimeout(500);
  const report = await assertLayoutFits(page, 'busy-display-1920x1080');
  numbersWhole(report, 'display');
  await context.close();
});

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
]) {
  t(`manager dashboard ${viewport.width}×${viewport.height}: 60+ waiting, breached tickets, 14 counters`, async () => {
    const { page, errors } = await openWatchedPage(browser, viewport);
    await page.goto(`${server.url}/dashboard/`);
    await page.locator('yc-dash-sign-in #username').fill('manager');
    await page.locator('yc-dash-sign-in #password').fill('yichuang2026');
    await page.locator('yc-dash-sign-in button[type=submit]').click();
    await page.locator('[data-testid=kpi-waiting] .value').waitFor();
    await page.waitForFunction(() => true);
    await page.locator('[data-testid=counter-card]').nth(13).waitFor();
    assert.is(await page.locator('[data-testid=counter-card]').count(), 14);
    const waiting = Number((await page.locator('[data-testid=kpi-waiting] .value').innerText()).trim());
    assert.ok(waiting >= 60, `waiting KPI ${waiting}`);
    const breached = Number((await page.locator('[data-testid=kpi-breached] .value').innerText()).trim());
    assert.ok(breached >= 10, `breached KPI ${breached}`);
    for (const card of await page.locator('[data-testid=counter-card]').all()) {
      const state = await card.getAttribute('data-state');
      assert.ok(state === 'called' || state === 'serving', `counter ${await card.getAttribute('data-counter')}: ${state}`);
      assert.match((await card.locator('[data-testid=counter-ticket]').innerText()).trim(), TICKET);
    }
    // Every ticket over its target is listed (a scrolling box), and the list stays short enough for the counters below to be in reach.
    assert.is(await page.locator('[data-testid=risk-list] tr.breached').count(), breached);
    assert.is((await page.locator('[data-testid=risk-count]').innerText()).trim(), `共 ${breached} 个`);
    const listHeight = (await page.locator('[data-testid=risk-list]').boundingBox())!.height;
    assert.ok(listHeight < 560, `risk list ${listHeight}px high`);
    await page.waitForTimeout(300);
    const report = await assertLayoutFits(page, `busy-dashboard-${viewport.width}x${viewport.height}`);
    numbersWhole(report, 'dashboard');
    await page.screenshot({ path: screenshotPath(`busy-dashboard-${viewport.width}x${viewport.height}-full`), fullPage: true });
    await page.locator('yc-dash-counters').screenshot({ path: screenshotPath(`busy-dashboard-${viewport.width}x${viewport.height}-counters`) });
    if (viewport.width === 1366) {
      // English, the longer labels, with the same busy figures.
      await page.locator('yc-dash-header [data-testid=lang-toggle]').click();
      await page.locator('[data-testid=risk-count]', { hasText: `${breached} in all` }).waitFor();
      await page.waitForTimeout(300);
      numbersWhole(await assertLayoutFits(page, 'busy-dashboard-1366x768-en'), 'dashboard en');
      await page.locator('yc-dash-header [data-testid=lang-toggle]').click();
    }
    assert.equal(errors, []);
    await page.close();
  });
}

for (const [name, viewport] of [
  ['1080x1920', { width: 1080, height: 1920 }],
  ['1280x1024', { width: 1280, height: 1024 }],
] as const) {
  t(`kiosk ${name}: home, zones and matters with long queues`, async () => {
    const { page, errors } = await openWatchedPage(browser, viewport);
    await page.goto(`${server.url}/kiosk/?token=dv_demo-kiosk-1`);
    await page.locator('kiosk-home #take').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await assertLayoutFits(page, `busy-kiosk-${name}-home`);
    await page.locator('kiosk-home #take').click();
    await page.locator('kiosk-zone-list button[data-zone="自然人服务区"]').waitFor();
    await page.waitForTimeout(200);
    await assertLayoutFits(page, `busy-kiosk-${name}-zones`);
    await page.locator('kiosk-zone-list button[data-zone="自然人服务区"]').click();
    await page.locator('kiosk-matter-list button').first().waitFor();
    await page.waitForTimeout(200);
    await assertLayoutFits(page, `busy-kiosk-${name}-matters`);
    // The options screen of the busiest zone's first matter: people ahead and the forecast wait.
    await page.goto(`${server.url}/kiosk/?token=dv_demo-kiosk-1`);
    await kioskToOptions(page, '法人服务区', '企业设立登记');
    await page.waitForTimeout(300);
    await assertLayoutFits(page, `busy-kiosk-${name}-options`);
    assert.equal(errors, []);
    await page.close();
  });
}

t('phone progress page 390×844: the visitor at the back of a 60+ queue', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  await page.goto(`${server.url}/p/${lastToken}`);
  await page.locator('progress-queue .number').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  const report = await assertLayoutFits(page, 'busy-progress-390x844');
  numbersWhole(report, 'progress');
  // The parked visitor's page (挂起: sent to fetch a document) and the transferred one's (now called at counter 6).
  for (const [label, number] of [['parked', parkedNumber], ['transferred', transferredNumber]] as const) {
    await page.goto(`${server.url}/p/${tokens.get(number)}`);
    await page.locator('progress-queue .number', { hasText: number }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    numbersWhole(await assertLayoutFits(page, `busy-progress-390x844-${label}`), `progress ${label}`);
    // The visitor's word for a parked ticket is the counter's (挂起), with what happens next.
    if (label === 'parked') assert.match((await page.locator('progress-queue .status').textContent()) ?? '', '您的号码已挂起（窗口稍后叫回）');
  }
  await page.close();
});

t.run();
