import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../electron/app/start';
import { ChromiumShell } from '../../electron/shells/chromium/chromium-shell';

export interface LaunchedApp {
  app: RunningApp;
  page: Page;
  dataDir: string;
  /** Stops the app; the data folder stays for a restart. */
  stop(): Promise<void>;
}

/** Starts the whole app in the headless Chromium shell on a data folder (fresh unless given). */
export async function launchApp(options: { dataDir?: string; demo?: boolean } = {}): Promise<LaunchedApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'reseller-desk-e2e-'));
  const log = () => undefined;
  const shell = new ChromiumShell({ dataDir, log, headless: true });
  const app = await startApp({ shell, dataDir, log, demo: options.demo ?? false });
  const page = shell.workspacePage;
  if (!page) throw new Error('the Chromium shell opened no workspace page');
  return { app, page, dataDir, stop: () => app.stop() };
}

export const removeDataDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
