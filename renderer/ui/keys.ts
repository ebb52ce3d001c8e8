import { translateOr } from '../i18n/i18n';

const mac = navigator.platform.startsWith('Mac');

/**
 * A shortcut with Ctrl (⌘ on a Mac), and Shift if asked: as `aria-keyshortcuts`
 * wants it, and as the operator's keyboard labels it (Ctrl+Shift+C,
 * Strg+Umschalt+C, ⇧⌘C). Read while rendering, so the label follows the language.
 */
export function keys(key: string, { shift = false } = {}): { aria: string; label: string } {
  const ctrl = translateOr('keys.ctrl', undefined, 'Ctrl');
  const shiftName = translateOr('keys.shift', undefined, 'Shift');
  return {
    aria: `${mac ? 'Meta' : 'Control'}+${shift ? 'Shift+' : ''}${key}`,
    label: mac ? `${shift ? '⇧' : ''}⌘${key}` : [ctrl, ...(shift ? [shiftName] : []), key].join('+'),
  };
}

/** Whether a key press is the shortcut `keys(key, { shift })` names: Ctrl (⌘ on a Mac), Shift only if asked, never Alt. */
export const isShortcut = (event: KeyboardEvent, key: string, { shift = false } = {}): boolean =>
  (event.ctrlKey || event.metaKey) && !event.altKey && event.shiftKey === shift && event.key.toLowerCase() === key.toLowerCase();

/** A modal dialog has the keyboard to itself: no screen's shortcuts while one is open. */
export const dialogOpen = (): boolean => document.querySelector('dialog[open]') !== null;
