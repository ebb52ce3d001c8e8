import { defineConfig } from '@playwright/test';

/**
 * End-to-end suites: each test starts the whole app in the Chromium shell on a
 * fresh data folder (see tests/e2e/app.ts). The Electron suite runs only where
 * the Electron binary exists.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
