import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { kioskUrlEnv, screensDir } from './e2e-env.js';

export type ScreenName = 'booting' | 'outOfService' | 'attract' | 'home' | 'notAvailable' | 'ending' | 'pinPad' | 'diagnostics' | 'locking';

export interface Kiosk {
  page: Page;
  /** opens the kiosk page and waits for the attract loop */
  open(): Promise<void>;
  screen(name: ScreenName): Locator;
  overlay(name: 'idleWarning' | 'disconnected'): Locator;
  /** attract → touch → home */
  startSession(): Promise<void>;
  /** a full-page PNG in tests/artifacts/screens, once the web fonts are in */
  snap(name: string): Promise<void>;
  /** the number the idle countdown shows */
  countdownSeconds(): Promise<number>;
}

export const test = base.extend<{ kiosk: Kiosk; problems: string[] }>({
  // console errors, CSP violations and uncaught exceptions fail the test that caused them
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await use(problems);
    expect(problems, 'the page reported errors').toEqual([]);
  },
  kiosk: async ({ page, problems }, use, testInfo) => {
    void problems;
    const url = process.env[kioskUrlEnv];
    if (!url) throw new Error(`${kioskUrlEnv} is not set: the e2e global setup did not start the host`);
    const suffix = testInfo.project.name === 'portrait' ? '' : `-${testInfo.project.name}`;
    const kiosk: Kiosk = {
      page,
      open: async () => {
        await page.goto(url);
        await expect(kiosk.screen('attract')).toBeVisible();
      },
      screen: (name) => page.locator(`[data-screen="${name}"]`),
      overlay: (name) => page.locator(`[data-overlay="${name}"]`),
      startSession: async () => {
        await kiosk.screen('attract').locator('button').tap();
        await expect(kiosk.screen('home')).toBeVisible();
      },
      snap: async (name) => {
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.screenshot({ path: join(screensDir, `${name}${suffix}.png`), animations: 'disabled' });
      },
      countdownSeconds: async () => Number(await kiosk.overlay('idleWarning').locator('[data-seconds]').getAttribute('data-seconds')),
    };
    await use(kiosk);
  },
});

export { expect };
