import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '../electron/app/start';
import { ChromiumShell } from '../electron/shells/chromium/chromium-shell';
import { keyFileOf } from './workspaces';

/** The whole app in the headless Chromium shell, as the smoke run, the benchmarks and the end-to-end suites drive it. */
export interface Launched {
  app: RunningApp;
  page: Page;
  dataDir: string;
}

/** Starts the app headless on a data folder (a fresh one unless given); the workspace window is open, nothing more. */
export async function launchHeadless(options: { dataDir?: string; demo?: boolean } = {}): Promise<Launched> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'reseller-desk-run-'));
  const log = () => undefined;
  const shell = new ChromiumShell({ dataDir, log, headless: true });
  const app = await startApp({ shell, dataDir, log, demo: options.demo ?? false });
  const page = shell.workspacePage;
  if (!page) throw new Error('the Chromium shell opened no workspace page');
  return { app, page, dataDir };
}

export interface Driven extends Launched {
  /** Milliseconds from start until the sign-in form took input. */
  signInReadyMs: number;
}

/** Starts on a copy of `workspace` (or the demo) and waits for the sign-in form; copying the file is not timed. */
export async function startHeadless(options: { workspace?: string; demo?: boolean } = {}): Promise<Driven> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reseller-desk-run-'));
  if (options.workspace) {
    copyFileSync(options.workspace, join(dataDir, 'workspace.sqlite'));
    // With its data key, so the app opens it as the computer it was made on would.
    if (existsSync(keyFileOf(options.workspace))) copyFileSync(keyFileOf(options.workspace), join(dataDir, 'secrets.json'));
  }
  const started = performance.now();
  const launched = await launchHeadless({ dataDir, demo: options.demo ?? false });
  await launched.page.getByLabel('E-mail').waitFor();
  return { ...launched, signInReadyMs: performance.now() - started };
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
