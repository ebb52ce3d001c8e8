// The app core in a process of its own, for tests/integration/crash-safety.test.ts, which kills it (SIGKILL)
// in the middle of a write. Run with `node --import tsx tests/support/crash-child.ts <data folder> <write> <point>`:
//   write: import (100,000 rows through the import channels) | tags | credits | feature (a bulk change of 1,000 clients)
//   point: early (the write's 10th statement) | late (its COMMIT, once every statement has run)
// It signs in as ADMIN, opens a client window (its session id on stdout as `session <id>`), starts the write, and at
// the point writes `crash-point` to stdout, synchronously, from inside the transaction, then waits there to be killed.
import { writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ADMIN, testCore } from './core';
import { clientsFile, previewImport } from './portfolio';

const [dataDir, write, point] = process.argv.slice(2) as [string, 'import' | 'tags' | 'credits' | 'feature', 'early' | 'late'];
const say = (line: string) => void writeSync(1, `${line}\n`);

/** Stops this process where it is, inside the transaction, until the test kills it; never lets the write go on. */
function stopHere(): never {
  say('crash-point');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  process.exit(3);
}

/**
 * Test-only hook, on the driver rather than in the app: every statement
 * Drizzle runs, and the COMMIT that ends a transaction (better-sqlite3 runs
 * it as a prepared statement too), passes `Statement#run`. Once armed it
 * stops at the write's 10th statement (early), or at the COMMIT once all the
 * write's audit entries are in, its last statement (late): a write split into
 * several transactions has committed the earlier ones by then.
 */
let armed: { auditBefore: number; auditEntries: number } | null = null;
let statements = 0;
const probe = new Database(':memory:');
const Statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as { run: (...args: unknown[]) => unknown };
probe.close();
const run = Statement.run;
Statement.run = function (this: Database.Statement, ...args: unknown[]) {
  if (armed && point === 'late' && this.source === 'COMMIT') {
    const audit = this.database.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    if (audit - armed.auditBefore >= armed.auditEntries) stopHere();
  }
  const result = run.apply(this, args);
  if (armed && point === 'early' && !this.source.startsWith('BEGIN') && ++statements === 10) stopHere();
  return result;
};
/** Arms the hook for a write that records `auditEntries` entries. */
const arm = (auditEntries: number) => void (armed = { auditBefore: sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number, auditEntries });

const t = testCore(dataDir);
await t.ok('session.signIn', { email: ADMIN.email, password: ADMIN.password });
const { sqlite } = t.core.host.database();
const [first] = sqlite.prepare("SELECT id FROM clients WHERE status = 'active' ORDER BY id LIMIT 1").pluck().all() as number[];
const { sessionId } = await t.ok('impersonation.open', { clientId: first!, view: 'client', reason: 'crash test' });
say(`session ${sessionId}`);

if (write === 'import') {
  const { importId, preview } = await previewImport(t, clientsFile(100_000, 'import.example'), 'big.csv');
  if (preview.invalidRows > 0) throw new Error(`the import file has invalid rows: ${JSON.stringify(preview.errors.slice(0, 3))}`);
  // One entry per client, and the import's own.
  arm(100_001);
  await t.ok('clients.import.commit', { importId, mode: 'allOrNothing' });
} else {
  const ids = sqlite.prepare("SELECT id FROM clients WHERE status = 'active' ORDER BY id LIMIT 1000").pluck().all() as number[];
  // One entry per client.
  arm(1000);
  if (write === 'tags') await t.ok('clients.bulk.tags', { ids, add: ['crashed'], remove: ['north'] });
  if (write === 'credits') await t.ok('clients.bulk.credits', { ids, kind: 'sms', amount: 25, note: 'crash test' });
  if (write === 'feature') await t.ok('clients.bulk.feature', { ids, feature: 'reports', enabled: true });
}
// Reaching this line means the write finished: the test fails on a child that ends by itself.
say('finished');
process.exit(0);
