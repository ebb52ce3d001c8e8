import { preferences, type Language, type Preferences } from '../../shared/settings';
import type { HandlersOf } from '../app/context';
import type { SettingsStore } from '../shell/port';

const KEY = 'preferences';

/** Theme and language of this installation; a damaged entry falls back to defaults. */
export function readPreferences(store: SettingsStore, locale: string): Preferences {
  const stored = preferences.partial().safeParse(store.get(KEY));
  const language: Language = locale.toLowerCase().startsWith('de') ? 'de' : 'en';
  return { theme: 'system', language, ...(stored.success ? stored.data : {}) };
}

export const preferenceHandlers: HandlersOf<'preferences.get' | 'preferences.update'> = {
  'preferences.get': (_input, ctx) => ctx.preferences.read(),
  'preferences.update': (patch, ctx) => ctx.preferences.update(patch),
};

export function writePreferences(store: SettingsStore, next: Preferences): void {
  store.set(KEY, next);
}
