import type { Language } from '../../shared/settings';

/** The name a new workspace's brand has (migration 002) until the reseller gives theirs. */
const DEFAULT_BRAND_NAME = 'Client portal';
const defaultNames: Record<Language, string> = { en: 'Client portal', de: 'Kundenportal' };

/** The brand's name as clients read it: the reseller's own, or the default in the client's language. */
export const brandNameIn = (displayName: string, language: Language): string =>
  displayName === DEFAULT_BRAND_NAME ? defaultNames[language] : displayName;
