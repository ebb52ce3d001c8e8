import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hashPassword } from '../../electron/operators/passwords';
import { channelNames, contract, type ChannelInput, type ChannelName } from '../../shared/ipc/contract';
import { ADMIN, WORKSPACE_ORIGIN, snapshot, testCore, withAdministrator, type TestCore } from '../support/core';

/** A well-formed input for every channel; the type makes a new channel without one a compile error. */
const valid: { [C in ChannelName]: ChannelInput<C> } = {
  'app.info': undefined,
  'workspace.status': undefined,
  'workspace.createAdministrator': { displayName: 'Bea', email: 'bea@example.com', password: 'long enough password' },
  'workspace.openDemo': undefined,
  'workspace.open': { file: '/tmp/reseller-desk-never-created.sqlite' },
  'workspace.browse': undefined,
  'session.current': undefined,
  'session.signIn': { email: ADMIN.email, password: 'wrong but well-formed' },
  'session.signOut': undefined,
  'preferences.get': undefined,
  'preferences.update': { theme: 'dark' },
  'clients.list': { query: 'a', offset: 0, limit: 10 },
  'clients.get': { id: 1 },
  'audit.list': { clientId: 1 },
  'clients.tags': undefined,
  'clients.create': { companyName: 'Acme', contactName: 'Ann', contactEmail: 'ann@acme.example' },
  'clients.update': { id: 1, city: 'Berlin' },
  'clients.features.set': { id: 1, features: ['calendar'] },
  'clients.suspend': { id: 1, reason: 'unpaid invoice' },
  'clients.reenable': { id: 1 },
  'clients.archive': { id: 1 },
  'clients.restore': { id: 1 },
  'clients.ssoToken.reveal': { id: 1 },
  'clients.ssoToken.rotate': { id: 1 },
  'clients.export': { query: 'a' },
  'clients.bulk.tags': { ids: [1], add: ['vip'] },
  'clients.bulk.status': { ids: [1], status: 'suspended', reason: 'unpaid' },
  'clients.bulk.feature': { ids: [1], feature: 'calendar', enabled: true },
  'clients.bulk.credits': { ids: [1], kind: 'sms', amount: 10 },
  'clients.bulk.export': { ids: [1] },
  'clients.import.begin': { fileName: 'clients.csv', size: 100 },
  'clients.import.chunk': { importId: '00000000-0000-4000-8000-000000000000', data: 'YSxi' },
  'clients.import.preview': { importId: '00000000-0000-4000-8000-000000000000' },
  'clients.import.commit': { importId: '00000000-0000-4000-8000-000000000000', mode: 'skipInvalid' },
  'clients.import.cancel': { importId: '00000000-0000-4000-8000-000000000000' },
  'features.list': undefined,
  'features.update': { key: 'calendar', hidden: true },
  'clientUsers.list': { clientId: 1 },
  'clientUsers.create': { clientId: 1, displayName: 'Ute', email: 'ute@acme.example' },
  'clientUsers.signInAddress': { clientId: 1 },
  'clients.seats.set': { id: 1, seatLimit: 5 },
  'clients.credits.add': { id: 1, kind: 'sms', reason: 'top_up', amount: 5 },
  'clients.credits.history': { id: 1 },
  'branding.get': undefined,
  'branding.update': { primaryColour: '#112233' },
  'branding.logo.set': { data: 'iVBORw0KGgo=' },
  'branding.logo.remove': undefined,
  'mail.outbox': {},
  'impersonation.check': { clientId: 1 },
  'impersonation.open': { clientId: 1, view: 'client' },
  'impersonation.list': undefined,
  'impersonation.focus': { sessionId: '00000000-0000-4000-8000-000000000000' },
  'impersonation.end': { sessionId: '00000000-0000-4000-8000-000000000000' },
  'impersonation.endAll': undefined,
  'impersonation.extend': { sessionId: '00000000-0000-4000-8000-000000000000' },
  'impersonation.history': { clientId: 1 },
  'impersonation.settings.get': undefined,
  'impersonation.settings.update': { partnerLogin: true },
  'impersonation.access.get': { clientId: 1 },
  'impersonation.access.update': { clientId: 1, partnerAccess: 'refused', partnerAccessUntil: null },
  'impersonation.publicKeys': undefined,
  'impersonation.openResellerPortal': undefined,
};

const isPublic = (c: ChannelName) => contract[c].access === 'public';
const hasObjectInput = (c: ChannelName) => contract[c].input instanceof z.ZodObject;

/** Inputs of the wrong shape altogether. */
const wrongShapes = (c: ChannelName): unknown[] =>
  hasObjectInput(c) ? ['text', 42, null, [], { ...(valid[c] as object), unexpected: true }] : [{}, 'text', 42, null];

let t: TestCore;
beforeAll(async () => {
  t = testCore();
  await withAdministrator(t);
});
afterAll(() => t.dispose());

describe('every channel', () => {
  it.each(channelNames)('%s refuses a call from a frame that is not the workspace UI', async (channel) => {
    const before = snapshot(t);
    const subframe = await t.fail(channel, valid[channel], { url: `${WORKSPACE_ORIGIN}/index.html`, isMainFrame: false });
    const elsewhere = await t.fail(channel, valid[channel], { url: 'https://evil.example/index.html', isMainFrame: true });
    const garbage = await t.fail(channel, valid[channel], { url: 'not a url', isMainFrame: true });
    for (const error of [subframe, elsewhere, garbage]) expect(error).toMatchObject({ code: 'FORBIDDEN', key: 'errors.foreignFrame' });
    expect(snapshot(t)).toBe(before);
  });

  it.each(channelNames)('%s answers malformed input with VALIDATION and writes nothing', async (channel) => {
    for (const input of wrongShapes(channel)) {
      const before = snapshot(t);
      const error = await t.fail(channel, input);
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(error.key).toBe('errors.validation');
      expect(error.fields?.length).toBeGreaterThan(0);
      expect(snapshot(t)).toBe(before);
    }
  });

  it.each(channelNames.filter(hasObjectInput))('%s names the offending field: wrong type, oversize, missing', async (channel) => {
    const shape = (contract[channel].input as z.ZodObject).shape as Record<string, z.ZodType>;
    for (const key of Object.keys(shape)) {
      const before = snapshot(t);
      const wrongType = await t.fail(channel, { ...(valid[channel] as object), [key]: { nested: true } });
      expect(wrongType.fields?.map((f) => f.path)).toContain(key);
      if (shape[key]!.safeParse('x').success) {
        const oversize = await t.fail(channel, { ...(valid[channel] as object), [key]: 'x'.repeat(100_000) });
        expect(oversize.fields).toContainEqual(expect.objectContaining({ path: key, key: 'validation.tooLong' }));
      }
      if (!shape[key]!.safeParse(undefined).success) {
        const { [key]: _dropped, ...missing } = valid[channel] as Record<string, unknown>;
        const error = await t.fail(channel, missing);
        expect(error.fields).toContainEqual(expect.objectContaining({ path: key, key: 'validation.required' }));
      }
      expect(snapshot(t)).toBe(before);
    }
  });

  it('answers an unknown channel with its name', async () => {
    for (const channel of ['clients.delete', '', 42, null, '__proto__', 'constructor', 'x'.repeat(10_000)]) {
      const error = await t.fail(channel as string, {});
      expect(error).toMatchObject({ code: 'VALIDATION', key: 'errors.unknownChannel' });
      expect(String(error.params?.channel).length).toBeLessThanOrEqual(80);
    }
  });
});

describe('before sign-in', () => {
  it.each(channelNames.filter((c) => !isPublic(c)))('%s answers UNAUTHENTICATED and writes nothing', async (channel) => {
    const signedOut = testCore(t.dataDir + '-signed-out');
    try {
      await withAdministrator(signedOut);
      await signedOut.ok('session.signOut');
      const before = snapshot(signedOut);
      expect(await signedOut.fail(channel, valid[channel])).toMatchObject({ code: 'UNAUTHENTICATED', key: 'errors.signedOut' });
      // Authentication is checked first: a malformed call reveals nothing about the input rules.
      expect((await signedOut.fail(channel, 'garbage')).code).toBe('UNAUTHENTICATED');
      expect(snapshot(signedOut)).toBe(before);
    } finally {
      await signedOut.dispose();
    }
  });
});

describe('without the right', () => {
  it('refuses every permission-guarded channel to an operator whose role lacks it', async () => {
    const limited = testCore(t.dataDir + '-limited');
    try {
      await withAdministrator(limited);
      const { sqlite } = limited.core.host.database();
      sqlite.prepare("INSERT INTO roles (name) VALUES ('Nothing')").run();
      sqlite
        .prepare("INSERT INTO operators (email, display_name, password_hash, role_id, created_at) VALUES ('nil@example.com', 'Nil', ?, (SELECT id FROM roles WHERE name = 'Nothing'), 0)")
        .run(await hashPassword('nil password 1'));
      await limited.ok('session.signOut');
      const session = await limited.ok('session.signIn', { email: 'nil@example.com', password: 'nil password 1' });
      expect(session.permissions).toEqual([]);
      const guarded = channelNames.filter((c) => !['public', 'signedIn'].includes(contract[c].access));
      expect(guarded.length).toBeGreaterThan(0);
      for (const channel of guarded) {
        expect(await limited.fail(channel, valid[channel])).toMatchObject({
          code: 'FORBIDDEN',
          key: 'errors.missingPermission',
          params: { permission: contract[channel].access },
        });
      }
    } finally {
      await limited.dispose();
    }
  });
});

describe('internal failures', () => {
  it('answers INTERNAL with a reference, never SQL, paths or a stack', async () => {
    const broken = testCore(t.dataDir + '-broken');
    try {
      await withAdministrator(broken);
      broken.core.host.database().sqlite.exec('DROP TABLE clients_search');
      const error = await broken.fail('clients.list', { query: 'acme' });
      expect(error).toMatchObject({ code: 'INTERNAL', key: 'errors.internal' });
      expect(error.params?.ref).toMatch(/^[0-9a-f]{8}$/);
      expect(JSON.stringify(error)).not.toMatch(/clients_search|SELECT|sqlite|\.ts|at \w+ \(/i);
    } finally {
      await broken.dispose();
    }
  });
});
