/**
 * The counter's staff tools in Chromium at 1366×768, by keyboard as counter staff work:
 * Shift+F1 代取号 for a visitor without phone or ID (a staff ticket, also outside ticket hours),
 * Shift+F2 补打 of a kiosk ticket (a 补打 job prints on the fake printer; a ticket no kiosk printed
 * gets a message that says what to do), Shift+F3 today's appointments; zh-CN and English, each
 * dialog measured with the layout checker. Screenshots: artifacts/screenshots/counter-tools-*.png.
 */
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { halls, matters, tickets } from '../../db/schema';
import { appointments } from '../../db/schema-appointments';
import { printJobs } from '../../db/schema-printing';
import { systemClock } from '../../server/domain/clock';
import type { RunningServer } from '../../server/server';
import { startFakePrinter, type FakePrinter } from '../../ticket-printer/index';
import { assertChromium, buildUi, launchChromium, signInAtCounter } from '../_support/browser';
import { loadHall } from '../_support/bulk';
import { createTestDb, type TestDb } from '../_support/db';
import { testDeps } from '../_support/fixtures';
import { assertLayoutFits } from '../_support/layout-check';
import { api, loginAs, startTestServer } from '../_support/server';

assertChromium();

let db: TestDb;
let server: RunningServer;
let printer: FakePrinter;
let browser: Browser;
let page: Page;
let hallId = '';

const t = suite('counter staff tools at 1366×768');

t.before(async () => {
  buildUi('counter');
  db = await createTestDb();
  server = await startTestServer(db);
  printer = await startFakePrinter();
  const admin = await loginAs(server.url, 'admin');
  hallId = (await api(server.url, 'GET', '/api/halls', undefined, admin)).json.data[0].id;
  const devices = (await api(server.url, 'GET', `/api/halls/${hallId}/devices`, undefined, admin)).json.data as { id: string; kind: string }[];
  const kiosk = devices.find((d) => d.kind === 'kiosk')!;
  const put = await api(server.url, 'PUT', `/api/devices/${kiosk.id}/printer`, { host: '127.0.0.1', port: printer.port, timeoutMs: 1000 }, admin);
  assert.is(put.status, 200, JSON.stringify(put.json));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signInAtCounter(page, server.url, 'staff1', 1);
});

t.after(async () => {
  await browser?.close();
  await server?.close();
  await printer?.close();
  await db?.drop();
});

t('Shift+F1 issues a ticket for a visitor without phone or ID — outside ticket hours too', async () => {
  // Ticket hours only: the kiosk would refuse now (rest day / after hours), staff issue by exception.
  const [hall] = await db.db.select().from(halls).where(eq(halls.id, hallId));
  await db.db.update(halls).set({ sessions: [{ start: '03:00', end: '03:01' }], settings: { ...hall!.settings, kioskIssuing: 'sessions' } }).where(eq(halls.id, hallId));
  const matterId = (await db.db.select().from(matters).where(eq(matters.hallId, hallId)))[0]!.id;
  const refused = await api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId }, 'dv_demo-kiosk-1');
  assert.is(refused.json.error?.code, 'hall_closed', 'the kiosk is outside its ticket hours');
  await page.keyboard.press('Shift+F1');
  const dialog = page.locator('yc-issue-dialog dialog[open]');
  await dialog.waitFor();
  await page.locator('yc-issue-dialog button[data-channel="disabled"]').click();
  await assertLayoutFits(page, 'counter-tools-issue-dialog');
  await page.locator('yc-issue-dialog button[type=submit]').click();
  const issued = page.locator('yc-issue-dialog [data-testid=issued]');
  await issued.waitFor();
  const number = await issued.getAttribute('data-number');
  assert.ok(number, 'the number is shown to tell the visitor');
  await assertLayoutFits(page, 'counter-tools-issued');
  const [row] = await db.db.select().from(tickets).where(eq(tickets.number, number!));
  assert.is(row?.source, 'staff');
  assert.is(row?.priorityReason, 'disabled');
  assert.is(row?.visitorIdHash ?? null, null, 'no identity number');
  // Submitting again on the same dialog is the same command: still one ticket.
  await page.locator('yc-issue-dialog button[type=submit]').click();
  await page.waitForTimeout(500);
  assert.is((await db.db.select().from(tickets).where(eq(tickets.hallId, hallId))).length, 1, 'one ticket for one visitor');
  assert.is(await issued.getAttribute('data-number'), number);
  await db.db.update(halls).set({ sessions: hall!.sessions, settings: hall!.settings }).where(eq(halls.id, hallId));
  await page.keyboard.press('Escape');
  await page.locator('yc-issue-dialog dialog[open]').waitFor({ state: 'detached' }).catch(() => {});
  assert.is(await page.locator('yc-issue-dialog dialog[open]').count(), 0, 'Escape closes it');
  // The staff ticket joins the queue the desk shows.
  await page.locator(`yc-ticket-list[kind="waiting"] button.row[data-ticket="${number}"]`).waitFor();
});

t('Shift+F2 reprints a kiosk ticket (补打 on the fake printer); a staff ticket is told to use a kiosk', async () => {
  const matterId = (await db.db.select().from(matters).where(eq(matters.hallId, hallId)))[0]!.id;
  const kioskIssue = await api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId }, 'dv_demo-kiosk-1');
  assert.is(kioskIssue.status, 201, JSON.stringify(kioskIssue.json));
  const number = kioskIssue.json.data.ticket.number as string;
  await page.locator(`yc-ticket-list[kind="waiting"] button.row[data-ticket="${number}"]`).waitFor();
  const before = printer.jobs.length;
  await page.keyboard.press('Shift+F2');
  await page.locator('yc-reprint-dialog dialog[open]').waitFor();
  await page.locator('yc-reprint-dialog select').selectOption({ label: `${number} · ${kioskIssue.json.data.ticket.matterName}` });
  await assertLayoutFits(page, 'counter-tools-reprint-dialog');
  await page.locator('yc-reprint-dialog button[type=submit]').click();
  await page.locator('yc-reprint-dialog [data-testid=reprinted]').waitFor();
  await assertLayoutFits(page, 'counter-tools-reprinted');
  const deadline = Date.now() + 15_000;
  while (printer.jobs.length <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.ok(printer.jobs.length > before, 'the reprint reached the printer');

  // A ticket issued at the counter was never printed at a kiosk: the message says what to do.
  const staffTicket = (await db.db.select().from(tickets).where(eq(tickets.source, 'staff')))[0]!;
  await page.locator('yc-reprint-dialog select').selectOption({ label: `${staffTicket.number} · ${kioskIssue.json.data.ticket.matterName}` }).catch(async () => {
    await page.locator('yc-reprint-dialog select').selectOption({ value: staffTicket.id });
  });
  await page.locator('yc-reprint-dialog button[type=submit]').click();
  const problem = page.locator('yc-reprint-dialog .problem');
  await problem.waitFor();
  const text = (await problem.textContent()) ?? '';
  assert.ok(text.length > 6 && !/no_printer|Error/.test(text), `a message in words: ${text}`);
  await assertLayoutFits(page, 'counter-tools-reprint-error');
  await page.keyboard.press('Escape');
});

t('Shift+F2 after a print cut mid-job: a warning (the visitor may have the ticket), reprints only on 确认补打; English too', async () => {
  const matterId = (await db.db.select().from(matters).where(eq(matters.hallId, hallId)))[0]!.id;
  // The kiosk's printer cuts the connection mid-job: part or all of the ticket may have come out.
  await printer.setMode('close-mid-job', { closeAfterBytes: 40 });
  const issue = await api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId }, 'dv_demo-kiosk-1');
  assert.is(issue.status, 201, JSON.stringify(issue.json));
  const { id: ticketId, number, matterName } = issue.json.data.ticket as { id: string; number: string; matterName: string };
  const jobsOf = () => db.db.select().from(printJobs).where(eq(printJobs.ticketId, ticketId));
  for (let i = 0; i < 300 && (await jobsOf())[0]?.status !== 'failed'; i++) await new Promise((r) => setTimeout(r, 50));
  assert.is((await jobsOf())[0]?.status, 'failed', 'the cut job failed');
  await printer.setMode('ok');
  await page.locator(`yc-ticket-list[kind="waiting"] button.row[data-ticket="${number}"]`).waitFor();

  const ask = async () => {
    await page.keyboard.press('Shift+F2');
    await page.locator('yc-reprint-dialog dialog[open]').waitFor();
    await page.locator('yc-reprint-dialog select').selectOption({ label: `${number} · ${matterName}` });
    await page.locator('yc-reprint-dialog button[type=submit]').click();
    await page.locator('yc-reprint-dialog [data-testid=reprint-confirm]').waitFor();
    assert.is(await page.locator('yc-reprint-dialog [data-testid=reprinted]').count(), 0, 'not reprinted');
    assert.is((await jobsOf()).length, 1, 'nothing sent before staff confirm');
    return (await page.locator('yc-reprint-dialog [data-testid=reprint-confirm]').innerText()).trim();
  };
  const zh = await ask();
  assert.ok(zh.includes(number) && zh.includes('群众可能已经拿到这张号票'), zh);
  assert.is((await page.locator('yc-reprint-dialog [data-testid=reprint-confirmed]').innerText()).trim(), '确认补打');
  await assertLayoutFits(page, 'counter-tools-reprint-confirm');
  // Submitting the form (Enter) is not a confirmation.
  await page.locator('yc-reprint-dialog form').evaluate((f) => (f as HTMLFormElement).requestSubmit());
  await page.waitForTimeout(300);
  assert.is((await jobsOf()).length, 1, 'submitting the form does not reprint while the warning is shown');
  await page.locator('yc-reprint-dialog .buttons button[type=button]').first().click();
  await page.locator('yc-reprint-dialog dialog[open]').waitFor({ state: 'detached' });

  await page.locator('yc-app-header [data-testid=lang-toggle]').click();
  const en = await ask();
  assert.ok(en.includes(number) && en.includes('the visitor may already hold this ticket'), en);
  assert.is((await page.locator('yc-reprint-dialog [data-testid=reprint-confirmed]').innerText()).trim(), 'Confirm reprint');
  await assertLayoutFits(page, 'counter-tools-reprint-confirm-en');
  await page.locator('yc-reprint-dialog [data-testid=reprint-confirmed]').click();
  await page.locator('yc-reprint-dialog [data-testid=reprinted]').waitFor();
  assert.is(await page.locator('yc-reprint-dialog [data-testid=reprint-confirm]').count(), 0, 'the warning is gone');
  const jobs = await jobsOf();
  assert.is(jobs.length, 2, 'one reprint after the confirmation');
  assert.ok(jobs.some((j) => j.reprint), 'the second job is the reprint');
  await page.keyboard.press('Escape');
  await page.locator('yc-app-header [data-testid=lang-toggle]').click();
});

t("Shift+F3 lists today's appointments (masked), in Chinese and English", async () => {
  const snap = (await api(server.url, 'GET', `/api/halls/${hallId}/snapshot`, undefined, await loginAs(server.url, 'staff2'))).json.data;
  const day: string = snap.serviceDate;
  const matterId = (await db.db.select().from(matters).where(eq(matters.hallId, hallId)))[0]!.id;
  const at = (hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
  const row = (n: number, status: 'booked' | 'checked_in' | 'cancelled', start: string, end: string) => ({
    hallId,
    matterId,
    serviceDate: day,
    slotStart: at(start),
    slotEnd: at(end),
    status,
    code: `K${n}TEST${n}`,
    channel: 'online' as const,
    visitorIdHash: `h${n}`,
    visitorIdEnc: 'x',
    visitorIdMasked: '110105********002X',
    phoneHash: `p${n}`,
    phoneEnc: 'x',
    phoneMasked: '138****1234',
    createdAt: at('08:00'),
  });
  await db.db.insert(appointments).values([row(2, 'checked_in', '10:00', '10:30'), row(1, 'booked', '09:00', '09:30'), row(3, 'cancelled', '11:00', '11:30')]);
  await page.keyboard.press('Shift+F3');
  await page.locator('yc-appointments-dialog dialog[open]').waitFor();
  await page.locator('yc-appointments-dialog tr[data-code="K1TEST1"]').waitFor();
  const codes = await page.locator('yc-appointments-dialog tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
  assert.equal(codes, ['K1TEST1', 'K2TEST2', 'K3TEST3'], 'by slot');
  const text = (await page.locator('yc-appointments-dialog table').textContent()) ?? '';
  assert.match(text, '待签到');
  assert.match(text, '110105********002X');
  await assertLayoutFits(page, 'counter-tools-appointments');
  await page.keyboard.press('Escape');
  await page.locator('yc-app-header [data-testid=lang-toggle]').click();
  await page.keyboard.press('Shift+F3');
  await page.locator('yc-appointments-dialog tr[data-code="K1TEST1"]').waitFor();
  assert.match((await page.locator('yc-appointments-dialog table').textContent()) ?? '', 'Booked');
  await assertLayoutFits(page, 'counter-tools-appointments-en');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+F1');
  await page.locator('yc-issue-dialog dialog[open]').waitFor();
  await assertLayoutFits(page, 'counter-tools-issue-dialog-en');
  await page.keyboard.press('Escape');
  await assertLayoutFits(page, 'counter-tools-desk-en');
});

t('under load — 14, then 40 counters serving, long matter names: 代取号, 补打 and 今日预约 fit 1366×768', async () => {
  await page.locator('yc-app-header [data-testid=lang-toggle]').click(); // back to Chinese
  await db.db.update(matters).set({ name: sql`${matters.name} || '（含变更、补证、注销等一件事联办）'` }).where(eq(matters.hallId, hallId));
  const deps = testDeps(db.db, systemClock);
  for (const load of [14, 40]) {
    await loadHall(deps, hallId, Array.from({ length: load }, (_, i) => i + 1), { waitingPerCounter: 2 });
    await page.reload();
    await page.locator('yc-counter-desk').waitFor({ timeout: 30_000 });
    await page.locator('yc-ticket-list[kind="waiting"] button.row').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Shift+F1');
    await page.locator('yc-issue-dialog dialog[open]').waitFor();
    await page.locator('yc-issue-dialog select').selectOption({ index: 1 });
    await assertLayoutFits(page, `counter-tools-load-${load}-issue`);
    await page.keyboard.press('Escape');
    await page.locator('yc-issue-dialog dialog[open]').waitFor({ state: 'detached' });
    await page.keyboard.press('Shift+F2');
    await page.locator('yc-reprint-dialog dialog[open]').waitFor();
    const select = page.locator('yc-reprint-dialog select');
    const options = await select.locator('option').count();
    assert.ok(options > load * 2, `every open ticket of ${load} counters offered: ${options}`);
    await select.selectOption({ index: options - 1 });
    assert.match(await select.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]!.textContent ?? ''), '一件事联办');
    await assertLayoutFits(page, `counter-tools-load-${load}-reprint`);
    await page.keyboard.press('Escape');
    await page.locator('yc-reprint-dialog dialog[open]').waitFor({ state: 'detached' });
    await page.keyboard.press('Shift+F3');
    await page.locator('yc-appointments-dialog tr[data-code="K1TEST1"]').waitFor();
    await assertLayoutFits(page, `counter-tools-load-${load}-appointments`);
    await page.keyboard.press('Escape');
    await page.locator('yc-appointments-dialog dialog[open]').waitFor({ state: 'detached' });
  }
});

t.run();
