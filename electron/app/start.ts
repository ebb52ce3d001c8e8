import type { Shell, WorkspaceWindow } from '../shell/port';
import { createCore, type Core, type CoreOptions } from './core';
import { handlers } from './handlers';

export interface StartOptions extends CoreOptions {
  /** Fill a new, empty workspace with the demo operator and clients before the window opens. */
  demo?: boolean;
}

export interface RunningApp {
  core: Core;
  shell: Shell;
  window: WorkspaceWindow;
  /** Closes the workspace and the shell's windows; safe to call twice. */
  stop(): Promise<void>;
}

/** Starts the app on a shell: the core, then the workspace window wired to its router. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const core = createCore(options);
  if (options.demo && core.host.status().state === 'setup') {
    await handlers['workspace.openDemo'](undefined, core.context());
  }
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await core.stop();
      await options.shell.close();
    })());
  const window = await options.shell.openWorkspaceWindow({ onInvoke: core.dispatch, onClosed: () => void stop() });
  core.attach(window);
  return { core, shell: options.shell, window, stop };
}
