import { afterEach, describe, expect, it } from 'vitest';
import { snapshot, testCore, withAdministrator, type TestCore } from '../support/core';
import { createClient } from '../support/portfolio';

let t: TestCore;
afterEach(async () => t?.dispose());

async function admin() {
  t = testCore();
  await withAdministrator(t);
}

describe('feature catalogue', () => {
  it('lists the platform features with plan and white-label flags, and changes them with a record', async () => {
    await admin();
    const catalogue = await t.ok('features.list');
    expect(catalogue.map((f) => f.key)).toEqual([
      'calendar',
      'online-booking',
      'sms-reminders',
      'phone-calls',
      'invoices',
      'crm-contacts',
      'reports',
      'api-access',
      'white-label-app',
      'integrations',
    ]);
    expect(catalogue.every((f) => f.inPlan && !f.hidden && f.clients === 0)).toBe(true);
    expect(await t.ok('features.update', { key: 'reports', hidden: true })).toEqual({ key: 'reports', inPlan: true, hidden: true, clients: 0 });
    expect(await t.ok('features.update', { key: 'api-access', inPlan: false })).toMatchObject({ inPlan: false, hidden: false });
    const [entry] = (await t.ok('audit.list', {})).rows;
    expect(entry).toMatchObject({ action: 'feature.changed', before: { feature: 'api-access', inPlan: true }, after: { feature: 'api-access', inPlan: false } });
    expect((await t.fail('features.update', { key: 'teleportation', hidden: true })).key).toBe('features.unknown');
  });

  it('keeps a feature in the plan while clients use it', async () => {
    await admin();
    await createClient(t, { features: ['invoices'] });
    const before = snapshot(t);
    expect(await t.fail('features.update', { key: 'invoices', inPlan: false })).toMatchObject({ code: 'CONFLICT', key: 'features.inUse', params: { feature: 'invoices', clients: 1 } });
    expect(snapshot(t)).toBe(before);
  });

  it('enables plan features per client and refuses others, recording the change', async () => {
    await admin();
    const { client } = await createClient(t, { features: ['calendar'] });
    expect(await t.ok('clients.features.set', { id: client.id, features: ['reports', 'calendar'] })).toEqual({ features: ['calendar', 'reports'] });
    await t.ok('features.update', { key: 'api-access', inPlan: false });
    const before = snapshot(t);
    expect((await t.fail('clients.features.set', { id: client.id, features: ['calendar', 'api-access'] })).fields?.[0]).toMatchObject({ key: 'features.notInPlan', params: { feature: 'api-access' } });
    expect(snapshot(t)).toBe(before);
    expect(await t.ok('clients.features.set', { id: client.id, features: [] })).toEqual({ features: [] });
    const [entry] = (await t.ok('audit.list', { clientId: client.id })).rows;
    expect(entry).toMatchObject({ action: 'client.featuresChanged', before: { features: 'calendar, reports' }, after: { features: '' } });
  });
});

describe('seats and client users', () => {
  it('invites users within the seat limit and refuses one beyond it with the numbers', async () => {
    await admin();
    const { client } = await createClient(t, { seatLimit: 2, inviteFirstUser: true });
    const user = await t.ok('clientUsers.create', { clientId: client.id, displayName: 'Ute', email: 'ute@example.com' });
    expect(user).toMatchObject({ role: 'user', status: 'invited' });
    const before = snapshot(t);
    const refused = await t.fail('clientUsers.create', { clientId: client.id, displayName: 'Vic', email: 'vic@example.com' });
    expect(refused).toMatchObject({ code: 'CONFLICT', key: 'clients.seatLimitReached', params: { used: 2, limit: 2 } });
    expect(refused.message).toContain('2');
    expect(snapshot(t)).toBe(before);
    expect(await t.ok('clients.seats.set', { id: client.id, seatLimit: 3 })).toEqual({ seatLimit: 3, usersUsed: 2 });
    await t.ok('clientUsers.create', { clientId: client.id, displayName: 'Vic', email: 'vic@example.com' });
    expect((await t.ok('clients.get', { id: client.id })).usersUsed).toBe(3);
    expect((await t.ok('clientUsers.list', { clientId: client.id })).map((u) => u.email)).toEqual([client.contactEmail, 'ute@example.com', 'vic@example.com']);
    expect((await t.ok('mail.outbox', { clientId: client.id })).total).toBe(3);
  });

  it('refuses a seat limit below the users holding seats, and a user e-mail twice', async () => {
    await admin();
    const { client } = await createClient(t, { seatLimit: 3, inviteFirstUser: true });
    await t.ok('clientUsers.create', { clientId: client.id, displayName: 'Ute', email: 'ute@example.com' });
    const before = snapshot(t);
    expect(await t.fail('clients.seats.set', { id: client.id, seatLimit: 1 })).toMatchObject({ key: 'clients.seatsBelowUsed', params: { used: 2, requested: 1 } });
    expect((await t.fail('clientUsers.create', { clientId: client.id, displayName: 'Ute 2', email: 'UTE@example.com' })).fields?.[0]).toMatchObject({
      path: 'email',
      key: 'clientUsers.duplicateEmail',
    });
    expect(snapshot(t)).toBe(before);
  });
});

describe('credits', () => {
  it('keeps a ledger whose sum is the balance, with history and running balance', async () => {
    await admin();
    const { client } = await createClient(t, { smsCredits: 100 });
    expect(await t.ok('clients.credits.add', { id: client.id, kind: 'sms', reason: 'top_up', amount: 50 })).toEqual({ sms: 150, call: 0 });
    expect(await t.ok('clients.credits.add', { id: client.id, kind: 'sms', reason: 'usage', amount: -30 })).toEqual({ sms: 120, call: 0 });
    expect(await t.ok('clients.credits.add', { id: client.id, kind: 'call', reason: 'correction', amount: 10, note: 'Goodwill after outage' })).toEqual({ sms: 120, call: 10 });
    const history = await t.ok('clients.credits.history', { id: client.id, kind: 'sms', limit: 2 });
    expect(history.total).toBe(3);
    expect(history.rows.map((r) => [r.reason, r.amount, r.balanceAfter, r.actor])).toEqual([
      ['usage', -30, 120, 'Ada Admin'],
      ['top_up', 50, 150, 'Ada Admin'],
    ]);
    expect((await t.ok('clients.credits.history', { id: client.id, offset: 3 })).rows).toEqual([expect.objectContaining({ reason: 'initial', amount: 100, balanceAfter: 100 })]);
    const [entry] = (await t.ok('audit.list', { clientId: client.id })).rows;
    expect(entry).toMatchObject({ action: 'client.credits', before: { call: 0 }, after: { call: 10 } });
  });

  it('never goes negative, and wants a note for corrections and the right sign', async () => {
    await admin();
    const { client } = await createClient(t, { callCredits: 20 });
    const before = snapshot(t);
    const error = await t.fail('clients.credits.add', { id: client.id, kind: 'call', reason: 'usage', amount: -21 });
    expect(error).toMatchObject({ code: 'CONFLICT', key: 'credits.wouldGoNegative', params: { kind: 'call', balance: 20, amount: -21 } });
    expect(error.message).toContain('20');
    expect((await t.fail('clients.credits.add', { id: client.id, kind: 'call', reason: 'correction', amount: -25, note: 'Fix' })).key).toBe('credits.wouldGoNegative');
    expect((await t.fail('clients.credits.add', { id: client.id, kind: 'call', reason: 'correction', amount: -5 })).fields?.[0]).toMatchObject({ path: 'note', key: 'credits.noteRequired' });
    expect((await t.fail('clients.credits.add', { id: client.id, kind: 'call', reason: 'top_up', amount: -5 })).fields?.[0]).toMatchObject({ key: 'credits.topUpPositive' });
    expect((await t.fail('clients.credits.add', { id: client.id, kind: 'call', reason: 'usage', amount: 5 })).fields?.[0]).toMatchObject({ key: 'credits.usageNegative' });
    expect((await t.fail('clients.credits.add', { id: client.id, kind: 'call', reason: 'top_up', amount: 0 })).fields?.[0]).toMatchObject({ key: 'credits.zero' });
    expect(snapshot(t)).toBe(before);
    expect(await t.ok('clients.credits.add', { id: client.id, kind: 'call', reason: 'usage', amount: -20 })).toEqual({ sms: 0, call: 0 });
  });
});
