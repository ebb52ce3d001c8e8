import { useTranslation } from 'react-i18next';
import { featureName } from '../../shared/features';
import type { Language } from '../../shared/settings';

/** Names features in the operator's language (the names live with the catalogue in shared/features.ts). */
export function useFeatureName(): (key: string) => string {
  const language = useTranslation().i18n.language as Language;
  return (key) => featureName(key, language);
}
