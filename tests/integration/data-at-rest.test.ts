import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLog } from '../../electron/app/log';
import { ChromiumShell } from '../../electron/shells/chromium/chromium-shell';
import { WorkspaceHost } from '../../electron/workspace/host';
import { ADMIN, makeDataDir, memorySecrets, queuedLink, testCore, withAdministrator, withDemo, workspaceAtVersion, type TestCore } from '../support/core';
import { createClient, csv, previewImport } from '../support/portfolio';

let t: TestCore | undefined;
const folders: string[] = [];
afterEach(async () => {
  await t?.dispose();
  t = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const posix = process.platform !== 'win32';

/** Every entry under `dir` (itself as ".") with its permission bits in octal. */
function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = { '.': (statSync(dir).mode & 0o777).toString(8) };
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    found[name] = (statSync(join(dir, name)).mode & 0o777).toString(8);
  }
  return found;
}

/** The workspace file with its write-ahead log, as another user who could read them would see them. */
function workspaceBytes(t: TestCore): Buffer {
  const { file } = t.core.host.database();
  return Buffer.concat(['', '-wal'].map((suffix) => readFileSync(`${file}${suffix}`)));
}

describe('the data folder', () => {
  it.skipIf(!posix)('is this user’s only, with every file the app writes in it', async () => {
    const parent = makeDataDir();
    folders.push(parent);
    const dataDir = join(parent, 'Reseller Desk');
    fileLog(dataDir)('info', 'started');
    t = testCore(dataDir);
    await withDemo(t);
    const exported = await t.ok('clients.export', { query: '' });

    const found = modes(dataDir);
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['workspace.sqlite', 'workspace.sqlite-wal', 'workspace.sqlite-shm', join('logs', 'main.log'), relative(dataDir, exported.file!)]));
    for (const [name, mode] of Object.entries(found)) {
      expect(mode, name).toBe(statSync(join(dataDir, name)).isDirectory() ? '700' : '600');
    }
  });

  it.skipIf(!posix)('holds the Chromium shell’s settings and secrets for this user only, and keeps no portal session on disk', async () => {
    const dataDir = makeDataDir();
    folders.push(dataDir);
    const portal = createServer((_request, response) => response.writeHead(200, { 'set-cookie': 'session=s3cret; HttpOnly; Max-Age=3600', 'content-type': 'text/html' }).end('<p>portal</p>'));
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
    const shell = new ChromiumShell({ dataDir, log: () => undefined, headless: true });
    try {
      shell.settings.set('preferences', { theme: 'dark', language: 'en' });
      shell.secrets.set('login-token-signing-key', '{}');
      const noop = () => undefined;
      const window = await shell.openPortalWindow({ partition: 'reseller-portal:1', url: `${origin}/`, windowSecret: 'secret', allowedOrigins: [origin], title: '', accent: '', bar: null, onClosed: noop, onReturn: noop, onActivity: noop });
      await window.close();
    } finally {
      await shell.close();
      portal.close();
    }
    // Portal windows live in memory only: their session cookie never reaches the disk.
    expect(modes(dataDir)).toEqual({
      '.': '700',
      'settings.json': '600',
      'secrets.json': '600',
    });
  });

  it.skipIf(!posix)('is closed at start where an earlier version left it readable by all; the operator’s own files are left alone', async () => {
    const dataDir = makeDataDir();
    workspaceAtVersion(dataDir, 9).close();
    const left = ['settings.json', 'secrets.json', 'logs/main.log', 'exports/clients-2026-11-23.csv', 'partitions/persist_reseller-portal.json', 'notes.txt'];
    for (const name of left) {
      mkdirSync(dirname(join(dataDir, name)), { recursive: true });
      writeFileSync(join(dataDir, name), '{}');
    }
    for (const name of ['.', 'logs', 'exports', 'partitions']) chmodSync(join(dataDir, name), 0o755);
    for (const name of [...left, 'workspace.sqlite']) chmodSync(join(dataDir, name), 0o644);

    t = testCore(dataDir);
    await withAdministrator(t);
    expect(modes(dataDir)).toEqual({
      '.': '700',
      'workspace.sqlite': '600',
      'workspace.sqlite-wal': '600',
      'workspace.sqlite-shm': '600',
      'settings.json': '600',
      'secrets.json': '600',
      logs: '700',
      'logs/main.log': '600',
      exports: '700',
      'exports/clients-2026-11-23.csv': '600',
      partitions: '700',
      'partitions/persist_reseller-portal.json': '600',
      'notes.txt': '644',
    });
  });
});

describe('secrets in the workspace', () => {
  it('keeps no SSO token or invitation link in clear, while reveal still shows the token', async () => {
    t = testCore();
    await withDemo(t);
    const { client } = await createClient(t, { inviteFirstUser: true });
    const { importId } = await previewImport(t, csv('company_name,contact_name,contact_email', 'Imported Ltd,Ida,ida@imported.example'));
    await t.ok('clients.import.commit', { importId, mode: 'allOrNothing' });
    const imported = (await t.ok('clients.list', { query: 'Imported' })).rows[0]!;
    const demo = (await t.ok('clients.list', { query: '' })).rows[0]!;

    const bytes = workspaceBytes(t);
    for (const { id } of [client, imported, demo]) {
      const { token } = await t.ok('clients.ssoToken.reveal', { id });
      expect(token).toMatch(/^[0-9a-f]{48}$/);
      expect((await t.ok('clients.get', { id })).ssoTokenMasked).toBe(`••••••••${token.slice(-4)}`);
      expect(bytes.includes(token), `token of client ${id}`).toBe(false);
    }
    const invitation = queuedLink(t, client.id).replace('/invite/', '');
    expect(invitation).toMatch(/^[\w-]{43}$/);
    expect(bytes.includes(invitation)).toBe(false);
    // The outbox shows the link, its token hidden, as before.
    expect((await t.ok('mail.outbox', { clientId: client.id })).rows[0]!.linkPath).toBe('/invite/…');
  });

  it('seals what an earlier version stored in clear, leaving no trace of it in the file', async () => {
    const dataDir = makeDataDir();
    const old = workspaceAtVersion(dataDir, 9);
    // Enough clients to fill pages: sealed tokens are longer, so rows move and leave the old ones behind.
    const tokenOf = (id: number) => `${String(id).padStart(4, '0')}${'c0ffee'.repeat(7)}ab`;
    const linkOf = (id: number) => `/invite/${String(id).padStart(4, '0')}${'L'.repeat(39)}`;
    const client = old.prepare(
      `INSERT INTO clients (id, company_name, name_key, contact_name, contact_email, contact_phone, street, postal_code, city, country,
         language, time_zone, status, created_at, updated_at, notes, tags, seat_limit, sso_token)
       VALUES (?, 'Old Ltd', 'old ltd', 'Olga', ?, '', '', '', '', '', 'en', 'UTC', 'active', 0, 0, '', '[]', 1, ?)`,
    );
    const mail = old.prepare("INSERT INTO mail_outbox (client_id, to_address, subject, body_text, link_path, created_at) VALUES (?, 'olga@old.example', 'Invitation', '{link}', ?, 0)");
    for (let id = 1; id <= 300; id++) {
      client.run(id, `olga${id}@old.example`, tokenOf(id));
      mail.run(id, linkOf(id));
    }
    old.close();

    t = testCore(dataDir);
    await withAdministrator(t);
    const bytes = workspaceBytes(t);
    for (let id = 1; id <= 300; id++) {
      expect(bytes.includes(tokenOf(id)), `token of client ${id}`).toBe(false);
      expect(bytes.includes(linkOf(id)), `link to client ${id}`).toBe(false);
    }
    expect(await t.ok('clients.ssoToken.reveal', { id: 7 })).toEqual({ token: tokenOf(7) });
    expect((await t.ok('clients.get', { id: 7 })).ssoTokenMasked).toBe('••••••••eeab');
    expect(queuedLink(t, 7)).toBe(linkOf(7));
  });

  it('opened on a computer without its key: says how many tokens cannot be shown, refuses to show them, and rotates them', async () => {
    t = testCore();
    await withAdministrator(t);
    const { client } = await createClient(t);
    const other = (await createClient(t)).client;
    const { dataDir, clock } = t;
    await t.core.stop();
    // The same data folder and settings, but not the secret store the workspace's key is in.
    t = testCore(dataDir, new Map(), clock, new Map());
    expect(await t.ok('workspace.status')).toMatchObject({ state: 'ready', notices: [{ kind: 'ssoTokensSealedElsewhere', tokens: 2 }] });

    await t.ok('session.signIn', { email: ADMIN.email, password: ADMIN.password });
    // The client still shows, its token masked as before.
    expect((await t.ok('clients.get', { id: client.id })).ssoTokenMasked).toBe(client.ssoTokenMasked);
    const refused = await t.fail('clients.ssoToken.reveal', { id: client.id });
    expect(refused).toMatchObject({ code: 'CONFLICT', key: 'clients.ssoTokenSealedElsewhere' });
    expect((await t.ok('audit.list', { clientId: client.id })).rows.map((r) => r.action)).not.toContain('client.ssoTokenRevealed');

    await t.ok('clients.ssoToken.rotate', { id: client.id });
    expect((await t.ok('clients.ssoToken.reveal', { id: client.id })).token).toMatch(/^[0-9a-f]{48}$/);
    expect(await t.ok('workspace.status')).toMatchObject({ notices: [{ kind: 'ssoTokensSealedElsewhere', tokens: 1 }] });
    await t.ok('clients.ssoToken.rotate', { id: other.id });
    expect(await t.ok('workspace.status')).toMatchObject({ notices: [] });
  });
});

describe('the secret store', () => {
  it('is named to the operator when it is not the keychain', async () => {
    const dataDir = makeDataDir();
    folders.push(dataDir);
    const statusWith = async (protection: 'keychain' | 'userFile') => {
      const host = new WorkspaceHost(join(dataDir, `${protection}.sqlite`), () => undefined, memorySecrets(new Map(), protection));
      const status = host.status();
      await host.close();
      return status;
    };
    expect(await statusWith('userFile')).toEqual({ state: 'setup', file: join(dataDir, 'userFile.sqlite'), notices: [{ kind: 'secretsNotProtected', storage: 'userFile' }] });
    expect(await statusWith('keychain')).toMatchObject({ notices: [] });
  });
});
