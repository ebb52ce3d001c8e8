import { expect, test, type Locator } from '@playwright/test';
import { createServer, type AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { ChromiumShell } from '../../electron/shells/chromium/chromium-shell';
import { invokeIn, launchApp, removeDataDir, watchConsole, type LaunchedApp } from './app';
import { signInWithDemo } from '../../scripts/drive';

/**
 * Log in as client or partner through the workspace UI, headless in the
 * Chromium shell: the buttons and their gates, the reason prompt, the open
 * sessions panel and its shortcut, ending one and all, the access history,
 * the expiry warning and a refusal in words. No console errors, no CSP violations.
 */

let launched: LaunchedApp;
const consoleProblems: string[] = [];

test.beforeEach(async () => {
  launched = await launchApp({ demo: true });
  await watchConsole(launched.page, (problem) => consoleProblems.push(problem));
  await signInWithDemo(launched.page);
  await expect(launched.page.getByRole('button', { name: 'My reseller portal' })).toBeVisible();
});

test.afterEach(async () => {
  await launched.stop();
  removeDataDir(launched.dataDir);
  expect(consoleProblems.splice(0), 'console errors and CSP violations').toEqual([]);
});

const shell = () => launched.app.shell as ChromiumShell;
/** The partitions of the client windows open now. */
const clientWindows = () => [...shell().portalPages.keys()].filter((partition) => partition.startsWith('impersonation:'));

type Client = { id: number; companyName: string };

/** Active demo clients, asked through the page's bridge as the UI would. */
const activeClients = async (page: Page): Promise<Client[]> => (await invokeIn(page, 'clients.list', { status: 'active', limit: 10 })).rows;

/** Finds a client by name and selects it in the list, which shows it in the detail panel. */
async function showClient(page: Page, client: Client): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Search clients' }).fill(client.companyName);
  const list = page.getByRole('listbox', { name: 'Clients' });
  const option = list.getByRole('option', { name: client.companyName });
  await expect(option).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(1);
  await option.click();
  await expect(option).toHaveAttribute('aria-selected', 'true');
  const detail = page.getByRole('region', { name: 'Client details' });
  await expect(detail.getByRole('heading', { name: client.companyName })).toBeVisible();
  return detail;
}

/** The reason prompt for logging in to `client` as `view`, answered with `reason` and Enter. */
async function answerReason(page: Page, client: Client, view: 'client' | 'partner', reason: string): Promise<void> {
  const field = page.getByRole('dialog', { name: `Log in to ${client.companyName} as ${view}` }).getByLabel('Reason or ticket reference');
  await field.fill(reason);
  await field.press('Enter');
}

/** "0:57 left · idle limit" → 57. */
function secondsLeft(text: string | null): number {
  const [, minutes, seconds] = /^(\d+):(\d\d)/.exec(text ?? '') ?? [];
  return Number(minutes) * 60 + Number(seconds);
}

/** The settings screen at its "Log in as" section. */
async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Log in as' }).click();
  return page.getByRole('tabpanel', { name: 'Log in as' });
}

test('log in as client and partner, follow the open sessions, end them, read the history', async () => {
  test.setTimeout(90_000);
  const { page } = launched;
  const [first, second] = await activeClients(page);
  const sessionsButton = page.getByRole('button', { name: /^Open sessions/ });
  await expect(sessionsButton).toHaveAccessibleName('Open sessions');

  // Log in as client: the workspace asks for a reason by default, which may be skipped.
  let detail = await showClient(page, first!);
  const asClient = detail.getByRole('button', { name: 'Log in as client' });
  const asPartner = detail.getByRole('button', { name: 'Log in as partner' });
  await expect(asClient).toHaveAttribute('aria-keyshortcuts', /Shift\+C$/);
  await asClient.click();
  const prompt = page.getByRole('dialog', { name: `Log in to ${first!.companyName} as client` });
  await prompt.getByRole('button', { name: 'Continue without a reason' }).click();
  await expect(sessionsButton).toHaveAccessibleName('Open sessions (1)');
  expect(clientWindows()).toHaveLength(1);
  const clientWindow = shell().portalPages.get(clientWindows()[0]!)!;
  await expect(clientWindow.locator('.client-name')).toHaveText(first!.companyName);
  // With a quarter of an hour left, the portal's own "ends in less than a minute" bar stays hidden.
  await expect(clientWindow.locator('.timer')).toBeHidden();
  // The client's history shows the opening as it happens.
  await expect(detail.locator('.history-list')).toContainText('Client account opened');

  // The panel lists it with a live countdown.
  await sessionsButton.click();
  const panel = page.getByRole('region', { name: 'Open sessions' });
  const clientItem = panel.getByRole('listitem').filter({ hasText: 'Client view' });
  await expect(clientItem).toContainText(first!.companyName);
  await expect(clientItem.getByRole('timer')).toHaveText(/^\d+:\d\d left · idle limit$/);

  // The same button again brings that window forward: still one.
  await asClient.click();
  await expect(prompt).toHaveCount(0);
  await expect(sessionsButton).toHaveAccessibleName('Open sessions (1)');
  expect(clientWindows()).toHaveLength(1);
  // The operator comes back to the workspace window (the shell brought the client's to the front).
  await page.bringToFront();

  // Partner login is off for a new workspace: the button says so.
  await expect(asPartner).toBeDisabled();
  await expect(asPartner).toHaveAccessibleDescription('Partner login is off for this workspace. You can turn it on in the settings, under “Log in as”.');

  // Settings: partner login on, a reason required. Escape puts the panel away, focus back on its button.
  await panel.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(sessionsButton).toBeFocused();
  const settings = await openSettings(page);
  await settings.getByLabel('Allow partner login').check();
  await settings.getByLabel('Ask, must be given').check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByText('Saved.')).toBeVisible();
  // The public keys for external platforms, with their copy buttons.
  await expect(settings.getByRole('textbox', { name: 'Key set (JWKS)' })).toHaveValue(/"crv": "Ed25519"/);
  await settings.getByRole('button', { name: 'Copy Issuer' }).click();
  await expect(settings.getByText('Copied to the clipboard.')).toBeVisible();
  await page.getByRole('button', { name: 'Clients' }).click();
  await sessionsButton.click();

  // Log in as partner: the reason is required.
  await expect(asPartner).toBeEnabled();
  await asPartner.click();
  const partnerPrompt = page.getByRole('dialog', { name: `Log in to ${first!.companyName} as partner` });
  await expect(partnerPrompt.getByRole('button', { name: 'Continue without a reason' })).toHaveCount(0);
  await partnerPrompt.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(partnerPrompt.getByLabel('Reason or ticket reference')).toHaveAccessibleDescription(/Please give a reason or ticket reference\./);
  await partnerPrompt.getByLabel('Reason or ticket reference').fill('INC-1');
  await partnerPrompt.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(sessionsButton).toHaveAccessibleName('Open sessions (2)');
  const partnerItem = panel.getByRole('listitem').filter({ hasText: 'Partner view' });
  await expect(partnerItem).toContainText('Reason: INC-1');

  // End the client view from the panel: its window closes.
  const clientPartition = clientWindows()[0]!;
  await clientItem.getByRole('button', { name: `End ${first!.companyName}, Client view` }).click();
  await expect(sessionsButton).toHaveAccessibleName('Open sessions (1)');
  expect(shell().portalPages.has(clientPartition)).toBe(false);

  // The keyboard: the second client selected in the list, Ctrl+Shift+C (the list's description names the shortcuts).
  detail = await showClient(page, second!);
  await expect(page.getByRole('listbox', { name: 'Clients' })).toHaveAccessibleDescription(/Ctrl\+Shift\+C \(client\), Ctrl\+Shift\+P \(partner\)/);
  await page.getByRole('listbox', { name: 'Clients' }).focus();
  await page.keyboard.press('Control+Shift+C');
  await answerReason(page, second!, 'client', 'INC-2');
  await expect(sessionsButton).toHaveAccessibleName('Open sessions (2)');

  // End all, confirmed.
  await panel.getByRole('button', { name: 'End all' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'End all open sessions?' });
  await expect(confirm).toContainText('2 client windows close');
  await confirm.getByRole('button', { name: 'End all' }).click();
  await expect(sessionsButton).toHaveAccessibleName('Open sessions');
  await expect(panel.getByText('No client windows are open')).toBeVisible();
  // The buttons went with the windows: focus stays in the panel, on its heading.
  await expect(panel.getByRole('heading', { name: 'Open sessions' })).toBeFocused();
  expect(clientWindows()).toEqual([]);

  // The first client's access history: both sessions, with how they ended.
  detail = await showClient(page, first!);
  await detail.getByRole('tab', { name: 'Access history' }).click();
  const history = detail.getByRole('tabpanel', { name: 'Access history' });
  const entries = history.getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Partner view');
  await expect(entries.nth(0)).toContainText('Reason: INC-1');
  await expect(entries.nth(0)).toContainText('Ended with all open sessions');
  await expect(entries.nth(1)).toContainText('Client view');
  await expect(entries.nth(1)).toContainText('Ended from the workspace');

  // Signing out would close an open window: the operator confirms it first; Cancel changes nothing.
  await detail.getByRole('button', { name: 'Log in as client' }).click();
  await answerReason(page, first!, 'client', 'INC-2');
  await expect(sessionsButton).toHaveAccessibleName('Open sessions (1)');
  await page.getByRole('button', { name: 'Sign out' }).click();
  const leaving = page.getByRole('alertdialog', { name: 'Sign out?' });
  await expect(leaving).toContainText('The open client window closes and its session ends.');
  await leaving.getByRole('button', { name: 'Cancel' }).click();
  await expect(sessionsButton).toHaveAccessibleName('Open sessions (1)');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await leaving.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('E-mail')).toBeVisible();
  expect(clientWindows()).toEqual([]);
});

test('the time limits take whole minutes as typed: no exponent, fraction or sign slips through', async () => {
  const { page } = launched;
  const settings = await openSettings(page);
  const idle = settings.getByLabel('Idle limit (minutes)');
  const save = settings.getByRole('button', { name: 'Save settings' });
  const before = await invokeIn(page, 'impersonation.settings.get');
  for (const typed of ['1e1', '2.5', '0x10']) {
    await idle.fill(typed);
    await save.click();
    await expect(idle).toHaveAccessibleDescription(/Enter a whole number\.$/);
  }
  await idle.fill('-5');
  await save.click();
  await expect(idle).toHaveAccessibleDescription(/The value must be at least 1\.$/);
  expect(await invokeIn(page, 'impersonation.settings.get')).toEqual(before);
  await idle.fill(' 12 ');
  await save.click();
  await expect(settings.getByText('Saved.')).toBeVisible();
  expect((await invokeIn(page, 'impersonation.settings.get')).idleMinutes).toBe(12);
});

test('a window about to end warns and can be extended; a refusal is shown in words', async () => {
  test.setTimeout(120_000);
  const { page } = launched;
  const [client] = await activeClients(page);

  // One idle minute: a window warns at half of it, 30 s before its end.
  const settings = await openSettings(page);
  await settings.getByLabel('Allow partner login').check();
  await settings.getByLabel('Do not ask').check();
  await settings.getByLabel('Idle limit (minutes)').fill('');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByLabel('Idle limit (minutes)')).toHaveAccessibleDescription(/Please fill in this field\./);
  await settings.getByLabel('Idle limit (minutes)').fill('1');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByText('Saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Clients' }).click();

  const detail = await showClient(page, client!);
  const asPartner = detail.getByRole('button', { name: 'Log in as partner' });
  const warnings = page.getByRole('alert').filter({ hasText: `The partner view of ${client!.companyName} ends in under a minute.` });
  const sessionsButton = page.getByRole('button', { name: /^Open sessions/ });

  // Two windows of the same client and view (Shift+click opens another): both warn together.
  await asPartner.click();
  await expect(sessionsButton).toHaveAccessibleName('Open sessions (1)');
  await asPartner.click({ modifiers: ['Shift'] });
  await expect(sessionsButton).toHaveAccessibleName('Open sessions (2)');
  await expect(warnings).toHaveCount(2, { timeout: 45_000 });
  // The portal window warns too, in its own bar (it asks every 15 s).
  await expect([...shell().portalPages.values()].at(-1)!.locator('.timer')).toBeVisible({ timeout: 20_000 });

  // "Return now" ends one; "Extend" pushes the other's time left up (as the panel shows it; Ctrl+Shift+O opens it).
  await warnings.first().getByRole('button', { name: 'Return now' }).click();
  await expect(sessionsButton).toHaveAccessibleName('Open sessions (1)');
  await expect(warnings).toHaveCount(1);
  await page.keyboard.press('Control+Shift+O');
  const panel = page.getByRole('region', { name: 'Open sessions' });
  const timer = panel.getByRole('timer');
  await expect(timer).toHaveText(/^0:[0-3]\d left · idle limit$/, { timeout: 8_000 });
  const before = secondsLeft(await timer.textContent());
  await warnings.getByRole('button', { name: 'Extend' }).click();
  await expect.poll(async () => secondsLeft(await timer.textContent())).toBeGreaterThan(before);
  await expect(warnings).toHaveCount(0);
  await panel.getByRole('button', { name: `End ${client!.companyName}, Partner view` }).click();
  await expect(sessionsButton).toHaveAccessibleName('Open sessions');
  expect(clientWindows()).toEqual([]);

  // The client refuses partner access: the button says so, and the main process refuses the keyboard in words.
  const access = detail.getByRole('region', { name: 'Partner access' });
  await access.getByLabel('Refused').check();
  await access.getByRole('button', { name: 'Save partner access' }).click();
  await expect(access).toContainText('The client does not allow partner access.');
  await expect(detail.getByRole('button', { name: 'Log in as partner' })).toHaveAccessibleDescription('This client does not allow partner access.');
  await page.getByRole('listbox', { name: 'Clients' }).focus();
  await page.keyboard.press('Control+Shift+P');
  const refusal = page.getByRole('alert').filter({ hasText: `${client!.companyName} could not be opened in the partner view.` });
  await expect(refusal).toContainText('This client does not allow partner access.');
  // Asking again gives the same answer in the same place, not a second notice under the first.
  const first = await refusal.elementHandle();
  await page.keyboard.press('Control+Shift+P');
  await expect.poll(() => first!.evaluate((node) => node.isConnected)).toBe(false);
  await expect(refusal).toHaveCount(1);
  await expect(refusal).toContainText('This client does not allow partner access.');
  await refusal.getByRole('button', { name: 'Dismiss' }).click();
  await expect(refusal).toHaveCount(0);
  expect(clientWindows()).toEqual([]);
});

test('a portal that cannot be reached is said so, and leaves no window and no open session behind', async () => {
  const { page } = launched;
  const [client] = await activeClients(page);
  // A port that was free a moment ago: the connection is refused at once.
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  await invokeIn(page, 'clients.update', { id: client!.id, portalSsoUrl: `http://127.0.0.1:${port}/sso?token={token}` });
  const detail = await showClient(page, client!);
  await detail.getByRole('button', { name: 'Log in as client' }).click();
  const prompt = page.getByRole('dialog', { name: `Log in to ${client!.companyName} as client` });
  await prompt.getByRole('button', { name: 'Continue without a reason' }).click();
  await expect(prompt.getByRole('alert')).toContainText(
    `The portal of ${client!.companyName} at http://127.0.0.1:${port} could not be reached (net::ERR_CONNECTION_REFUSED).`,
  );
  expect(clientWindows()).toEqual([]);
  expect(launched.page.context().browser()!.contexts().length).toBe(1);
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: /^Open sessions/ })).toHaveAccessibleName('Open sessions');
  await detail.getByRole('tab', { name: 'Access history' }).click();
  await expect(detail.getByRole('tabpanel')).toContainText('The portal could not be reached');
});
