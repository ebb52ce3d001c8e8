import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ChromiumShell } from '../electron/shells/chromium/chromium-shell';
import type { Driven } from './drive';
import { percentile } from './drive';

type Print = (name: string, value: number, unit: string) => void;

/** Calls a channel from the workspace page, as the UI does, and times it there. */
async function timedCall(page: Page, channel: string, input: unknown): Promise<{ ms: number; value: unknown }> {
  return page.evaluate(
    async ([c, i]) => {
      const bridge = (window as unknown as { resellerDesk: { invoke(c: string, i: unknown): Promise<{ ok: boolean; value: unknown; error?: unknown }> } }).resellerDesk;
      const started = performance.now();
      const result = await bridge.invoke(c, i);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return { ms: performance.now() - started, value: result.value };
    },
    [channel, input] as const,
  );
}

/** Proportional memory (PSS) of every process of the browser, read from /proc: shared pages count once. */
async function browserMemoryMb(page: Page): Promise<number> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number }[] };
  await cdp.detach();
  let kb = 0;
  for (const { id } of processInfo) {
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${id}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return kb / 1024;
}

/**
 * Log in as: click-to-dashboard beside a bare context + page + load of the
 * same dashboard, twenty windows across ten clients and both views checked
 * for isolation, and the memory each window adds.
 */
export async function benchImpersonation({ page, app }: Driven, print: Print): Promise<void> {
  const shell = app.shell as ChromiumShell;
  await timedCall(page, 'impersonation.settings.update', { partnerLogin: true });
  const clients = ((await timedCall(page, 'clients.list', { status: 'active', limit: 10 })).value as { rows: { id: number }[] }).rows;

  // Open and return twelve times; the first opening also starts the portal and loads the key.
  const opens: number[] = [];
  for (let round = 0; round < 13; round++) {
    const { ms, value } = await timedCall(page, 'impersonation.open', { clientId: clients[round % clients.length]!.id, view: 'client', newWindow: true });
    if (round > 0) opens.push(ms);
    await timedCall(page, 'impersonation.end', { sessionId: (value as { sessionId: string }).sessionId });
  }
  print('impersonation.open.p50_ms', percentile(opens, 50), 'ms');

  // Raw: what the browser alone needs for the same dashboard, with a session cookie already in place.
  const { sessionId } = (await timedCall(page, 'impersonation.open', { clientId: clients[0]!.id, view: 'client' })).value as { sessionId: string };
  const opened = shell.portalPages.get(`impersonation:${sessionId}`)!;
  const [cookie] = await opened.context().cookies();
  const browser = opened.context().browser()!;
  const raw: number[] = [];
  for (let round = 0; round < 13; round++) {
    const started = performance.now();
    const context = await browser.newContext();
    await context.addCookies([cookie!]);
    const bare = await context.newPage();
    await bare.goto(opened.url());
    if (round > 0) raw.push(performance.now() - started);
    await context.close();
  }
  print('impersonation.open.raw_p50_ms', percentile(raw, 50), 'ms');
  await timedCall(page, 'impersonation.endAll', undefined);

  // Twenty windows: ten clients, both views; each its own cookie, nothing outside its partition.
  const before = await browserMemoryMb(page);
  const sessions: string[] = [];
  for (const client of clients) {
    for (const view of ['client', 'partner']) {
      sessions.push(((await timedCall(page, 'impersonation.open', { clientId: client.id, view })).value as { sessionId: string }).sessionId);
    }
  }
  const after = await browserMemoryMb(page);
  const cookies = await Promise.all(sessions.map(async (id) => (await shell.portalPages.get(`impersonation:${id}`)?.context().cookies()) ?? []));
  const isolated =
    cookies.every((c) => c.length === 1) && new Set(cookies.map((c) => c[0]!.value)).size === sessions.length && (await page.context().cookies()).length === 0;
  print('impersonation.windows20.isolated', isolated ? 1 : 0, 'bool');
  print('impersonation.window.rss_mb', (after - before) / sessions.length, 'MB');
  await timedCall(page, 'impersonation.endAll', undefined);
}
