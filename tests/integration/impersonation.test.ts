import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../electron/operators/passwords';
import { signLoginToken, windowBinding, windowHashOf, WINDOW_CONFIRMATION } from '../../electron/impersonation/tokens';
import { WINDOW_SECRET_HEADER, type PortalWindowOptions } from '../../electron/shell/port';
import { loadSignedInOperator } from '../../electron/operators/repository';
import type { FakePortalWindow } from '../support/portal-browser';
import { snapshot, testCore, withDemo, type TestCore } from '../support/core';
import { startExternalPortal } from '../support/external-portal';

let t: TestCore;
afterEach(() => t?.dispose());

async function demo(): Promise<TestCore> {
  t = testCore();
  await withDemo(t);
  return t;
}

const lastWindow = () => t.shell.portalWindows.at(-1)!;
/** Text as it stands in the portal's HTML, where every interpolation is escaped. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const auditActions = async (clientId?: number) => (await t.ok('audit.list', clientId ? { clientId } : {})).rows.map((r) => r.action);
const firstClient = async (status = 'active') => (await t.ok('clients.list', { status: status as 'active', limit: 2 })).rows;
/** An active client whose portal speaks English. */
async function englishClient() {
  for (const row of (await t.ok('clients.list', { status: 'active', limit: 50 })).rows) {
    if ((await t.ok('clients.get', { id: row.id })).language === 'en') return row;
  }
  throw new Error('the demo has no English client');
}
const enablePartnerLogin = () => t.ok('impersonation.settings.update', { partnerLogin: true });

describe('log in as client', () => {
  it('opens the client’s portal in its own memory-only partition, as the client sees it', async () => {
    await demo();
    const client = await englishClient();
    const { sessionId, focused } = await t.ok('impersonation.open', { clientId: client!.id, view: 'client', reason: 'Ticket #4711' });
    expect(focused).toBe(false);
    const window = lastWindow();
    expect(window.options.partition).toBe(`impersonation:${sessionId}`);
    expect(window.options.partition.startsWith('persist:')).toBe(false);
    expect(window.options.title).toContain(client!.companyName);
    expect(window.last).toMatchObject({ status: 200 });
    expect(window.last!.url).toMatch(/\/dashboard$/);
    expect(window.last!.body).toContain(escaped(client!.companyName));
    expect(window.last!.body).toContain('data-view="client"');
    expect(window.last!.body).toContain('<html lang="en">');
    expect(window.last!.body).toContain('Return to reseller');
    // The portal's cookie lives in this window's jar only.
    expect([...window.cookies.keys()]).toEqual(['rdp_session']);

    const [open] = await t.ok('impersonation.list');
    expect(open).toMatchObject({ id: sessionId, clientId: client!.id, view: 'client', reason: 'Ticket #4711', operatorName: 'Demo Operator' });
    expect(open!.endsAt - open!.startedAt).toBe(15 * 60_000);
    expect(t.shell.events.some(([e]) => e === 'impersonation.changed')).toBe(true);
    expect(await auditActions(client!.id)).toContain('impersonation.started');
  });

  it('focuses the open window for the same client and view unless a new one is asked for', async () => {
    await demo();
    const [client] = await firstClient();
    const first = await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    const again = await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    expect(again).toEqual({ sessionId: first.sessionId, focused: true });
    expect(t.shell.portalWindows).toHaveLength(1);
    expect(t.shell.portalWindows[0]!.focused).toBe(1);
    const another = await t.ok('impersonation.open', { clientId: client!.id, view: 'client', newWindow: true });
    expect(another.sessionId).not.toBe(first.sessionId);
    expect(t.shell.portalWindows).toHaveLength(2);
  });

  it('shows the partner view unbranded with the acting banner once partner login is on', async () => {
    await demo();
    const [client] = await firstClient();
    const refused = await t.fail('impersonation.open', { clientId: client!.id, view: 'partner' });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', key: 'impersonation.partnerLoginOff' });
    await enablePartnerLogin();
    await t.ok('impersonation.open', { clientId: client!.id, view: 'partner' });
    expect(lastWindow().last!.body).toContain(escaped(`You are acting as Demo Operator for ${client!.companyName} — partner view`));
    expect(lastWindow().last!.body).toContain('data-view="partner"');
    // The partner view is the reseller's console: it speaks the operator's language, whatever the client's.
    await t.ok('preferences.update', { language: 'de' });
    await t.ok('impersonation.open', { clientId: client!.id, view: 'partner', newWindow: true });
    expect(lastWindow().last!.body).toContain(escaped(`Sie handeln als Demo Operator für ${client!.companyName} — Partneransicht`));
    expect(lastWindow().last!.body).toContain('<strong>Partnerkonsole</strong>');
    // Values are words of that language too, not stored codes.
    await t.ok('clientUsers.create', { clientId: client!.id, displayName: 'Ina', email: 'ina@example.com', role: 'admin' });
    const users = await lastWindow().get(new URL('/users', lastWindow().last!.url).href);
    expect(users.body).toContain('<td>Administrator</td><td>Eingeladen</td>');
    const settings = await lastWindow().get(new URL('/settings', lastWindow().last!.url).href);
    expect(settings.body).toContain('<dt>Status</dt><dd>Aktiv</dd>');
    expect(settings.body).toContain(new Intl.DisplayNames(['de'], { type: 'region' }).of((await t.ok('clients.get', { id: client!.id })).country)!);
  });
});

describe('what the portal shows', () => {
  it('client view: the reseller’s brand and only visible features; partner view: everything, hidden ones marked', async () => {
    await demo();
    await enablePartnerLogin();
    const client = await englishClient();
    await t.ok('clients.features.set', { id: client.id, features: ['calendar', 'api-access', 'reports'] });
    await t.ok('features.update', { key: 'api-access', hidden: true });
    await t.ok('branding.update', { displayName: 'Northstar Cloud', primaryColour: '#7C3AED' });
    await t.ok('clientUsers.create', { clientId: client.id, displayName: 'Clara Client', email: 'clara@client.example', role: 'admin' });

    await t.ok('impersonation.open', { clientId: client.id, view: 'client' });
    const clientView = lastWindow().last!.body;
    expect(clientView).toContain('Northstar Cloud');
    expect(clientView).toMatch(/data-colour="#7c3aed"/i);
    expect(clientView).toContain('data-feature="calendar"');
    expect(clientView).toContain('data-feature="reports"');
    expect(clientView).not.toContain('data-feature="api-access"');

    await t.ok('impersonation.open', { clientId: client.id, view: 'partner' });
    const partner = lastWindow();
    expect(partner.last!.body).not.toContain('Northstar Cloud');
    expect(partner.last!.body).toMatch(/data-feature="api-access" class="hidden-feature"/);
    expect(partner.last!.body).toContain('hidden by white-label');
    const users = await partner.get(new URL('/users', partner.last!.url).href);
    expect(users.body).toContain('Clara Client');
    expect(users.body).toMatch(/\d+ of \d+ user seats used/);
  });
});

describe('ending a session', () => {
  async function opened(): Promise<{ sessionId: string; window: FakePortalWindow; clientId: number }> {
    await demo();
    const [client] = await firstClient();
    const { sessionId } = await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    return { sessionId, window: lastWindow(), clientId: client!.id };
  }
  const history = async (clientId: number) => (await t.ok('impersonation.history', { clientId })).rows;

  it('returns to the reseller from the portal header: window closed, partition wiped, workspace forward', async () => {
    const { window, clientId } = await opened();
    const csrf = window.csrf();
    expect(csrf).not.toBe('');
    // Without the form token the portal refuses.
    expect((await window.post(new URL('/return', window.last!.url).href, {})).status).toBe(403);
    const page = await window.post(new URL('/return', window.last!.url).href, { _csrf: csrf });
    expect(page.body).toContain('Session ended');
    expect(window.closed).toBe(true);
    expect(window.cookies.size).toBe(0);
    expect(t.shell.focusedWorkspace).toBe(1);
    expect(await t.ok('impersonation.list')).toEqual([]);
    expect((await history(clientId))[0]).toMatchObject({ endReason: 'return', endedAt: t.clock.now });
  });

  it('returns from the window’s own bar, and ends when the window is closed', async () => {
    const { window, clientId } = await opened();
    window.options.onReturn();
    await expect.poll(async () => (await history(clientId))[0]?.endReason).toBe('return');
    const second = await t.ok('impersonation.open', { clientId, view: 'client' });
    await lastWindow().closeByUser();
    await expect.poll(async () => (await history(clientId)).find((h) => h.id === second.sessionId)?.endReason).toBe('closed');
  });

  it('ends one from the workspace, and all of them, and all on sign-out', async () => {
    await demo();
    const clients = await firstClient();
    const a = await t.ok('impersonation.open', { clientId: clients[0]!.id, view: 'client' });
    await t.ok('impersonation.open', { clientId: clients[1]!.id, view: 'client' });
    await t.ok('impersonation.end', { sessionId: a.sessionId });
    expect((await t.ok('impersonation.list')).map((s) => s.id)).not.toContain(a.sessionId);
    expect(await t.ok('impersonation.endAll')).toEqual({ ended: 1 });
    await t.ok('impersonation.open', { clientId: clients[0]!.id, view: 'client' });
    await t.ok('session.signOut');
    expect(t.shell.portalWindows.every((w) => w.closed)).toBe(true);
    await t.ok('session.signIn', { email: 'demo@reseller-desk.test', password: 'demo-password' });
    expect((await history(clients[0]!.id)).map((h) => h.endReason)).toEqual(['signed-out', 'ended']);
    expect((await t.fail('impersonation.end', { sessionId: a.sessionId })).key).toBe('impersonation.notOpen');
  });

  it('closes the windows a change takes the ground from: partner access refused, partner login off, client suspended', async () => {
    await demo();
    await enablePartnerLogin();
    const [a, b] = await firstClient();
    const open = async (clientId: number, view: 'client' | 'partner') => (await t.ok('impersonation.open', { clientId, view, newWindow: true })).sessionId;
    const endReasonOf = async (clientId: number, sessionId: string) => (await history(clientId)).find((h) => h.id === sessionId)?.endReason ?? null;
    // The recheck runs on a later turn than the change that called for it.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

    const partnerA = await open(a!.id, 'partner');
    const clientA = await open(a!.id, 'client');
    await t.ok('impersonation.access.update', { clientId: a!.id, partnerAccess: 'refused', partnerAccessUntil: null });
    await settle();
    expect(await endReasonOf(a!.id, partnerA)).toBe('withdrawn');
    expect(await endReasonOf(a!.id, clientA)).toBeNull();
    expect(t.shell.portalWindows.find((w) => w.options.partition === `impersonation:${partnerA}`)!.closed).toBe(true);

    const partnerB = await open(b!.id, 'partner');
    await t.ok('impersonation.settings.update', { partnerLogin: false });
    await settle();
    expect(await endReasonOf(b!.id, partnerB)).toBe('withdrawn');

    // Suspended: the client view closes, a partner view turns read-only.
    await enablePartnerLogin();
    const clientB = await open(b!.id, 'client');
    const partnerB2 = await open(b!.id, 'partner');
    await t.ok('clients.suspend', { id: b!.id, reason: 'unpaid' });
    await settle();
    expect(await endReasonOf(b!.id, clientB)).toBe('withdrawn');
    expect((await t.ok('impersonation.list')).find((s) => s.id === partnerB2)).toMatchObject({ readOnly: true });

    // Unrelated changes leave open windows alone.
    await t.ok('clients.update', { id: a!.id, notes: 'called back' });
    await settle();
    expect((await t.ok('impersonation.list')).map((s) => s.id).sort()).toEqual([clientA, partnerB2].sort());
    expect(await auditActions(b!.id)).toContain('impersonation.ended');
  });

  it('a page of an ended session says so instead of showing the client', async () => {
    const { window, sessionId } = await opened();
    const cookie = window.cookies.get('rdp_session')!;
    await t.ok('impersonation.end', { sessionId });
    const stale = await fetch(window.last!.url, { headers: { cookie: `rdp_session=${cookie}` } });
    expect(stale.status).toBe(401);
    // Anyone's page without a live session: nothing of the client, a way back in.
    const text = await stale.text();
    expect(text).toContain('This session has ended, or you have signed out.');
    expect(text).not.toContain(escaped((await t.ok('clients.get', { id: (await firstClient())[0]!.id })).companyName));
  });
});

describe('time limits', () => {
  it('warns a minute before the idle limit, extends on request (audited), then ends when idle', async () => {
    await demo();
    const [client] = await firstClient();
    const { sessionId } = await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    t.clock.now += 14 * 60_000 + 1000;
    await t.core.impersonation.tick();
    const warning = t.shell.events.find(([e]) => e === 'impersonation.expiring');
    expect(warning?.[1]).toMatchObject({ id: sessionId, endsBy: 'idle' });
    const extended = await t.ok('impersonation.extend', { sessionId });
    expect(extended.endsAt).toBe(t.clock.now + 15 * 60_000);
    expect(await auditActions(client!.id)).toContain('impersonation.extended');
    t.clock.now += 15 * 60_000;
    await t.core.impersonation.tick();
    expect(await t.ok('impersonation.list')).toEqual([]);
    expect((await t.ok('impersonation.history', { clientId: client!.id })).rows[0]!.endReason).toBe('timeout-idle');
    expect(lastWindow().closed).toBe(true);
  });

  it('ends when idle even while the portal page polls its status; opening a page is activity', async () => {
    await demo();
    const [client] = await firstClient();
    const { sessionId } = await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    const window = lastWindow();
    const status = new URL('/session/status', window.last!.url).href;
    const poll = () => fetch(status, { headers: { cookie: `rdp_session=${window.cookies.get('rdp_session')}` } });
    t.clock.now += 10 * 60_000;
    await window.get(window.last!.url);
    const moved = t.shell.events.filter(([e]) => e === 'impersonation.changed').at(-1)![1] as { id: string; endsAt: number }[];
    expect(moved.find((s) => s.id === sessionId)!.endsAt).toBe(t.clock.now + 15 * 60_000);
    for (let minute = 0; minute < 15; minute++) {
      t.clock.now += 60_000;
      expect((await poll()).status).toBe(200);
      await t.core.impersonation.tick();
    }
    expect((await t.ok('impersonation.history', { clientId: client!.id })).rows[0]!.endReason).toBe('timeout-idle');
  });

  it('warns at half a short idle limit, and not again right after an extension', async () => {
    await demo();
    await t.ok('impersonation.settings.update', { idleMinutes: 1 });
    const [client] = await firstClient();
    const { sessionId } = await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    const warnings = () => t.shell.events.filter(([e]) => e === 'impersonation.expiring').length;
    t.clock.now += 29_000;
    await t.core.impersonation.tick();
    expect(warnings()).toBe(0);
    t.clock.now += 2_000;
    await t.core.impersonation.tick();
    expect(warnings()).toBe(1);
    await t.ok('impersonation.extend', { sessionId });
    t.clock.now += 1_000;
    await t.core.impersonation.tick();
    expect(warnings()).toBe(1);
    expect(lastWindow().focused).toBe(0);
    await t.ok('impersonation.end', { sessionId });
    // Ending does not bring the window forward first.
    expect(lastWindow().focused).toBe(0);
  });

  it('ends at the absolute limit however busy the window is', async () => {
    await demo();
    // An idle limit longer than the time limit would never apply: refused, naming both.
    expect((await t.fail('impersonation.settings.update', { absoluteMinutes: 30, idleMinutes: 45 })).fields?.[0]).toMatchObject({
      path: 'idleMinutes',
      key: 'impersonation.idleAboveAbsolute',
      params: { idle: 45, absolute: 30 },
    });
    await t.ok('impersonation.settings.update', { absoluteMinutes: 30, idleMinutes: 20 });
    const [client] = await firstClient();
    await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    for (let minute = 0; minute < 30; minute += 10) {
      t.clock.now += 10 * 60_000;
      await lastWindow().get(lastWindow().last!.url);
      await t.core.impersonation.tick();
    }
    expect((await t.ok('impersonation.history', { clientId: client!.id })).rows[0]!.endReason).toBe('timeout-absolute');
  });

  it('closes records an earlier run left open', async () => {
    await demo();
    const [client] = await firstClient();
    await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    // A crash: the next start finds the record open although its window is gone.
    const crashed = testCore(t.dataDir);
    try {
      expect((await crashed.ok('session.signIn', { email: 'demo@reseller-desk.test', password: 'demo-password' })).operator.id).toBe(1);
      expect((await crashed.ok('impersonation.history', { clientId: client!.id })).rows[0]!.endReason).toBe('app-closed');
    } finally {
      await crashed.core.stop();
    }
  });
});

describe('checking the gates ahead', () => {
  it('answers for both views exactly what opening would answer, and records nothing', async () => {
    await demo();
    const [active] = await firstClient();
    const [suspended] = await firstClient('suspended');
    const before = (await t.ok('audit.list', {})).total;
    expect(await t.ok('impersonation.check', { clientId: active!.id })).toEqual({
      client: { allowed: true, readOnly: false, until: null },
      partner: { allowed: false, refusal: expect.objectContaining({ key: 'impersonation.partnerLoginOff' }) },
    });
    await enablePartnerLogin();
    await t.ok('impersonation.settings.update', { reasonPolicy: 'required' });
    expect(await t.ok('impersonation.check', { clientId: suspended!.id })).toEqual({
      client: { allowed: false, refusal: expect.objectContaining({ key: 'impersonation.suspendedClientView' }) },
      partner: { allowed: true, readOnly: true, until: null },
    });
    const until = t.clock.now + 86_400_000;
    await t.ok('impersonation.access.update', { clientId: active!.id, partnerAccess: 'allowed', partnerAccessUntil: until });
    expect((await t.ok('impersonation.check', { clientId: active!.id })).partner).toEqual({ allowed: true, readOnly: false, until });
    expect((await t.ok('audit.list', {})).total).toBe(before + 3);
    expect((await t.fail('impersonation.check', { clientId: 99999 })).key).toBe('clients.notFound');
  });
});

describe('refusals (each audited)', () => {
  it('refuses an unknown client, one outside the operator’s reach and a missing right', async () => {
    await demo();
    expect(await t.fail('impersonation.open', { clientId: 99999, view: 'client' })).toMatchObject({ code: 'NOT_FOUND', key: 'clients.notFound' });
    const { sqlite } = t.core.host.database();
    sqlite.prepare("INSERT INTO roles (name) VALUES ('Client view only')").run();
    sqlite.prepare("INSERT INTO role_permissions (role_id, permission) SELECT id, 'clients.view' FROM roles WHERE name = 'Client view only'").run();
    sqlite.prepare("INSERT INTO role_permissions (role_id, permission) SELECT id, 'impersonate.client' FROM roles WHERE name = 'Client view only'").run();
    sqlite
      .prepare("INSERT INTO operators (email, display_name, password_hash, role_id, all_clients, created_at) VALUES ('agent@example.com', 'Agent', ?, (SELECT id FROM roles WHERE name = 'Client view only'), 0, 0)")
      .run(await hashPassword('agent password'));
    sqlite.prepare('INSERT INTO operator_clients VALUES ((SELECT id FROM operators WHERE email = ?), 1)').run('agent@example.com');
    await enablePartnerLogin();
    await t.ok('session.signOut');
    await t.ok('session.signIn', { email: 'agent@example.com', password: 'agent password' });
    expect(await t.fail('impersonation.open', { clientId: 2, view: 'client' })).toMatchObject({ code: 'NOT_FOUND', key: 'clients.notFound' });
    expect(await t.fail('impersonation.open', { clientId: 1, view: 'partner' })).toMatchObject({ code: 'FORBIDDEN', key: 'errors.missingPermission', params: { permission: 'impersonate.partner' } });
    await t.ok('impersonation.open', { clientId: 1, view: 'client' });
    await t.ok('session.signOut');
    await t.ok('session.signIn', { email: 'demo@reseller-desk.test', password: 'demo-password' });
    const refusals = (await t.ok('audit.list', {})).rows.filter((r) => r.action === 'impersonation.refused');
    expect(refusals.map((r) => r.after?.refusal)).toEqual(['errors.missingPermission', 'clients.notFound', 'clients.notFound']);
  });

  it('respects the client’s refusal of partner access and its expiry', async () => {
    await demo();
    await enablePartnerLogin();
    const [client] = await firstClient();
    await t.ok('impersonation.access.update', { clientId: client!.id, partnerAccess: 'refused', partnerAccessUntil: null });
    expect((await t.fail('impersonation.open', { clientId: client!.id, view: 'partner' })).key).toBe('impersonation.partnerRefused');
    // A day already past would be refused at once: the form says so instead of saving it.
    const before = await t.ok('impersonation.access.get', { clientId: client!.id });
    expect((await t.fail('impersonation.access.update', { clientId: client!.id, partnerAccess: 'allowed', partnerAccessUntil: t.clock.now - 1 })).fields?.[0]).toMatchObject({
      path: 'partnerAccessUntil',
      key: 'impersonation.access.untilPast',
    });
    expect(await t.ok('impersonation.access.get', { clientId: client!.id })).toEqual(before);
    await t.ok('impersonation.access.update', { clientId: client!.id, partnerAccess: 'allowed', partnerAccessUntil: t.clock.now + 60_000 });
    await t.ok('impersonation.open', { clientId: client!.id, view: 'partner' });
    await t.ok('impersonation.endAll');
    t.clock.now += 60_000;
    expect((await t.fail('impersonation.open', { clientId: client!.id, view: 'partner' })).key).toBe('impersonation.partnerExpired');
    // The client view is the client's own and stays open to the reseller.
    await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    expect(await auditActions(client!.id)).toEqual(expect.arrayContaining(['impersonation.accessChanged', 'impersonation.refused']));
  });

  it('asks for a reason when the workspace requires one', async () => {
    await demo();
    await t.ok('impersonation.settings.update', { reasonPolicy: 'required' });
    const [client] = await firstClient();
    const error = await t.fail('impersonation.open', { clientId: client!.id, view: 'client', reason: '   ' });
    expect(error).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'reason', key: 'impersonation.reasonRequired' }] });
    await t.ok('impersonation.open', { clientId: client!.id, view: 'client', reason: 'INC-42' });
  });

  it('opens a suspended client only in the partner view, read-only', async () => {
    await demo();
    await enablePartnerLogin();
    const [suspended] = await firstClient('suspended');
    expect((await t.fail('impersonation.open', { clientId: suspended!.id, view: 'client' })).key).toBe('impersonation.suspendedClientView');
    await t.ok('impersonation.open', { clientId: suspended!.id, view: 'partner' });
    expect((await t.ok('impersonation.list'))[0]!.readOnly).toBe(true);
    expect(lastWindow().last!.body).toContain('This client is suspended: read-only.');
  });
});

describe('one-time tokens', () => {
  async function portalAndSession() {
    await demo();
    const [client] = await firstClient();
    const { sessionId } = await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    const runtime = await t.core.impersonation.ready();
    const binding = windowBinding();
    const grant = { audience: runtime.portal.audience, sessionId, clientId: client!.id, view: 'client' as 'client' | 'partner', operator: { id: 1, name: 'Demo Operator' }, windowHash: binding.hash };
    /** A request as a window with this secret makes it. */
    const open = async (token: string, secret = binding.secret) => {
      const response = await fetch(`${runtime.portal.origin}/sso?token=${encodeURIComponent(token)}`, { redirect: 'manual', headers: { [WINDOW_SECRET_HEADER]: secret } });
      return { status: response.status, body: await response.text(), cookie: response.headers.get('set-cookie') };
    };
    return { runtime, grant, open, client: client! };
  }
  const refusedIn = async () => (await t.ok('audit.list', {})).rows.filter((r) => r.action === 'portal.tokenRefused').map((r) => r.after?.refusal);

  it('refuses a replayed token', async () => {
    const { open } = await portalAndSession();
    const used = new URL(lastWindow().options.url).searchParams.get('token')!;
    const replay = await open(used, lastWindow().options.windowSecret);
    expect(replay).toMatchObject({ status: 403, cookie: null });
    expect(replay.body).toContain('used already');
    expect(await refusedIn()).toEqual(['replay']);
  });

  it('refuses an expired token, one for another portal, a tampered one, and a wrong view or session', async () => {
    const { runtime, grant, open } = await portalAndSession();
    const sign = (changes: Partial<typeof grant>, now = t.clock.now) => signLoginToken(runtime.key, runtime.issuer, { ...grant, ...changes }, now);
    expect((await open(await sign({}, t.clock.now - 61_000))).status).toBe(403);
    expect((await open(await sign({ audience: 'https://other-platform.example' }))).status).toBe(403);
    const good = await sign({});
    const [header, payload, signature] = good.split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    forged.view = 'partner';
    expect((await open(`${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`)).status).toBe(403);
    expect((await open(`${good.slice(0, -4)}AAAA`)).status).toBe(403);
    expect((await open(await sign({ view: 'partner' }))).status).toBe(403);
    expect((await open(await sign({ sessionId: '00000000-0000-4000-8000-000000000000' }))).status).toBe(403);
    expect((await open(await sign({ clientId: 99999 }))).status).toBe(403);
    expect((await open('not-a-token')).status).toBe(403);
    // Links that name nobody: each kind's first at once, its repeats counted (see portal-exposure.test.ts).
    expect((await refusedIn()).sort()).toEqual(['audience', 'expired', 'malformed', 'session', 'session', 'session', 'signature'].sort());
    // A fresh, correct token still works: refusals leave nothing behind.
    expect((await open(await sign({}))).status).toBe(303);
  });

  it('binds a token to the window that asked for it: read before the window used it, it is refused and stays good for that window', async () => {
    await demo();
    const [client] = await firstClient();
    const { portal } = await t.core.impersonation.ready();
    // Someone reads the window's address before the window loads it, and tries it without the window's secret, then with a guess.
    const stolen: number[] = [];
    const openWindow = t.shell.openPortalWindow;
    t.shell.openPortalWindow = async (options: PortalWindowOptions) => {
      stolen.push((await fetch(options.url, { redirect: 'manual' })).status);
      stolen.push((await fetch(options.url, { redirect: 'manual', headers: { [WINDOW_SECRET_HEADER]: windowBinding().secret } })).status);
      return openWindow(options);
    };
    const { sessionId } = await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    expect(stolen).toEqual([403, 403]);
    // The window still opens with the same token, signed in.
    const window = lastWindow();
    expect(window.last).toMatchObject({ status: 200, url: `${portal.origin}/dashboard` });
    expect([...window.cookies.keys()]).toEqual(['rdp_session']);
    const refusals = (await t.ok('audit.list', {})).rows.filter((r) => r.action === 'portal.tokenRefused');
    expect(refusals.map((r) => r.after)).toEqual([
      { refusal: 'window', sessionId },
      { refusal: 'window', sessionId },
    ]);
    // What the token names is the hash of the window's secret, never the secret.
    const claims = JSON.parse(Buffer.from(new URL(window.options.url).searchParams.get('token')!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims.cnf).toEqual({ [WINDOW_CONFIRMATION]: windowHashOf(window.options.windowSecret) });
    expect(window.options.windowSecret).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(claims)).not.toContain(window.options.windowSecret);
  });
});

describe('whose windows', () => {
  /** A second administrator, Bea, who signs in on the same desk. */
  async function withBea(): Promise<void> {
    const { sqlite } = t.core.host.database();
    sqlite
      .prepare("INSERT INTO operators (email, display_name, password_hash, role_id, all_clients, created_at) VALUES ('bea@example.com', 'Bea', ?, (SELECT id FROM roles WHERE builtin = 1), 1, 0)")
      .run(await hashPassword('bea password 1'));
  }
  const signInAsBea = () => t.ok('session.signIn', { email: 'bea@example.com', password: 'bea password 1' });
  const resellerWindow = () => t.shell.portalWindows.find((w) => w.options.partition.startsWith('reseller-portal:'))!;

  it('a sign-in over another operator ends their client windows (audited) and closes their reseller portal', async () => {
    await demo();
    await withBea();
    const [a, b] = await firstClient();
    const first = await t.ok('impersonation.open', { clientId: a!.id, view: 'client' });
    const second = await t.ok('impersonation.open', { clientId: b!.id, view: 'client' });
    await t.ok('impersonation.openResellerPortal');
    const reseller = resellerWindow();
    const resellerCookie = reseller.cookies.get('rdp_session')!;

    await signInAsBea();
    expect(t.shell.portalWindows.every((w) => w.closed)).toBe(true);
    expect(await t.ok('impersonation.list')).toEqual([]);
    for (const [client, session] of [[a!, first], [b!, second]] as const) {
      expect((await t.ok('impersonation.history', { clientId: client.id })).rows.find((h) => h.id === session.sessionId)).toMatchObject({ endReason: 'other-sign-in', endedAt: t.clock.now });
    }
    const rows = (await t.ok('audit.list', {})).rows;
    const ended = rows.filter((r) => r.action === 'impersonation.ended');
    expect(ended.map((r) => [r.actor, r.after?.endReason])).toEqual([
      ['Demo Operator', 'other-sign-in'],
      ['Demo Operator', 'other-sign-in'],
    ]);
    expect(rows.find((r) => r.action === 'session.signedOut')).toMatchObject({ actor: 'Demo Operator', summary: 'Signed out: Bea signed in on this desk' });
    // The reseller portal's session is forgotten with its window: its cookie opens nothing any more.
    expect((await fetch(new URL('/reseller', reseller.options.url), { headers: { cookie: `rdp_session=${resellerCookie}` } })).status).toBe(401);

    // Signing in again as oneself keeps one's windows.
    await t.ok('impersonation.open', { clientId: a!.id, view: 'client' });
    await signInAsBea();
    expect(await t.ok('impersonation.list')).toHaveLength(1);
  });

  it('another operator’s window answers exactly like one that does not exist, and nothing changes', async () => {
    await demo();
    await withBea();
    const [client] = await firstClient();
    const { sessionId } = await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    const window = lastWindow();
    const { db, sqlite } = t.core.host.database();
    const bea = loadSignedInOperator(db, sqlite.prepare("SELECT id FROM operators WHERE email = 'bea@example.com'").pluck().get() as number)!;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const before = snapshot(t);
    const [listed] = await t.ok('impersonation.list');

    // The service as the handlers call it, for Bea while the demo operator's window is open.
    const service = t.core.impersonation;
    const answer = async (act: () => unknown) => {
      try {
        const value = await act();
        return value === false ? 'false' : 'done';
      } catch (error) {
        return (error as { key?: string }).key;
      }
    };
    for (const id of [sessionId, unknown]) {
      expect(await answer(() => service.focus(id, bea))).toBe('impersonation.notOpen');
      expect(await answer(() => service.extend(id, bea))).toBe('impersonation.notOpen');
      expect(await answer(() => service.endOwn(id, bea.id, 'ended'))).toBe('false');
    }
    expect(await service.endAll(bea.id, 'ended-all')).toBe(0);
    expect(service.list(bea.id)).toEqual([]);
    expect(window).toMatchObject({ closed: false, focused: 0 });
    expect(snapshot(t)).toBe(before);
    expect(await t.ok('impersonation.list')).toEqual([listed]);

    // Through the channels, once Bea is signed in: the same answer for the demo operator's session as for none at all.
    await signInAsBea();
    for (const channel of ['impersonation.focus', 'impersonation.end', 'impersonation.extend']) {
      const theirs = await t.fail(channel, { sessionId });
      expect(theirs).toEqual(await t.fail(channel, { sessionId: unknown }));
      expect(theirs).toMatchObject({ code: 'NOT_FOUND', key: 'impersonation.notOpen' });
    }
  });

  it('focus and extend refuse a window whose client left the operator’s reach, as if it were not open', async () => {
    await demo();
    const [client] = await firstClient();
    const { sessionId } = await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    const { sqlite } = t.core.host.database();
    // Limited to no clients by a change made elsewhere, before the open windows were checked again.
    sqlite.prepare('UPDATE operators SET all_clients = 0 WHERE id = 1').run();
    expect((await t.fail('impersonation.extend', { sessionId })).key).toBe('impersonation.notOpen');
    expect((await t.fail('impersonation.focus', { sessionId })).key).toBe('impersonation.notOpen');
    expect(lastWindow().focused).toBe(0);
  });
});

describe('my reseller portal', () => {
  async function openReseller(): Promise<FakePortalWindow> {
    await t.ok('impersonation.openResellerPortal');
    return t.shell.portalWindows.findLast((w) => w.options.partition.startsWith('reseller-portal:'))!;
  }
  const reach = (window: FakePortalWindow, cookie: string, path = '/reseller') => fetch(new URL(path, window.options.url), { headers: { cookie: `rdp_session=${cookie}` } });

  it('opens signed in from the desk with a one-time token, in memory only; the portal takes no operator password', async () => {
    await demo();
    const window = await openReseller();
    expect(window.options.partition.startsWith('persist:')).toBe(false);
    expect(window.options.url).toMatch(/\/sso\?token=/);
    expect(window.last).toMatchObject({ status: 200, url: new URL('/reseller', window.options.url).href });
    expect(window.last!.body).toContain('Signed in as Demo Operator. You manage 50 clients.');
    expect(window.last!.body).not.toContain('type="password"');
    expect(await auditActions()).toContain('portal.resellerSignedIn');
    // Opening it again brings the same window forward.
    await t.ok('impersonation.openResellerPortal');
    expect(t.shell.portalWindows.filter((w) => w.options.partition.startsWith('reseller-portal:'))).toHaveLength(1);
    expect(window.focused).toBe(1);

    // No password form and no sign-in route: a page clients can reach never asks for an operator's password.
    const origin = new URL(window.options.url).origin;
    const form = { email: 'demo@reseller-desk.test', password: 'demo-password' };
    expect((await fetch(`${origin}/reseller/sign-in`, { method: 'POST', body: new URLSearchParams(form), headers: { origin } })).status).toBe(404);
    const anonymous = await fetch(`${origin}/reseller`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('type="password"');
  });

  it('its token cannot open a client view, and a client’s token cannot open it', async () => {
    await demo();
    const [client] = await firstClient();
    const { sessionId } = await t.ok('impersonation.open', { clientId: client!.id, view: 'client' });
    const window = await openReseller();
    const resellerId = window.options.partition.slice('reseller-portal:'.length);
    // Its own cookie shows no client's page.
    const cookie = window.cookies.get('rdp_session')!;
    expect((await reach(window, cookie, '/dashboard')).status).toBe(403);
    expect((await reach(window, cookie)).status).toBe(200);

    const { key, issuer, portal } = await t.core.impersonation.ready();
    const binding = windowBinding();
    const operator = { id: 1, name: 'Demo Operator' };
    const sso = async (token: string) =>
      (await fetch(`${portal.origin}/sso?token=${encodeURIComponent(token)}`, { redirect: 'manual', headers: { [WINDOW_SECRET_HEADER]: binding.secret } })).status;
    const base = { audience: portal.audience, operator, windowHash: binding.hash };
    // A reseller token naming a client's session, a client token naming the reseller portal's: refused.
    expect(await sso(await signLoginToken(key, issuer, { ...base, view: 'reseller', sessionId }, t.clock.now))).toBe(403);
    expect(await sso(await signLoginToken(key, issuer, { ...base, view: 'client', clientId: client!.id, sessionId: resellerId }, t.clock.now))).toBe(403);
    // A client token with a reseller's subject, or the other way round, is not a token of either kind.
    const [header, payload, signature] = (await signLoginToken(key, issuer, { ...base, view: 'reseller', sessionId: resellerId }, t.clock.now)).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    expect(await sso(`${header}.${Buffer.from(JSON.stringify({ ...claims, view: 'client' })).toString('base64url')}.${signature}`)).toBe(403);
    const refusals = (await t.ok('audit.list', {})).rows.filter((r) => r.action === 'portal.tokenRefused').map((r) => r.after?.refusal);
    expect(refusals.sort()).toEqual(['session', 'session', 'signature']);
    // The right one, for the right window, opens it.
    expect(await sso(await signLoginToken(key, issuer, { ...base, view: 'reseller', sessionId: resellerId }, t.clock.now))).toBe(303);
  });

  it('ends on sign-out, at the idle limit and at the time limit, and its portal session is forgotten each time', async () => {
    await demo();
    const ends = async (window: FakePortalWindow, cookie: string) => {
      expect(window.closed).toBe(true);
      expect((await reach(window, cookie)).status).toBe(401);
    };
    let window = await openReseller();
    let cookie = window.cookies.get('rdp_session')!;
    await t.ok('session.signOut');
    await ends(window, cookie);

    await t.ok('session.signIn', { email: 'demo@reseller-desk.test', password: 'demo-password' });
    window = await openReseller();
    cookie = window.cookies.get('rdp_session')!;
    t.clock.now += 14 * 60_000;
    await t.core.impersonation.tick();
    expect(window.closed).toBe(false);
    t.clock.now += 60_000;
    await t.core.impersonation.tick();
    await ends(window, cookie);

    // Busy all the time, it still ends at the workspace's time limit (60 minutes).
    window = await openReseller();
    cookie = window.cookies.get('rdp_session')!;
    for (let minute = 0; minute < 60; minute += 10) {
      expect(window.closed).toBe(false);
      t.clock.now += 10 * 60_000;
      await window.get(window.last!.url);
      await t.core.impersonation.tick();
    }
    await ends(window, cookie);
    // Closed by the operator: gone too, and it opens afresh.
    window = await openReseller();
    cookie = window.cookies.get('rdp_session')!;
    await window.closeByUser();
    expect((await reach(window, cookie)).status).toBe(401);
    expect((await openReseller()).last!.body).toContain('Signed in as Demo Operator');
  });
});

describe('external portals', () => {
  it('send the same one-time token to a client’s own platform, which verifies it through the JWKS alone', async () => {
    await demo();
    // The platform keeps its own, real time.
    t.clock.now = Date.now();
    const { url, issuer } = await t.ok('impersonation.publicKeys');
    const external = await startExternalPortal({ jwksUrl: url, issuer });
    try {
      const client = await englishClient();
      await t.ok('clients.update', { id: client.id, portalSsoUrl: `${external.origin}/sso?token={token}` });
      await t.ok('impersonation.open', { clientId: client.id, view: 'client' });
      const window = lastWindow();
      expect(window.options.allowedOrigins).toEqual([external.origin]);
      expect(external.refused).toEqual([]);
      expect(window.last).toMatchObject({ status: 200, url: `${external.origin}/home` });
      expect(window.last!.body).toContain(`client:${client.id} as client, acting Demo Operator`);

      const token = new URL(window.options.url).searchParams.get('token')!;
      // Bound to its window where the platform checks the claim, single use at the platform, and no use at all at the built-in portal (another audience).
      const bound = { [WINDOW_SECRET_HEADER]: window.options.windowSecret };
      expect((await fetch(`${external.origin}/sso?token=${encodeURIComponent(token)}`, { redirect: 'manual' })).status).toBe(403);
      expect((await fetch(`${external.origin}/sso?token=${encodeURIComponent(token)}`, { redirect: 'manual', headers: bound })).status).toBe(403);
      expect(external.refused).toEqual(['unbound', 'replayed']);
      const { portal } = await t.core.impersonation.ready();
      expect((await fetch(`${portal.origin}/sso?token=${encodeURIComponent(token)}`, { redirect: 'manual', headers: bound })).status).toBe(403);
      expect((await t.ok('audit.list', {})).rows.find((r) => r.action === 'portal.tokenRefused')?.after).toMatchObject({ refusal: 'audience' });
      // The window may not wander off the platform's origin.
      await expect(window.get(`${portal.origin}/dashboard`)).rejects.toThrow(/blocked/);
    } finally {
      await external.stop();
    }
  });

  it('are set with an https address or, on this computer only, http', async () => {
    await demo();
    const client = await englishClient();
    for (const portalSsoUrl of ['http://portal.example.com/sso?token={token}', 'https://portal.example.com/sso', 'ftp://x/{token}']) {
      expect((await t.fail('clients.update', { id: client.id, portalSsoUrl })).fields?.[0]?.key, portalSsoUrl).toBe('validation.ssoUrlTemplate');
    }
    for (const portalSsoUrl of ['https://portal.example.com/sso?token={token}', 'http://localhost:8080/sso/{token}']) await t.ok('clients.update', { id: client.id, portalSsoUrl });
  });
});

describe('keys', () => {
  it('publishes the public key, keeps the private one secret and the same across restarts', async () => {
    await demo();
    const { jwks, url, issuer } = await t.ok('impersonation.publicKeys');
    const published = (await (await fetch(url)).json()) as { keys: Record<string, string>[] };
    expect(JSON.parse(jwks)).toEqual(published);
    expect(published.keys).toHaveLength(1);
    expect(published.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(published.keys[0]).not.toHaveProperty('d');
    t = await t.restart();
    await t.ok('session.signIn', { email: 'demo@reseller-desk.test', password: 'demo-password' });
    const again = await t.ok('impersonation.publicKeys');
    expect(again.jwks).toBe(jwks);
    expect(again.issuer).toBe(issuer);
  });
});
