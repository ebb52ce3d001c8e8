import { create } from 'zustand';
import type { ChannelInput } from '../../shared/ipc/contract';
import type { WorkspaceStatus } from '../../shared/workspace';
import { invoke } from '../ipc/client';
import { startSession } from '../session/store';

interface WorkspaceState {
  /** First start, sign-in or why the file cannot be opened, as the main process reports it. */
  status: WorkspaceStatus | null;
  /** The operator asked to open another workspace file. */
  choosingFile: boolean;
  /** Whether the shell has a file dialog for "Browse…" (the Electron shell has, the Chromium shell has not). */
  canBrowse: boolean;
}

export const useWorkspace = create<WorkspaceState>(() => ({ status: null, choosingFile: false, canBrowse: false }));

export const chooseFile = (choosingFile: boolean) => useWorkspace.setState({ choosingFile });

export async function loadAppInfo(): Promise<void> {
  useWorkspace.setState({ canBrowse: (await invoke('app.info')).canBrowseFiles });
}

export async function loadStatus(): Promise<void> {
  useWorkspace.setState({ status: await invoke('workspace.status') });
}

export async function openDemo(): Promise<void> {
  useWorkspace.setState({ status: await invoke('workspace.openDemo') });
}

/** Creates the first administrator, who is signed in at once. */
export async function createAdministrator(input: ChannelInput<'workspace.createAdministrator'>): Promise<void> {
  const session = await invoke('workspace.createAdministrator', input);
  await loadStatus();
  startSession(session);
}

export async function openWorkspace(input: ChannelInput<'workspace.open'>): Promise<void> {
  useWorkspace.setState({ status: await invoke('workspace.open', input), choosingFile: false });
}

/** The shell's file dialog: the chosen path, or null if cancelled. */
export async function browse(): Promise<string | null> {
  return (await invoke('workspace.browse')).file;
}
