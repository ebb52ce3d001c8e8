import { create } from 'zustand';
import type { ImpersonationSettings } from '../../shared/impersonation';
import { handleFailure } from '../app/failures';
import { invoke } from '../ipc/client';

/** The workspace's log-in-as settings: who may open the partner view, whether a reason is asked, time limits. */
export const useImpersonationSettings = create<{ settings: ImpersonationSettings | null }>(() => ({ settings: null }));

/** Fetches them again (they are cheap): the gates shown on the buttons follow what the main process holds. */
export function loadImpersonationSettings(): Promise<ImpersonationSettings | null> {
  return invoke('impersonation.settings.get').then(
    (settings) => {
      useImpersonationSettings.setState({ settings });
      return settings;
    },
    (thrown) => {
      handleFailure(thrown);
      return null;
    },
  );
}

/** Saves a change; throws what the main process refused, for the form to show. */
export async function saveImpersonationSettings(patch: Partial<ImpersonationSettings>): Promise<void> {
  useImpersonationSettings.setState({ settings: await invoke('impersonation.settings.update', patch) });
}

export const forgetImpersonationSettings = () => useImpersonationSettings.setState({ settings: null });
