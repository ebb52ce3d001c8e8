import { afterEach, expect, it } from 'vitest';
import { testCore, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.dispose());

it('starts from the system language, keeps changes across restarts and tells the window', async () => {
  t = testCore();
  expect(await t.ok('preferences.get')).toEqual({ theme: 'system', language: 'en' });
  expect(await t.ok('preferences.update', { language: 'de' })).toEqual({ theme: 'system', language: 'de' });
  expect(await t.ok('preferences.update', { theme: 'dark' })).toEqual({ theme: 'dark', language: 'de' });
  expect(t.shell.events.at(-1)).toEqual(['preferences.changed', { theme: 'dark', language: 'de' }]);
  t = await t.restart();
  expect(await t.ok('preferences.get')).toEqual({ theme: 'dark', language: 'de' });
  expect((await t.fail('preferences.update', { theme: 'neon' })).fields?.[0]).toMatchObject({ path: 'theme', key: 'validation.choice' });
  expect(await t.ok('preferences.get')).toEqual({ theme: 'dark', language: 'de' });
});
