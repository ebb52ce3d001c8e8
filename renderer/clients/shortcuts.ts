import { useScreen } from '../navigation/store';
import { keys } from '../ui/keys';
import { discardingChanges } from '../ui/unsavedChanges';
import { startCreating, useOpenedClient } from './detailStore';
import { focusSearch, isTypingIn } from './focus';

const command = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;

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
  if (useScreen.getState().screen !== 'clients' || document.querySelector('dialog[open]')) return;
  const key = event.key.toLowerCase();
  const find = command(event) && key === 'f';
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingIn(event.target);
  if (find || slash) {
    event.preventDefault();
    focusSearch();
  } else if (mayAdd && command(event) && key === 'n') {
    event.preventDefault();
    addClient();
  }
}
