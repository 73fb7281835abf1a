// The operator console under test: a real controller (real SQLite in a temp folder, one user per
// role) serving the built console, and Debian's Chromium at 1440×900 signed in through the form.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CONSOLE_DIST } from '../../controller/server/http/console-pages.ts';
import type { Role } from '../../shared/auth/roles.ts';
import { launchChromium } from './chromium.ts';
import { startControllerHarness, TEST_PASSWORD, type ControllerHarness } from './controller-harness.ts';

export const CONSOLE_VIEWPORT = { width: 1440, height: 900 };

export function assertConsoleBuilt(): void {
  if (!existsSync(join(CONSOLE_DIST, 'index.html'))) throw new Error(`the console is not built (${CONSOLE_DIST}): run \`npm run build\` first`);
}

export interface ConsoleSuite {
  harness(): ControllerHarness;
  browser(): Browser;
  /** a new page signed in as this user through the sign-in form, on the overview */
  signIn(username: Role | 'operator2', options?: { locale?: 'zh-CN' | 'en' }): Promise<Page>;
}

/**
 * Call inside describe(): starts the controller and Chromium before the tests, closes both after.
 * Every page opened through signIn fails the test that follows on an uncaught page error.
 */
export function consoleSuite(): ConsoleSuite {
  let harness: ControllerHarness | null = null;
  let browser: Browser | null = null;
  let dataDir = '';
  const pageErrors: string[] = [];
  before(async () => {
    assertConsoleBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'gongshi-console-'));
    harness = await startControllerHarness(dataDir);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
    rmSync(dataDir, { recursive: true, force: true });
    assert.deepEqual(pageErrors, [], 'the console threw in the browser');
  });
  const need = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} is not up: use consoleSuite() inside describe()`);
    return value;
  };
  return {
    harness: () => need(harness, 'the controller'),
    browser: () => need(browser, 'Chromium'),
    async signIn(username, options = {}) {
      const context = await need(browser, 'Chromium').newContext({ viewport: CONSOLE_VIEWPORT, locale: 'zh-CN' });
      if (options.locale === 'en') await context.addInitScript(() => localStorage.setItem('gongshi.console.locale', 'en'));
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
      await page.goto(`${need(harness, 'the controller').url}/console/`);
      await page.getByLabel(options.locale === 'en' ? 'Username' : '用户名').fill(username);
      await page.getByLabel(options.locale === 'en' ? 'Password' : '密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: options.locale === 'en' ? 'Sign in' : '登 录' }).click();
      await page.getByTestId('signed-in-user').waitFor();
      return page;
    },
  };
}

/**
 * Saves a full-page screenshot named after the page when GONGSHI_SHOTS_DIR is set (look at them:
 * `GONGSHI_SHOTS_DIR=/tmp/shots node test/run.mjs console`), so normal runs write nothing.
 */
export async function consoleScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.GONGSHI_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A lazily loaded page or a request in flight shows a spinner: wait for the page itself.
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  await page.screenshot({ path: join(dir, `console-${name}.png`), fullPage: true });
}
