import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLog } from '../../electron/app/log';
import { ChromiumShell } from '../../electron/shells/chromium/chromium-shell';
import { makeDataDir, testCore, withAdministrator, withDemo, workspaceAtVersion, type TestCore } from '../support/core';

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

  it.skipIf(!posix)('holds the Chromium shell’s settings, secrets and saved portal sessions for this user only', async () => {
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
      const window = await shell.openPortalWindow({ partition: 'persist:reseller-portal', url: `${origin}/`, allowedOrigins: [origin], title: '', accent: '', bar: null, onClosed: noop, onReturn: noop, onActivity: noop });
      await window.close();
    } finally {
      await shell.close();
      portal.close();
    }
    expect(readFileSync(join(dataDir, 'partitions', 'persist_reseller-portal.json'), 'utf8')).toContain('s3cret');
    expect(modes(dataDir)).toEqual({
      '.': '700',
      'settings.json': '600',
      'secrets.json': '600',
      partitions: '700',
      'partitions/persist_reseller-portal.json': '600',
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
