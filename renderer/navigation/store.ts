import { create } from 'zustand';
import { discardingChanges } from '../ui/unsavedChanges';

/** The screens of a signed-in operator: the clients, the CSV import (reached from the clients), and the settings. */
export type Screen = 'clients' | 'import' | 'settings';

export const useScreen = create<{ screen: Screen }>(() => ({ screen: 'clients' }));

export const showScreen = (screen: Screen) => useScreen.setState({ screen });

/** The operator goes to another screen: a form with unsaved changes asks first. */
export function navigate(screen: Screen): void {
  if (useScreen.getState().screen !== screen) discardingChanges(() => showScreen(screen));
}
