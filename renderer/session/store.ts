import { create } from 'zustand';
import type { ChannelInput } from '../../shared/ipc/contract';
import type { OperatorSession } from '../../shared/operators';
import type { Permission } from '../../shared/permissions';
import { invoke } from '../ipc/client';

interface SessionState {
  /** Who is signed in, as the main process said; it holds the session itself. */
  session: OperatorSession | null;
  /** The session ended without the operator signing out (the sign-in screen says so). */
  ended: boolean;
}

export const useSession = create<SessionState>(() => ({ session: null, ended: false }));

export const startSession = (session: OperatorSession) => useSession.setState({ session, ended: false });
export const endSession = () => useSession.setState({ session: null, ended: true });

export const hasPermission = (session: OperatorSession | null, permission: Permission) =>
  !!session?.permissions.includes(permission);

export async function loadSession(): Promise<void> {
  useSession.setState({ session: await invoke('session.current') });
}

export async function signIn(input: ChannelInput<'session.signIn'>): Promise<void> {
  startSession(await invoke('session.signIn', input));
}

/** Signs out; the screen returns to sign-in even if the main process had already ended the session. */
export async function signOut(): Promise<void> {
  try {
    await invoke('session.signOut');
  } finally {
    useSession.setState({ session: null, ended: false });
  }
}
