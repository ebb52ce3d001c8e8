import { expect, test } from '@playwright/test';
import type { Page } from 'playwright-core';
import { contrast, READABLE_CONTRAST } from '../../shared/branding';
import { openLink } from '../../electron/mail/repository';
import { signInWithDemo } from '../../scripts/drive';
import { invokeIn, launchApp, removeDataDir, type LaunchedApp } from './app';

/**
 * A client user in a browser of their own: the invitation, the sign-in page at
 * the address the desk shows, and their signed-in portal, readable on the
 * reseller's brand colour however light or dark it is.
 */

let launched: LaunchedApp;
test.beforeEach(async () => {
  launched = await launchApp({ demo: true });
  await signInWithDemo(launched.page);
});
test.afterEach(async () => {
  await launched.stop();
  removeDataDir(launched.dataDir);
});

/** "rgb(246, 247, 249)" → "#f6f7f9". */
const hex = (css: string) => `#${(css.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;

/** The contrast of an element's text on the background it shows through to. */
async function contrastOf(page: Page, selector: string): Promise<number> {
  const { color, background } = await page.locator(selector).first().evaluate((element) => {
    let node: Element | null = element;
    let background = 'rgba(0, 0, 0, 0)';
    while (node && /rgba\(0, 0, 0, 0\)|transparent/.test(background)) {
      background = getComputedStyle(node).backgroundColor;
      node = node.parentElement;
    }
    return { color: getComputedStyle(element).color, background };
  });
  return contrast(hex(color), hex(background));
}

test('a client user signs in at the address the desk shows, and reads the top bar on a light or a dark brand colour', async () => {
  const { page } = launched;
  const { client } = await invokeIn(page, 'clients.create', {
    companyName: 'Lindenhof Praxis GmbH',
    contactName: 'Lena Linde',
    contactEmail: 'lena@lindenhof.example',
    language: 'en',
    timeZone: 'Europe/Berlin',
    inviteFirstUser: true,
  });
  // The invitation as it reached Lena (the outbox shows its token hidden).
  const { sqlite, sealer } = launched.app.core.host.database();
  const invitation = openLink(sealer, sqlite.prepare('SELECT link_path FROM mail_outbox WHERE client_id = ?').pluck().get(client.id) as string)!;

  await page.getByRole('searchbox', { name: 'Search clients' }).fill(client.companyName);
  await page.getByRole('listbox', { name: 'Clients' }).getByRole('option', { name: client.companyName }).click();
  const detail = page.getByRole('region', { name: 'Client details' });
  await detail.getByRole('tab', { name: 'Users' }).click();
  const address = await detail.locator('code').filter({ hasText: '/sign-in' }).textContent();
  expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/clients\/[0-9a-f]{40}\/sign-in$/);
  const origin = new URL(address!).origin;

  const context = await page.context().browser()!.newContext();
  try {
    const lena = await context.newPage();
    await lena.goto(`${origin}${invitation}`);
    await lena.getByLabel('Password', { exact: true }).fill('Lindenblüten 2026');
    await lena.getByLabel('Repeat password').fill('Lindenblüten 2026');
    await lena.getByRole('button', { name: 'Set password' }).click();
    await expect(lena.getByRole('status')).toHaveText('Your password is set. Please sign in.');
    expect(lena.url()).toBe(`${address}?welcome=1`);

    for (const colour of ['#f6f7f9', '#ffd400', '#1f4e79', '#777777']) {
      await invokeIn(page, 'branding.update', { primaryColour: colour });
      await lena.goto(address!);
      await lena.getByLabel('E-mail').fill('lena@lindenhof.example');
      await lena.getByLabel('Password').fill('Lindenblüten 2026');
      await lena.getByRole('button', { name: 'Sign in' }).click();
      const bar = lena.getByRole('banner').filter({ hasText: 'Signed in as' });
      await expect(bar).toContainText('Signed in as Lena Linde');
      expect(await contrastOf(lena, '.acting.user span'), `top bar on ${colour}`).toBeGreaterThanOrEqual(READABLE_CONTRAST);
      expect(await contrastOf(lena, '.brand strong'), `brand header on ${colour}`).toBeGreaterThanOrEqual(READABLE_CONTRAST);
      await bar.getByRole('button', { name: 'Sign out' }).click();
      expect(lena.url()).toBe(address);
    }
  } finally {
    await context.close();
  }
});
