/** Browser tests: the system Chromium through playwright-core, the UI bundles built once per file, screenshots. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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

const built = new Set<string>();
/** Builds the named UI bundles (e.g. 'display'; none = every <name>-ui app) into dist/, once per test process. */
export function buildUi(...apps: string[]): void {
  const key = apps.join(',') || '*';
  if (built.has(key)) return;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-ui.ts', ...apps], { cwd: projectRoot, stdio: 'pipe' });
  built.add(key);
}

/** artifacts/screenshots/<name>.png (git-ignored). */
export function screenshotPath(name: string): string {
  const dir = join(projectRoot, 'artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name.endsWith('.png') ? name : `${name}.png`);
}
