import type { TFunction } from 'i18next';
import type { View } from '../../shared/impersonation';
import { rowAt, useClientList } from '../clients/listStore';
import { useScreen } from '../navigation/store';
import { logInAs } from './logIn';
import { dialogOpen, isShortcut, keys } from '../ui/keys';
import { togglePanel } from './sessionsStore';

/** The letters, with Ctrl (⌘ on a Mac) and Shift. */
export const shortcutKeys = { client: 'C', partner: 'P', sessions: 'O' } as const satisfies Record<View | 'sessions', string>;

/** A log-in-as shortcut: Ctrl (⌘) and Shift with its letter. */
export const shortcut = (letter: string) => keys(letter, { shift: true });

/** "Shortcuts for the client selected in the list: Ctrl+Shift+C (client), …": under the log-in buttons and in the list's description. */
export const logInKeysText = (t: TFunction) =>
  t('impersonation.actions.keys', { client: shortcut(shortcutKeys.client).label, partner: shortcut(shortcutKeys.partner).label });

const pressed = (event: KeyboardEvent, letter: string) => isShortcut(event, letter, { shift: true });

/** The client selected in the list, where its row is loaded. */
function selectedClient() {
  const { results, selected } = useClientList.getState();
  return results && selected !== null ? rowAt(results, selected) : undefined;
}

/** Ctrl/Cmd+Shift+C and +P log in to the client selected in the list (while it shows); +O shows or hides the open sessions. */
export function onImpersonationShortcut(event: KeyboardEvent): void {
  if (dialogOpen()) return;
  if (pressed(event, shortcutKeys.sessions)) {
    event.preventDefault();
    togglePanel();
    return;
  }
  const view = (['client', 'partner'] as const).find((v) => pressed(event, shortcutKeys[v]));
  if (!view || useScreen.getState().screen !== 'clients') return;
  event.preventDefault();
  const client = selectedClient();
  if (client) void logInAs({ client, view, newWindow: false });
}
