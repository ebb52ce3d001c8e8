import { afterEach, expect, it } from 'vitest';
import { hashPassword } from '../../electron/operators/passwords';
import { ADMIN, makeDataDir, testCore, workspaceAtVersion, type TestCore } from '../support/core';

let t: TestCore;
afterEach(async () => t?.dispose());

it('brings a workspace of the first version forward: tokens, searchable tags, catalogue and brand', async () => {
  const dataDir = makeDataDir();
  const old = workspaceAtVersion(dataDir, 1);
  old.prepare("INSERT INTO operators (email, display_name, password_hash, role_id, created_at) VALUES (?, 'Ada Admin', ?, 1, 0)").run(ADMIN.email, await hashPassword(ADMIN.password));
  const insert = old.prepare("INSERT INTO clients (company_name, name_key, contact_email, created_at, updated_at) VALUES (?, ?, ?, 0, 0)");
  insert.run('Alpha Ltd', 'alpha ltd', 'a@example.com');
  insert.run('Beta Ltd', 'beta ltd', 'b@example.com');
  old.close();

  t = testCore(dataDir);
  await t.ok('session.signIn', { email: ADMIN.email, password: ADMIN.password });
  const { sqlite } = t.core.host.database();
  const ids = sqlite.prepare('SELECT id FROM clients').pluck().all() as number[];
  const tokens = await Promise.all(ids.map(async (id) => (await t.ok('clients.ssoToken.reveal', { id })).token));
  expect(tokens).toHaveLength(2);
  expect(new Set(tokens).size).toBe(2);
  expect(tokens.every((token) => /^[0-9a-f]{48}$/.test(token))).toBe(true);
  // The rebuilt index still finds the old clients, and now their tags.
  expect((await t.ok('clients.list', { query: 'alph' })).total).toBe(1);
  const beta = (await t.ok('clients.list', { query: 'beta' })).rows[0]!;
  expect(beta).toMatchObject({ tags: [], status: 'active' });
  await t.ok('clients.update', { id: beta.id, tags: ['pilot'] });
  expect((await t.ok('clients.list', { query: 'pilot' })).rows.map((r) => r.companyName)).toEqual(['Beta Ltd']);
  expect((await t.ok('features.list')).length).toBe(10);
  // The English default stored by migration 002 means "not named" (migration 008).
  expect((await t.ok('branding.get')).displayName).toBeNull();
});
