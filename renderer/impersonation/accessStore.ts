import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { handleFailure } from '../app/failures';
import { refreshOpened } from '../clients/detailStore';
import { invoke } from '../ipc/client';
import { sameValues } from '../ui/unsavedChanges';

export type ClientAccess = ChannelOutput<'impersonation.access.get'>;

/** Each client's say on partner access, as last read or saved: the buttons and the editor share it. */
export const usePartnerAccess = create<{ byClient: ReadonlyMap<number, ClientAccess> }>(() => ({ byClient: new Map() }));

/** The same values read again keep the same object: what follows them (the gates) is not asked again. */
function keep(access: ClientAccess): void {
  const current = usePartnerAccess.getState().byClient.get(access.clientId);
  if (current && sameValues(current, access)) return;
  usePartnerAccess.setState((s) => ({ byClient: new Map(s.byClient).set(access.clientId, access) }));
}

export function loadPartnerAccess(clientId: number): Promise<ClientAccess | null> {
  return invoke('impersonation.access.get', { clientId }).then(
    (access) => {
      keep(access);
      return access;
    },
    (thrown: unknown) => {
      handleFailure(thrown);
      return null;
    },
  );
}

/** Saves the client's say; throws what the main process refused, for the form to show. */
export async function savePartnerAccess(access: ClientAccess): Promise<void> {
  keep(await invoke('impersonation.access.update', access));
  void refreshOpened();
}

export const forgetPartnerAccess = () => usePartnerAccess.setState({ byClient: new Map() });
