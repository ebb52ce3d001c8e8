import { useTranslation } from 'react-i18next';

interface Formatters {
  dateTime(ms: number): string;
  /** "DE" → "Germany" / "Deutschland". */
  country(code: string): string;
  /** "de" → "German" / "Deutsch". */
  language(code: string): string;
}

/** Names a code in the UI language; the code itself where Intl does not know it. */
function namer(language: string, type: Intl.DisplayNamesOptions['type']): (code: string) => string {
  const names = new Intl.DisplayNames([language], { type, fallback: 'code' });
  return (code) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
}

// Made once per language: every list row uses them.
const byLanguage = new Map<string, Formatters>();

function formattersFor(language: string): Formatters {
  let found = byLanguage.get(language);
  if (!found) {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    found = { dateTime: (ms) => dateTime.format(ms), country: namer(language, 'region'), language: namer(language, 'language') };
    byLanguage.set(language, found);
  }
  return found;
}

/** Dates, countries and languages as the operator's chosen language writes them. */
export function useFormat(): Formatters {
  return formattersFor(useTranslation().i18n.language);
}
