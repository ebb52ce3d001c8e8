import { useTranslation } from 'react-i18next';

interface TimeFormat {
  /** "14:05" / "2:05 PM": a moment of today, as the session panel shows it. */
  time(ms: number): string;
  /** "42 s", "12 min", "1 h 5 min": how long a session lasted. */
  duration(ms: number): string;
}

const byLanguage = new Map<string, TimeFormat>();

function formatFor(language: string): TimeFormat {
  let found = byLanguage.get(language);
  if (!found) {
    const time = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
    const [hours, minutes, seconds] = (['hour', 'minute', 'second'] as const).map((unit) => new Intl.NumberFormat(language, { style: 'unit', unit }));
    found = {
      time: (ms) => time.format(ms),
      duration: (ms) => {
        const s = Math.round(ms / 1000);
        if (s < 60) return seconds!.format(s);
        // Whole minutes, as the start and end times show them: 6:00 to 6:05 lasted 5 min, not 6.
        const m = Math.floor(s / 60);
        return m < 60 ? minutes!.format(m) : `${hours!.format(Math.floor(m / 60))} ${minutes!.format(m % 60)}`;
      },
    };
    byLanguage.set(language, found);
  }
  return found;
}

/** Times and durations in the operator's chosen language. */
export function useTimeFormat(): TimeFormat {
  return formatFor(useTranslation().i18n.language);
}
