import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { featureName } from '../../shared/features';
import { languages, type Language } from '../../shared/settings';
import de from './de.json';
import en from './en.json';

/** The English catalogue is the reference: German must have every key it has. */
type Catalogue = typeof en;
const catalogues: Record<Language, Catalogue> = { en, de };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: catalogues.en }, de: { translation: catalogues.de } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});

/** Messages carry a feature's key (`{{feature, featureName}}`): the reader sees its name in their language. */
i18n.services.formatter?.add('featureName', (key: string, lng) => featureName(key, languages.find((language) => language === lng) ?? 'en'));

/** Switches every text on screen and tells assistive technology the page's language. */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

/**
 * Text for a key that comes from elsewhere (the main process, an audit entry):
 * the translation where the catalogue has one, else the given English fallback.
 */
export function translateOr(key: string, params: Record<string, string | number> | undefined, fallback: string): string {
  return i18n.exists(key) ? i18n.t(key as never, params ?? {}) : fallback;
}
