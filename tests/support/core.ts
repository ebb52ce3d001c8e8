import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../../electron/app/core';
import type { Sender } from '../../electron/app/router';
import { migrations } from '../../electron/db/migrations';
import { APPLICATION_ID } from '../../electron/db/open';
import { openLink } from '../../electron/mail/repository';
import type { Shell } from '../../electron/shell/port';
import type { SecretStore } from '../../electron/shell/secrets';
import type { SecretProtection } from '../../shared/workspace';
import { FakePortalWindow } from './portal-browser';
import type { ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../shared/ipc/errors';

export const WORKSPACE_ORIGIN = 'http://workspace.test';
export const workspaceSender: Sender = { url: `${WORKSPACE_ORIGIN}/index.html`, isMainFrame: true };

export type HeadlessShell = Shell & {
  events: [string, unknown][];
  portalWindows: FakePortalWindow[];
  focusedWorkspace: number;
  /** The folder "save as" answers with (exports); null: the operator cancels. */
  saveTo: string | null;
};

/** Secrets in a Map, kept as the OS keychain would unless told otherwise. */
export const memorySecrets = (values = new Map<string, string>(), protection: SecretProtection = 'keychain'): SecretStore => ({
  get: (name) => values.get(name) ?? null,
  set: (name, value) => void values.set(name, value),
  protection,
});

/** A shell without a browser: settings and secrets in Maps, events recorded, portal windows fetch over HTTP. */
export function headlessShell(settings = new Map<string, unknown>(), locale = 'en-GB', secrets = new Map<string, string>()): HeadlessShell {
  const events: [string, unknown][] = [];
  const portalWindows: FakePortalWindow[] = [];
  const shell: HeadlessShell = {
    kind: 'chromium',
    workspaceOrigin: WORKSPACE_ORIGIN,
    settings: { get: (key) => settings.get(key), set: (key, value) => void settings.set(key, value) },
    locale: () => locale,
    chooseWorkspaceFile: null,
    chooseSaveFile: async (name) => (shell.saveTo === null ? null : join(shell.saveTo, name)),
    openWorkspaceWindow: async () => ({ send: (event, payload) => void events.push([event, payload]), focus: () => void shell.focusedWorkspace++ }),
    openPortalWindow: async (options) => {
      const window = new FakePortalWindow(options);
      portalWindows.push(window);
      await window.loaded;
      return window;
    },
    secrets: memorySecrets(secrets),
    close: async () => undefined,
    events,
    portalWindows,
    focusedWorkspace: 0,
    saveTo: null,
  };
  return shell;
}

export interface TestCore {
  core: Core;
  shell: HeadlessShell;
  dataDir: string;
  clock: { now: number };
  /** Calls a channel as the workspace window would. */
  call(channel: string, input?: unknown, sender?: Sender): Promise<IpcResult<unknown>>;
  ok<C extends ChannelName>(channel: C, input?: unknown): Promise<ChannelOutput<C>>;
  fail(channel: string, input?: unknown, sender?: Sender): Promise<IpcError>;
  /** A second start on the same data folder, settings and secrets, as after quitting the app. */
  restart(): Promise<TestCore>;
  dispose(): Promise<void>;
}

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'reseller-desk-test-'));
}

/** The workspace file of a data folder as an earlier version left it (its migrations up to `version`), for the test to fill before opening it. */
export function workspaceAtVersion(dataDir: string, version: number): Database.Database {
  const old = new Database(join(dataDir, 'workspace.sqlite'));
  for (const migration of migrations.filter((m) => m.version <= version)) old.exec(migration.sql);
  old.pragma(`application_id = ${APPLICATION_ID}`);
  old.pragma(`user_version = ${version}`);
  return old;
}

export function testCore(
  dataDir = makeDataDir(),
  settings = new Map<string, unknown>(),
  clock = { now: Date.UTC(2026, 10, 23, 9) },
  secrets = new Map<string, string>(),
): TestCore {
  const shell = headlessShell(settings, 'en-GB', secrets);
  shell.saveTo = dataDir;
  const core = createCore({ shell, dataDir, now: () => clock.now, log: () => undefined });
  void shell.openWorkspaceWindow({ onInvoke: core.dispatch, onClosed: () => undefined }).then((w) => core.attach(w));
  const call = (channel: string, input?: unknown, sender = workspaceSender) => core.dispatch(sender, channel, input);
  const self: TestCore = {
    core,
    shell,
    dataDir,
    clock,
    call,
    async ok(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async fail(channel, input, sender) {
      const result = await call(channel, input, sender);
      if (result.ok) throw new Error(`${channel} succeeded but was expected to fail: ${JSON.stringify(result.value)}`);
      return result.error;
    },
    async restart() {
      await core.stop();
      return testCore(dataDir, settings, clock, secrets);
    },
    async dispose() {
      await core.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

export const ADMIN = { displayName: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };

/** A workspace with a signed-in first administrator. */
export async function withAdministrator(t: TestCore): Promise<void> {
  await t.ok('workspace.createAdministrator', ADMIN);
}

/** A demo workspace (50 clients) with the demo operator signed in. */
export async function withDemo(t: TestCore): Promise<void> {
  await t.ok('workspace.openDemo');
  await t.ok('session.signIn', { email: 'demo@reseller-desk.test', password: 'demo-password' });
}

/** The link of the last mail queued (for a client), as the sender reads it: the workspace keeps it sealed. */
export function queuedLink(t: TestCore, clientId?: number): string {
  const { sqlite, sealer } = t.core.host.database();
  const stored = (
    clientId === undefined
      ? sqlite.prepare('SELECT link_path FROM mail_outbox ORDER BY id DESC LIMIT 1').pluck().get()
      : sqlite.prepare('SELECT link_path FROM mail_outbox WHERE client_id = ? ORDER BY id DESC LIMIT 1').pluck().get(clientId)
  ) as string | null;
  const link = openLink(sealer, stored);
  if (!link) throw new Error('no link queued, or it cannot be opened');
  return link;
}

/** Everything in the workspace file, for asserting that a refused call changed nothing. */
export function snapshot(t: TestCore): string {
  const { sqlite } = t.core.host.database();
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'clients_search%' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(tables.map((name) => [name, sqlite.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()]));
}
