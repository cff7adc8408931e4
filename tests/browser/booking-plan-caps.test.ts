/**
 * Slot caps from the staffing plan, end to end on the booking page (docs/routing.md, appointment
 * seats): past Tuesdays with a 不动产 morning peak cap Tuesday's 10:00 slot below the default; the
 * last capped seat goes to someone else while the visitor fills in the form; the page then offers
 * the nearest free slot, and one tap books it. Phone-sized Chromium. Screenshot:
 * artifacts/screenshots/booking-plan-caps-nearest.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { appointments } from '../../db/schema-appointments';
import { matters } from '../../db/schema';
import { bookingCalendar } from '../../server/app/appointments/availability';
import { bookAppointment } from '../../server/app/appointments/book';
import { recordingPhoneNotifier } from '../../server/app/phone-notifier';
import { manualClock } from '../../server/domain/clock';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, launchChromium, screenshotPath } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { insertHistory, testVisitor } from '../_support/history';
import { startTestServer } from '../_support/server';

assertChromium();

let db: TestDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
let people = 0;
const MATTER = '不动产抵押登记';

const t = suite('booking page: plan-capped slots and the nearest free slot (browser)');
t.before(async () => {
  buildUi('booking');
  db = await createTestDb();
  server = await startTestServer(db, manualClock('2026-11-23T02:00:00Z')); // Monday 10:00 in Shanghai
  const [m] = await db.db.select().from(matters).where(eq(matters.name, MATTER));
  for (const date of ['2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17']) {
    for (const hhmm of ['09:30', '10:00', '10:30']) await insertHistory(db.db, m!, date, hhmm, 6, { bookedEvery: 3 });
  }
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  page = await context.newPage();
});
t.after(async () => {
  await browser?.close();
  await server?.close();
  await db?.drop();
});

t('the capped 10:00 slot fills while the visitor types: the page offers the nearest free slot and books it', async () => {
  const [m] = await db.db.select().from(matters).where(eq(matters.name, MATTER));
  const book = (slotStart: string) =>
    bookAppointment(server.deps, null, m!.hallId, { commandId: `cmd-caps-${++people}`, matterId: m!.id, date: '2026-11-24', slotStart, ...testVisitor(100 + people) });
  const tuesday = async () => (await bookingCalendar(server.deps, m!.hallId, m!.id)).days.find((d) => d.date === '2026-11-24')!;
  const cap = (await tuesday()).slots.find((s) => s.start === '10:00')!.capacity;
  assert.ok(cap >= 1 && cap < 4, `the plan caps Tuesday 10:00 (${cap} of 4 seats)`);
  for (let i = 0; i < cap - 1; i++) await book('10:00');

  await page.goto(`${server.url}/booking/`);
  await page.getByRole('button', { name: new RegExp(MATTER) }).click();
  await page.getByRole('button', { name: /^10:00–10:30/ }).first().click();
  await page.locator('#id').fill('11010519491231002X');
  await page.locator('#phone').fill('13812341234');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByText('验证码已发送至 138****1234', { exact: false }).waitFor();
  const sms = (server.deps.phoneNotifier as ReturnType<typeof recordingPhoneNotifier>).lastCodeFor('13812341234')!;
  await page.locator('#phone-code').fill(sms);
  await book('10:00'); // someone else takes the last capped seat meanwhile
  await page.getByRole('button', { name: '确认预约' }).click();

  const near = page.locator('[data-testid=nearest-slot]');
  await near.waitFor({ timeout: 10_000 });
  const offered = (await near.textContent())!.trim();
  const free = (await tuesday()).slots.filter((s) => s.remaining > 0);
  const expected = free.sort((a, b) => Math.abs(Number(a.start.slice(0, 2)) * 60 + Number(a.start.slice(3)) - 600) - Math.abs(Number(b.start.slice(0, 2)) * 60 + Number(b.start.slice(3)) - 600) || a.start.localeCompare(b.start))[0]!;
  assert.match(offered, `${expected.start}–${expected.end}`, `nearest free after 10:00 fills: ${offered}`);
  assert.not.match(offered, '10:00–10:30');
  await page.screenshot({ path: screenshotPath('booking-plan-caps-nearest'), fullPage: true });

  await near.click();
  await page.getByRole('button', { name: '确认预约' }).click();
  await page.getByText('预约成功').waitFor({ timeout: 10_000 });
  const mine = (await db.db.select().from(appointments)).filter((a) => a.status === 'booked');
  assert.is(mine.length, cap + 1, 'the capped seats and the visitor’s booking in the nearest slot');
});

t.run();
