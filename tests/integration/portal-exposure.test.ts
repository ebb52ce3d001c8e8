import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startPortal, type ClientUserPortal, type PortalBackend } from '../../electron/portal/server';
import { csv, previewImport } from '../support/portfolio';
import { makeDataDir, queuedLink, snapshot, testCore, withDemo, workspaceAtVersion, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.dispose());

/**
 * One request with the Host header a browser would send after DNS rebinding
 * (fetch keeps its own), on a connection of its own: the portal closes one
 * whose oversized body it would not read.
 */
function send(origin: string, method: 'GET' | 'POST', path: string, headers: Record<string, string> = {}, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, origin), { method, agent: false, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function portal() {
  t = testCore();
  await withDemo(t);
  return (await t.core.impersonation.ready()).portal;
}

describe('the built-in portal answers only its own host', () => {
  const routes: ['GET' | 'POST', string][] = [
    ['GET', '/'],
    ['GET', '/dashboard'],
    ['GET', '/users'],
    ['GET', '/settings'],
    ['GET', '/sso?token=x'],
    ['GET', '/session/status'],
    ['GET', '/invite/x'],
    ['GET', '/clients/1/sign-in'],
    ['GET', '/reseller'],
    ['GET', '/.well-known/jwks.json'],
    ['GET', '/assets/portal.css'],
    ['GET', '/assets/portal.js'],
    ['GET', '/no/such/page'],
    ['POST', '/return'],
    ['POST', '/session/extend'],
    ['POST', '/invite/x'],
    ['POST', '/clients/1/sign-in'],
    ['POST', '/reseller/sign-in'],
    ['POST', '/sign-out'],
  ];

  it('refuses every route, GET and POST, asked for under another Host (DNS rebinding)', async () => {
    const { origin } = await portal();
    const { host: own, port } = new URL(origin);
    const before = (await t.ok('audit.list', {})).total;
    for (const host of [`rebind.attacker.example:${port}`, `localhost:${port}`, '127.0.0.1', `127.0.0.1.attacker.example:${port}`]) {
      for (const [method, path] of routes) {
        // The rebinding page's own origin is what the browser sends: hono's CSRF check alone lets it through.
        const headers = { host, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' };
        const answer = await send(origin, method, path, headers, method === 'POST' ? 'email=demo%40reseller-desk.test&password=demo-password' : '');
        expect(answer.status, `${method} ${path} as ${host}`).toBe(421);
        expect(answer.body).not.toMatch(/GmbH|Ltd|sign in|anmelden|keys/i);
      }
    }
    expect((await t.ok('audit.list', {})).total).toBe(before);
    // The portal's own host is still served, in any letter case.
    expect((await send(origin, 'GET', '/assets/portal.css', { host: own })).status).toBe(200);
    expect((await send(origin, 'GET', '/.well-known/jwks.json', { host: own.toUpperCase() })).status).toBe(200);
  });

  it('takes the hosts it answers as a parameter, for a portal served under a public name', async () => {
    const served = await startPortal({} as PortalBackend, {} as ClientUserPortal, 0, ['portal.example.test']);
    try {
      expect((await send(served.origin, 'GET', '/assets/portal.css', { host: 'portal.example.test' })).status).toBe(200);
      expect((await send(served.origin, 'GET', '/assets/portal.css', { host: new URL(served.origin).host })).status).toBe(421);
    } finally {
      await served.stop();
    }
  });
});

describe('a client’s sign-in page', () => {
  const slugOf = (id: number) => t.core.host.database().sqlite.prepare('SELECT portal_slug FROM clients WHERE id = ?').pluck().get(id) as string;
  const form = 'email=someone%40example.com&password=some+password';
  const post = { 'content-type': 'application/x-www-form-urlencoded' };

  it('is addressed by a random slug; ids name nothing, and unknown, suspended and archived clients read alike', async () => {
    const { origin } = await portal();
    const own = { host: new URL(origin).host };
    const [active, archived] = (await t.ok('clients.list', { status: 'active', limit: 2 })).rows;
    const [suspended] = (await t.ok('clients.list', { status: 'suspended', limit: 1 })).rows;
    await t.ok('clients.archive', { id: archived!.id });

    const page = await send(origin, 'GET', `/clients/${slugOf(active!.id)}/sign-in`, own);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`action="/clients/${slugOf(active!.id)}/sign-in"`);

    const unknown = await send(origin, 'GET', `/clients/${'0'.repeat(40)}/sign-in`, own);
    expect(unknown.status).toBe(404);
    const alike = [
      `/clients/${active!.id}/sign-in`,
      `/clients/${slugOf(suspended!.id)}/sign-in`,
      `/clients/${slugOf(archived!.id)}/sign-in`,
      `/clients/${slugOf(active!.id).toUpperCase()}/sign-in`,
      '/clients/x/sign-in',
    ];
    const before = (await t.ok('audit.list', {})).total;
    for (const path of alike) {
      expect(await send(origin, 'GET', path, own), path).toEqual(unknown);
      // A sign-in there is not tried (no password hashed, nothing counted or recorded): the same page.
      expect(await send(origin, 'POST', path, { ...own, ...post, origin }, form), `POST ${path}`).toEqual(unknown);
    }
    expect((await t.ok('audit.list', {})).total).toBe(before);
    for (const { companyName } of [active!, suspended!, archived!]) expect(unknown.body).not.toContain(companyName);
  });

  it('is given to the operator for the client’s users, and to nobody for a client on an external platform', async () => {
    const { origin } = await portal();
    const [client, external] = (await t.ok('clients.list', { status: 'active', limit: 2 })).rows;
    const { url } = await t.ok('clientUsers.signInAddress', { clientId: client!.id });
    expect(url).toBe(`${origin}/clients/${slugOf(client!.id)}/sign-in`);
    const page = await send(origin, 'GET', new URL(url!).pathname, { host: new URL(origin).host });
    expect(page.status).toBe(200);
    expect(page.body).toContain(client!.companyName.replace(/&/g, '&amp;'));
    await t.ok('clients.update', { id: external!.id, portalSsoUrl: 'https://portal.example.com/sso?token={token}' });
    expect(await t.ok('clientUsers.signInAddress', { clientId: external!.id })).toEqual({ url: null });
    expect((await t.fail('clientUsers.signInAddress', { clientId: 999_999 })).code).toBe('NOT_FOUND');
  });

  it('has a slug for every client, however it came: created, imported, the demo, or an earlier workspace', async () => {
    const dataDir = makeDataDir();
    const old = workspaceAtVersion(dataDir, 9);
    const insert = old.prepare("INSERT INTO clients (company_name, name_key, contact_email, created_at, updated_at) VALUES (?, ?, ?, 0, 0)");
    insert.run('Alpha Ltd', 'alpha ltd', 'a@example.com');
    insert.run('Beta Ltd', 'beta ltd', 'b@example.com');
    old.close();
    t = testCore(dataDir);
    await withDemo(t);
    await t.ok('clients.create', { companyName: 'Gamma Ltd', contactName: 'Gil', contactEmail: 'g@example.com', language: 'en', timeZone: 'UTC' });
    const { importId } = await previewImport(t, csv('company_name,contact_name,contact_email', 'Delta Ltd,Dan,d@example.com', 'Epsilon Ltd,Eve,e@example.com'));
    await t.ok('clients.import.commit', { importId, mode: 'allOrNothing' });
    const { sqlite } = t.core.host.database();
    const rows = sqlite.prepare('SELECT id, portal_slug AS slug FROM clients').all() as { id: number; slug: string }[];
    expect(rows.length).toBe(2 + 50 + 1 + 2);
    // The id in hex (it orders the index), then 128 random bits.
    for (const { id, slug } of rows) expect(slug).toMatch(new RegExp(`^${id.toString(16).padStart(8, '0')}[0-9a-f]{32}$`));
    expect(new Set(rows.map(({ slug }) => slug.slice(8))).size).toBe(rows.length);
    const slugs = rows.map(({ slug }) => slug);
    expect(() => sqlite.prepare('UPDATE clients SET portal_slug = ? WHERE id = 2').run(slugs[0])).toThrow(/UNIQUE/);
  });
});

describe('sign-in links that name nobody', () => {
  const refusals = async () => {
    const rows = (await t.ok('audit.list', { limit: 500 })).rows.filter((r) => r.action.startsWith('portal.token'));
    return { first: rows.filter((r) => r.action === 'portal.tokenRefused').map((r) => r.after?.refusal), repeated: rows.filter((r) => r.action === 'portal.tokensRefused').map((r) => r.after) };
  };

  it('are recorded a few entries a minute however many arrive: each kind’s first at once, the repeats counted in one entry', async () => {
    const { origin } = await portal();
    const sso = async (token: string) => (await fetch(`${origin}/sso?token=${encodeURIComponent(token)}`, { redirect: 'manual' })).status;
    const forged = `${Buffer.from('{"alg":"EdDSA"}').toString('base64url')}.${Buffer.from('{"sub":"1"}').toString('base64url')}.${'A'.repeat(86)}`;
    for (let i = 0; i < 200; i++) expect(await sso(`junk-${i}`)).toBe(403);
    expect(await refusals()).toEqual({ first: ['malformed'], repeated: [] });

    // The next minute: the repeats of the last one are recorded as one entry.
    t.clock.now += 61_000;
    for (let i = 0; i < 50; i++) expect(await sso(i % 2 ? forged : `junk-${i}`)).toBe(403);
    const second = await refusals();
    expect(second.first.sort()).toEqual(['malformed', 'malformed', 'signature']);
    expect(second.repeated).toEqual([expect.objectContaining({ malformed: 199, from: expect.any(Number), to: expect.any(Number) })]);

    // Stopping the portal records what it counted so far.
    t = await t.restart();
    await t.ok('session.signIn', { email: 'demo@reseller-desk.test', password: 'demo-password' });
    const third = await refusals();
    expect(third.first).toHaveLength(3);
    expect(third.repeated).toEqual([expect.objectContaining({ malformed: 24, signature: 24 }), expect.objectContaining({ malformed: 199 })]);
  });
});

describe('portal forms', () => {
  /** An invited user of a new client, the invitation link, and the client's sign-in page. */
  async function invited() {
    const { origin } = await portal();
    const { client } = await t.ok('clients.create', { companyName: 'Lindenhof GmbH', contactName: 'Lena', contactEmail: 'lena@lindenhof.example', language: 'de', timeZone: 'Europe/Berlin', inviteFirstUser: true });
    const { sqlite } = t.core.host.database();
    const invitation = queuedLink(t, client.id);
    const slug = sqlite.prepare('SELECT portal_slug FROM clients WHERE id = ?').pluck().get(client.id) as string;
    return { origin, invitation, signIn: `/clients/${slug}/sign-in` };
  }
  const formPost = (origin: string, path: string, form: Record<string, string>) =>
    send(origin, 'POST', path, { host: new URL(origin).host, origin, 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams(form).toString());

  it('refuse a body above 64 KB with a clear page, and write nothing', async () => {
    const { origin, invitation, signIn } = await invited();
    const before = snapshot(t);
    const huge = `${'a'.repeat(2 * 1024 * 1024)}@example.com`;
    for (const [path, form] of [
      [signIn, { email: huge, password: 'whatever password' }],
      [invitation, { password: 'a'.repeat(70_000), repeat: 'a'.repeat(70_000) }],
      ['/reseller/sign-in', { email: huge, password: 'demo-password' }],
    ] as const) {
      const answer = await formPost(origin, path, form);
      expect(answer.status, path).toBe(413);
      expect(answer.body).toContain('too large');
      expect(answer.body).toContain('zu groß');
    }
    expect(snapshot(t)).toBe(before);
  });

  it('check every field with the shared rules: a long or malformed e-mail, an overlong password, stray fields are refused, nothing written', async () => {
    const { origin, invitation, signIn } = await invited();
    const before = snapshot(t);
    const long = `${'a'.repeat(60_000)}@example.com`;
    const forms: Record<string, string>[] = [
      { email: long, password: 'whatever password' },
      { email: 'not an e-mail', password: 'whatever password' },
      { email: 'lena@lindenhof.example', password: 'p'.repeat(257) },
      { email: 'lena@lindenhof.example', password: '' },
      { email: 'lena@lindenhof.example' },
      { email: 'lena@lindenhof.example', password: 'whatever password', role: 'admin' },
    ];
    for (const form of forms) {
      const answer = await formPost(origin, signIn, form);
      expect(answer.status, JSON.stringify(form).slice(0, 80)).toBe(400);
      expect(answer.body).toContain('Geben Sie eine gültige E-Mail-Adresse und Ihr Passwort ein');
      expect(answer.body).not.toContain(long);
    }
    // The portal takes no operator password at all.
    expect((await formPost(origin, '/reseller/sign-in', { email: long, password: 'demo-password' })).status).toBe(404);
    const choices: Record<string, string>[] = [{ password: 'p'.repeat(300), repeat: 'p'.repeat(300) }, { password: 'zehn Zeichen!' }, { password: 'zehn Zeichen!', repeat: 'zehn Zeichen!', status: 'active' }];
    for (const form of choices) {
      const answer = await formPost(origin, invitation, form);
      expect(answer.status, JSON.stringify(form).slice(0, 80)).toBe(400);
      expect(answer.body).toContain('10 bis 256 Zeichen');
    }
    expect(snapshot(t)).toBe(before);
    // The invitation still works.
    expect((await formPost(origin, invitation, { password: 'zehn Zeichen!', repeat: 'zehn Zeichen!' })).status).toBe(303);
  });
});
