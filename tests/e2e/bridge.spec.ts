import { expect, test } from '@playwright/test';
import type { Bridge } from '../../shared/ipc/bridge';
import { launchApp, removeDataDir, type LaunchedApp } from './app';

let launched: LaunchedApp;
test.beforeEach(async () => {
  launched = await launchApp();
});
test.afterEach(async () => {
  await launched.stop();
  removeDataDir(launched.dataDir);
});

// Text the JSON handed to the page must carry unchanged: quotes, backslashes, line and paragraph separators, a closing script tag, non-Latin letters.
const awkward = 'Müller "&" Söhne \\ Ltd\u2028\u2029 </script><b>ß 東京 😀';

test('answers and events reach the workspace page with any text unchanged', async () => {
  const { page } = launched;
  const seen = await page.evaluate(async (companyName) => {
    const bridge = (window as unknown as { resellerDesk: Bridge }).resellerDesk;
    const events: unknown[] = [];
    bridge.on('preferences.changed', (payload) => events.push(payload));
    const answers = [await bridge.invoke('workspace.createAdministrator', { displayName: companyName, email: 'ada@example.com', password: 'correct horse battery' })];
    answers.push(await bridge.invoke('clients.create', { companyName, contactName: companyName, contactEmail: 'c@example.com', inviteFirstUser: false }));
    const created = answers[1]!;
    if (created.ok) answers.push(await bridge.invoke('clients.get', { id: (created.value as { client: { id: number } }).client.id }));
    answers.push(await bridge.invoke('preferences.update', { language: 'de' }));
    return { answers, events };
  }, awkward);
  expect(seen.answers.map((a) => a.ok)).toEqual([true, true, true, true]);
  expect(seen.answers[2]).toMatchObject({ value: { companyName: awkward, contactName: awkward } });
  expect(seen.answers[0]).toMatchObject({ value: { operator: { displayName: awkward } } });
  expect(seen.events).toEqual([expect.objectContaining({ language: 'de' })]);
});
