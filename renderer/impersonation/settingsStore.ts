import { create } from 'zustand';
import type { ImpersonationSettings } from '../../shared/impersonation';
import { handleFailure } from '../app/failures';
import { invoke } from '../ipc/client';
import { sameValues } from '../ui/unsavedChanges';

/** The workspace's log-in-as settings: who may open the partner view, whether a reason is asked, time limits. */
export const useImpersonationSettings = create<{ settings: ImpersonationSettings | null }>(() => ({ settings: null }));

/** The same values read again keep the same object: what follows the settings (the gates) is not asked again. */
function keep(settings: ImpersonationSettings): void {
  const current = useImpersonationSettings.getState().settings;
  if (!current || !sameValues(current, settings)) useImpersonationSettings.setState({ settings });
}

/** Fetches them again (they are cheap): the gates shown on the buttons follow what the main process holds. */
export function loadImpersonationSettings(): Promise<ImpersonationSettings | null> {
  return invoke('impersonation.settings.get').then(
    (settings) => {
      keep(settings);
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
  keep(await invoke('impersonation.settings.update', patch));
}

export const forgetImpersonationSettings = () => useImpersonationSettings.setState({ settings: null });
