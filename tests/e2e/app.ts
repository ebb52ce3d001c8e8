import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Bridge } from '../../shared/ipc/bridge';
import type { ChannelArgs, ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import { launchHeadless, type Launched } from '../../scripts/drive';

export interface LaunchedApp extends Launched {
  /** Stops the app; the data folder stays for a restart. */
  stop(): Promise<void>;
}

/** Starts the whole app in the headless Chromium shell on a data folder (fresh unless given). */
export async function launchApp(options: { dataDir?: string; demo?: boolean } = {}): Promise<LaunchedApp> {
  const launched = await launchHeadless(options);
  return { ...launched, stop: () => launched.app.stop() };
}

export const removeDataDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/**
 * Reports console errors, uncaught errors and CSP violations of the workspace
 * page from its first script on: the page is reloaded once watched.
 */
export async function watchConsole(page: Page, report: (problem: string) => void): Promise<void> {
  page.on('console', (message) => {
    if (message.type() === 'error') report(message.text());
  });
  page.on('pageerror', (error) => report(`uncaught: ${error.message}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)),
  );
  await page.reload();
}

/** Calls the main process from the workspace page, through its bridge as the UI does (to check what the UI shows). */
export async function invokeIn<C extends ChannelName>(page: Page, channel: C, ...args: ChannelArgs<C>): Promise<ChannelOutput<C>> {
  const result = await page.evaluate(
    ([name, input]) => (window as unknown as { resellerDesk: Bridge }).resellerDesk.invoke(name, input),
    [channel, args[0]] as const,
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}
