import Conf from 'conf';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/shell/paths';
import { openSettingsStore } from '../../electron/shell/settings';
import { WORKSPACE_CSP, serveWorkspaceFile } from '../../electron/shell/static-files';
import { readPreferences } from '../../electron/preferences/preferences';

const temp = () => mkdtempSync(join(tmpdir(), 'reseller-desk-unit-'));

describe('data folder', () => {
  it('is RESELLER_DESK_DATA_DIR when set', () => {
    expect(defaultDataDir({ RESELLER_DESK_DATA_DIR: '/data/rd' }, 'linux')).toBe('/data/rd');
  });
  it('is the per-user application data folder otherwise', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe('/home/u/.config/Reseller Desk');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toContain('Reseller Desk');
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Reseller Desk$/);
  });
});

describe('workspace UI files', () => {
  const root = temp();
  writeFileSync(join(root, 'index.html'), '<html></html>');
  writeFileSync(join(root, 'app.js'), 'console.log(1)');
  writeFileSync(join(temp(), 'secret.txt'), 'secret');

  it('are served with the CSP and their type', async () => {
    const page = await serveWorkspaceFile(root, '/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(WORKSPACE_CSP);
    expect(WORKSPACE_CSP).toContain("script-src 'self'");
    expect(WORKSPACE_CSP).not.toContain('unsafe');
    expect((await serveWorkspaceFile(root, '/app.js')).headers['content-type']).toMatch(/javascript/);
  });
  it('never leave the folder', async () => {
    for (const path of ['/../secret.txt', '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const response = await serveWorkspaceFile(root, path);
      expect(response.body.toString()).not.toContain('secret');
      expect(response.body.toString()).not.toContain('root:');
    }
  });
  it('answer a path that names no file with 400, never an exception', async () => {
    const cases = ['/%E0%A4%A', '/%', '/%zz', '/%C0%AF', '/..%2f..%2fetc%2fpasswd', '/..%5c..%5csecret.txt', '/a%2Fb.js', '/..\\secret.txt', '/index.html%00.js', '/%00'];
    for (const path of cases) {
      const response = await serveWorkspaceFile(root, path);
      expect(response.status, path).toBe(400);
      expect(response.headers['content-security-policy'], path).toBe(WORKSPACE_CSP);
    }
    // Dot segments stay inside the folder: the app shell or a file of the UI, never one above it.
    for (const path of ['/../secret.txt', '/%2e%2e/%2e%2e/secret.txt', '/a/../../../app.js']) {
      const response = await serveWorkspaceFile(root, path);
      expect(response.body.toString(), path).not.toContain('secret');
    }
    expect((await serveWorkspaceFile(root, '/a/../../../app.js')).body.toString()).toBe('console.log(1)');
  });
  it('answer unknown routes with the app and missing assets with 404', async () => {
    expect((await serveWorkspaceFile(root, '/clients/42')).body.toString()).toBe('<html></html>');
    expect((await serveWorkspaceFile(root, '/missing.js')).status).toBe(404);
  });
});

describe('settings', () => {
  it('survive a damaged settings file: kept aside, defaults used', () => {
    const dir = temp();
    writeFileSync(join(dir, 'settings.json'), '{ "preferences": { "theme": "dark" ');
    const store = openSettingsStore(join(dir, 'settings.json'), () => new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings' }), () => undefined);
    expect(readPreferences(store, 'de-AT')).toEqual({ theme: 'system', language: 'de' });
    store.set('preferences', { theme: 'dark', language: 'de' });
    const aside = readdirSync(dir).find((f) => f.startsWith('settings.json.damaged-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside!), 'utf8')).toContain('"theme": "dark"');
  });
  it('fall back per value: a bad theme keeps the good language', () => {
    const values = new Map<string, unknown>([['preferences', { theme: 'neon', language: 'de' }]]);
    const store = { get: (k: string) => values.get(k), set: () => undefined };
    expect(readPreferences(store, 'en-US')).toEqual({ theme: 'system', language: 'de' });
  });
});
