import { afterEach, expect, it } from 'vitest';
import { hashPassword } from '../../electron/operators/passwords';
import { ADMIN, makeDataDir, testCore, withAdministrator, workspaceAtVersion, type TestCore } from '../support/core';
import { createClient, csv, previewImport } from '../support/portfolio';

let t: TestCore;
afterEach(async () => t?.dispose());

/** The counts as they are kept, beside the same counts taken from the clients themselves. */
async function kept() {
  const { sqlite } = t.core.host.database();
  const tags = await t.ok('clients.tags');
  const counted = sqlite
    .prepare('SELECT t.value AS tag, count(*) AS clients FROM clients, json_each(clients.tags) AS t GROUP BY t.value ORDER BY t.value')
    .all();
  expect(tags).toEqual(counted);
  const features = Object.fromEntries((await t.ok('features.list')).map((f) => [f.key, f.clients]));
  const used = sqlite.prepare('SELECT f.key, (SELECT count(*) FROM client_features c WHERE c.feature_key = f.key) AS n FROM features f').all() as { key: string; n: number }[];
  expect(features).toEqual(Object.fromEntries(used.map((u) => [u.key, u.n])));
  return { tags: Object.fromEntries(tags.map((e) => [e.tag, e.clients])), features };
}

it('keeps the tag filter’s and the catalogue’s counts right through every kind of change', async () => {
  t = testCore();
  await withAdministrator(t);
  const { client: acme } = await createClient(t, { companyName: 'Acme', tags: ['vip', 'trial'], features: ['calendar', 'invoices'] });
  const { client: bolt } = await createClient(t, { companyName: 'Bolt', tags: ['vip'], features: ['calendar'] });
  const { client: cask } = await createClient(t, { companyName: 'Cask' });
  expect(await kept()).toMatchObject({ tags: { vip: 2, trial: 1 }, features: { calendar: 2, invoices: 1, reports: 0 } });

  // Edit: a tag dropped (gone from the filter at zero), another added; saving the same tags again changes nothing.
  await t.ok('clients.update', { id: acme.id, tags: ['vip', 'key account'] });
  await t.ok('clients.update', { id: bolt.id, tags: ['vip'] });
  expect((await kept()).tags).toEqual({ vip: 2, 'key account': 1 });

  await t.ok('clients.bulk.tags', { ids: [acme.id, bolt.id, cask.id], add: ['newsletter'], remove: ['vip'] });
  expect((await kept()).tags).toEqual({ newsletter: 3, 'key account': 1 });

  await t.ok('clients.features.set', { id: acme.id, features: ['reports'] });
  await t.ok('clients.bulk.feature', { ids: [bolt.id, cask.id], feature: 'reports', enabled: true });
  await t.ok('clients.bulk.feature', { ids: [bolt.id], feature: 'calendar', enabled: false });
  expect((await kept()).features).toMatchObject({ calendar: 0, invoices: 0, reports: 3 });
  // The catalogue refuses to take a feature in use out of the plan, naming the kept count.
  expect(await t.fail('features.update', { key: 'reports', inPlan: false })).toMatchObject({ code: 'CONFLICT', params: { clients: 3 } });

  // Archived clients still hold their tags and features.
  await t.ok('clients.archive', { id: cask.id });
  expect(await kept()).toMatchObject({ tags: { newsletter: 3 }, features: { reports: 3 } });

  const file = csv(
    'company_name,contact_name,contact_email,tags,features',
    'Dune GmbH,Dana,dana@dune.example,vip; newsletter,calendar',
    'Echo Ltd,Eli,eli@echo.example,,invoices;reports',
  );
  const { importId } = await previewImport(t, file);
  await t.ok('clients.import.commit', { importId, mode: 'allOrNothing' });
  expect(await kept()).toEqual({
    tags: { newsletter: 4, 'key account': 1, vip: 1 },
    features: expect.objectContaining({ calendar: 1, invoices: 1, reports: 4 }),
  });
});

it('counts what a workspace of an earlier version holds when it is brought forward', async () => {
  const dataDir = makeDataDir();
  const old = workspaceAtVersion(dataDir, 4);
  old.prepare("INSERT INTO operators (email, display_name, password_hash, role_id, created_at) VALUES (?, 'Ada Admin', ?, 1, 0)").run(ADMIN.email, await hashPassword(ADMIN.password));
  const insert = old.prepare(
    "INSERT INTO clients (id, company_name, name_key, contact_email, tags, sso_token, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)",
  );
  insert.run(1, 'Alpha Ltd', 'alpha ltd', 'a@example.com', '["pilot","vip"]', 'a'.repeat(48));
  insert.run(2, 'Beta Ltd', 'beta ltd', 'b@example.com', '["vip"]', 'b'.repeat(48));
  old.prepare("INSERT INTO client_features (client_id, feature_key) VALUES (1, 'calendar'), (2, 'calendar'), (2, 'reports')").run();
  old.close();

  t = testCore(dataDir);
  await t.ok('session.signIn', { email: ADMIN.email, password: ADMIN.password });
  expect(await kept()).toMatchObject({ tags: { pilot: 1, vip: 2 }, features: { calendar: 2, reports: 1, invoices: 0 } });
});
