import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../shared/ipc/contract';
import { snapshot, testCore, withAdministrator, type TestCore } from '../support/core';
import { createClient } from '../support/portfolio';

let t: TestCore;
afterEach(async () => t?.dispose());

/**
 * An update that names nothing to change — an empty patch, fields given as
 * undefined, or the values already held — answers the current state and
 * writes nothing, not even an audit entry; it never fails as INTERNAL.
 */
describe('an update with nothing to change', () => {
  it('answers the current state and leaves the workspace as it was', async () => {
    t = testCore();
    await withAdministrator(t);
    const { client } = await createClient(t, { tags: ['vip'] });
    const { id } = client;
    const brand = await t.ok('branding.get');
    const [calendar] = (await t.ok('features.list')).filter((f) => f.key === 'calendar');
    const settings = await t.ok('impersonation.settings.get');
    const preferences = await t.ok('preferences.get');
    const calls: [ChannelName, unknown, unknown][] = [
      ['branding.update', {}, brand],
      ['branding.update', { displayName: undefined, primaryColour: undefined }, brand],
      ['branding.update', { displayName: brand.displayName, primaryColour: brand.primaryColour.toUpperCase() }, brand],
      ['features.update', { key: 'calendar' }, calendar],
      ['features.update', { key: 'calendar', inPlan: undefined, hidden: undefined }, calendar],
      ['features.update', { key: 'calendar', inPlan: calendar!.inPlan, hidden: calendar!.hidden }, calendar],
      ['impersonation.settings.update', {}, settings],
      ['impersonation.settings.update', { partnerLogin: undefined, idleMinutes: undefined }, settings],
      ['impersonation.settings.update', { ...settings }, settings],
      ['preferences.update', {}, preferences],
      ['preferences.update', { theme: undefined, language: undefined }, preferences],
      ['clients.update', { id }, { client: await t.ok('clients.get', { id }), warnings: [] }],
      ['clients.update', { id, city: undefined, tags: undefined }, { client: await t.ok('clients.get', { id }), warnings: [] }],
      ['clients.bulk.tags', { ids: [id] }, { changed: 0, unchanged: 1, archived: 0 }],
      ['clients.bulk.tags', { ids: [id], add: ['vip'], remove: undefined }, { changed: 0, unchanged: 1, archived: 0 }],
    ];
    const before = snapshot(t);
    for (const [channel, input, answer] of calls) {
      const result = await t.call(channel, input);
      expect(result, `${channel} ${JSON.stringify(input)}`).toEqual({ ok: true, value: answer });
      expect(snapshot(t), `${channel} ${JSON.stringify(input)}`).toBe(before);
    }
  });
});
