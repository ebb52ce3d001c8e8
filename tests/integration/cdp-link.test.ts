import type { Browser, CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdpLink } from '../../electron/shells/chromium/cdp-link';
import { launchChromium } from '../../electron/shells/chromium/launch';

// The workspace bridge of the Chromium shell rides on this link; these run on the system Chromium.
describe('CDP link of the Chromium shell', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(true);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('skips playwright’s client layer with the pinned playwright-core, and carries a binding call there and back', async () => {
    const page = await browser.newPage();
    const link = cdpLink(await page.context().newCDPSession(page));
    // An upgrade of playwright-core that drops the direct way in fails here first (IPC would slow to the public session's pace).
    expect(link.direct).toBe(true);

    const calls: { name: string; payload: string; executionContextId: number }[] = [];
    link.on('Runtime.bindingCalled', (event: { name: string; payload: string; executionContextId: number }) => {
      calls.push(event);
      void link.send('Runtime.evaluate', { expression: `globalThis.answered = ${JSON.stringify(event.payload.toUpperCase())}`, contextId: event.executionContextId });
    });
    await link.send('Runtime.enable');
    await link.send('Runtime.addBinding', { name: 'probe' });
    await page.evaluate(() => (globalThis as unknown as { probe(payload: string): void }).probe('ping'));
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { answered?: string }).answered)).toBe('PING');
    expect(calls).toEqual([expect.objectContaining({ name: 'probe', payload: 'ping' })]);
    await page.close();
  });

  it('falls back to the public session when the direct way is missing', async () => {
    const sent: unknown[] = [];
    const listened: string[] = [];
    const session = {
      send: async (method: string, params: unknown) => (sent.push([method, params]), { ok: true }),
      on: (method: string) => void listened.push(method),
    } as unknown as CDPSession;
    const link = cdpLink(session);
    expect(link.direct).toBe(false);
    await expect(link.send('Runtime.enable', { x: 1 })).resolves.toEqual({ ok: true });
    link.on('Runtime.bindingCalled', () => undefined);
    expect(sent).toEqual([['Runtime.enable', { x: 1 }]]);
    expect(listened).toEqual(['Runtime.bindingCalled']);
  });
});
