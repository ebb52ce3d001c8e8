import { create } from 'zustand';
import type { ClientStatus } from '../../shared/clients';
import type { View } from '../../shared/impersonation';
import { refreshOpened } from '../clients/detailStore';
import { invoke } from '../ipc/client';
import { checkGates } from './gates';
import { showFailure } from './noticesStore';
import { findOpen, focusSession } from './sessionsStore';
import { loadImpersonationSettings } from './settingsStore';

export interface LogInClient {
  id: number;
  companyName: string;
  status: ClientStatus;
}

export interface LogInRequest {
  client: LogInClient;
  view: View;
  /** Another window even if this client and view are open already. */
  newWindow: boolean;
}

interface LogInState {
  /** The opening that waits for a reason or ticket reference (the workspace asks for one). */
  asking: LogInRequest | null;
  /** Whether an opening is under way: a second click meanwhile would open a second window. */
  busy: boolean;
}

export const useLogIn = create<LogInState>(() => ({ asking: null, busy: false }));

/**
 * "Log in as client / partner": brings an open window of this client and view
 * forward, or opens one — after asking for a reason where the workspace's
 * policy wants one, unless a gate will refuse it anyway. Refusals (recorded
 * by the main process) are shown as notices.
 */
export async function logInAs(request: LogInRequest): Promise<void> {
  const { asking, busy } = useLogIn.getState();
  if (asking || busy) return;
  const open = !request.newWindow && findOpen(request.client.id, request.view);
  if (open) return focusSession(open.id);
  useLogIn.setState({ busy: true });
  try {
    // Read now, not when the buttons appeared: the policy or the gates may have changed since.
    const failed = (thrown: unknown) => showFailure(thrown, { clientName: request.client.companyName, view: request.view });
    const read = await Promise.all([loadImpersonationSettings(), checkGates(request.client.id)]).catch(failed);
    if (!read?.[0]) return;
    const [settings, gates] = read;
    // What will be refused anyway is sent at once: the main process records the refusal and the notice says why.
    if (settings.reasonPolicy === 'off' || !gates[request.view].allowed) {
      await openSession(request, '').catch(failed);
    } else {
      useLogIn.setState({ asking: request });
    }
  } finally {
    useLogIn.setState({ busy: false });
  }
}

/** Opens the window; throws the refusal, for the reason form to show (the client's history has it then). */
export async function openSession({ client, view, newWindow }: LogInRequest, reason: string): Promise<void> {
  await invoke('impersonation.open', { clientId: client.id, view, reason, newWindow }).catch((thrown: unknown) => {
    void refreshOpened();
    throw thrown;
  });
}

export const stopAsking = () => useLogIn.setState({ asking: null });
