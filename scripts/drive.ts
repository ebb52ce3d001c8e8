import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '../electron/app/start';
import { ChromiumShell } from '../electron/shells/chromium/chromium-shell';

/** Shared by the smoke run and the benchmarks: start headless, sign in through the UI like an operator. */
export interface Driven {
  app: RunningApp;
  page: Page;
  dataDir: string;
  /** Milliseconds from start until the sign-in form took input. */
  signInReadyMs: number;
}

export async function startHeadless(options: { workspace?: string; demo?: boolean } = {}): Promise<Driven> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reseller-desk-run-'));
  if (options.workspace) copyFileSync(options.workspace, join(dataDir, 'workspace.sqlite'));
  const started = performance.now();
  const log = () => undefined;
  const shell = new ChromiumShell({ dataDir, log, headless: true });
  const app = await startApp({ shell, dataDir, log, demo: options.demo ?? false });
  const page = shell.workspacePage!;
  await page.getByLabel('E-mail').waitFor();
  return { app, page, dataDir, signInReadyMs: performance.now() - started };
}

/** Signs in with the demo hint and waits for the first client row. */
export async function signInWithDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Use demo sign-in' }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('listbox', { name: 'Clients' }).getByRole('option').first().waitFor();
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
