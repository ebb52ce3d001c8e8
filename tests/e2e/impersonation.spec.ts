import { expect, test } from '@playwright/test';
import type { Page } from 'playwright-core';
import type { ChromiumShell } from '../../electron/shells/chromium/chromium-shell';
import { launchApp, removeDataDir, type LaunchedApp } from './app';

let launched: LaunchedApp;
test.beforeEach(async () => {
  launched = await launchApp({ demo: true });
});
test.afterEach(async () => {
  await launched.stop();
  removeDataDir(launched.dataDir);
});

/** Calls the main process from the workspace page, as the UI does. */
async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = (await launched.page.evaluate(([c, i]) => (window as any).resellerDesk.invoke(c, i), [channel, input] as const)) as {
    ok: boolean;
    value?: T;
    error?: unknown;
  };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const shell = () => launched.app.shell as ChromiumShell;
const portalPage = (partition: string): Page => {
  const page = shell().portalPages.get(partition);
  if (!page) throw new Error(`no window on ${partition}`);
  return page;
};
const resellerPartition = () => [...shell().portalPages.keys()].find((p) => p.startsWith('reseller-portal:'));

test('twenty client windows each keep their own session; the reseller stays signed in', async () => {
  test.setTimeout(120_000);
  await call('session.signIn', { email: 'demo@reseller-desk.test', password: 'demo-password' });
  await call('impersonation.settings.update', { partnerLogin: true });

  // The reseller's own portal opens signed in, no password asked.
  await call('impersonation.openResellerPortal');
  const reseller = portalPage(resellerPartition()!);
  await expect(reseller.getByText('Signed in as Demo Operator')).toBeVisible();
  await expect(reseller.getByLabel('Password')).toHaveCount(0);
  const resellerCookies = await reseller.context().cookies();
  expect(resellerCookies.map((c) => c.name)).toEqual(['rdp_session']);

  const clients = (await call<{ rows: { id: number; companyName: string }[] }>('clients.list', { status: 'active', limit: 10 })).rows;
  expect(clients).toHaveLength(10);
  const sessions: { id: string; clientName: string; view: 'client' | 'partner' }[] = [];
  for (const client of clients) {
    for (const view of ['client', 'partner'] as const) {
      const { sessionId } = await call<{ sessionId: string }>('impersonation.open', { clientId: client.id, view });
      sessions.push({ id: sessionId, clientName: client.companyName, view });
    }
  }
  expect(await call<unknown[]>('impersonation.list')).toHaveLength(20);

  const sessionCookies = new Set<string>();
  for (const session of sessions) {
    const page = portalPage(`impersonation:${session.id}`);
    await expect(page.locator('.client-name')).toHaveText(session.clientName);
    await expect(page.locator('[data-view]')).toHaveAttribute('data-view', session.view);
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => c.name)).toEqual(['rdp_session']);
    expect(cookies[0]!.httpOnly).toBe(true);
    expect(cookies[0]!.sameSite).toBe('Strict');
    sessionCookies.add(cookies[0]!.value);
  }
  expect(sessionCookies.size).toBe(20);
  // Nothing of the client windows reached the reseller's own session or the workspace.
  expect(await reseller.context().cookies()).toEqual(resellerCookies);
  expect(await launched.page.context().cookies()).toEqual([]);

  // Return from five, through the portal's own control.
  for (const session of sessions.slice(0, 5)) {
    const page = portalPage(`impersonation:${session.id}`);
    const closed = page.waitForEvent('close');
    await page.getByRole('button', { name: /Return to reseller|Zurück zum Reseller/ }).click();
    await closed;
    expect(shell().portalPages.has(`impersonation:${session.id}`)).toBe(false);
  }
  expect(await call<unknown[]>('impersonation.list')).toHaveLength(15);

  // Opening one of them again starts clean: a new session in a new partition with a new cookie.
  const again = sessions[0]!;
  const { sessionId } = await call<{ sessionId: string }>('impersonation.open', { clientId: clients[0]!.id, view: again.view });
  expect(sessionId).not.toBe(again.id);
  const fresh = await portalPage(`impersonation:${sessionId}`).context().cookies();
  expect(fresh).toHaveLength(1);
  expect(sessionCookies.has(fresh[0]!.value)).toBe(false);

  expect(await call<{ ended: number }>('impersonation.endAll')).toEqual({ ended: 16 });
  expect([...shell().portalPages.keys()]).toEqual([resellerPartition()]);
  await reseller.reload();
  await expect(reseller.getByText('Signed in as Demo Operator')).toBeVisible();
  expect(await reseller.context().cookies()).toEqual(resellerCookies);
  // Signing out closes it.
  const closed = reseller.waitForEvent('close');
  await call('session.signOut');
  await closed;
  expect(shell().portalPages.size).toBe(0);
});

test('a portal window gets no permissions, stays on the portal and keeps pop-ups in its partition', async () => {
  await call('session.signIn', { email: 'demo@reseller-desk.test', password: 'demo-password' });
  const [client] = (await call<{ rows: { id: number }[] }>('clients.list', { status: 'active', limit: 1 })).rows;
  const { sessionId } = await call<{ sessionId: string }>('impersonation.open', { clientId: client!.id, view: 'client' });
  const page = portalPage(`impersonation:${sessionId}`);
  const origin = new URL(page.url()).origin;

  const asked = await page.evaluate(async () => ({
    notifications: await Notification.requestPermission(),
    camera: await navigator.mediaDevices.getUserMedia({ video: true }).then(
      () => 'granted',
      (e: Error) => e.name,
    ),
    geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
  }));
  expect(asked.notifications).toBe('denied');
  expect(asked.camera).not.toBe('granted');
  expect(asked.geolocation).toBe('denied');

  const popup = page.waitForEvent('popup');
  await page.evaluate((o) => window.open(`${o}/users`), origin);
  const opened = await popup;
  expect(opened.context()).toBe(page.context());
  await expect(opened.locator('h1')).toBeVisible();

  await page.evaluate(() => void (location.href = 'https://example.com/steal'));
  await expect.poll(() => page.url()).toMatch(new RegExp(`^${origin}/`));
  await expect(page.locator('.client-name')).toBeVisible();
});

test('a login token opens only the window it was made for: read on its way, it is refused and the window still opens', async () => {
  await call('session.signIn', { email: 'demo@reseller-desk.test', password: 'demo-password' });
  const [client] = (await call<{ rows: { id: number }[] }>('clients.list', { status: 'active', limit: 1 })).rows;
  // Another browser loads the window's address before the window does: refused, and nothing is used up.
  const thief = await (await shell().workspacePage!.context().browser()!.newContext()).newPage();
  const outside: number[] = [];
  const openPortalWindow = shell().openPortalWindow.bind(shell());
  shell().openPortalWindow = async (options) => {
    outside.push((await thief.goto(options.url))!.status());
    return openPortalWindow(options);
  };
  try {
    const { sessionId } = await call<{ sessionId: string }>('impersonation.open', { clientId: client!.id, view: 'client' });
    expect(outside).toEqual([403]);
    await expect(thief.getByText('The sign-in link belongs to another window')).toBeVisible();
    const page = portalPage(`impersonation:${sessionId}`);
    await expect(page.locator('.client-name')).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/dashboard');
  } finally {
    await thief.context().close();
  }
});
