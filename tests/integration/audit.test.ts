import { afterEach, describe, expect, it } from 'vitest';
import { writeWithAudit } from '../../electron/audit/write';
import { clientUserPortal } from '../../electron/client-users/portal-accounts';
import { insertClient } from '../../electron/clients/repository';
import { hashPassword } from '../../electron/operators/passwords';
import { demoClients } from '../../electron/workspace/demo';
import { ADMIN, makeDataDir, snapshot, testCore, withAdministrator, workspaceAtVersion, type TestCore } from '../support/core';
import { createClient } from '../support/portfolio';

let t: TestCore;
afterEach(() => t?.dispose());

describe('audit log', () => {
  it('refuses to be changed or deleted', async () => {
    t = testCore();
    await withAdministrator(t);
    const { sqlite } = t.core.host.database();
    expect(() => sqlite.exec("UPDATE audit_log SET actor = 'someone else'")).toThrow(/append-only/);
    expect(() => sqlite.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });

  it('rolls back a write that records nothing, and one that fails half-way', async () => {
    t = testCore();
    await withAdministrator(t);
    const { db, sealer } = t.core.host.database();
    const [client] = [...demoClients(1)];
    const before = snapshot(t);
    expect(() => writeWithAudit(db, { kind: 'system', name: 'test' }, 0, (tx) => insertClient(tx, sealer, client!, 0))).toThrow(/audit/);
    expect(() =>
      writeWithAudit(db, { kind: 'system', name: 'test' }, 0, (tx, audit) => {
        const id = insertClient(tx, sealer, client!, 0);
        audit({ action: 'client.created', clientId: id, summary: 'x' });
        throw new Error('something failed after the insert');
      }),
    ).toThrow(/after the insert/);
    expect(snapshot(t)).toBe(before);
  });

  it('keeps who, what, which client, when and before/after, newest first', async () => {
    t = testCore();
    await withAdministrator(t);
    const { db, sealer } = t.core.host.database();
    const at = Date.UTC(2026, 0, 2);
    writeWithAudit(db, { kind: 'operator', id: 1, name: 'Ada Admin' }, at, (tx, audit) => {
      const id = insertClient(tx, sealer, [...demoClients(1)][0]!, at);
      audit({ action: 'client.created', clientId: id, summary: 'created', after: { status: 'active' } });
      audit({ action: 'client.suspended', clientId: id, summary: 'suspended', before: { status: 'active' }, after: { status: 'suspended' } });
    });
    const { rows, total } = await t.ok('audit.list', { clientId: 1 });
    expect(total).toBe(2);
    expect(rows[0]).toMatchObject({ at, actor: 'Ada Admin', action: 'client.suspended', clientId: 1, before: { status: 'active' }, after: { status: 'suspended' } });
    expect(rows[1]).toMatchObject({ action: 'client.created', before: null, after: { status: 'active' } });
  });
});

/** An operator limited to client 1 (operator 2, "Agent"), not signed in yet. */
async function addLimitedOperator(t: TestCore): Promise<void> {
  const { sqlite } = t.core.host.database();
  sqlite
    .prepare("INSERT INTO operators (id, email, display_name, password_hash, role_id, all_clients, created_at) VALUES (2, 'agent@example.com', 'Agent', ?, 1, 0, 0)")
    .run(await hashPassword('agent password'));
  sqlite.prepare('INSERT INTO operator_clients (operator_id, client_id) VALUES (2, 1)').run();
}

const signInAs = async (t: TestCore, email: string, password: string) => {
  await t.ok('session.signOut');
  await t.ok('session.signIn', { email, password });
};

describe('who acted', () => {
  it('tells operators, client users, the portal and anonymous callers apart; an operator’s own actions are an operator’s', async () => {
    t = testCore();
    await withAdministrator(t);
    await createClient(t, { companyName: 'Mine GmbH', inviteFirstUser: false });
    const { client: other } = await createClient(t, { companyName: 'Other AG', inviteFirstUser: false });
    // Client user 2 of a client beyond the agent's reach: the same id as the agent, operator 2.
    await t.ok('clientUsers.create', { clientId: other.id, displayName: 'Una', email: 'una@other.example' });
    await t.ok('clientUsers.create', { clientId: other.id, displayName: 'Uwe', email: 'uwe@other.example' });
    const { sqlite } = t.core.host.database();
    sqlite.prepare("UPDATE client_users SET status = 'active', password_hash = ? WHERE id = 2").run(await hashPassword('uwe password'));
    await addLimitedOperator(t);

    const portal = clientUserPortal(() => t.core.context());
    expect(await portal.signInClientUser(other.id, 'uwe@other.example', 'not his password', '203.0.113.9')).toMatchObject({ refused: 'wrong' });
    expect(await portal.signInClientUser(other.id, 'nobody@other.example', 'any password', '203.0.113.9')).toMatchObject({ refused: 'wrong' });
    expect(await portal.signInClientUser(other.id, 'UWE@other.example', 'uwe password', '203.0.113.9')).toMatchObject({ clientUserId: 2 });
    const trail = (await t.ok('audit.list', { clientId: other.id })).rows.map((r) => [r.action, r.actorKind, r.actor]);
    expect(trail.slice(0, 3)).toEqual([
      ['portal.clientUserSignedIn', 'client_user', 'Uwe <uwe@other.example>'],
      ['session.signInFailed', 'anonymous', 'nobody@other.example'],
      ['session.signInFailed', 'client_user', 'Uwe <uwe@other.example>'],
    ]);
    expect(trail.filter(([action]) => action === 'clientUser.invited').every(([, kind, actor]) => kind === 'operator' && actor === ADMIN.displayName)).toBe(true);

    // The agent reads their own actions and their client's, nothing of client user 2 of a client beyond reach.
    await signInAs(t, 'agent@example.com', 'agent password');
    const seen = (await t.ok('audit.list', {})).rows;
    expect(seen.filter((r) => r.clientId === other.id)).toEqual([]);
    expect(seen[0]).toMatchObject({ action: 'session.signedIn', actorKind: 'operator', actor: 'Agent', clientId: null });
  });

  it('sorts the entries of an earlier version by who wrote them (migration 012)', async () => {
    const dataDir = makeDataDir();
    const old = workspaceAtVersion(dataDir, 9);
    old.prepare("INSERT INTO operators (id, email, display_name, password_hash, role_id, created_at) VALUES (1, ?, 'Ada Admin', ?, 1, 0)").run(ADMIN.email, await hashPassword(ADMIN.password));
    old.prepare("INSERT INTO operators (id, email, display_name, password_hash, role_id, all_clients, created_at) VALUES (2, 'agent@example.com', 'Agent', ?, 1, 0, 0)").run(await hashPassword('agent password'));
    const client = old.prepare("INSERT INTO clients (id, company_name, name_key, contact_email, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)");
    client.run(1, 'Mine GmbH', 'mine gmbh', 'mine@example.com');
    client.run(2, 'Other AG', 'other ag', 'other@example.com');
    old.prepare('INSERT INTO operator_clients (operator_id, client_id) VALUES (2, 1)').run();
    old.prepare("INSERT INTO client_users (id, client_id, display_name, email, role, status, created_at) VALUES (2, 2, 'Uwe', 'uwe@other.example', 'user', 'active', 0)").run();
    const entry = old.prepare('INSERT INTO audit_log (at, operator_id, actor, action, client_id, summary) VALUES (?, ?, ?, ?, ?, ?)');
    entry.run(1, 1, 'Ada Admin', 'client.created', 2, 'an operator’s change');
    entry.run(2, 2, 'uwe@other.example', 'session.signInFailed', 2, 'a known client user’s failed sign-in');
    entry.run(3, null, 'nobody@other.example', 'session.signInFailed', 2, 'an unknown e-mail on the portal');
    entry.run(4, 2, 'agent@example.com', 'session.signInFailed', null, 'a known operator’s failed sign-in');
    entry.run(5, null, 'nobody@example.com', 'session.signInFailed', null, 'an unknown e-mail on the desktop');
    entry.run(6, null, 'uwe@other.example', 'clientUser.activated', 2, 'an invitation accepted');
    entry.run(7, null, 'UWE@other.example', 'portal.clientUserSignedIn', 2, 'a client user signed in');
    entry.run(8, null, 'gone@other.example', 'portal.clientUserSignedIn', 2, 'one whose e-mail changed since');
    entry.run(9, null, 'Built-in portal', 'portal.tokenRefused', 2, 'the portal refused a link');
    entry.run(10, null, 'system', 'workspace.demoCreated', null, 'the app itself');
    old.close();

    t = testCore(dataDir);
    const { sqlite } = t.core.host.database();
    expect(sqlite.prepare('SELECT at, actor_kind, actor_id FROM audit_log ORDER BY id').raw().all()).toEqual([
      [1, 'operator', 1],
      [2, 'client_user', 2],
      [3, 'anonymous', null],
      [4, 'operator', 2],
      [5, 'anonymous', null],
      [6, 'client_user', 2],
      [7, 'client_user', 2],
      [8, 'client_user', null],
      [9, 'system', null],
      [10, 'system', null],
    ]);
    expect(() => sqlite.exec("UPDATE audit_log SET actor = 'someone else'")).toThrow(/append-only/);
    // The agent (operator 2) reads their own failed sign-in, not client user 2's.
    await t.ok('session.signIn', { email: 'agent@example.com', password: 'agent password' });
    expect((await t.ok('audit.list', {})).rows.map((r) => r.at).filter((at) => at <= 10)).toEqual([4]);
  });
});
