import { create } from 'zustand';

/** The screens of a signed-in operator: the clients, the CSV import (reached from the clients), and the settings. */
export type Screen = 'clients' | 'import' | 'settings';

export const useScreen = create<{ screen: Screen }>(() => ({ screen: 'clients' }));

export const showScreen = (screen: Screen) => useScreen.setState({ screen });
