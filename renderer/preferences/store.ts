import { create } from 'zustand';
import type { Preferences } from '../../shared/settings';
import { applyLanguage } from '../i18n/i18n';
import { invoke, on } from '../ipc/client';
import { applyTheme } from './theme';

interface PreferencesState {
  preferences: Preferences | null;
}

export const usePreferences = create<PreferencesState>(() => ({ preferences: null }));

/** The single path every preference takes onto the screen: the start value, answers and change events. */
function apply(preferences: Preferences): void {
  usePreferences.setState({ preferences });
  applyLanguage(preferences.language);
  applyTheme(preferences.theme);
}

/** Follows the changes the main process announces (made here or anywhere else); returns the unsubscribe. */
export const followPreferences = (): (() => void) => on('preferences.changed', apply);

export async function loadPreferences(): Promise<void> {
  apply(await invoke('preferences.get'));
}

export async function updatePreferences(patch: Partial<Preferences>): Promise<void> {
  apply(await invoke('preferences.update', patch));
}
