import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../electron/db/open';
import { latestSchemaVersion } from '../../electron/db/migrations';
import { ADMIN, makeDataDir, snapshot, testCore, withAdministrator, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.dispose());

describe('first start', () => {
  it('creates the workspace file in the data folder and offers setup', async () => {
    t = testCore();
    const status = await t.ok('workspace.status');
    expect(status).toEqual({ state: 'setup', file: join(t.dataDir, 'workspace.sqlite'), notices: [] });
    expect(existsSync(join(t.dataDir, 'workspace.sqlite'))).toBe(true);
    expect(t.core.host.database().sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.core.host.database().sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('creates the first administrator, signs them in and records it', async () => {
    t = testCore();
    const session = await t.ok('workspace.createAdministrator', ADMIN);
    expect(session.operator).toMatchObject({ email: ADMIN.email, displayName: ADMIN.displayName, role: 'Administrator' });
    expect(session.permissions).toEqual(expect.arrayContaining(['clients.view', 'audit.view']));
    expect(await t.ok('session.current')).toEqual(session);
    expect(await t.ok('workspace.status')).toMatchObject({ state: 'ready', demoSignIn: null });
    const audit = await t.ok('audit.list', {});
    expect(audit.rows.map((r) => r.action)).toContain('operator.created');
    // The password is stored hashed, never as entered.
    const stored = t.core.host.database().sqlite.prepare('SELECT password_hash FROM operators').pluck().get() as string;
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain(ADMIN.password);
  });

  it('refuses a second first administrator and changes nothing', async () => {
    t = testCore();
    await withAdministrator(t);
    await t.ok('session.signOut');
    const before = snapshot(t);
    const error = await t.fail('workspace.createAdministrator', { ...ADMIN, email: 'eve@example.com' });
    expect(error).toMatchObject({ code: 'CONFLICT', key: 'workspace.alreadySetUp' });
    expect(snapshot(t)).toBe(before);
  });

  it('opens the demo workspace with 50 clients and shows the demo sign-in', async () => {
    t = testCore();
    const status = await t.ok('workspace.openDemo');
    expect(status).toMatchObject({ state: 'ready', demoSignIn: { email: 'demo@reseller-desk.test', password: 'demo-password' } });
    await t.ok('session.signIn', status.state === 'ready' ? status.demoSignIn! : { email: '', password: '' });
    const page = await t.ok('clients.list', {});
    expect(page.total).toBe(50);
    const languages = new Set((await t.ok('clients.list', { limit: 50 })).rows.map((r) => r.country));
    expect([...languages].some((c) => ['DE', 'AT', 'CH'].includes(c))).toBe(true);
    expect([...languages].some((c) => ['GB', 'US', 'IE'].includes(c))).toBe(true);
    // Its suspended clients say why, in their language.
    const suspended = (await t.ok('clients.list', { status: 'suspended' })).rows;
    expect(suspended.length).toBeGreaterThan(0);
    for (const { id } of suspended) expect((await t.ok('clients.get', { id })).suspensionReason).toMatch(/\w{4}/);
    expect((await t.fail('workspace.openDemo')).key).toBe('workspace.alreadySetUp');
  });

  it('keeps the data and forgets the sign-in across a restart', async () => {
    t = testCore();
    await withAdministrator(t);
    t = await t.restart();
    expect(await t.ok('session.current')).toBeNull();
    expect((await t.fail('clients.list', {})).code).toBe('UNAUTHENTICATED');
    await t.ok('session.signIn', { email: ADMIN.email, password: ADMIN.password });
    expect((await t.ok('session.current'))?.operator.email).toBe(ADMIN.email);
  });
});

describe('files that cannot be opened', () => {
  it('explains a corrupt file, names it and leaves its bytes alone', async () => {
    const dataDir = makeDataDir();
    const file = join(dataDir, 'workspace.sqlite');
    const garbage = Buffer.from('this is not a database, but it is somebody’s file'.repeat(200));
    writeFileSync(file, garbage);
    t = testCore(dataDir);
    expect(await t.ok('workspace.status')).toMatchObject({ state: 'unavailable', file, problem: 'corrupt' });
    expect((await t.fail('session.signIn', { email: ADMIN.email, password: 'x' })).key).toBe('workspace.notOpen');
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses a workspace written by a newer version instead of downgrading it', async () => {
    const dataDir = makeDataDir();
    const file = join(dataDir, 'workspace.sqlite');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    db.exec('CREATE TABLE from_the_future (x)');
    db.close();
    t = testCore(dataDir);
    const status = await t.ok('workspace.status');
    expect(status).toMatchObject({ state: 'unavailable', problem: 'newer-schema', file });
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 1);
    check.close();
  });

  it('tells another application’s database apart from a workspace', async () => {
    const dataDir = makeDataDir();
    const file = join(dataDir, 'workspace.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    db.close();
    t = testCore(dataDir);
    expect(await t.ok('workspace.status')).toMatchObject({ state: 'unavailable', problem: 'foreign' });
  });

  it('opens another file from the problem screen, creating it when asked, and remembers it', async () => {
    const dataDir = makeDataDir();
    writeFileSync(join(dataDir, 'workspace.sqlite'), 'garbage');
    t = testCore(dataDir);
    const other = join(dataDir, 'elsewhere', 'team.sqlite');
    const missing = await t.fail('workspace.open', { file: other });
    expect(missing.code).toBe('VALIDATION');
    expect(missing.fields?.[0]).toMatchObject({ path: 'file', key: 'workspace.problem.unreadable' });
    expect(await t.ok('workspace.open', { file: other, create: true })).toEqual({ state: 'setup', file: other, notices: [] });
    expect(t.shell.settings.get('lastWorkspaceFile')).toBe(other);
    await withAdministrator(t);
    // Next start opens the remembered file.
    t = await t.restart();
    expect(await t.ok('workspace.status')).toMatchObject({ state: 'ready', file: other });
  });

  it('keeps the open workspace when the chosen file is damaged', async () => {
    t = testCore();
    await withAdministrator(t);
    await t.ok('session.signOut');
    const bad = join(t.dataDir, 'bad.sqlite');
    writeFileSync(bad, 'garbage');
    const error = await t.fail('workspace.open', { file: bad });
    expect(error.fields?.[0]).toMatchObject({ path: 'file', key: 'workspace.problem.corrupt', params: { file: bad } });
    expect(await t.ok('workspace.status')).toMatchObject({ state: 'ready', file: join(t.dataDir, 'workspace.sqlite') });
  });

  it('does not switch workspaces under a signed-in operator', async () => {
    t = testCore();
    await withAdministrator(t);
    const error = await t.fail('workspace.open', { file: join(t.dataDir, 'other.sqlite'), create: true });
    expect(error).toMatchObject({ code: 'FORBIDDEN', key: 'workspace.signOutFirst' });
    expect(existsSync(join(t.dataDir, 'other.sqlite'))).toBe(false);
  });
});
