import { create } from 'zustand';
import type { OpenSessionInfo } from '../../shared/impersonation';
import { invoke, on } from '../ipc/client';
import { failedWith, type Failed } from './LoadFailed';
import { showFailure } from './noticesStore';

/** The main process warns this long before a window ends by itself. */
const WARNING_MS = 60_000;

interface SessionsState {
  /** This app's open client windows; null until the first answer. */
  sessions: OpenSessionInfo[] | null;
  /** Why the list could not be loaded. */
  failed: Failed | null;
  /** Sessions that end within a minute, as the main process warned; until extended, ended or dismissed. */
  expiring: OpenSessionInfo[];
  panelOpen: boolean;
}

const initial: SessionsState = { sessions: null, failed: null, expiring: [], panelOpen: false };
export const useOpenSessions = create<SessionsState>(() => initial);
const { getState: get, setState: set } = useOpenSessions;

/** The single path the list takes onto the screen: the first answer and every change event. */
function apply(sessions: OpenSessionInfo[]): void {
  const stillSoon = (warned: OpenSessionInfo) => {
    const now = sessions.find((s) => s.id === warned.id);
    return !!now && now.endsAt - Date.now() <= WARNING_MS;
  };
  set({ sessions, failed: null, expiring: get().expiring.filter(stillSoon) });
}

export function loadSessions(): void {
  set({ failed: null });
  invoke('impersonation.list').then(apply, (thrown: unknown) => set({ failed: failedWith(thrown) }));
}

/** Follows the open sessions for as long as the operator is signed in; returns the way to stop. */
export function followSessions(): () => void {
  const stops = [
    on('impersonation.changed', apply),
    on('impersonation.expiring', (session) => set({ expiring: [...get().expiring.filter((s) => s.id !== session.id), session] })),
  ];
  loadSessions();
  return () => {
    stops.forEach((stop) => stop());
    set(initial);
  };
}

export const dismissWarning = (id: string) => set({ expiring: get().expiring.filter((s) => s.id !== id) });

export const setPanelOpen = (panelOpen: boolean) => set({ panelOpen });
export const togglePanel = () => set({ panelOpen: !get().panelOpen });

/**
 * Which windows a client has open, and until when: it changes when a window of
 * the client opens, ends or is extended (what its history records), not when
 * another client's window does.
 */
export const windowsOf = (sessions: readonly OpenSessionInfo[] | null, clientId: number): string =>
  (sessions ?? [])
    .filter((s) => s.clientId === clientId)
    .map((s) => `${s.id}@${s.endsAt}`)
    .join(' ');

/** The open window of this client in this view, if any. */
export const findOpen = (clientId: number, view: OpenSessionInfo['view']) =>
  get().sessions?.find((s) => s.clientId === clientId && s.view === view);

/** Runs a call on a session; what it refuses is shown in the notices (the list follows by itself). */
const act = (call: Promise<unknown>): Promise<void> => call.then(() => undefined, (thrown: unknown) => showFailure(thrown));

export const focusSession = (sessionId: string) => act(invoke('impersonation.focus', { sessionId }));

export function endSession(sessionId: string): Promise<void> {
  dismissWarning(sessionId);
  return act(invoke('impersonation.end', { sessionId }));
}

export function extendSession(sessionId: string): Promise<void> {
  dismissWarning(sessionId);
  return act(invoke('impersonation.extend', { sessionId }));
}

export const endAllSessions = () => act(invoke('impersonation.endAll'));
