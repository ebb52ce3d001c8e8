import { afterEach, describe, expect, it, vi } from 'vitest';
import { queuedLink, testCore, withDemo, type TestCore } from '../support/core';
import { FakePortalWindow } from '../support/portal-browser';

/** Every password check, counted: a throttle must refuse before hashing, not after. */
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../electron/operators/passwords', async (original) => {
  const real = await original<typeof import('../../electron/operators/passwords')>();
  return { ...real, verifyPassword: (password: string, stored: string) => (checks.count++, real.verifyPassword(password, stored)) };
});

let t: TestCore;
afterEach(() => t?.dispose());

/** A new client whose first user was invited, and a browser on the portal. */
async function invited() {
  t = testCore();
  await withDemo(t);
  const { client } = await t.ok('clients.create', {
    companyName: 'Lindenhof Praxis GmbH',
    contactName: 'Lena Linde',
    contactEmail: 'lena@lindenhof.example',
    language: 'de',
    timeZone: 'Europe/Berlin',
    inviteFirstUser: true,
  });
  const { portal } = await t.core.impersonation.ready();
  const linkPath = queuedLink(t, client.id);
  const noop = () => undefined;
  const browser = new FakePortalWindow({ partition: 'client-browser', url: `${portal.origin}${linkPath}`, windowSecret: '', allowedOrigins: [portal.origin], title: '', accent: '', bar: null, onClosed: noop, onReturn: noop, onActivity: noop });
  await browser.loaded;
  const slug = t.core.host.database().sqlite.prepare('SELECT portal_slug FROM clients WHERE id = ?').pluck().get(client.id) as string;
  return { client, browser, invitation: `${portal.origin}${linkPath}`, origin: portal.origin, signIn: `${portal.origin}/clients/${slug}/sign-in` };
}

describe('client users in the built-in portal', () => {
  it('choose their password through the invitation (once), then sign in to their own portal', async () => {
    const { client, browser, invitation, origin, signIn } = await invited();
    expect(browser.last!.body).toContain('Willkommen, Lena Linde: Wählen Sie Ihr Passwort für Lindenhof Praxis GmbH');

    expect((await browser.post(invitation, { password: 'zehn Zeichen!', repeat: 'anders' })).body).toContain('stimmen nicht überein');
    expect((await browser.post(invitation, { password: 'kurz', repeat: 'kurz' })).body).toContain('10 bis 256 Zeichen');
    const set = await browser.post(invitation, { password: 'Lindenblüten 2026', repeat: 'Lindenblüten 2026' });
    expect(set.url).toBe(`${signIn}?welcome=1`);
    expect(set.body).toContain('Ihr Passwort ist festgelegt');
    expect((await browser.get(invitation)).body).toContain('bereits verwendet');

    const users = await t.ok('clientUsers.list', { clientId: client.id });
    expect(users[0]).toMatchObject({ email: 'lena@lindenhof.example', status: 'active' });
    // The operator's side never carries the password or its hash.
    expect(JSON.stringify(users)).not.toMatch(/scrypt|Lindenblüten/);

    expect((await browser.post(signIn, { email: 'lena@lindenhof.example', password: 'wrong password' })).status).toBe(401);
    const dashboard = await browser.post(signIn, { email: 'LENA@lindenhof.example ', password: 'Lindenblüten 2026' });
    expect(dashboard.url).toBe(`${origin}/dashboard`);
    expect(dashboard.body).toContain('Angemeldet als Lena Linde');
    expect(dashboard.body).not.toContain('Zurück zum Reseller');

    const out = await browser.post(`${origin}/sign-out`, { _csrf: browser.csrf() });
    expect(out.url).toBe(signIn);
    expect((await browser.get(`${origin}/dashboard`)).status).toBe(401);
    const actions = (await t.ok('audit.list', { clientId: client.id })).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['clientUser.activated', 'portal.clientUserSignedIn', 'session.signInFailed']));
  });

  it('refuse an expired invitation and a suspended client, and end the session of one suspended meanwhile', async () => {
    const { client, browser, invitation, origin, signIn } = await invited();
    t.clock.now += 8 * 24 * 60 * 60 * 1000;
    expect((await browser.get(invitation)).body).toContain('abgelaufen');
    expect((await browser.post(invitation, { password: 'Lindenblüten 2026', repeat: 'Lindenblüten 2026' })).status).toBe(410);

    const { sqlite } = t.core.host.database();
    sqlite.prepare("UPDATE client_invitations SET expires_at = ? WHERE client_user_id IN (SELECT id FROM client_users WHERE client_id = ?)").run(t.clock.now + 60_000, client.id);
    await browser.post(invitation, { password: 'Lindenblüten 2026', repeat: 'Lindenblüten 2026' });
    await browser.post(signIn, { email: 'lena@lindenhof.example', password: 'Lindenblüten 2026' });
    expect(browser.last!.url).toBe(`${origin}/dashboard`);

    await t.ok('clients.suspend', { id: client.id, reason: 'Unpaid invoices' });
    expect((await browser.get(`${origin}/dashboard`)).status).toBe(410);
    // The sign-in page of a suspended client reads as one that does not exist.
    const refused = await browser.post(signIn, { email: 'lena@lindenhof.example', password: 'Lindenblüten 2026' });
    expect(refused.status).toBe(404);
    expect(refused.body).toContain('Diese Anmeldeseite ist nicht verfügbar');
    expect(refused.body).not.toContain('Lindenhof');
  });

  it('accept one invitation once, even when acceptances race: one audit entry, and the winner’s password stays', async () => {
    const { client, invitation, origin, signIn } = await invited();
    const accept = (password: string) =>
      fetch(invitation, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: new URLSearchParams({ password, repeat: password }).toString(),
      }).then(async (response) => ({ password, status: response.status, location: response.headers.get('location'), body: await response.text() }));
    const answers = await Promise.all(['Erstes Passwort 1', 'Zweites Passwort 2', 'Drittes Passwort 3'].map(accept));
    const [won, ...lost] = [...answers].sort((a, b) => a.status - b.status);
    expect(won).toMatchObject({ status: 303, location: `${new URL(signIn).pathname}?welcome=1` });
    for (const loser of lost) {
      expect(loser.status).toBe(410);
      expect(loser.body).toContain('bereits verwendet');
    }
    const activated = (await t.ok('audit.list', { clientId: client.id })).rows.filter((r) => r.action === 'clientUser.activated');
    expect(activated).toHaveLength(1);

    const browser = new FakePortalWindow({ partition: 'other', url: signIn, windowSecret: '', allowedOrigins: [origin], title: '', accent: '', bar: null, onClosed: () => undefined, onReturn: () => undefined, onActivity: () => undefined });
    await browser.loaded;
    expect((await browser.post(signIn, { email: 'lena@lindenhof.example', password: lost[0]!.password })).status).toBe(401);
    expect((await browser.post(signIn, { email: 'lena@lindenhof.example', password: won!.password })).url).toBe(`${origin}/dashboard`);
  });

  it('throttle client users like operators, per client and e-mail', async () => {
    const { browser, invitation, signIn } = await invited();
    await browser.post(invitation, { password: 'Lindenblüten 2026', repeat: 'Lindenblüten 2026' });
    for (let i = 0; i < 3; i++) await browser.post(signIn, { email: 'lena@lindenhof.example', password: `guess ${i} guess` });
    const refused = await browser.post(signIn, { email: 'lena@lindenhof.example', password: 'Lindenblüten 2026' });
    expect(refused.status).toBe(401);
    expect(refused.body).toContain('Bitte warten Sie 2 Sekunden');
    // The operator with the same e-mail elsewhere is not locked out by it.
    await t.ok('session.signOut');
    await t.ok('session.signIn', { email: 'demo@reseller-desk.test', password: 'demo-password' });
  });

  it('check at most three of 30 parallel attempts over HTTP and refuse the right password among them', async () => {
    const { client, browser, invitation, signIn, origin } = await invited();
    await browser.post(invitation, { password: 'Lindenblüten 2026', repeat: 'Lindenblüten 2026' });
    checks.count = 0;
    const attempts = Array.from({ length: 30 }, (_, i) => ({ email: 'lena@lindenhof.example', password: i === 15 ? 'Lindenblüten 2026' : `guess ${i} guess` }));
    const pages = await Promise.all(attempts.map((form) => browser.post(signIn, form)));

    expect(pages.map((p) => p.status)).toEqual(attempts.map(() => 401));
    expect(checks.count).toBeLessThanOrEqual(3);
    expect(pages[15]!.body).toContain('Bitte warten Sie');
    expect((await browser.get(`${origin}/dashboard`)).status).toBe(401);
    const failed = (await t.ok('audit.list', { clientId: client.id })).rows.filter((r) => r.action === 'session.signInFailed');
    expect(failed.length).toBe(checks.count);
  });

  it('cap a source that tries many accounts, without keeping the operator off their desktop', async () => {
    const { browser, invitation, signIn } = await invited();
    await browser.post(invitation, { password: 'Lindenblüten 2026', repeat: 'Lindenblüten 2026' });
    checks.count = 0;
    const sprayed = await Promise.all(Array.from({ length: 30 }, (_, i) => browser.post(signIn, { email: `user${i}@lindenhof.example`, password: 'Sommer2026!' })));
    expect(sprayed.every((p) => p.status === 401)).toBe(true);
    // Twenty free failures per source, and the one that starts its wait.
    expect(checks.count).toBeLessThanOrEqual(21);

    // The same source is held back for an account it has not tried yet, right password or not.
    const held = await browser.post(signIn, { email: 'lena@lindenhof.example', password: 'Lindenblüten 2026' });
    expect(held.status).toBe(401);
    expect(held.url).toBe(signIn);
    await t.ok('session.signOut');
    await t.ok('session.signIn', { email: 'demo@reseller-desk.test', password: 'demo-password' });
  }, 60_000);
});
