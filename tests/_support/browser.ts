/** Browser tests: the system Chromium through playwright-core, the UI bundles built once per file, screenshots. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';

export const projectRoot = join(import.meta.dirname, '..', '..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Browser tests never skip: without Chromium they fail with this message (.ci/run installs it).
 * Call it at the top of a browser test file, where a throw stops the process with exit code 1;
 * uvu 0.5 swallows an error thrown in a before hook and exits 0.
 */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install chromium: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
}

/** Launches the system Chromium; if that fails (it is usually called in a before hook), says why and fails the process. */
export async function launchChromium(): Promise<Browser> {
  try {
    assertChromium();
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  } catch (err) {
    console.error(`browser test set-up failed: ${err instanceof Error ? err.message : String(err)}`);
    // uvu sets process.exitCode from test results only, after the suite: force the failure at exit.
    process.once('exit', () => (process.exitCode = 1));
    throw err;
  }
}

/**
 * A new page that records what must not happen, for the test to assert `errors` is empty at the end:
 * uncaught errors, console errors and HTTP answers of 400 or more, except those `allowed`
 * (Chromium's own "Failed to load resource" console line is left to the response check).
 */
export async function openWatchedPage(
  browser: Browser,
  viewport: { width: number; height: number },
  allowed: (response: Response) => boolean = () => false,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && !allowed(r) && errors.push(`${r.status()} ${r.request().method()} ${r.url()}`));
  return { page, errors };
}

const built = new Set<string>();
/** Builds the named UI bundles (e.g. 'display'; none = every <name>-ui app) into dist/, once per test process. */
export function buildUi(...apps: string[]): void {
  const key = apps.join(',') || '*';
  // The test runner builds every app once before the first file starts (YC_UI_PREBUILT).
  if (built.has(key) || process.env.YC_UI_PREBUILT === '1') return;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-ui.ts', ...apps], { cwd: projectRoot, stdio: 'pipe' });
  built.add(key);
}

/** artifacts/screenshots/<name>.png (git-ignored). */
export function screenshotPath(name: string): string {
  const dir = join(projectRoot, 'artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name.endsWith('.png') ? name : `${name}.png`);
}

// ---- Page-driving helpers shared by the browser tests: wall display, kiosk, counter workstation ----

/**
 * Replaces the Web Speech API with a recorder whose utterances end after 30 ms; add it with
 * context.addInitScript({ content: CAPTURE_SPEECH }). A string, because tsx's compiled functions
 * reference helpers (__name) that do not exist in the page.
 */
export const CAPTURE_SPEECH = `
  window.__spoken = [];
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.lang = ''; this.rate = 1; this.volume = 1; this.voice = null; this.onend = null; this.onerror = null; }
  };
  window.speechSynthesis.speak = (u) => {
    window.__spoken.push({ text: u.text, lang: u.lang });
    setTimeout(() => u.onend && u.onend(new Event('end')), 30);
  };
  window.speechSynthesis.cancel = () => {};
`;

export interface Utterance {
  text: string;
  lang: string;
}

/** Everything the page has said so far (needs CAPTURE_SPEECH). */
export const spoken = (p: Page): Promise<Utterance[]> => p.evaluate(() => (window as unknown as { __spoken: Utterance[] }).__spoken);

/** Waits until `text` has been said at least `count` times. */
export async function waitSpoken(p: Page, text: string, count: number, ms = 6000): Promise<void> {
  await p.waitForFunction(
    ([t, n]) => (window as unknown as { __spoken: { text: string }[] }).__spoken.filter((s) => s.text === t).length >= (n as number),
    [text, count] as const,
    { timeout: ms },
  );
}

/** "C001" → "C 零 零 一", as the display reads a ticket number out. */
export const zhSpell = (n: string): string => [...n].map((c) => ('0123456789'.includes(c) ? '零一二三四五六七八九'[Number(c)] : c)).join(' ');

/** Kiosk: home → zone → matter, up to the options screen (ID keypad, green channel, take button). */
export async function kioskToOptions(page: Page, zone = '法人服务区', matter = '企业设立登记'): Promise<void> {
  await page.locator('kiosk-home #take').click();
  await page.locator(`kiosk-zone-list button[data-zone="${zone}"]`).click();
  await page.locator(`kiosk-matter-list button[data-matter="${matter}"]`).click();
  await page.locator('kiosk-options #take').waitFor();
}

/** Kiosk: types an identity number on the on-screen keypad, key by key. */
export async function kioskTypeId(page: Page, id: string): Promise<void> {
  for (const ch of id) await page.locator(`kiosk-options kiosk-keypad button[data-key="${ch}"]`).click();
}

/** Counter workstation: an action-bar button ('call-next', 'recall', 'start', 'finish' …). */
export const counterButton = (page: Page, action: string) => page.locator(`yc-action-bar button[data-action="${action}"]`);
/** Counter workstation: the current ticket's status ('none', 'called', 'serving'). */
export const counterStatus = (page: Page) => page.locator('yc-current-ticket section').getAttribute('data-status');
/** Counter workstation: a ticket's row in one of the lists ('waiting', 'parked', 'missed'). */
export const counterRow = (page: Page, list: string, number: string) => page.locator(`yc-ticket-list[kind="${list}"] button.row[data-ticket="${number}"]`);

/** Counter workstation: signs in (demo password) and takes the counter with this number, up to its desk. */
export async function signInAtCounter(page: Page, baseUrl: string, username: string, counterNumber: number): Promise<void> {
  await page.goto(`${baseUrl}/counter/`);
  await page.locator('yc-sign-in #username').fill(username);
  await page.locator('yc-sign-in #password').fill('yichuang2026');
  await page.locator('yc-sign-in button[type=submit]').click();
  const choice = page.locator(`yc-counter-picker li[data-number="${counterNumber}"]`);
  await choice.waitFor();
  await page.locator('yc-connection-badge [data-state=online]').waitFor();
  await choice.locator('button').click();
  await page.locator('yc-counter-desk').waitFor();
}

/** Polls `check` every 50 ms until it holds; throws "timed out waiting for <what>" after `ms`. */
export async function pollUntil(what: string, check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
