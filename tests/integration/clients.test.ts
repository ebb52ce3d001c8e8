import { afterEach, describe, expect, it } from 'vitest';
import { insertClient, type NewClient } from '../../electron/clients/repository';
import { writeWithAudit } from '../../electron/audit/write';
import { hashPassword } from '../../electron/operators/passwords';
import { testCore, withAdministrator, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.dispose());

const base: NewClient = {
  companyName: '',
  contactName: 'Sam Contact',
  contactEmail: '',
  contactPhone: '+49 30 1234567',
  street: 'Hauptstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  country: 'DE',
  language: 'de',
  timeZone: 'Europe/Berlin',
  status: 'active',
};

function addClients(clients: Partial<NewClient>[]): number[] {
  const { db, sealer } = t.core.host.database();
  return writeWithAudit(db, { kind: 'system', name: 'test' }, 0, (tx, audit) =>
    clients.map((c, i) => {
      const id = insertClient(tx, sealer, { ...base, contactEmail: `c${i}@example.com`, ...c }, 0);
      audit({ action: 'client.created', clientId: id, summary: 'test' });
      return id;
    }),
  );
}

const names = async (input: object) => (await t.ok('clients.list', input)).rows.map((r) => r.companyName);

describe('client list', () => {
  it('sorts by name with accents and case folded, and pages through', async () => {
    t = testCore();
    await withAdministrator(t);
    addClients([{ companyName: 'zeta Labs' }, { companyName: 'Äpfel & Co' }, { companyName: 'apfelhof' }, { companyName: 'Bäckerei Müller' }, { companyName: 'Acme' }]);
    expect(await names({})).toEqual(['Acme', 'Äpfel & Co', 'apfelhof', 'Bäckerei Müller', 'zeta Labs']);
    const page = await t.ok('clients.list', { offset: 2, limit: 2 });
    expect(page).toMatchObject({ total: 5, offset: 2 });
    expect(page.rows.map((r) => r.companyName)).toEqual(['apfelhof', 'Bäckerei Müller']);
  });

  it('finds by the start of any word in name, contact or e-mail, accent-insensitive both ways', async () => {
    t = testCore();
    await withAdministrator(t);
    addClients([
      { companyName: 'Bäckerei Müller GmbH', contactName: 'Anna Schmidt', contactEmail: 'anna@baeckerei-mueller.de' },
      { companyName: 'Mullen Dental', contactName: 'Olivia Smith', contactEmail: 'olivia@mullen.co.uk' },
      { companyName: 'Northwind Traders', contactName: 'Jürgen Weiß', contactEmail: 'j.weiss@northwind.example' },
    ]);
    // Typed without umlauts (an English keyboard) or with them, both spellings are found.
    expect(await names({ query: 'mul' })).toEqual(['Bäckerei Müller GmbH', 'Mullen Dental']);
    expect(await names({ query: 'mül' })).toEqual(['Bäckerei Müller GmbH', 'Mullen Dental']);
    expect(await names({ query: 'müller' })).toEqual(['Bäckerei Müller GmbH']);
    expect(await names({ query: 'jurg' })).toEqual(['Northwind Traders']);
    expect(await names({ query: 'anna@baeck' })).toEqual(['Bäckerei Müller GmbH']);
    expect(await names({ query: 'olivia mullen' })).toEqual(['Mullen Dental']);
    expect(await names({ query: 'olivia northwind' })).toEqual([]);
    expect(await names({ query: 'ller' })).toEqual([]);
    expect((await t.ok('clients.list', { query: 'mul' })).total).toBe(2);
  });

  it('takes search syntax as plain text', async () => {
    t = testCore();
    await withAdministrator(t);
    addClients([{ companyName: 'AND OR NOT Ltd' }, { companyName: 'Quote "Shop"' }]);
    for (const query of ['"', 'AND', 'NEAR(', '*', 'company_name:x', '-', '^', 'a OR', '   ', '()']) {
      const result = await t.call('clients.list', { query });
      expect(result.ok, query).toBe(true);
    }
    expect(await names({ query: 'quote "shop' })).toEqual(['Quote "Shop"']);
    expect(await names({ query: 'and or' })).toEqual(['AND OR NOT Ltd']);
  });

  it('filters by status', async () => {
    t = testCore();
    await withAdministrator(t);
    addClients([{ companyName: 'A', status: 'active' }, { companyName: 'S', status: 'suspended' }, { companyName: 'R', status: 'archived' }]);
    expect(await names({ status: 'suspended' })).toEqual(['S']);
    expect(await names({ status: 'archived' })).toEqual(['R']);
    expect((await t.ok('clients.list', {})).total).toBe(3);
  });

  it('follows renames in search', async () => {
    t = testCore();
    await withAdministrator(t);
    const [id] = addClients([{ companyName: 'Oldname Ltd' }]);
    t.core.host.database().sqlite.prepare("UPDATE clients SET company_name = 'Newname Ltd' WHERE id = ?").run(id);
    expect(await names({ query: 'oldname' })).toEqual([]);
    expect(await names({ query: 'newname' })).toEqual(['Newname Ltd']);
  });
});

describe('client detail and reach', () => {
  it('shows a client in full and says when it does not exist', async () => {
    t = testCore();
    await withAdministrator(t);
    const [id] = addClients([{ companyName: 'Detail GmbH' }]);
    expect(await t.ok('clients.get', { id: id! })).toMatchObject({ id, companyName: 'Detail GmbH', street: 'Hauptstraße 1', timeZone: 'Europe/Berlin', language: 'de' });
    expect(await t.fail('clients.get', { id: 999 })).toMatchObject({ code: 'NOT_FOUND', key: 'clients.notFound', params: { id: 999 } });
  });

  it('limits an operator to their accessible accounts', async () => {
    t = testCore();
    await withAdministrator(t);
    const [mine, other] = addClients([{ companyName: 'Mine AG' }, { companyName: 'Other AG' }]);
    const { sqlite } = t.core.host.database();
    const opId = sqlite
      .prepare("INSERT INTO operators (email, display_name, password_hash, role_id, all_clients, created_at) VALUES ('agent@example.com', 'Agent', ?, 1, 0, 0)")
      .run(await hashPassword('agent password')).lastInsertRowid;
    sqlite.prepare('INSERT INTO operator_clients (operator_id, client_id) VALUES (?, ?)').run(opId, mine);
    await t.ok('session.signOut');
    await t.ok('session.signIn', { email: 'agent@example.com', password: 'agent password' });
    expect(await names({})).toEqual(['Mine AG']);
    expect((await t.ok('clients.list', { query: 'other' })).total).toBe(0);
    expect(await t.fail('clients.get', { id: other! })).toMatchObject({ code: 'NOT_FOUND', key: 'clients.notFound' });
    expect((await t.fail('audit.list', { clientId: other! })).key).toBe('clients.notFound');
    const trail = await t.ok('audit.list', {});
    expect(trail.rows.every((r) => r.clientId === mine || r.actor === 'Agent')).toBe(true);
  });
});
