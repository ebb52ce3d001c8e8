import type { IpcResult } from './errors';

/**
 * What the preload (Electron) or the injected bridge (Chromium shell) exposes on
 * `window.resellerDesk`: calls and event subscriptions, nothing else. Kept free
 * of dependencies because the sandboxed preload bundles it.
 */
export interface Bridge {
  invoke(channel: string, input?: unknown): Promise<IpcResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
export const BRIDGE_GLOBAL = 'resellerDesk';
/** Electron IPC channel names the preload and the main process share. */
export const INVOKE_CHANNEL = 'resellerDesk:invoke';
export const EVENT_CHANNEL = 'resellerDesk:event';
