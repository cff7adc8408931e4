/**
 * A manager cancels (作废) a ticket from the dashboard at 1920×1080: 作废号码… opens the form, a
 * missing reason is refused with a message, a reason with a phone number in it is stored without
 * it (free-text screening), the ticket leaves the queue; English too; the dialog is measured with
 * the layout checker. Screenshots: artifacts/screenshots/dashboard-cancel-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { and, eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { matters, ticketEvents, tickets } from '../../db/schema';
import { systemClock } from '../../server/domain/clock';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, launchChromium } from '../_support/browser';
import { loadHall } from '../_support/bulk';
import { createTestDb, type TestDb } from '../_support/db';
import { testDeps } from '../_support/fixtures';
import { assertLayoutFits } from '../_support/layout-check';
import { api, issueAtDemoKiosk, loginAs, startTestServer } from '../_support/server';

assertChromium();

let db: TestDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
let hallId = '';

const t = suite('dashboard: a manager cancels a ticket');

t.before(async () => {
  buildUi('dashboard');
  db = await createTestDb();
  server = await startTestServer(db);
  const manager = await loginAs(server.url, 'manager');
  hallId = (await api(server.url, 'GET', '/api/halls', undefined, manager)).json.data[0].id;
  await issueAtDemoKiosk(server.url, hallId, manager, '企业设立登记');
  await issueAtDemoKiosk(server.url, hallId, manager, '公章刻制备案');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${server.url}/dashboard/`);
  await page.locator('yc-dash-sign-in #username').fill('manager');
  await page.locator('yc-dash-sign-in #password').fill('yichuang2026');
  await page.locator('yc-dash-sign-in button[type=submit]').click();
  await page.locator('[data-testid=kpi-waiting] .value', { hasText: '2' }).waitFor({ timeout: 30_000 });
});

t.after(async () => {
  await browser?.close();
  await server?.close();
  await db?.drop();
});

t('作废号码…: reason required, personal data screened out, the ticket leaves the queue', async () => {
  const [target] = await db.db.select().from(tickets).where(and(eq(tickets.hallId, hallId), eq(tickets.status, 'waiting')));
  await page.locator('[data-testid=cancel-any]').click();
  const form = page.locator('yc-dash-cancel-form form');
  await form.waitFor();
  await page.locator('yc-dash-cancel-form select').selectOption(target!.id);
  await page.locator('yc-dash-cancel-form button[type=submit]').click();
  const status = page.locator('yc-dash-cancel-form p[role=status]');
  await status.filter({ hasText: '原因' }).waitFor();
  await assertLayoutFits(page, 'dashboard-cancel-reason-missing');
  assert.is((await db.db.select().from(tickets).where(eq(tickets.id, target!.id)))[0]!.status, 'waiting', 'nothing cancelled without a reason');

  // The message stays while the reason is still too short, and goes as soon as the reason is given.
  await page.locator('yc-dash-cancel-form #cancel-reason').fill('办');
  await page.waitForTimeout(100);
  assert.match((await status.textContent()) ?? '', '原因', 'still missing with one character');
  await page.locator('yc-dash-cancel-form #cancel-reason').fill('办事人来电 13812345678 说不来了');
  for (let i = 0; i < 50 && ((await status.textContent()) ?? '').trim() !== ''; i++) await page.waitForTimeout(100);
  assert.is(((await status.textContent()) ?? '').trim(), '', 'the reason-missing message is gone once the reason is valid, before submitting');
  await assertLayoutFits(page, 'dashboard-cancel-form');
  await page.locator('yc-dash-cancel-form button[type=submit]').click();
  await page.locator('yc-dash-cancel-form form').waitFor({ state: 'detached', timeout: 10_000 });
  const [row] = await db.db.select().from(tickets).where(eq(tickets.id, target!.id));
  assert.is(row!.status, 'cancelled');
  const events = await db.db.select().from(ticketEvents).where(and(eq(ticketEvents.ticketId, target!.id), eq(ticketEvents.type, 'ticket:cancelled')));
  assert.is(events.length, 1);
  const stored = JSON.stringify(events[0]);
  assert.not.match(stored, '13812345678', 'the phone number is not stored');
  assert.match(stored, '说不来了');
  await page.locator('[data-testid=kpi-waiting] .value', { hasText: '1' }).waitFor();
  await assertLayoutFits(page, 'dashboard-cancel-done');
});

t('English: the form in English, measured', async () => {
  await page.locator('yc-dash-header [data-testid=lang-toggle]').click();
  await page.locator('[data-testid=cancel-any]').click();
  await page.locator('yc-dash-cancel-form form').waitFor();
  assert.match((await page.locator('yc-dash-cancel-form h2').textContent()) ?? '', 'Cancel a ticket');
  await assertLayoutFits(page, 'dashboard-cancel-form-en');
});

t('under load — 14, then 40 counters serving, long matter names: the form fits 1920×1080', async () => {
  await page.locator('yc-dash-dialogs button.close').click();
  await page.locator('yc-dash-header [data-testid=lang-toggle]').click();
  await db.db.update(matters).set({ name: sql`${matters.name} || '（含变更、补证、注销等一件事联办）'` }).where(eq(matters.hallId, hallId));
  const deps = testDeps(db.db, systemClock);
  const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  for (const [load, upTo] of [[14, 14], [40, 40]] as const) {
    await loadHall(deps, hallId, numbers(1, upTo), { waitingPerCounter: 2 });
    await page.reload();
    await page.locator('[data-testid=cancel-any]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=cancel-any]').click();
    const select = page.locator('yc-dash-cancel-form select');
    await select.waitFor();
    const options = await select.locator('option').count();
    assert.ok(options > load, `the open tickets of ${load} counters are offered: ${options}`);
    await select.selectOption({ index: options - 1 });
    assert.match(await select.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]!.textContent ?? ''), '一件事联办');
    await page.locator('yc-dash-cancel-form button[type=submit]').click();
    await page.locator('yc-dash-cancel-form p[role=status]').filter({ hasText: '原因' }).waitFor();
    await assertLayoutFits(page, `dashboard-cancel-load-${load}`);
    await page.locator('yc-dash-dialogs button.close').click();
  }
});

t.run();
