import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../electron/operators/passwords';
import { snapshot, testCore, withAdministrator, type TestCore } from '../support/core';
import { createClient } from '../support/portfolio';

let t: TestCore;
afterEach(async () => t?.dispose());

async function admin() {
  t = testCore();
  await withAdministrator(t);
}
const names = async (input: object) => (await t.ok('clients.list', input)).rows.map((r) => r.companyName);

describe('finding clients', () => {
  it('finds by tag words, by id typed as 123 or #123, and filters by status, tag and feature', async () => {
    await admin();
    const { client: acme } = await createClient(t, { companyName: 'Acme', tags: ['key account', 'vip'], features: ['calendar'] });
    const { client: bolt } = await createClient(t, { companyName: 'Bolt', tags: ['vip gold'], features: ['invoices'] });
    await createClient(t, { companyName: 'Cask', tags: ['trial'] });
    await t.ok('clients.suspend', { id: bolt.id, reason: 'x' });
    expect(await names({ query: 'key acc' })).toEqual(['Acme']);
    expect(await names({ query: 'vip' })).toEqual(['Acme', 'Bolt']);
    expect(await names({ query: String(bolt.id) })).toEqual(['Bolt']);
    expect(await names({ query: `#${acme.id}` })).toEqual(['Acme']);
    // A tag filter takes whole tags: "vip" is not "vip gold".
    expect(await names({ tag: 'VIP' })).toEqual(['Acme']);
    expect(await names({ tag: 'vip gold' })).toEqual(['Bolt']);
    expect(await names({ tag: 'gold' })).toEqual([]);
    expect(await names({ feature: 'invoices' })).toEqual(['Bolt']);
    expect(await names({ status: 'active', query: 'vip' })).toEqual(['Acme']);
    expect(await names({ query: `#${acme.id}`, tag: 'trial' })).toEqual([]);
    // "#n" is that client alone; "n" is also every client with a word starting with n.
    const { client: numbered } = await createClient(t, { companyName: `Studio ${acme.id}${acme.id}` });
    expect(await names({ query: `#${acme.id}` })).toEqual(['Acme']);
    expect(await names({ query: String(acme.id) })).toEqual(['Acme', numbered.companyName]);
    expect((await t.ok('clients.list', { tag: 'vip', feature: 'calendar' })).total).toBe(1);
    expect(await t.ok('clients.tags')).toEqual([
      { tag: 'key account', clients: 1 },
      { tag: 'trial', clients: 1 },
      { tag: 'vip', clients: 1 },
      { tag: 'vip gold', clients: 1 },
    ]);
  });

  it('sorts by name, creation and status, either way', async () => {
    await admin();
    for (const companyName of ['Bravo', 'alpha', 'Charlie']) {
      await createClient(t, { companyName });
      t.clock.now += 1000;
    }
    const charlie = (await t.ok('clients.list', { query: 'charlie' })).rows[0]!;
    await t.ok('clients.suspend', { id: charlie.id, reason: 'x' });
    expect(await names({ sort: 'name' })).toEqual(['alpha', 'Bravo', 'Charlie']);
    expect(await names({ sort: 'name', direction: 'desc' })).toEqual(['Charlie', 'Bravo', 'alpha']);
    expect(await names({ sort: 'created', direction: 'desc' })).toEqual(['Charlie', 'alpha', 'Bravo']);
    expect(await names({ sort: 'status' })).toEqual(['alpha', 'Bravo', 'Charlie']);
    expect(await names({ sort: 'created' })).toEqual(['Bravo', 'alpha', 'Charlie']);
    expect(await names({ sort: 'status', direction: 'desc' })).toEqual(['Charlie', 'alpha', 'Bravo']);
  });
});

describe('bulk changes', () => {
  async function three() {
    await admin();
    const ids: number[] = [];
    for (const companyName of ['One', 'Two', 'Three']) ids.push((await createClient(t, { companyName, tags: ['old'] })).client.id);
    return ids;
  }

  it('suspends and re-enables a selection in one go, one audit entry per client, archived ones left alone', async () => {
    const ids = await three();
    await t.ok('clients.archive', { id: ids[2]! });
    expect(await t.ok('clients.bulk.status', { ids, status: 'suspended', reason: 'Unpaid' })).toEqual({ changed: 2, unchanged: 0, archived: 1 });
    expect(await t.ok('clients.bulk.status', { ids, status: 'suspended', reason: 'Unpaid' })).toEqual({ changed: 0, unchanged: 2, archived: 1 });
    expect((await t.ok('clients.get', { id: ids[0]! })).suspensionReason).toBe('Unpaid');
    for (const id of ids.slice(0, 2)) {
      expect((await t.ok('audit.list', { clientId: id })).rows[0]).toMatchObject({ action: 'client.suspended', before: { status: 'active' }, after: { status: 'suspended', suspensionReason: 'Unpaid' } });
    }
    expect(await t.ok('clients.bulk.status', { ids, status: 'active' })).toEqual({ changed: 2, unchanged: 0, archived: 1 });
    expect((await t.fail('clients.bulk.status', { ids, status: 'suspended' })).fields?.[0]).toMatchObject({ path: 'reason', key: 'validation.required' });
  });

  it('tags and untags, enables and disables a feature, and grants credits', async () => {
    const ids = await three();
    expect(await t.ok('clients.bulk.tags', { ids, add: ['VIP'], remove: ['old'] })).toEqual({ changed: 3, unchanged: 0, archived: 0 });
    expect((await t.ok('clients.list', { tag: 'vip' })).total).toBe(3);
    expect((await t.ok('clients.list', { query: 'old' })).total).toBe(0);
    expect(await t.ok('clients.bulk.feature', { ids: ids.slice(0, 2), feature: 'reports', enabled: true })).toMatchObject({ changed: 2 });
    expect(await t.ok('clients.bulk.feature', { ids, feature: 'reports', enabled: true })).toMatchObject({ changed: 1, unchanged: 2 });
    expect(await t.ok('clients.bulk.feature', { ids, feature: 'reports', enabled: false })).toMatchObject({ changed: 3 });
    expect(await t.ok('clients.bulk.credits', { ids, kind: 'sms', amount: 250, note: 'Campaign' })).toMatchObject({ changed: 3 });
    expect((await t.ok('clients.get', { id: ids[1]! })).credits.sms).toBe(250);
    expect((await t.ok('audit.list', { clientId: ids[1]! })).rows[0]).toMatchObject({ action: 'client.credits', before: { sms: 0 }, after: { sms: 250 } });
  });

  it('refuses a stale or foreign selection, or a feature outside the plan, and changes nothing', async () => {
    const ids = await three();
    await t.ok('features.update', { key: 'api-access', inPlan: false });
    const before = snapshot(t);
    expect(await t.fail('clients.bulk.status', { ids: [...ids, 9999], status: 'suspended', reason: 'x' })).toMatchObject({ code: 'NOT_FOUND', key: 'clients.bulk.missing', params: { count: 1, id: 9999 } });
    expect((await t.fail('clients.bulk.feature', { ids, feature: 'api-access', enabled: true })).fields?.[0]).toMatchObject({ key: 'features.notInPlan' });
    expect((await t.fail('clients.bulk.feature', { ids, feature: 'teleportation', enabled: false })).fields?.[0]).toMatchObject({ key: 'features.unknown' });
    expect((await t.fail('clients.bulk.tags', { ids: Array.from({ length: 10_001 }, (_, i) => i + 1), add: ['x'] })).fields?.[0]).toMatchObject({ path: 'ids', key: 'validation.tooLarge' });
    expect(snapshot(t)).toBe(before);

    const { sqlite } = t.core.host.database();
    const agent = sqlite
      .prepare("INSERT INTO operators (email, display_name, password_hash, role_id, all_clients, created_at) VALUES ('agent@example.com', 'Agent', ?, 1, 0, 0)")
      .run(await hashPassword('agent password')).lastInsertRowid;
    sqlite.prepare('INSERT INTO operator_clients (operator_id, client_id) VALUES (?, ?)').run(agent, ids[0]);
    await t.ok('session.signOut');
    await t.ok('session.signIn', { email: 'agent@example.com', password: 'agent password' });
    const reach = snapshot(t);
    expect(await t.fail('clients.bulk.tags', { ids, add: ['x'] })).toMatchObject({ code: 'NOT_FOUND', key: 'clients.bulk.missing', params: { count: 2, id: ids[1] } });
    expect(snapshot(t)).toBe(reach);
  });

  it('rolls the whole selection back when one client fails half-way', async () => {
    const ids = await three();
    const { sqlite } = t.core.host.database();
    // A database-level refusal for the last client stands in for any failure mid-way.
    sqlite.exec(`CREATE TRIGGER refuse_three BEFORE UPDATE OF status ON clients WHEN new.id = ${ids[2]} BEGIN SELECT RAISE(ABORT, 'no'); END`);
    const before = snapshot(t);
    expect((await t.fail('clients.bulk.status', { ids, status: 'suspended', reason: 'x' })).code).toBe('INTERNAL');
    expect(snapshot(t)).toBe(before);
  });
});
