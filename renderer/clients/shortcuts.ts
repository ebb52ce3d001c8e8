import { useScreen } from '../navigation/store';
import { dialogOpen, isShortcut, keys } from '../ui/keys';
import { discardingChanges } from '../ui/unsavedChanges';
import { startCreating, useOpenedClient } from './detailStore';
import { focusSearch, isTypingIn } from './focus';

/** Ctrl/Cmd+N: a new client. */
export const addClientKeys = () => keys('N');

/** The form for a new client, unless it shows already; a form with unsaved changes asks first. */
export function addClient(): void {
  if (useOpenedClient.getState().form !== 'create') discardingChanges(startCreating);
}

/**
 * The client screen's shortcuts: `/` (outside text fields) and Ctrl/Cmd+F go
 * to the search box, Ctrl/Cmd+N adds a client. Not while another screen or a
 * modal dialog has the keyboard.
 */
export function onClientShortcut(event: KeyboardEvent, mayAdd: boolean): void {
  if (useScreen.getState().screen !== 'clients' || dialogOpen()) return;
  const find = isShortcut(event, 'f');
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingIn(event.target);
  if (find || slash) {
    event.preventDefault();
    focusSearch();
  } else if (mayAdd && isShortcut(event, 'n')) {
    event.preventDefault();
    addClient();
  }
}
