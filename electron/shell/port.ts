import type { IpcResult } from '../../shared/ipc/errors';
import type { Sender } from '../app/router';

/** Key-value settings of this installation (electron-store in Electron, conf in the Chromium shell). */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface WorkspaceWindowOptions {
  /** Every bridge call lands here, with what the shell knows about the calling frame. */
  onInvoke(sender: Sender, channel: unknown, input: unknown): Promise<IpcResult<unknown>>;
  /** The operator closed the workspace window. */
  onClosed(): void;
}

export interface WorkspaceWindow {
  send(event: string, payload: unknown): void;
  focus(): void;
}

/**
 * What the core needs from the desktop runtime. Two adapters implement it:
 * Electron (what users run) and the Chromium shell (playwright-core on a system
 * Chromium; tests, smoke and bench). All behaviour lives in the core; adapters
 * stay thin.
 */
export interface Shell {
  readonly kind: 'electron' | 'chromium';
  /** Scheme and host the workspace UI is served from (checked on every call). */
  readonly workspaceOrigin: string;
  readonly settings: SettingsStore;
  /** The operating system's preferred language tag, e.g. "de-CH". */
  locale(): string;
  openWorkspaceWindow(options: WorkspaceWindowOptions): Promise<WorkspaceWindow>;
  /** A native file dialog for choosing a workspace file; null where the shell has none. */
  chooseWorkspaceFile: (() => Promise<string | null>) | null;
  close(): Promise<void>;
}
