import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { queuedLink, snapshot, testCore, withAdministrator, type TestCore } from '../support/core';
import { createClient } from '../support/portfolio';

let t: TestCore;
afterEach(async () => t?.dispose());

async function admin() {
  t = testCore();
  await withAdministrator(t);
}

const full = {
  companyName: 'Bäckerei Müller GmbH',
  contactName: 'Anna Müller',
  contactEmail: 'Anna@Baeckerei-Mueller.example',
  contactPhone: '+49 30 1234567',
  street: 'Hauptstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  country: 'de',
  language: 'de',
  timeZone: 'Europe/Berlin',
  portalSsoUrl: 'https://portal.example.com/sso?token={token}',
  tags: ['Key  Account', 'vip', 'VIP'],
  notes: 'Pays by invoice.',
  features: ['calendar', 'sms-reminders'],
  seatLimit: 3,
  smsCredits: 500,
  callCredits: 60,
} as const;

describe('creating a client', () => {
  it('stores every detail, its features, seats and initial credits, and records it', async () => {
    await admin();
    const { client, warnings } = await t.ok('clients.create', { ...full, inviteFirstUser: false });
    expect(warnings).toEqual([]);
    expect(client).toMatchObject({
      companyName: 'Bäckerei Müller GmbH',
      contactEmail: 'anna@baeckerei-mueller.example',
      country: 'DE',
      language: 'de',
      timeZone: 'Europe/Berlin',
      portalSsoUrl: 'https://portal.example.com/sso?token={token}',
      tags: ['key account', 'vip'],
      notes: 'Pays by invoice.',
      status: 'active',
      features: ['calendar', 'sms-reminders'],
      seatLimit: 3,
      usersUsed: 0,
      credits: { sms: 500, call: 60 },
    });
    expect(client.ssoTokenMasked).toMatch(/^•{8}[0-9a-f]{4}$/);
    expect(await t.ok('clients.get', { id: client.id })).toEqual(client);
    const history = await t.ok('clients.credits.history', { id: client.id });
    expect(history.rows.map((r) => [r.kind, r.amount, r.reason])).toEqual([
      ['call', 60, 'initial'],
      ['sms', 500, 'initial'],
    ]);
    const [created] = (await t.ok('audit.list', { clientId: client.id })).rows;
    expect(created).toMatchObject({ action: 'client.created', actor: 'Ada Admin', after: { companyName: 'Bäckerei Müller GmbH', tags: 'key account, vip', smsCredits: 500 } });
  });

  it('invites the contact as the first client user instead of setting a password, and queues the mail', async () => {
    await admin();
    const { client } = await t.ok('clients.create', { ...full, inviteFirstUser: true });
    expect(client.usersUsed).toBe(1);
    const [user] = await t.ok('clientUsers.list', { clientId: client.id });
    expect(user).toMatchObject({ displayName: 'Anna Müller', email: 'anna@baeckerei-mueller.example', role: 'admin', status: 'invited', invitationExpiresAt: t.clock.now + 7 * 86_400_000 });
    const outbox = await t.ok('mail.outbox', { clientId: client.id });
    expect(outbox.total).toBe(1);
    // Until the reseller names their brand, the portal's name is the default in the client's language.
    expect(outbox.rows[0]).toMatchObject({ to: 'anna@baeckerei-mueller.example', subject: 'Ihre Einladung zu Kundenportal', linkPath: '/invite/…', clientName: client.companyName });
    expect(outbox.rows[0]!.body).toContain('Sie wurden zum Kundenportal-Konto von Bäckerei Müller GmbH eingeladen.');
    expect(outbox.rows[0]!.body).toContain('{link}');
    // The token leaves the workspace only in the mail; the workspace keeps its hash.
    const { sqlite } = t.core.host.database();
    const token = queuedLink(t).replace('/invite/', '');
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(sqlite.prepare('SELECT token_hash FROM client_invitations').pluck().get()).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(sqlite.prepare('SELECT * FROM client_invitations').all())).not.toContain(token);
    expect(JSON.stringify((await t.ok('audit.list', {})).rows)).not.toContain(token);

    // Named, the brand is the reseller's in every language.
    await t.ok('branding.update', { displayName: 'Acme Cloud' });
    await t.ok('clientUsers.create', { clientId: client.id, displayName: 'Ben', email: 'ben@baeckerei-mueller.example' });
    expect((await t.ok('mail.outbox', { clientId: client.id })).rows.map((m) => m.subject)).toContain('Ihre Einladung zu Acme Cloud');
  });

  it('refuses a contact e-mail another live client uses, naming that client, and changes nothing', async () => {
    await admin();
    const { client: first } = await createClient(t, { companyName: 'First Ltd', contactEmail: 'shared@example.com' });
    const before = snapshot(t);
    const error = await t.fail('clients.create', { companyName: 'Second Ltd', contactName: 'Sam', contactEmail: 'SHARED@example.com' });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([
      expect.objectContaining({ path: 'contactEmail', key: 'clients.duplicateEmail', params: { email: 'shared@example.com', id: first.id, companyName: 'First Ltd' } }),
    ]);
    expect(snapshot(t)).toBe(before);
    // An archived client does not hold its e-mail.
    await t.ok('clients.archive', { id: first.id });
    await createClient(t, { companyName: 'Second Ltd', contactEmail: 'shared@example.com' });
  });

  it('saves a repeated company name but warns about the other client', async () => {
    await admin();
    const { client: first } = await createClient(t, { companyName: 'Dental Care Ltd' });
    const { client, warnings } = await createClient(t, { companyName: 'DENTAL care ltd' });
    expect(client.companyName).toBe('DENTAL care ltd');
    expect(warnings).toEqual([expect.objectContaining({ path: 'companyName', key: 'clients.duplicateCompanyName', params: { id: first.id, companyName: 'Dental Care Ltd' } })]);
  });

  it('explains invalid e-mail, phone, country, time zone, portal address and tags, and changes nothing', async () => {
    await admin();
    const before = snapshot(t);
    const error = await t.fail('clients.create', {
      companyName: 'Bad Input Ltd',
      contactName: 'Bea',
      contactEmail: 'not-an-email',
      contactPhone: '030 1234567',
      country: 'Germany',
      timeZone: 'Mars/Olympus',
      portalSsoUrl: 'http://portal.example.com/sso',
      tags: ['ok', 'a,b'],
    });
    const keys = Object.fromEntries(error.fields!.map((f) => [f.path, f.key]));
    expect(keys).toEqual({
      contactEmail: 'validation.email',
      contactPhone: 'validation.phone',
      country: 'validation.country',
      timeZone: 'validation.timeZone',
      portalSsoUrl: 'validation.ssoUrlTemplate',
      'tags.1': 'validation.tag',
    });
    expect(error.fields!.find((f) => f.path === 'contactPhone')!.message).toContain('+49 30 1234567');
    for (const phone of ['+1 2', '+49 (30) 123-4567 890 123 456', '+0 30 1234567', '+49 30 12a4567']) {
      expect((await t.fail('clients.create', { companyName: 'P', contactName: 'P', contactEmail: 'p@example.com', contactPhone: phone })).fields?.[0]?.key, phone).toBe('validation.phone');
    }
    expect(snapshot(t)).toBe(before);
  });

  it('refuses features outside the plan', async () => {
    await admin();
    await t.ok('features.update', { key: 'api-access', inPlan: false });
    const before = snapshot(t);
    const error = await t.fail('clients.create', { companyName: 'X', contactName: 'X', contactEmail: 'x@example.com', features: ['calendar', 'api-access'] });
    expect(error.fields?.[0]).toMatchObject({ path: 'features', key: 'features.notInPlan', params: { feature: 'api-access' } });
    expect((await t.fail('clients.create', { companyName: 'X', contactName: 'X', contactEmail: 'x@example.com', features: ['teleportation'] })).fields?.[0]).toMatchObject({ key: 'features.notInPlan' });
    expect(snapshot(t)).toBe(before);
  });
});

describe('editing a client', () => {
  it('changes only the fields given, records before and after, and keeps search current', async () => {
    await admin();
    const { client } = await createClient(t, { companyName: 'Oldname Ltd', city: 'Bonn' });
    const { client: after } = await t.ok('clients.update', { id: client.id, companyName: 'Newname Ltd', tags: ['partner'], city: 'Bonn' });
    expect(after).toMatchObject({ companyName: 'Newname Ltd', city: 'Bonn', tags: ['partner'], contactEmail: client.contactEmail });
    const [entry] = (await t.ok('audit.list', { clientId: client.id })).rows;
    expect(entry).toMatchObject({ action: 'client.updated', before: { companyName: 'Oldname Ltd', tags: '' }, after: { companyName: 'Newname Ltd', tags: 'partner' } });
    expect(entry!.before).not.toHaveProperty('city');
    expect((await t.ok('clients.list', { query: 'oldname' })).total).toBe(0);
    expect((await t.ok('clients.list', { query: 'newname' })).total).toBe(1);
    expect((await t.ok('clients.list', { query: 'partn' })).total).toBe(1);
  });

  it('refuses an e-mail taken by another client but not the client’s own', async () => {
    await admin();
    const { client: a } = await createClient(t, { contactEmail: 'a@example.com' });
    const { client: b } = await createClient(t, { contactEmail: 'b@example.com' });
    await t.ok('clients.update', { id: a.id, contactEmail: 'A@example.com' });
    const before = snapshot(t);
    const error = await t.fail('clients.update', { id: a.id, contactEmail: 'b@example.com' });
    expect(error.fields?.[0]).toMatchObject({ key: 'clients.duplicateEmail', params: { id: b.id } });
    expect(snapshot(t)).toBe(before);
  });
});

describe('suspending, re-enabling, archiving and restoring', () => {
  it('suspends with a reason, re-enables, archives and restores, each recorded', async () => {
    await admin();
    const { client } = await createClient(t);
    expect(await t.ok('clients.suspend', { id: client.id, reason: 'Invoice 2026-11 unpaid' })).toMatchObject({ status: 'suspended', suspensionReason: 'Invoice 2026-11 unpaid' });
    expect(await t.ok('clients.reenable', { id: client.id })).toMatchObject({ status: 'active', suspensionReason: null });
    await t.ok('clients.suspend', { id: client.id, reason: 'Again' });
    expect(await t.ok('clients.archive', { id: client.id })).toMatchObject({ status: 'archived', suspensionReason: 'Again' });
    // A client archived while suspended comes back suspended.
    expect(await t.ok('clients.restore', { id: client.id })).toMatchObject({ status: 'suspended' });
    const actions = (await t.ok('audit.list', { clientId: client.id })).rows.map((r) => r.action);
    expect(actions.slice(0, 5)).toEqual(['client.restored', 'client.archived', 'client.suspended', 'client.reenabled', 'client.suspended']);
  });

  it('refuses changes that do not apply and any change to an archived client', async () => {
    await admin();
    const { client } = await createClient(t);
    expect(await t.fail('clients.reenable', { id: client.id })).toMatchObject({ code: 'CONFLICT', key: 'clients.cannot.reenable', params: { status: 'active' } });
    expect(await t.fail('clients.restore', { id: client.id })).toMatchObject({ key: 'clients.cannot.restore' });
    expect((await t.fail('clients.suspend', { id: client.id, reason: '  ' })).fields?.[0]).toMatchObject({ path: 'reason', key: 'validation.required' });
    await t.ok('clients.archive', { id: client.id });
    const before = snapshot(t);
    for (const [channel, input] of [
      ['clients.update', { id: client.id, city: 'Paris' }],
      ['clients.suspend', { id: client.id, reason: 'x' }],
      ['clients.features.set', { id: client.id, features: ['calendar'] }],
      ['clients.seats.set', { id: client.id, seatLimit: 9 }],
      ['clients.credits.add', { id: client.id, kind: 'sms', reason: 'top_up', amount: 5 }],
      ['clientUsers.create', { clientId: client.id, displayName: 'U', email: 'u@example.com' }],
      ['clients.ssoToken.rotate', { id: client.id }],
    ] as const) {
      expect(await t.fail(channel, input), channel).toMatchObject({ code: expect.stringMatching(/CONFLICT/), key: expect.stringMatching(/^clients\.(archived|cannot\.suspend)$/) });
    }
    expect(snapshot(t)).toBe(before);
  });

  it('does not restore a client whose e-mail another client took meanwhile, unless given a new one', async () => {
    await admin();
    const { client } = await createClient(t, { contactEmail: 'same@example.com' });
    await t.ok('clients.archive', { id: client.id });
    const { client: other } = await createClient(t, { contactEmail: 'same@example.com' });
    const before = snapshot(t);
    expect((await t.fail('clients.restore', { id: client.id })).fields?.[0]).toMatchObject({ path: 'contactEmail', key: 'clients.duplicateEmail', params: { id: other.id } });
    // The new e-mail obeys the same rules: valid, and not another live client's.
    expect((await t.fail('clients.restore', { id: client.id, contactEmail: 'not-an-email' })).fields?.[0]).toMatchObject({ path: 'contactEmail' });
    expect((await t.fail('clients.restore', { id: client.id, contactEmail: 'SAME@example.com' })).fields?.[0]).toMatchObject({ key: 'clients.duplicateEmail' });
    expect(snapshot(t)).toBe(before);

    expect(await t.ok('clients.restore', { id: client.id, contactEmail: 'New@Example.com' })).toMatchObject({ status: 'active', contactEmail: 'new@example.com' });
    expect((await t.ok('clients.list', { query: 'new@example' })).rows.map((r) => r.id)).toEqual([client.id]);
    const [entry] = (await t.ok('audit.list', { clientId: client.id })).rows;
    expect(entry).toMatchObject({ action: 'client.restored', before: { contactEmail: 'same@example.com' }, after: { contactEmail: 'new@example.com', status: 'active' } });
  });
});

describe('SSO token', () => {
  it('is masked, revealed on request (audited, never in the trail), and rotated so the old one finds nothing', async () => {
    await admin();
    const { client } = await createClient(t);
    const { token } = await t.ok('clients.ssoToken.reveal', { id: client.id });
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(client.ssoTokenMasked.slice(-4)).toBe(token.slice(-4));
    const { ssoTokenMasked } = await t.ok('clients.ssoToken.rotate', { id: client.id });
    const { token: fresh } = await t.ok('clients.ssoToken.reveal', { id: client.id });
    expect(fresh).not.toBe(token);
    expect(ssoTokenMasked.slice(-4)).toBe(fresh.slice(-4));
    expect((await t.ok('clients.get', { id: client.id })).ssoTokenMasked).toBe(ssoTokenMasked);
    const trail = (await t.ok('audit.list', { clientId: client.id })).rows;
    expect(trail.map((r) => r.action).slice(0, 3)).toEqual(['client.ssoTokenRevealed', 'client.ssoTokenRotated', 'client.ssoTokenRevealed']);
    expect(JSON.stringify(trail)).not.toContain(token);
    expect(JSON.stringify(trail)).not.toContain(fresh);
  });
});
