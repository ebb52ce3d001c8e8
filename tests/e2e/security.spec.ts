import { expect, test } from '@playwright/test';
import { CHROMIUM_WORKSPACE_ORIGIN } from '../../electron/shells/chromium/chromium-shell';
import { launchApp, removeDataDir, type LaunchedApp } from './app';

let launched: LaunchedApp;
test.beforeEach(async () => {
  launched = await launchApp();
});
test.afterEach(async () => {
  await launched.stop();
  removeDataDir(launched.dataDir);
});

test('the workspace page has no Node and only the two-method bridge', async () => {
  const { page } = launched;
  expect(await page.evaluate(() => [typeof (window as any).require, typeof (window as any).process, typeof (window as any).module])).toEqual(['undefined', 'undefined', 'undefined']);
  expect(await page.evaluate(() => Object.keys((window as any).resellerDesk).sort())).toEqual(['invoke', 'on']);
  expect(await page.evaluate(() => Object.isFrozen((window as any).resellerDesk))).toBe(true);
  expect(await page.evaluate(() => (window as any).resellerDesk.invoke('app.info'))).toMatchObject({ ok: true, value: { shell: 'chromium' } });
});

test('a frame inside the workspace cannot call the main process', async () => {
  const answer = await launched.page.evaluate(
    () =>
      new Promise((resolve) => {
        const frame = document.createElement('iframe');
        document.body.append(frame);
        const w = frame.contentWindow as any;
        // The bridge is not offered to frames; the raw channel underneath refuses them.
        const offered = typeof w.resellerDesk;
        w.__resellerDeskIpcReply = (_id: number, json: string) => resolve({ offered, result: JSON.parse(json) });
        w.__resellerDeskIpc(JSON.stringify({ id: 1, channel: 'workspace.status' }));
        setTimeout(() => resolve({ offered, result: 'no answer' }), 3000);
      }),
  );
  expect(answer).toMatchObject({ offered: 'undefined', result: { ok: false, error: { code: 'FORBIDDEN', key: 'errors.foreignFrame' } } });
});

test('the content security policy blocks injected scripts, eval and network', async () => {
  const { page } = launched;
  const violations: string[] = [];
  page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
  const result = await page.evaluate(async () => {
    const img = document.createElement('div');
    img.innerHTML = '<img src="x" onerror="window.__pwned = 1">';
    document.body.append(img);
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = 2';
    document.body.append(script);
    // A string timer runs later as page code (code evaluated over CDP is exempt from CSP).
    setTimeout('window.__evaluated = true', 0);
    let fetched = 'ran';
    try {
      await fetch('https://example.com/');
    } catch {
      fetched = 'blocked';
    }
    await new Promise((r) => setTimeout(r, 200));
    return { pwned: (window as any).__pwned ?? null, evaluated: (window as any).__evaluated ?? false, fetched };
  });
  expect(result).toEqual({ pwned: null, evaluated: false, fetched: 'blocked' });
  expect(violations.some((v) => v.includes('Content Security Policy'))).toBe(true);
});

test('the workspace window neither leaves its origin nor opens others', async () => {
  const { page } = launched;
  const home = `${CHROMIUM_WORKSPACE_ORIGIN}/index.html`;
  await page.evaluate(() => window.open('https://example.com/'));
  await expect.poll(() => page.context().pages().length).toBe(1);

  const strayed = page.waitForEvent('framenavigated', (f) => f === page.mainFrame() && !f.url().startsWith(CHROMIUM_WORKSPACE_ORIGIN));
  await page.evaluate(() => void (location.href = 'https://example.com/phish'));
  expect((await strayed).url()).not.toContain('example.com');
  await page.waitForURL(home);
  await page.waitForLoadState();
  expect(await page.evaluate(() => (window as any).resellerDesk.invoke('app.info'))).toMatchObject({ ok: true });
});

test('a path on the workspace origin that names no file gets 400, and the shell keeps answering', async () => {
  const { page } = launched;
  for (const path of ['/%E0%A4%A', '/..%2f..%2fetc%2fpasswd', '/index.html%00.js']) {
    const response = await page.goto(`${CHROMIUM_WORKSPACE_ORIGIN}${path}`);
    expect(response?.status(), path).toBe(400);
  }
  await page.goto(`${CHROMIUM_WORKSPACE_ORIGIN}/index.html`);
  expect(await page.evaluate(() => (window as any).resellerDesk.invoke('app.info'))).toMatchObject({ ok: true });
});

test('the operator is told that the Chromium shell keeps secrets in a file, not the keychain', async () => {
  const notice = launched.page.getByRole('note').filter({ hasText: 'cannot use the operating system’s keychain' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
});
