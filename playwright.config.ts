/**
 * e2e in Debian's Chromium (never a downloaded browser) through the Sesame host against a real slapd.
 * The global setup builds the renderer and starts the stack once; see test/e2e/global-setup.ts.
 */
import { defineConfig } from '@playwright/test';

export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1100, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
