import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCheckpointer } from '../../electron/db/checkpoint';
import { openWorkspaceDatabase } from '../../electron/db/open';
import { unlockWith } from '../../electron/workspace/data-key';
import { memorySecrets, testCore, withAdministrator, type TestCore } from '../support/core';
import { csv, previewImport } from '../support/portfolio';

let t: TestCore | undefined;
const folders: string[] = [];
afterEach(async () => {
  await t?.dispose();
  t = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const autocheckpoint = (sqlite: Database.Database) => sqlite.pragma('wal_autocheckpoint', { simple: true });

async function importClients(core: TestCore, count: number) {
  const rows = Array.from({ length: count }, (_, i) => `Imported ${i} Ltd,Person ${i},person${i}@imported.example,imported`);
  const { importId } = await previewImport(core, csv('company_name,contact_name,contact_email,tags', ...rows));
  return core.ok('clients.import.commit', { importId, mode: 'allOrNothing' });
}

describe('copying the write-ahead log into the workspace file', () => {
  it('happens off the thread that committed, soon after a large write', async () => {
    t = testCore();
    await withAdministrator(t);
    const { sqlite, file } = t.core.host.database();
    // Once the worker runs (shortly after the app is up), the app's own connection stops copying at commit.
    await vi.waitFor(() => expect(autocheckpoint(sqlite)).toBe(0), { timeout: 6000 });
    const before = statSync(file).size;
    expect(await importClients(t, 3000)).toEqual({ imported: 3000, skipped: 0 });
    // Only the worker copies now: without it the 3,000 clients would stay in the log.
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 1_000_000), { timeout: 5000 });
  });

  it('leaves everything in the file, and no log beside it, once the workspace is closed', async () => {
    t = testCore();
    await withAdministrator(t);
    const { sqlite, file } = t.core.host.database();
    await vi.waitFor(() => expect(autocheckpoint(sqlite)).toBe(0), { timeout: 6000 });
    await importClients(t, 500);
    await t.core.host.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT count(*) FROM clients WHERE tags = '[\"imported\"]'").pluck().get()).toBe(500);
    check.close();
  });

  it('goes back to the app\'s thread when the worker fails, and says so', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'reseller-desk-checkpoint-'));
    folders.push(folder);
    // A driver whose checkpoints fail: the worker starts, then breaks at the first copy.
    const driver = join(folder, 'failing-driver.cjs');
    writeFileSync(
      driver,
      `const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
module.exports = class extends Database {
  pragma(source, options) {
    if (source.startsWith('wal_checkpoint')) throw new Error('disk unplugged');
    return super.pragma(source, options);
  }
};`,
    );
    const log = vi.fn();
    const { sqlite, file } = openWorkspaceDatabase(join(folder, 'workspace.sqlite'), { create: true, unlock: unlockWith(memorySecrets(), () => undefined) });
    const checkpointer = startCheckpointer(file, sqlite, log, { driver });
    await vi.waitFor(() => expect(autocheckpoint(sqlite)).toBe(0));
    sqlite.exec("INSERT INTO workspace_meta (key, value) VALUES ('note', 'written')");
    await vi.waitFor(() => expect(autocheckpoint(sqlite)).toBe(1000));
    expect(log).toHaveBeenCalledWith('warn', expect.stringContaining('disk unplugged'));
    sqlite.close();
    await checkpointer.close();
  });
});
