/**
 * The kiosk at its real sizes — portrait 1080×1920 and the 1280×1024 desk kiosk, Chinese and
 * English, long matter names, and large type on every screen (home, zones, matters, options with every
 * control in reach, the ID keypad, the ticket) — and the booking page on a 390×844 phone,
 * measured in the page: no text clipped or covered. Screenshots: artifacts/screenshots/kiosk-fit-*.png.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { matters } from '../../db/schema';
import type { RunningServer } from '../../server/server';
import { assertChromium, buildUi, kioskToOptions, kioskTypeId, launchChromium } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { assertLayoutFits } from '../_support/layout-check';
import { api, loginAs, startTestServer } from '../_support/server';

assertChromium();

const TOKEN = 'dv_demo-kiosk-1';
let db: TestDb;
let server: RunningServer;
let browser: Browser;

/** The element at the centre of `selector` (through shadow roots) is that element: on screen and not covered. */
async function reachable(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  if (!box) return false;
  const vp = page.viewportSize()!;
  if (box.y < 0 || box.y + box.height > vp.height || box.x < 0 || box.x + box.width > vp.width) return false;
  return page.locator(selector).evaluate((el, [x, y]) => {
    let hit: Element | null = document.elementFromPoint(x as number, y as number);
    while (hit?.shadowRoot) {
      const deeper = hit.shadowRoot.elementFromPoint(x as number, y as number);
      if (!deeper || deeper === hit) break;
      hit = deeper;
    }
    for (let e: Node | null = hit; e; e = (e as Element).parentElement ?? ((e as Node).getRootNode() as ShadowRoot).host ?? null) if (e === el) return true;
    return false;
  }, [box.x + box.width / 2, box.y + box.height / 2]);
}

const t = suite('kiosk and phone at real sizes');

t.before(async () => {
  buildUi('kiosk', 'booking');
  db = await createTestDb();
  server = await startTestServer(db);
  const admin = await loginAs(server.url, 'admin');
  const hallId = (await api(server.url, 'GET', '/api/halls', undefined, admin)).json.data[0].id;
  await db.db.update(matters).set({ name: sql`${matters.name} || '（含变更、补证、注销等一件事联办）'` }).where(eq(matters.hallId, hallId));
  browser = await launchChromium();
});

t.after(async () => {
  await browser?.close();
  await server?.close();
  await db?.drop();
});

for (const [name, viewport] of [
  ['portrait', { width: 1080, height: 1920 }],
  ['1280x1024', { width: 1280, height: 1024 }],
] as const) {
  t(`kiosk ${name}: home, matter list and options in Chinese and English`, async () => {
    const page = await browser.newPage({ viewport });
    try {
      await page.goto(`${server.url}/kiosk/?token=${TOKEN}`);
      await page.locator('kiosk-home #take').waitFor({ timeout: 30_000 });
      await assertLayoutFits(page, `kiosk-fit-${name}-home`);
      await page.locator('kiosk-home #take').click();
      await page.locator('kiosk-zone-list button[data-zone="法人服务区"]').click();
      await page.locator('kiosk-matter-list button').first().waitFor();
      await assertLayoutFits(page, `kiosk-fit-${name}-matters`);
      await page.goto(`${server.url}/kiosk/?token=${TOKEN}`);
      await kioskToOptions(page, '法人服务区', '企业设立登记（含变更、补证、注销等一件事联办）');
      await assertLayoutFits(page, `kiosk-fit-${name}-options`);
      await page.locator('#lang-toggle').click();
      await page.waitForTimeout(200);
      await assertLayoutFits(page, `kiosk-fit-${name}-options-en`);
      assert.ok(await reachable(page, 'kiosk-options #take'), '取号 visible');
      // The ticket in normal type (English, the longer texts) fits one screen too.
      await page.locator('kiosk-options #take').click();
      await page.locator('kiosk-ticket').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300);
      await assertLayoutFits(page, `kiosk-fit-${name}-ticket-en`, { noScroll: true });
      assert.ok(await reachable(page, 'kiosk-ticket #done'), `Done on screen and not covered (${name})`);
    } finally {
      await page.close();
    }
  });

  t(`kiosk ${name} in large type: home, zones, matters, options (every control in reach), ID keypad, ticket`, async () => {
    const page = await browser.newPage({ viewport });
    try {
      await page.goto(`${server.url}/kiosk/?token=${TOKEN}`);
      await page.locator('#elderly-toggle').click();
      await page.locator('#elderly-toggle[aria-pressed=true]').waitFor();
      await page.waitForTimeout(200);
      await assertLayoutFits(page, `kiosk-fit-${name}-home-large`);
      await page.locator('kiosk-home #take').click();
      await page.locator('kiosk-zone-list button[data-zone="法人服务区"]').waitFor();
      await page.waitForTimeout(200);
      await assertLayoutFits(page, `kiosk-fit-${name}-zones-large`);
      await page.locator('kiosk-zone-list button[data-zone="法人服务区"]').click();
      await page.locator('kiosk-matter-list button').first().waitFor();
      await page.waitForTimeout(200);
      await assertLayoutFits(page, `kiosk-fit-${name}-matters-large`);
      await page.locator('kiosk-matter-list button[data-matter="企业设立登记（含变更、补证、注销等一件事联办）"]').click();
      await page.locator('kiosk-options #take').waitFor();
      await page.waitForTimeout(200);
      await assertLayoutFits(page, `kiosk-fit-${name}-options-large`);
      // Every control of the options screen is on screen and nothing lies over it, without scrolling.
      const controls = [
        'kiosk-options #take',
        ...['none', 'disabled', 'military', 'pregnant'].map((c) => `kiosk-options button[data-channel="${c}"]`),
        ...['1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '0', 'back', 'clear'].map((k) => `kiosk-options kiosk-keypad button[data-key="${k}"]`),
      ];
      for (const sel of controls) assert.ok(await reachable(page, sel), `${sel} on screen and not covered (large type, ${name})`);
      if (name === '1280x1024') {
        // No room for the guide QR in the card: 办事指南 in the head opens it large over the screen.
        assert.ok(await reachable(page, 'kiosk-options #guide-open'), '办事指南 on screen (large type, landscape)');
        await page.locator('kiosk-options #guide-open').click();
        const url = await page.locator('kiosk-options dialog#guide kiosk-guide-qr kiosk-qr').getAttribute('data-guide-qr');
        assert.match(url ?? '', /\/g\/[0-9a-f-]{36}$/, "the matter's guide page");
        await page.locator('kiosk-options dialog#guide kiosk-guide-qr img').waitFor();
        await assertLayoutFits(page, `kiosk-fit-${name}-guide-large`, { noScroll: true });
        assert.ok(await reachable(page, 'kiosk-options #guide-close'), '关闭 on screen');
        await page.locator('kiosk-options #guide-close').click();
        await page.locator('kiosk-options dialog#guide').waitFor({ state: 'hidden' });
      } else {
        assert.not.ok(await page.locator('kiosk-options #guide-open').isVisible(), 'portrait shows the QR in the card, no button');
      }
      await kioskTypeId(page, '11010519491231002X');
      await page.locator('kiosk-options #id-ok').waitFor();
      await assertLayoutFits(page, `kiosk-fit-${name}-id-keypad-large`);
      assert.ok(await reachable(page, 'kiosk-options kiosk-keypad button[data-key="clear"]'), '清空 in reach with a number typed');
      await page.locator('kiosk-options button[data-channel="pregnant"]').click();
      await page.locator('kiosk-options button[data-channel="pregnant"][aria-checked=true]').waitFor();
      await page.locator('kiosk-options #take').click();
      await page.locator('kiosk-ticket').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300);
      // The whole ticket, 完成 included, on one screen: nothing may need scrolling.
      await assertLayoutFits(page, `kiosk-fit-${name}-ticket-large`, { noScroll: true });
      assert.ok(await reachable(page, 'kiosk-ticket #done'), `完成 on screen and not covered (large type, ${name})`);
    } finally {
      await page.close();
    }
  });
}

t('booking page on a 390×844 phone: the first step, the matter search with guide links', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    await page.goto(`${server.url}/booking/`);
    await page.locator('booking-app h2').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    assert.is(await page.locator('booking-app [data-testid=back]').count(), 0, 'no 上一步 on the first step');
    await assertLayoutFits(page, 'booking-fit-phone-first-step');
    // The matter step: a search over the matters, each with its guide (materials) link.
    const search = page.locator('booking-app [data-testid=matter-search]');
    await search.waitFor({ timeout: 15_000 });
    const all = await page.locator('booking-app button[data-matter]').count();
    assert.ok(all > 5, `matters listed: ${all}`);
    const href = await page.locator('booking-app [data-testid=matter-guide]').first().getAttribute('href');
    assert.match(href ?? '', /^\/g\/[0-9a-f-]{36}$/, 'the guide page of the matter');
    await search.fill('企业设立');
    await page.waitForTimeout(200);
    const names = await page.locator('booking-app button[data-matter]').evaluateAll((els) => els.map((e) => e.getAttribute('data-matter') ?? ''));
    assert.ok(names.length > 0 && names.length < all && names.every((n) => n.includes('企业设立')), `filtered: ${names.join(', ')}`);
    await assertLayoutFits(page, 'booking-fit-phone-matter-search');
    await search.fill('没有这种事项');
    await page.locator('booking-app [data-testid=matter-none]').waitFor();
  } finally {
    await page.close();
  }
});

t.run();
