import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { test as base, expect, type Browser, type BrowserContextOptions, type ConsoleMessage, type Locator, type Page, type PlaywrightTestOptions } from '@playwright/test';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { connectCoreProbe, type CoreProbe } from '../helpers/kiosk-core-client.js';
import { citySim, simControl, type CitySim, type SimControl } from '../helpers/kiosk-sims.js';
import { docsScreensDir, e2ePins, screensDir, type E2eEnv } from './e2e-env.js';
import { startKioskHost, type KioskHost } from './kiosk-host.js';
import { installScreenTrace, readTrace, type ScreenMark } from './screen-trace.js';

// axe-core's own bundle, put in the page once per load: @axe-core/playwright's AxeBuilder injects
// it on every analyze(), which costs seconds per screen on this machine.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

export type ScreenName = 'booting' | 'outOfService' | 'attract' | 'home' | 'notAvailable' | 'ending' | 'pinPad' | 'diagnostics' | 'locking' | (string & {});

/** One axe-core finding, flattened for a report: the rule, the screen and the elements. */
export interface AxeFinding {
  screen: string;
  mode: string;
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
  /** axe's own words per element (colours and ratio for color-contrast) */
  why: string[];
}

export interface Kiosk {
  page: Page;
  env: E2eEnv;
  /** the browser host's simulated devices (sim-control) */
  sim: SimControl;
  /** the city simulator's admin routes */
  city: CitySim;
  /** a second KioskApi client, connected on first use and closed after the test */
  probe(): Promise<CoreProbe>;
  /** the attract loop: the page as the last test left it when that is the kiosk between residents, else loaded afresh */
  open(): Promise<void>;
  screen(name: ScreenName): Locator;
  overlay(name: 'idleWarning' | 'disconnected' | (string & {})): Locator;
  /** attract → touch → home */
  startSession(): Promise<void>;
  /** a PNG in tests/artifacts/screens once the web fonts are in; `curated` also copies it to docs/screens when KIOSK_UPDATE_SCREENS=1 */
  snap(name: string, opts?: { curated?: boolean; fullPage?: boolean }): Promise<void>;
  /** the number the idle countdown shows */
  countdownSeconds(): Promise<number>;
  /** the idle warning, if it shows, is answered "still here" (long waits would otherwise end the session) */
  keepAlive(): Promise<void>;
  /** a synthetic touch on the page: the resident is still there (for waits longer than the idle warning) */
  touch(): Promise<void>;
  /** where the screen trace stands now, to ask later what showed since */
  mark(): Promise<number>;
  /** every screen signature the page showed since `mark` (see screen-trace.ts) */
  seenSince(mark: number): Promise<ScreenMark[]>;
  /** axe-core on what shows now; returns the violations (empty when clean) */
  axe(screen: string, mode?: string): Promise<AxeFinding[]>;
  /** five taps in the top-left corner, then `pin` on the pad (technician by default) */
  unlock(pin?: string, role?: 'technician' | 'officer'): Promise<void>;
}

/** A page as the project configures it (viewport, touch, locale, time zone, timeouts), the screen trace installed before anything loads. */
const newKioskPage = async (browser: Browser, use: Partial<PlaywrightTestOptions>): Promise<Page> => {
  const { viewport, screen, userAgent, deviceScaleFactor, isMobile, hasTouch, locale, timezoneId } = use;
  const options: BrowserContextOptions = { viewport, screen, userAgent, deviceScaleFactor, isMobile, hasTouch, locale, timezoneId };
  const context = await browser.newContext(options);
  context.setDefaultTimeout(use.actionTimeout ?? 10_000);
  context.setDefaultNavigationTimeout(use.navigationTimeout ?? 15_000);
  const page = await context.newPage();
  await installScreenTrace(page);
  return page;
};

/** The worker's page, made on first use. */
interface WorkerPage {
  get(): Promise<Page>;
  /** off the kiosk (about:blank) while a test uses a page of its own: one client of the core at a time */
  park(): Promise<void>;
}

export const test = base.extend<{ kiosk: Kiosk; problems: string[]; freshPage: boolean }, { host: KioskHost; privateHost: boolean; workerPage: WorkerPage }>({
  /** a spec that leaves its host unusable for others (a PIN lockout) asks for a host of its own */
  privateHost: [false, { scope: 'worker', option: true }],
  /** a spec that changes its page for good (the page's clock, a binding) asks for a page of its own */
  freshPage: [false, { option: true }],
  // One page per worker, as a kiosk has one page for its whole life: a test starts where the
  // last one left the kiosk, on the attract loop between residents (`kiosk.open`), instead of
  // paying for a new browser context and a page load (about 3 s a test on 2 cores). A failed
  // test ends its worker, so the next one starts on a new page.
  workerPage: [
    async ({ browser }, use, workerInfo) => {
      const made: { page?: Page } = {};
      await use({
        get: async () => (made.page ??= await newKioskPage(browser, workerInfo.project.use)),
        park: async () => {
          await made.page?.goto('about:blank');
        },
      });
      await made.page?.context().close();
    },
    { scope: 'worker' },
  ],
  page: async ({ browser, freshPage, workerPage }, use, testInfo) => {
    if (!freshPage) return use(await workerPage.get());
    await workerPage.park();
    const page = await newKioskPage(browser, testInfo.project.use);
    await use(page);
    await page.context().close();
  },
  // one browser host per worker: the host has one resident session at a time
  host: [
    async ({ privateHost }, use, workerInfo) => {
      const host = await startKioskHost(`w${workerInfo.workerIndex}${privateHost ? '-private' : ''}`);
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  // console errors, CSP violations and uncaught exceptions fail the test that caused them
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    const onConsole = (m: ConsoleMessage) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    };
    const onError = (e: Error) => problems.push(`pageerror: ${e.message}`);
    page.on('console', onConsole);
    page.on('pageerror', onError);
    await use(problems);
    // the page outlives the test: the next test listens for itself
    page.off('console', onConsole);
    page.off('pageerror', onError);
    expect(problems, 'the page reported errors').toEqual([]);
  },
  kiosk: async ({ page, problems, host }, use, testInfo) => {
    void problems;
    const env = host.env;
    const suffix = testInfo.project.name === 'portrait' ? '' : `-${testInfo.project.name}`;
    let probe: CoreProbe | null = null;
    const kiosk: Kiosk = {
      page,
      env,
      sim: simControl(env.origin, env.token),
      city: citySim(env.cityUrl),
      probe: async () => (probe ??= await connectCoreProbe(env.origin, env.token)),
      open: async () => {
        // the kiosk between residents (the last test ended there): the attract loop alone, ready
        // for a touch, no overlay, no officer's assisted mode left on
        const between = async () =>
          page.evaluate(() => {
            const screens = [...document.querySelectorAll('[data-screen]')].map((e) => e.getAttribute('data-screen'));
            const touch = document.querySelector<HTMLButtonElement>('[data-screen="attract"] button');
            const extra = document.querySelector('[data-overlay], [data-testid="assisted-mode"]');
            return screens.join() === 'attract' && touch !== null && !touch.disabled && extra === null;
          });
        if (page.url() === env.url && (await between())) return;
        // the same URL with its #token fragment would only be a hash change: reload instead
        if (page.url() === env.url) await page.reload();
        else await page.goto(env.url);
        await expect(kiosk.screen('attract')).toBeVisible();
      },
      screen: (name) => page.locator(`[data-screen="${name}"]`),
      overlay: (name) => page.locator(`[data-overlay="${name}"]`),
      startSession: async () => {
        await kiosk.screen('attract').locator('button').first().tap();
        await expect(kiosk.screen('home')).toBeVisible();
      },
      snap: async (name, opts = {}) => {
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const file = join(screensDir, `${name}${suffix}.png`);
        await page.screenshot({ path: file, animations: 'disabled', fullPage: opts.fullPage ?? false });
        // the README's set changes only when asked: a test run must not dirty the checkout
        if (opts.curated && process.env.KIOSK_UPDATE_SCREENS === '1') {
          await mkdir(docsScreensDir, { recursive: true });
          await copyFile(file, join(docsScreensDir, `${name}.png`));
        }
      },
      countdownSeconds: async () => Number(await kiosk.overlay('idleWarning').locator('[data-seconds]').getAttribute('data-seconds')),
      keepAlive: async () => {
        const warning = kiosk.overlay('idleWarning');
        if (await warning.isVisible()) {
          await warning.getByRole('button').first().tap();
          await expect(warning).toBeHidden();
        }
      },
      touch: async () => {
        await page.evaluate(() => window.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })));
      },
      mark: async () => (await readTrace(page)).length,
      seenSince: async (mark) => (await readTrace(page)).slice(Math.max(0, mark - 1)),
      axe: async (screen, mode = 'default') => {
        // evaluated, not a <script>: the kiosk's CSP rightly refuses inline scripts
        if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
        // every rule axe-core runs by default (WCAG 2.x A/AA and best practices): none turned off
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
          return (await axe.run(document)).violations;
        }) as AxeViolation[];
        return violations.map((v) => ({
          screen,
          mode,
          rule: v.id,
          impact: v.impact ?? null,
          help: v.help,
          targets: v.nodes.map((n) => n.target.map(String).join(' ')),
          why: v.nodes.map((n) => n.failureSummary ?? ''),
        }));
      },
      unlock: async (pin = e2ePins.technician, role = 'technician') => {
        const hotspot = page.getByTestId('corner-hotspot');
        for (let i = 0; i < 5; i++) await hotspot.tap();
        const pad = kiosk.screen('pinPad');
        await expect(pad).toBeVisible();
        if (role === 'officer') await pad.getByRole('button', { name: /^(Cán bộ một cửa|One-stop officer)$/ }).tap();
        for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).tap();
        await pad.getByRole('button', { name: /^(Xác nhận|Confirm)$/ }).tap();
      },
    };
    await use(kiosk);
    if (probe) await (probe as CoreProbe).close();
  },
});

export { expect };
