import { join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { Preferences } from '../../shared/settings';
import { operatorActor } from '../audit/repository';
import { writeWithAudit } from '../audit/write';
import { Impersonation } from '../impersonation/service';
import { loadSignedInOperator } from '../operators/repository';
import { readPreferences, writePreferences } from '../preferences/preferences';
import type { Shell, WorkspaceWindow } from '../shell/port';
import { LAST_WORKSPACE_KEY } from '../workspace/handlers';
import { WorkspaceHost } from '../workspace/host';
import type { HandlerContext, SignedInOperator } from './context';
import type { Log } from './errors';
import { handlers } from './handlers';
import { closeDataFolder } from '../shell/private-files';
import { fileLog } from './log';
import { givenFields } from './patch';
import { createRouter, type Dispatch } from './router';

export interface CoreOptions {
  shell: Shell;
  /** Folder for the default workspace, logs and keys. */
  dataDir: string;
  /** Open this workspace file instead of the last one used. */
  workspaceFile?: string | undefined;
  now?: () => number;
  log?: Log;
}

export interface Core {
  readonly dispatch: Dispatch;
  readonly host: WorkspaceHost;
  /** A context outside any IPC call, for start-up work such as seeding a demo workspace. */
  context(): HandlerContext;
  attach(window: WorkspaceWindow): void;
  readonly impersonation: Impersonation;
  /** Ends what is open, stops the portal, closes the workspace. */
  stop(): Promise<void>;
}

/**
 * The main process without a window: one workspace, at most one signed-in
 * operator, and the router every call goes through. Shell-independent.
 */
export function createCore({ shell, dataDir, workspaceFile, now = Date.now, log = fileLog(dataDir) }: CoreOptions): Core {
  // Closed before the workspace opens: an earlier version left the folder and its files readable by all.
  closeDataFolder(dataDir);
  const lastFile = shell.settings.get(LAST_WORKSPACE_KEY);
  const file = workspaceFile ?? (typeof lastFile === 'string' ? lastFile : join(dataDir, 'workspace.sqlite'));
  const host = new WorkspaceHost(file, log, shell.secrets);
  let signedInId: number | null = null;
  let window: WorkspaceWindow | null = null;

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => window?.send(event, payload);
  const impersonation = new Impersonation({ shell, host, now, log, emit, context: () => context(), signedIn: () => signedInId, focusWorkspace: () => window?.focus() });
  impersonation.closeStale();

  function currentOperator(): SignedInOperator | null {
    if (signedInId === null || !host.isOpen) return null;
    const operator = loadSignedInOperator(host.database().db, signedInId);
    // Removed while signed in: the session ends with them.
    if (!operator) signedInId = null;
    return operator;
  }

  function context(): HandlerContext {
    // Resolved on first use: public channels such as app.info never touch the workspace.
    let operator: SignedInOperator | null | undefined;
    const resolveOperator = () => (operator === undefined ? (operator = currentOperator()) : operator);
    return {
      get operator() {
        return resolveOperator();
      },
      now,
      workspace: () => host.database(),
      write: (fn) => {
        const actor = resolveOperator();
        const result = writeWithAudit(host.database().db, actor ? operatorActor(actor) : { kind: 'system', name: 'system' }, now(), fn);
        // The change may have taken away what an open client window was opened under.
        impersonation.recheckSoon();
        return result;
      },
      host,
      shell,
      session: {
        signIn: (id) => void (signedInId = id),
        signOut: () => void (signedInId = null),
      },
      preferences: {
        read: () => readPreferences(shell.settings, shell.locale()),
        update: (patch) => {
          // Written even when unchanged: a language chosen stays chosen when the system's changes.
          const next: Preferences = { ...readPreferences(shell.settings, shell.locale()), ...givenFields(patch) };
          writePreferences(shell.settings, next);
          emit('preferences.changed', next);
          return next;
        },
      },
      emit,
      impersonation,
    };
  }

  const dispatch = createRouter({ handlers, workspaceOrigin: shell.workspaceOrigin, context, log });
  return {
    dispatch,
    host,
    context,
    attach: (w) => void (window = w),
    impersonation,
    stop: async () => {
      await impersonation.stop();
      await host.close();
    },
  };
}
