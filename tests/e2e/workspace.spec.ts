import { expect, test, type Locator } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Bridge } from '../../shared/ipc/bridge';
import { launchApp, removeDataDir, watchConsole, type LaunchedApp } from './app';

/**
 * The workspace UI end to end, headless in the Chromium shell: first start,
 * sign-in, the client list and detail, preferences across a restart, and the
 * ways a session or a workspace can fail. No test may log a console error
 * (a CSP violation is one).
 */

const running: LaunchedApp[] = [];
const folders = new Set<string>();
let consoleProblems: string[] = [];

/** Starts the app and records console errors from its first script on (the page is reloaded once watched). */
async function start(options: { dataDir?: string; demo?: boolean } = {}): Promise<Page> {
  const launched = await launchApp(options);
  running.push(launched);
  folders.add(launched.dataDir);
  await watchConsole(launched.page, (problem) => consoleProblems.push(problem));
  return launched.page;
}

const current = () => running.at(-1)!;

async function stopAll(): Promise<void> {
  while (running.length) await running.pop()!.stop();
}

test.afterEach(async () => {
  await stopAll();
  for (const folder of folders) removeDataDir(folder);
  folders.clear();
  const problems = consoleProblems;
  consoleProblems = [];
  expect(problems, 'console errors and CSP violations').toEqual([]);
});

const clientList = (page: Page, name = 'Clients') => page.getByRole('listbox', { name });
const options = (list: Locator) => list.getByRole('option');

/** How many clients the main process itself finds for a search, asked through the page's bridge. */
function totalFor(page: Page, query: string): Promise<number> {
  return page.evaluate(async (q) => {
    const bridge = (window as unknown as { resellerDesk: Bridge }).resellerDesk;
    const result = await bridge.invoke('clients.list', { query: q, limit: 1 });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { total: number }).total;
  }, query);
}

async function signInWithDemoHint(page: Page, names = { useDemo: 'Use demo sign-in', signIn: 'Sign in' }): Promise<void> {
  await page.getByRole('button', { name: names.useDemo }).click();
  await page.getByRole('button', { name: names.signIn, exact: true }).click();
}

test('first administrator: create, land on the empty list, sign out, sign in again', async () => {
  const page = await start();

  await page.getByRole('button', { name: 'Create the first administrator' }).click();
  await page.getByLabel('Display name').fill('Ada Lovelace');
  await page.getByLabel('E-mail').fill('ada@@example.com');
  await page.getByLabel('Password', { exact: true }).fill('too short');
  await page.getByLabel('Repeat password').fill('too short!');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  // Every problem at once, by the main process's own rules; each message sits under its field and describes it.
  await expect(page.getByLabel('E-mail')).toHaveAccessibleDescription('Please enter a valid e-mail address.');
  await expect(page.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(/Please enter at least 10 characters/);
  await expect(page.getByLabel('Repeat password')).toHaveAccessibleDescription('The two passwords do not match.');

  await page.getByLabel('E-mail').fill('ada@example.com');
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByLabel('Repeat password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create administrator' }).click();

  // Signed in at once, on an empty workspace.
  await expect(page.getByText('Signed in as Ada Lovelace (Administrator)')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('No clients yet');
  await expect(page.getByText('This workspace does not have any clients yet.')).toBeVisible();
  await expect(options(clientList(page))).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Client details' })).toContainText('Select a client');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use demo sign-in' })).toHaveCount(0);

  const submit = page.getByRole('button', { name: 'Sign in', exact: true });
  await page.getByLabel('E-mail').fill('ada@example.com');
  await page.getByLabel('Password').fill('wrong password');
  await submit.click();
  await expect(page.getByRole('alert')).toHaveText('That e-mail and password do not match an operator of this workspace.');

  // The third failure in a row makes the next attempt wait: the button stays disabled with a countdown.
  await submit.click();
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(page.getByRole('alert')).toContainText('Please wait 2 seconds');
  await expect(submit).toBeDisabled();
  await expect(page.getByText(/You can try again in 0:0[12]\./)).toBeVisible();
  await expect(submit).toBeEnabled({ timeout: 5000 });

  await page.getByLabel('Password').fill('correct horse battery');
  await submit.click();
  await expect(page.getByText('Signed in as Ada Lovelace (Administrator)')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('No clients yet');
});

test('demo workspace: search, keyboard, detail, language and theme survive a restart', async () => {
  const page = await start();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await expect(page.getByText('This is the demo workspace.')).toBeVisible();
  await signInWithDemoHint(page);

  const list = clientList(page);
  const count = page.getByRole('status');
  await expect(count).toHaveText('50 clients');
  await expect(list).toHaveAttribute('aria-busy', 'false');

  // Search as you type with a prefix of the first company's first word.
  const firstWord = (await options(list).first().textContent())!.trim().split(/\s+/)[0]!;
  const prefix = firstWord.slice(0, 4);
  const search = page.getByRole('searchbox', { name: 'Search clients' });
  await search.pressSequentially(prefix, { delay: 30 });
  await expect(search).toHaveValue(prefix);
  const shown = await totalFor(page, prefix);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(50);
  await expect(count).toHaveText(shown === 1 ? '1 client' : `${shown} clients`);
  await expect(options(list)).toHaveCount(shown);
  const wordStart = new RegExp(`(^|[^\\p{L}\\p{N}])${prefix}`, 'iu');
  for (const text of await options(list).allTextContents()) expect(text).toMatch(wordStart);

  // Keyboard: from the search into the list, open the first match.
  await search.press('ArrowDown');
  await expect(list).toBeFocused();
  const first = options(list).first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  const company = (await first.locator('.row-name').textContent())!;
  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: 'Client details' });
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(company);
  await expect(detail.getByRole('listitem').filter({ hasText: 'Client created' })).toHaveCount(1);

  // `/` goes back to the search; Escape clears it.
  await detail.click();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(count).toHaveText('50 clients');

  // The system theme is followed live until a theme is chosen.
  const html = page.locator('html');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');

  await page.getByLabel('Language').selectOption('de');
  await expect(html).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('searchbox', { name: 'Kunden suchen' })).toBeVisible();
  await expect(count).toHaveText('50 Kunden');
  await expect(page.getByRole('region', { name: 'Kundendetails' }).getByRole('listitem').filter({ hasText: 'Kunde angelegt' })).toHaveCount(1);

  await page.getByLabel('Darstellung').selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(17, 19, 23)');

  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();

  // Restart on the same data folder: preferences and data are still there.
  const { dataDir } = current();
  await stopAll();
  const again = await start({ dataDir });
  await expect(again.locator('html')).toHaveAttribute('lang', 'de');
  await expect(again.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(again.getByLabel('Darstellung')).toHaveValue('dark');
  await signInWithDemoHint(again, { useDemo: 'Demo-Anmeldung verwenden', signIn: 'Anmelden' });
  await expect(again.getByRole('status')).toHaveText('50 Kunden');
  await expect(options(clientList(again, 'Kunden')).first()).toHaveText(new RegExp(`^${firstWord}`));
});

test('an ended session returns to sign-in; an internal error shows its reference', async () => {
  const page = await start({ demo: true });
  await signInWithDemoHint(page);
  await expect(page.getByRole('status')).toHaveText('50 clients');

  // The main process forgets the session (as when the operator is removed): the next call says so.
  current().app.core.context().session.signOut();
  await page.getByRole('searchbox', { name: 'Search clients' }).fill('a');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Your session has ended. Please sign in again.')).toBeVisible();

  await signInWithDemoHint(page);
  await expect(page.getByRole('status')).toHaveText('50 clients');
  current().app.core.host.close();
  await page.getByRole('searchbox', { name: 'Search clients' }).fill('b');
  const banner = page.getByRole('alert');
  await expect(banner).toContainText(/Something went wrong\. The log has the details \(reference [0-9a-f]{8}\)\./);
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
});

test('a workspace that cannot be opened: the problem in words, and another file', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'reseller-desk-e2e-'));
  folders.add(dataDir);
  writeFileSync(join(dataDir, 'workspace.sqlite'), 'this is not a database '.repeat(200));
  const page = await start({ dataDir });

  await expect(page.getByRole('heading', { name: 'This workspace cannot be opened' })).toBeVisible();
  await expect(page.getByText(/workspace\.sqlite is damaged/)).toBeVisible();
  await page.getByText('Technical details').click();
  await expect(page.getByText('file is not a database')).toBeVisible();

  const file = page.getByLabel('Workspace file');
  const submit = page.getByRole('button', { name: 'Open workspace' });
  // The Chromium shell has no file dialog (app.info says so): no "Browse…", and the field asks for the path.
  await expect(page.getByRole('button', { name: 'Browse…' })).toHaveCount(0);
  await expect(file).toHaveAccessibleDescription(/not available here/);
  await submit.click();
  await expect(file).toHaveAccessibleDescription(/Please fill in this field\./);

  const fresh = join(dataDir, 'other', 'fresh.sqlite');
  await file.fill(fresh);
  await submit.click();
  await expect(file).toHaveAccessibleDescription(/fresh\.sqlite cannot be opened/);

  await page.getByLabel('Create a new workspace here if there is none').check();
  await submit.click();
  await expect(page.getByRole('heading', { name: 'Welcome to Reseller Desk' })).toBeVisible();
  await expect(page.getByText(`Workspace: ${fresh}`)).toBeVisible();
});
