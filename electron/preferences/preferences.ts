import { preferences, type Language, type Preferences } from '../../shared/settings';
import type { HandlersOf } from '../app/context';
import type { SettingsStore } from '../shell/port';

const KEY = 'preferences';

/** Theme and language of this installation; each damaged or missing value falls back on its own. */
export function readPreferences(store: SettingsStore, locale: string): Preferences {
  const stored = store.get(KEY);
  const values = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const theme = preferences.shape.theme.safeParse(values.theme);
  const language = preferences.shape.language.safeParse(values.language);
  const fromLocale: Language = locale.toLowerCase().startsWith('de') ? 'de' : 'en';
  return { theme: theme.success ? theme.data : 'system', language: language.success ? language.data : fromLocale };
}

export const preferenceHandlers: HandlersOf<'preferences.get' | 'preferences.update'> = {
  'preferences.get': (_input, ctx) => ctx.preferences.read(),
  'preferences.update': (patch, ctx) => ctx.preferences.update(patch),
};

export function writePreferences(store: SettingsStore, next: Preferences): void {
  store.set(KEY, next);
}
