import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../electron/operators/passwords';
import type { ChannelName } from '../../shared/ipc/contract';
import { testCore, withAdministrator, type TestCore } from '../support/core';
import { createClient, csv, previewImport } from '../support/portfolio';

/**
 * An operator limited to some clients must not learn which others exist: a
 * client beyond their reach answers exactly as a client that does not exist,
 * on every channel that takes a client, and what they read back (their own
 * audit entries, duplicate warnings) does not tell them apart either.
 */

const cores: TestCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.dispose()));
});

const OTHER = { companyName: 'Other AG', contactName: 'Otto Other', contactEmail: 'other@example.com' };

/** Client 1 assigned to a limited operator, who is signed in; with `other`, client 2 exists beyond their reach. */
async function limitedOperator(other: boolean): Promise<TestCore> {
  const t = testCore();
  cores.push(t);
  await withAdministrator(t);
  await createClient(t, { companyName: 'Mine GmbH', contactName: 'Max Mine', contactEmail: 'mine@example.com' });
  if (other) await createClient(t, OTHER);
  const { sqlite } = t.core.host.database();
  const agent = sqlite
    .prepare("INSERT INTO operators (email, display_name, password_hash, role_id, all_clients, created_at) VALUES ('agent@example.com', 'Agent', ?, 1, 0, 0)")
    .run(await hashPassword('agent password')).lastInsertRowid;
  sqlite.prepare('INSERT INTO operator_clients (operator_id, client_id) VALUES (?, 1)').run(agent);
  await t.ok('session.signOut');
  await t.ok('session.signIn', { email: 'agent@example.com', password: 'agent password' });
  return t;
}

/** Every channel that takes a client or a list of them, asked about client `id`. */
const aboutClient = (id: number): [ChannelName, unknown][] => [
  ['clients.get', { id }],
  ['clients.update', { id, city: 'Berlin' }],
  ['clients.features.set', { id, features: [] }],
  ['clients.suspend', { id, reason: 'unpaid' }],
  ['clients.reenable', { id }],
  ['clients.archive', { id }],
  ['clients.restore', { id }],
  ['clients.ssoToken.reveal', { id }],
  ['clients.ssoToken.rotate', { id }],
  ['clients.credits.add', { id, kind: 'sms', reason: 'top_up', amount: 5 }],
  ['clients.credits.history', { id }],
  ['clients.seats.set', { id, seatLimit: 5 }],
  ['clientUsers.list', { clientId: id }],
  ['clientUsers.create', { clientId: id, displayName: 'Ute', email: 'ute@example.com' }],
  ['audit.list', { clientId: id }],
  ['mail.outbox', { clientId: id }],
  ['impersonation.check', { clientId: id }],
  ['impersonation.open', { clientId: id, view: 'client' }],
  ['impersonation.history', { clientId: id }],
  ['impersonation.access.get', { clientId: id }],
  ['impersonation.access.update', { clientId: id, partnerAccess: 'refused', partnerAccessUntil: null }],
  ['clients.bulk.tags', { ids: [1, id], add: ['vip'] }],
  ['clients.bulk.status', { ids: [1, id], status: 'suspended', reason: 'unpaid' }],
  ['clients.bulk.feature', { ids: [1, id], feature: 'calendar', enabled: true }],
  ['clients.bulk.credits', { ids: [1, id], kind: 'sms', amount: 10 }],
  ['clients.bulk.export', { ids: [1, id] }],
];

describe('clients beyond an operator’s reach', () => {
  it('answer every channel exactly as a client that does not exist, and leave the same trail', async () => {
    const [beyond, missing] = [await limitedOperator(true), await limitedOperator(false)];
    for (const [channel, input] of aboutClient(2)) {
      const [a, b] = [await beyond.fail(channel, input), await missing.fail(channel, input)];
      expect(a, channel).toEqual(b);
      expect(a.code, channel).toBe('NOT_FOUND');
    }
    // Their own entries (a refused log-in-as among them) read the same in both workspaces.
    const trail = async (t: TestCore) => (await t.ok('audit.list', {})).rows.map(({ id: _id, ...row }) => row);
    expect(await trail(beyond)).toEqual(await trail(missing));
  });

  it('are not named by the duplicate rules: a taken e-mail is refused without saying whose, a same name is not mentioned', async () => {
    const t = await limitedOperator(true);
    const refused = await t.fail('clients.create', { ...OTHER, contactName: 'Olga' });
    expect(refused.fields).toEqual([{ path: 'contactEmail', key: 'clients.duplicateEmailElsewhere', message: 'other@example.com is already the contact e-mail of another client.', params: { email: OTHER.contactEmail } }]);
    const saved = await t.ok('clients.create', { ...OTHER, contactEmail: 'olga@example.com', contactName: 'Olga', inviteFirstUser: false });
    expect(saved.warnings).toEqual([]);
    expect((await t.fail('clients.update', { id: 1, contactEmail: OTHER.contactEmail })).fields?.[0]).toMatchObject({ key: 'clients.duplicateEmailElsewhere', params: { email: OTHER.contactEmail } });

    const { preview } = await previewImport(t, csv('company_name,contact_name,contact_email', `Other AG,Olga,${OTHER.contactEmail}`, 'Other AG,Olaf,olaf@example.com'));
    expect(preview.errors).toEqual([expect.objectContaining({ row: 2, key: 'clients.duplicateEmailElsewhere', params: { email: OTHER.contactEmail } })]);
    // Olga's client (created above, within reach) has the same name; the one beyond reach is not named.
    expect(preview.warnings.map((w) => w.params)).toEqual([{ id: saved.client.id, companyName: 'Other AG' }]);
    expect(JSON.stringify(preview)).not.toMatch(/"id":2\b/);
  });
});
