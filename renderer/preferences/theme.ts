import type { Preferences } from '../../shared/settings';

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
let chosen: Preferences['theme'] = 'system';

function paint(): void {
  const dark = chosen === 'dark' || (chosen === 'system' && systemDark.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}
// 'system' follows the operating system live, also while the app is open; and is what shows until the preferences arrive.
systemDark.addEventListener('change', paint);
paint();

/** Applies a theme choice: light and dark as chosen, or whatever the system prefers. */
export function applyTheme(theme: Preferences['theme']): void {
  chosen = theme;
  paint();
}
