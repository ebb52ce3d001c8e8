import type { WorkspaceNotice, WorkspaceStatus } from '../../shared/workspace';
import { conflict, type Log } from '../app/errors';
import { startCheckpointer, type Checkpointer } from '../db/checkpoint';
import { openWorkspaceDatabase, WorkspaceOpenError, type Unlock, type WorkspaceDatabase } from '../db/open';
import { countOperators } from '../operators/repository';
import type { SecretStore } from '../shell/secrets';
import { unlockWith, unreadableSsoTokens } from './data-key';
import { DEMO_OPERATOR } from './demo';
import { readMeta } from './repository';

/** The checkpointer's thread starts once the app is up, not beside the first window on a two-core machine. */
const CHECKPOINTER_AFTER_MS = 3000;

type State = { kind: 'open'; database: WorkspaceDatabase; checkpointer: Checkpointer } | { kind: 'unavailable'; error: WorkspaceOpenError };

/** Holds the one workspace file this window works on, or why it could not be opened. */
export class WorkspaceHost {
  private state: State;
  private readonly unlock: Unlock;

  constructor(
    file: string,
    private readonly log: Log,
    private readonly secrets: SecretStore,
  ) {
    this.unlock = unlockWith(secrets, log);
    this.state = this.attempt(file, true);
  }

  get isOpen(): boolean {
    return this.state.kind === 'open';
  }

  get file(): string {
    return this.state.kind === 'open' ? this.state.database.file : this.state.error.file;
  }

  database(): WorkspaceDatabase {
    if (this.state.kind !== 'open') {
      throw conflict('workspace.notOpen', 'No workspace is open.', { file: this.state.error.file });
    }
    return this.state.database;
  }

  status(): WorkspaceStatus {
    if (this.state.kind === 'unavailable') {
      const { file, problem, detail } = this.state.error;
      return { state: 'unavailable', file, problem, detail };
    }
    const { db, file } = this.state.database;
    const notices = this.notices(this.state.database);
    if (countOperators(db) === 0) return { state: 'setup', file, notices };
    return { state: 'ready', file, notices, demoSignIn: readMeta(db, 'demo') === '1' ? DEMO_OPERATOR : null };
  }

  private notices({ db, sealer }: WorkspaceDatabase): WorkspaceNotice[] {
    const notices: WorkspaceNotice[] = [];
    const storage = this.secrets.protection;
    if (storage !== 'keychain') notices.push({ kind: 'secretsNotProtected', storage });
    const tokens = unreadableSsoTokens(db, sealer);
    if (tokens > 0) notices.push({ kind: 'ssoTokensSealedElsewhere', tokens });
    return notices;
  }

  /**
   * Switches to another file. A file that cannot be opened is reported and the
   * current workspace stays open, so a mistyped path never loses the operator's place.
   */
  switchTo(file: string, create: boolean): void {
    const next = openWorkspaceDatabase(file, { create, unlock: this.unlock });
    void this.close();
    this.state = this.opened(next);
  }

  /** Closes the workspace; resolves once its file holds everything written (the checkpointer closes last). */
  close(): Promise<void> {
    if (this.state.kind !== 'open') return Promise.resolve();
    this.state.database.sqlite.close();
    return this.state.checkpointer.close();
  }

  private opened(database: WorkspaceDatabase): State {
    return { kind: 'open', database, checkpointer: startCheckpointer(database.file, database.sqlite, this.log, { afterMs: CHECKPOINTER_AFTER_MS }) };
  }

  private attempt(file: string, create: boolean): State {
    try {
      return this.opened(openWorkspaceDatabase(file, { create, unlock: this.unlock }));
    } catch (error) {
      if (!(error instanceof WorkspaceOpenError)) throw error;
      this.log('warn', `workspace unavailable: ${error.message}`);
      return { kind: 'unavailable', error };
    }
  }
}
