/**
 * One set of specs, two projects:
 *   chromium-host — Debian's Chromium against the loopback host; runs everywhere (CI included)
 *   electron      — the same specs in the Electron shell via _electron.launch; only where an
 *                   Electron binary exists. Elsewhere the config prints one line saying so.
 */
import { defineConfig } from '@playwright/test';
import { canRunElectron } from './test/e2e/support/electron-launch';

const electron = canRunElectron();
if (!electron.ok && process.env.TEST_WORKER_INDEX === undefined) {
  // Printed once per run, so a green run never hides that the Electron project did not run.
  console.log(`[e2e] electron project not run: ${electron.reason}`);
}

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/support/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // A committed test.only would silently skip the rest of the suite.
  forbidOnly: true,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium-host',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CASEDESK_CHROMIUM ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
        viewport: { width: 1400, height: 900 },
      },
      metadata: { host: 'web' },
    },
    ...(electron.ok ? [{ name: 'electron', metadata: { host: 'electron' } }] : []),
  ],
});
