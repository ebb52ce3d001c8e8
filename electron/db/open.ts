import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WorkspaceProblem } from '../../shared/workspace';
import { closeFile, PRIVATE_FILE, PRIVATE_FOLDER } from '../shell/private-files';
import { latestSchemaVersion, migrations } from './migrations';
import type { Sealer } from './sealed';
import { schema } from './schema';

/** Marks a SQLite file as a Reseller Desk workspace ("RSDK"), so other databases are told apart. */
export const APPLICATION_ID = 0x5253444b;

export type WorkspaceDb = BetterSQLite3Database<typeof schema>;
/** The workspace or a transaction on it: what repository functions take. */
export type Queryable = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;
export interface WorkspaceDatabase {
  file: string;
  sqlite: Database.Database;
  db: WorkspaceDb;
  /** Seals and opens the secrets the workspace keeps (SSO tokens, links of queued mail). */
  sealer: Sealer;
}

/** Makes the workspace's sealer once its schema is current: see workspace/data-key.ts. */
export type Unlock = (opened: Omit<WorkspaceDatabase, 'sealer'>) => Sealer;

/** Why a workspace file could not be opened, in terms the start screen explains. */
export class WorkspaceOpenError extends Error {
  constructor(
    readonly problem: WorkspaceProblem,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${problem} (${detail})`);
  }
}

/**
 * Opens (or, with `create`, creates) a workspace file and brings its schema up
 * to date. Never resets or rewrites a file it does not understand: it throws
 * WorkspaceOpenError and leaves the file as it was.
 */
export function openWorkspaceDatabase(file: string, { create, unlock }: { create: boolean; unlock: Unlock }): WorkspaceDatabase {
  if (!create && !existsSync(file)) throw new WorkspaceOpenError('unreadable', file, 'no such file');
  let sqlite: Database.Database;
  try {
    closeWorkspaceFiles(file, create);
    sqlite = new Database(file, { fileMustExist: !create });
  } catch (error) {
    throw new WorkspaceOpenError('unreadable', file, describe(error));
  }
  try {
    // Reading the header first: a damaged file fails here, before anything is written.
    const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    const isBlank = applicationId === 0 && version === 0 && tableCount(sqlite) === 0;
    if (!isBlank && applicationId !== APPLICATION_ID) {
      throw new WorkspaceOpenError('foreign', file, `application_id ${applicationId}`);
    }
    if (version > latestSchemaVersion) {
      throw new WorkspaceOpenError('newer-schema', file, `schema ${version}, this version knows up to ${latestSchemaVersion}`);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MiB of page cache (the default is 2): a 100,000-client workspace's indexes stay in memory, so large imports and bulk changes don't spill.
    sqlite.pragma('cache_size = -65536');
    migrate(sqlite, version);
    const db = drizzle({ client: sqlite, schema });
    return { file, sqlite, db, sealer: unlock({ file, sqlite, db }) };
  } catch (error) {
    sqlite.close();
    if (error instanceof WorkspaceOpenError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
      throw new WorkspaceOpenError('corrupt', file, describe(error));
    }
    throw new WorkspaceOpenError('unreadable', file, describe(error));
  }
}

/**
 * The workspace file and its write-ahead log, readable by this user only.
 * SQLite gives the log and its index (-wal, -shm) the mode of the workspace
 * file, so a new file is made 0600 before SQLite opens it, and an existing one
 * (an earlier version made them 0644) is closed with its companions.
 */
function closeWorkspaceFiles(file: string, create: boolean): void {
  if (create && !existsSync(file)) {
    // Missing folders are made for this user only; an existing one (Documents, say) is the operator's and left alone.
    mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_FOLDER });
    closeSync(openSync(file, 'a', PRIVATE_FILE));
    return;
  }
  for (const companion of ['', '-wal', '-shm', '-journal']) closeFile(`${file}${companion}`);
}

const connections = new WeakMap<Database.Database, number>();
let connectionsSeen = 0;

/**
 * Changes with every write to the workspace after it is taken: this
 * connection's (total_changes) and other connections' (data_version); and
 * differs between connections, as a reopened workspace counts from zero again.
 */
export function writeMark(sqlite: Database.Database): string {
  let connection = connections.get(sqlite);
  if (connection === undefined) connections.set(sqlite, (connection = ++connectionsSeen));
  return `${connection}:${sqlite.prepare('SELECT total_changes()').pluck().get() as number}:${sqlite.pragma('data_version', { simple: true }) as number}`;
}

function migrate(sqlite: Database.Database, from: number): void {
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    // Each migration and its version stamp commit together or not at all.
    sqlite.transaction(() => {
      sqlite.exec(migration.sql);
      sqlite.pragma(`application_id = ${APPLICATION_ID}`);
      sqlite.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function tableCount(sqlite: Database.Database): number {
  return (sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number }).n;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
