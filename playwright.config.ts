import { defineConfig, devices } from '@playwright/test';

// End-to-end: Debian's Chromium against the real browser host (one per worker: kiosk-host.ts).
// Never `playwright install`: the browser is the system one.
const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
};

const kiosk = { hasTouch: true, isMobile: false, deviceScaleFactor: 1, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  // Each worker has its own browser host (kiosk-fixture.ts), so workers could run side by side;
  // on a 2-core machine two Chromiums starve each other (idle timers of 5 s start to fire
  // between steps) and gain little: one worker.
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: true,
  // the idle test waits out a real 15-second session on the core's clock
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    ...kiosk,
    launchOptions,
    // a tap on a disabled button fails within seconds, not at the test's timeout
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    // a failed test keeps its trace (actions, DOM snapshots, console, network) but no screencast:
    // recording 1080×1920 frames for every test costs a third of the run on 2 cores, and the
    // failure's own screenshot (below) and the screens in tests/artifacts/ show the pixels
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'portrait', use: { viewport: { width: 1080, height: 1920 } } },
    // a landscape kiosk too, for the screen whose layout changes most with orientation
    { name: 'landscape', use: { viewport: { width: 1920, height: 1080 } }, testMatch: /language\.spec\.ts/ },
  ],
});
