import { useTranslation } from 'react-i18next';
import { languages, themes, type Language, type Preferences } from '../../shared/settings';
import { handleFailure } from '../app/failures';
import { usePreferences, updatePreferences } from './store';

/** Each language is offered in its own words, so it can be found whatever is set now. */
const languageNames: Record<Language, string> = { en: 'English', de: 'Deutsch' };

function change(patch: Partial<Preferences>): void {
  updatePreferences(patch).catch(handleFailure);
}

/** Theme and language switches, in the header and on the start screens. */
export function PreferenceControls() {
  const { t } = useTranslation();
  const preferences = usePreferences((s) => s.preferences);
  if (!preferences) return null;
  return (
    <div className="preference-controls">
      <label className="inline-field">
        <span>{t('preferences.theme')}</span>
        <select value={preferences.theme} onChange={(e) => change({ theme: e.target.value as Preferences['theme'] })}>
          {themes.map((theme) => (
            <option key={theme} value={theme}>
              {t(`preferences.themes.${theme}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('preferences.language')}</span>
        <select value={preferences.language} onChange={(e) => change({ language: e.target.value as Language })}>
          {languages.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageNames[language]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
