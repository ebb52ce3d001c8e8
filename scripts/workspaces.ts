import { existsSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWithAudit } from '../electron/audit/write';
import { createHash } from 'node:crypto';
import { migrations } from '../electron/db/migrations';
import { openWorkspaceDatabase } from '../electron/db/open';
import { hashPassword } from '../electron/operators/passwords';
import { fileSecretStore, plainCodec } from '../electron/shell/secrets';
import { unlockWith } from '../electron/workspace/data-key';
import { DEMO_OPERATOR } from '../electron/workspace/demo';
import { seedDemo } from '../electron/workspace/seed-demo';

/**
 * Where a generated workspace's data key is kept: a secret store in the
 * Chromium shell's format beside it. Copied as `secrets.json` into a data
 * folder, the app there shows the workspace's SSO tokens; anywhere else it
 * says they were encrypted on another computer.
 */
export const keyFileOf = (file: string) => `${file}.secrets.json`;

/** A new workspace file holding the demo operator and `clients` demo clients, seeded as the app does; its data key in `keyFileOf(file)`. */
export async function generateDemoWorkspace(file: string, clients: number): Promise<void> {
  const secrets = fileSecretStore(keyFileOf(file), plainCodec, 'userFile');
  const { db, sqlite, sealer } = openWorkspaceDatabase(file, { create: true, unlock: unlockWith(secrets, () => undefined) });
  try {
    const passwordHash = await hashPassword(DEMO_OPERATOR.password);
    writeWithAudit(db, { kind: 'system', name: 'generator' }, Date.now(), (tx, audit) => seedDemo(tx, sealer, audit, { passwordHash, clientCount: clients, now: Date.now() }));
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
}

/**
 * A large workspace for the benchmarks, generated once per size and schema
 * (a hash of every migration) and reused from the temp folder; callers copy it before writing to it.
 */
export async function cachedDemoWorkspace(clients: number): Promise<string> {
  const schema = createHash('sha256').update(JSON.stringify(migrations)).digest('hex').slice(0, 12);
  const file = join(tmpdir(), `reseller-desk-bench-${schema}-${clients}.sqlite`);
  if (!existsSync(file)) {
    const partial = `${file}.partial-${process.pid}`;
    await generateDemoWorkspace(partial, clients);
    renameSync(keyFileOf(partial), keyFileOf(file));
    renameSync(partial, file);
  }
  return file;
}
