import { create } from 'zustand';
import type { ClientStatus } from '../../shared/clients';
import type { View } from '../../shared/impersonation';
import { invoke } from '../ipc/client';
import { useSession } from '../session/store';
import { loadPartnerAccess } from './accessStore';
import { foresee } from './gates';
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
    // Read now, not when the buttons appeared: the policy or the client's say may have changed since.
    const [settings, access] = await Promise.all([
      loadImpersonationSettings(),
      request.view === 'partner' ? loadPartnerAccess(request.client.id) : null,
    ]);
    if (!settings) return;
    const refused = foresee(request.client, request.view, { session: useSession.getState().session, settings, access }).allowed === false;
    if (settings.reasonPolicy === 'off' || refused) {
      await openSession(request, '').catch((thrown: unknown) => showFailure(thrown, { clientName: request.client.companyName, view: request.view }));
    } else {
      useLogIn.setState({ asking: request });
    }
  } finally {
    useLogIn.setState({ busy: false });
  }
}

/** Opens the window; throws the refusal, for the reason form to show. */
export async function openSession({ client, view, newWindow }: LogInRequest, reason: string): Promise<void> {
  await invoke('impersonation.open', { clientId: client.id, view, reason, newWindow });
}

export const stopAsking = () => useLogIn.setState({ asking: null });
