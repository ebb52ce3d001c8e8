import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir, testCore, withAdministrator, ADMIN } from '../support/core';
import { clientsFile, previewImport } from '../support/portfolio';

/**
 * The app's process killed (SIGKILL) in the middle of a write's transaction
 * — a 100,000-row import commit, bulk changes of 1,000 clients — with a
 * client window open: after a restart on the same folder the write left
 * nothing behind, the audit still tells exactly what the data holds, the
 * kept counts match the rows, and the client window's session is closed.
 * The child (tests/support/crash-child.ts) says when it is inside the
 * transaction and waits there, so the kill lands mid-write every time.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const childScript = fileURLToPath(new URL('../support/crash-child.ts', import.meta.url));

type Write = 'import' | 'tags' | 'credits' | 'feature';
type Point = 'early' | 'late';

const running = new Set<ChildProcess>();

/** Runs the app core in a child until it is inside the write's transaction, and kills it there; the session id of its client window. */
async function killMidWrite(dataDir: string, write: Write, point: Point): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, dataDir, write, point], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (data: Buffer) => void (err += data.toString()));
  child.stdout!.on('data', (data: Buffer) => {
    out += data.toString();
    if (out.includes('crash-point\n')) child.kill('SIGKILL');
  });
  const ended = await new Promise<string | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  running.delete(child);
  expect(ended, `the child was to be killed inside its transaction, but it ended by itself:\n${out}\n${err}`).toBe('SIGKILL');
  return /^session (\S+)$/m.exec(out)![1]!;
}

const rows = (sqlite: Database.Database, query: string) => sqlite.prepare(query).all();
const value = (sqlite: Database.Database, query: string) => sqlite.prepare(query).pluck().get() as number;

/** Everything the writes under test may change, and the audit apart from sign-ins and client windows. */
function portfolio(sqlite: Database.Database): string {
  return JSON.stringify([
    rows(sqlite, 'SELECT * FROM clients ORDER BY id'),
    rows(sqlite, 'SELECT * FROM client_features ORDER BY client_id, feature_key'),
    rows(sqlite, 'SELECT * FROM credit_ledger ORDER BY id'),
    rows(sqlite, 'SELECT * FROM client_tag_usage ORDER BY tag'),
    rows(sqlite, 'SELECT key, clients FROM features ORDER BY key'),
    rows(sqlite, "SELECT * FROM audit_log WHERE action NOT LIKE 'session.%' AND action NOT LIKE 'impersonation.%' ORDER BY id"),
  ]);
}

/** What holds after any write, whole or not at all: the file is sound, the kept counts and the audit agree with the rows. */
function expectConsistent(sqlite: Database.Database): void {
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(rows(sqlite, 'PRAGMA foreign_key_check')).toEqual([]);
  // Throws if the search index and the clients differ.
  sqlite.exec("INSERT INTO clients_search(clients_search, rank) VALUES ('integrity-check', 1)");
  expect(rows(sqlite, 'SELECT tag, clients FROM client_tag_usage ORDER BY tag')).toEqual(
    rows(sqlite, 'SELECT t.value AS tag, count(*) AS clients FROM clients, json_each(clients.tags) AS t GROUP BY t.value ORDER BY t.value'),
  );
  expect(rows(sqlite, 'SELECT key, clients FROM features ORDER BY key')).toEqual(
    rows(sqlite, 'SELECT key, (SELECT count(*) FROM client_features c WHERE c.feature_key = f.key) AS clients FROM features f ORDER BY key'),
  );
  // One audit entry per client that came in, none for a client that did not; the import's summary counts the same.
  expect(value(sqlite, "SELECT count(*) FROM clients c WHERE (SELECT count(*) FROM audit_log a WHERE a.client_id = c.id AND a.action IN ('client.imported', 'client.created')) <> 1")).toBe(0);
  expect(value(sqlite, "SELECT count(*) FROM audit_log a WHERE a.action = 'client.imported' AND NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = a.client_id)")).toBe(0);
  expect(value(sqlite, "SELECT coalesce(sum(after_json ->> 'imported'), 0) FROM audit_log WHERE action = 'clients.imported'")).toBe(
    value(sqlite, "SELECT count(*) FROM audit_log WHERE action = 'client.imported'"),
  );
  // Each bulk change: as many entries as clients it changed.
  expect(value(sqlite, "SELECT count(*) FROM audit_log WHERE action = 'client.tagged' AND after_json ->> 'tags' LIKE '%crashed%'")).toBe(
    value(sqlite, "SELECT count(*) FROM clients WHERE tags LIKE '%\"crashed\"%'"),
  );
  expect(value(sqlite, "SELECT count(*) FROM audit_log WHERE action = 'client.credits' AND summary LIKE '%crash test'")).toBe(
    value(sqlite, "SELECT count(*) FROM credit_ledger WHERE note = 'crash test'"),
  );
  expect(value(sqlite, "SELECT count(*) FROM audit_log WHERE action = 'client.featuresChanged' AND after_json ->> 'reports' = 1")).toBe(
    value(sqlite, "SELECT count(*) FROM client_features WHERE feature_key = 'reports'"),
  );
  // Every client window that was opened was closed, and both are in the audit.
  expect(value(sqlite, 'SELECT count(*) FROM impersonation_sessions WHERE ended_at IS NULL')).toBe(0);
  expect(value(sqlite, "SELECT count(*) FROM audit_log WHERE action = 'impersonation.started'")).toBe(value(sqlite, 'SELECT count(*) FROM impersonation_sessions'));
  expect(value(sqlite, "SELECT count(*) FROM audit_log WHERE action = 'impersonation.ended'")).toBe(value(sqlite, 'SELECT count(*) FROM impersonation_sessions'));
}

describe('a crash in the middle of a write', () => {
  const prepared = makeDataDir();
  let dataDir = '';
  let before = '';

  beforeAll(async () => {
    // A thousand clients with tags, features and credits, and the administrator the child signs in as; each test works on a copy.
    const t = testCore(prepared);
    await withAdministrator(t);
    const { importId } = await previewImport(t, clientsFile(1000, 'setup.example'));
    await t.ok('clients.import.commit', { importId, mode: 'allOrNothing' });
    before = portfolio(t.core.host.database().sqlite);
    await t.core.stop();
  });
  beforeEach(() => {
    dataDir = makeDataDir();
    cpSync(prepared, dataDir, { recursive: true });
  });
  afterEach(() => {
    for (const child of running) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterAll(() => rmSync(prepared, { recursive: true, force: true }));

  /** Restarts on the folder as the app would, and finds the write not done and everything consistent. */
  async function expectNothingWritten(sessionId: string): Promise<void> {
    const t = testCore(dataDir);
    try {
      const { sqlite } = t.core.host.database();
      expectConsistent(sqlite);
      expect(value(sqlite, 'SELECT count(*) FROM clients')).toBe(1000);
      expect(portfolio(sqlite)).toBe(before);
      expect(sqlite.prepare('SELECT end_reason FROM impersonation_sessions WHERE id = ?').all(sessionId)).toEqual([{ end_reason: 'app-closed' }]);
    } finally {
      await t.core.stop();
    }
  }

  it.each<Point>(['early', 'late'])('killed %s in the commit of a 100,000-row import', async (point) => {
    await expectNothingWritten(await killMidWrite(dataDir, 'import', point));
  }, 120_000);

  it.each<[Write, Point]>([
    ['tags', 'early'],
    ['credits', 'late'],
    ['feature', 'late'],
  ])('killed in a bulk change of 1,000 clients (%s, %s)', async (write, point) => {
    await expectNothingWritten(await killMidWrite(dataDir, write, point));
  }, 60_000);

  it('killed in a bulk change of 1,000 clients (tags, late), then the same writes go through whole', async () => {
    await expectNothingWritten(await killMidWrite(dataDir, 'tags', 'late'));
    // The rules above also hold for writes that went through: they tell all from nothing.
    const t = testCore(dataDir);
    try {
      await t.ok('session.signIn', { email: ADMIN.email, password: ADMIN.password });
      const { sqlite } = t.core.host.database();
      const ids = sqlite.prepare('SELECT id FROM clients ORDER BY id').pluck().all() as number[];
      expect(await t.ok('clients.bulk.tags', { ids, add: ['crashed'] })).toMatchObject({ changed: 1000 });
      expect(await t.ok('clients.bulk.credits', { ids, kind: 'sms', amount: 25, note: 'crash test' })).toMatchObject({ changed: 1000 });
      expect(await t.ok('clients.bulk.feature', { ids, feature: 'reports', enabled: true })).toMatchObject({ changed: 1000 });
      expect(value(sqlite, "SELECT clients FROM client_tag_usage WHERE tag = 'crashed'")).toBe(1000);
      expect(value(sqlite, "SELECT clients FROM features WHERE key = 'reports'")).toBe(1000);
      expectConsistent(sqlite);
    } finally {
      await t.core.stop();
    }
  }, 60_000);
});
