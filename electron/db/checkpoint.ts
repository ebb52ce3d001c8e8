import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Log } from '../app/errors';

/**
 * Runs in the worker: a second connection that copies committed pages from the
 * write-ahead log into the workspace file whenever another connection has
 * committed (`data_version` changes), and last closes (the final copy).
 * A PASSIVE checkpoint never waits for or blocks the app's reads and writes.
 */
const checkpointing = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
let seen = db.pragma('data_version', { simple: true });
const timer = setInterval(() => {
  const version = db.pragma('data_version', { simple: true });
  if (version === seen) return;
  seen = version;
  db.pragma('wal_checkpoint(PASSIVE)');
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage({ ready: true });
`;

/** How often the worker looks for new commits: the log holds about one write's pages, never a long history. */
const EVERY_MS = 250;
/** SQLite's own threshold, given back if the worker cannot run. */
const SQLITE_DEFAULT_PAGES = 1000;

export interface Checkpointer {
  /** Resolves once the worker's connection is closed (it copies what is left as the last connection). */
  close(): Promise<void>;
}

/**
 * SQLite copies the log into the database file on the thread that commits,
 * once the log passes 1,000 pages: after an import of 100,000 clients that is
 * about 135 MB, and the app paused for 1 to 1.5 s after the import had
 * already been written. Here a worker thread with its own connection does the
 * copy; the app's connection stops doing it only once the worker is running,
 * and does it again if the worker fails (e.g. the driver cannot be loaded there).
 */
export function startCheckpointer(
  file: string,
  sqlite: Database.Database,
  log: Log,
  { afterMs = 0, driver = createRequire(import.meta.url).resolve('better-sqlite3') }: { afterMs?: number; driver?: string } = {},
): Checkpointer {
  let checkpointer: Checkpointer | null = null;
  // Until then (the app starting up has better uses for the second core), SQLite checkpoints as it always does.
  const timer = setTimeout(() => (checkpointer = run(file, sqlite, log, driver)), afterMs);
  timer.unref();
  return {
    close: () => {
      clearTimeout(timer);
      return checkpointer?.close() ?? Promise.resolve();
    },
  };
}

function run(file: string, sqlite: Database.Database, log: Log, driver: string): Checkpointer {
  let worker: Worker;
  try {
    worker = new Worker(checkpointing, { eval: true, workerData: { file, driver, everyMs: EVERY_MS } });
  } catch (error) {
    // SQLite's own checkpoints stay on.
    log('warn', `checkpoints stay on the app's thread: ${error instanceof Error ? error.message : String(error)}`);
    return { close: () => Promise.resolve() };
  }
  // A checkpointer never keeps the app (or a test run) alive.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (message: { ready?: boolean }) => {
    if (message.ready && sqlite.open) sqlite.pragma('wal_autocheckpoint = 0');
  });
  worker.once('error', (error) => {
    log('warn', `checkpoints go back to the app's thread: ${error.message}`);
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
  });
  return {
    close: () => {
      worker.postMessage('close');
      return exited;
    },
  };
}
