import { defineConfig } from '@playwright/test';

/**
 * End-to-end suites. "chromium-shell": the whole app in the Chromium shell on
 * a fresh data folder per test (tests/e2e/app.ts). "electron": the real
 * Electron app through Playwright's _electron, where the Electron binary
 * exists; it runs last because it rebuilds better-sqlite3 for Electron and back.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  projects: [
    { name: 'chromium-shell', testIgnore: /electron\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/, dependencies: ['chromium-shell'] },
  ],
});
