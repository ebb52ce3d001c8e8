import { afterEach, describe, expect, it } from 'vitest';
import { writeWithAudit } from '../../electron/audit/write';
import { insertClient } from '../../electron/clients/repository';
import { demoClients } from '../../electron/workspace/demo';
import { snapshot, testCore, withAdministrator, type TestCore } from '../support/core';

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
    expect(() => writeWithAudit(db, { id: null, name: 'test' }, 0, (tx) => insertClient(tx, sealer, client!, 0))).toThrow(/audit/);
    expect(() =>
      writeWithAudit(db, { id: null, name: 'test' }, 0, (tx, audit) => {
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
    writeWithAudit(db, { id: 1, name: 'Ada Admin' }, at, (tx, audit) => {
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
