import type { IpcResult } from '../../shared/ipc/errors';
import type { Sender } from '../app/router';
import type { SecretStore } from './secrets';

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
 * The request header a portal window sends its secret in. The window's login
 * token carries the secret's SHA-256, so the token opens this window only.
 */
export const WINDOW_SECRET_HEADER = 'x-rd-window';

/** What `openPortalWindow` rejects with when the portal cannot be reached: see PortalUnreachableError. */
export interface PortalWindowOptions {
  /** Browser session of the window, in memory only: wiped when the window closes, never saved. */
  partition: string;
  url: string;
  /**
   * Sent as the WINDOW_SECRET_HEADER with every request of the window to its
   * allowed origins, and with nothing else: only this window can redeem the
   * login token in `url`, even if the address is read before it loads.
   */
  windowSecret: string;
  /** The window may show pages of these origins only; everything else is refused. */
  allowedOrigins: string[];
  title: string;
  /** Colour of the window's bar, telling views apart at a glance. */
  accent: string;
  /** Text of the window's own bar with its "Return to reseller" control; null for no bar. */
  bar: { text: string; returnLabel: string } | null;
  /** The operator closed the window (not called for close()). */
  onClosed(): void;
  /** "Return to reseller" in the window's bar. */
  onReturn(): void;
  /**
   * The operator did something in the window: a page (or frame) opened, or a
   * key was pressed. Background requests such as polling do not count, so an
   * idle window does end.
   */
  onActivity(): void;
}

/**
 * The portal's first page could not be loaded (name not resolved, refused,
 * timed out …). The window is closed by the time this is thrown, and its
 * partition wiped, so nothing of the attempt stays open untracked.
 */
export class PortalUnreachableError extends Error {
  constructor(
    readonly origin: string,
    readonly detail: string,
  ) {
    super(`${origin} could not be reached (${detail})`);
  }
}

export interface PortalWindow {
  focus(): void;
  /** Closes the window; its partition is wiped with everything it stored. */
  close(): Promise<void>;
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
  /** A sandboxed window without bridge on its own partition, for a portal. */
  openPortalWindow(options: PortalWindowOptions): Promise<PortalWindow>;
  readonly secrets: SecretStore;
  /** A native file dialog for choosing a workspace file; null where the shell has none. */
  chooseWorkspaceFile: (() => Promise<string | null>) | null;
  /** Where to save an export: the operator's choice (null if cancelled), or a new file under the data folder where there is no dialog. */
  chooseSaveFile(defaultName: string): Promise<string | null>;
  close(): Promise<void>;
}
