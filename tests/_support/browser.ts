/** Browser tests: the system Chromium through playwright-core, the UI bundles built once per file, screenshots. */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
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
