import { useTranslation } from 'react-i18next';

interface Formatters {
  dateTime(ms: number): string;
  /** "14:05" / "2:05 PM": a moment of today, as the session panel shows it. */
  time(ms: number): string;
  /** "42 s", "12 min", "1 h 5 min": how long a session lasted. */
  duration(ms: number): string;
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

function durationIn(language: string): (ms: number) => string {
  const [hours, minutes, seconds] = (['hour', 'minute', 'second'] as const).map((unit) => new Intl.NumberFormat(language, { style: 'unit', unit }));
  return (ms) => {
    const s = Math.round(ms / 1000);
    if (s < 60) return seconds!.format(s);
    // Whole minutes, as the start and end times show them: 6:00 to 6:05 lasted 5 min, not 6.
    const m = Math.floor(s / 60);
    return m < 60 ? minutes!.format(m) : `${hours!.format(Math.floor(m / 60))} ${minutes!.format(m % 60)}`;
  };
}

// Made once per language: every list row uses them.
const byLanguage = new Map<string, Formatters>();

function formattersFor(language: string): Formatters {
  let found = byLanguage.get(language);
  if (!found) {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const time = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
    found = {
      dateTime: (ms) => dateTime.format(ms),
      time: (ms) => time.format(ms),
      duration: durationIn(language),
      country: namer(language, 'region'),
      language: namer(language, 'language'),
    };
    byLanguage.set(language, found);
  }
  return found;
}

/** Dates, times, durations, countries and languages as the operator's chosen language writes them. */
export function useFormat(): Formatters {
  return formattersFor(useTranslation().i18n.language);
}
