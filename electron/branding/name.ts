import type { Language } from '../../shared/settings';

/** The portal's name per language; the English one is what a new workspace's brand is called (migration 002) until the reseller names theirs. */
const defaultNames: Record<Language, string> = { en: 'Client portal', de: 'Kundenportal' };

/** The brand's name as clients read it: the reseller's own, or the default in the client's language. */
export const brandNameIn = (displayName: string, language: Language): string =>
  displayName === defaultNames.en ? defaultNames[language] : displayName;
