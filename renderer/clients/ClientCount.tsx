import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isFiltered, useClientList, type ClientResults } from './listStore';

/** "50 clients", "No clients match “xyz”": announced politely as it changes. */
export function ClientCount() {
  const { t } = useTranslation();
  const results = useClientList((s) => s.results);
  return (
    <p className="client-count" role="status">
      {results && countText(results, t)}
    </p>
  );
}

type T = TFunction;

function countText(results: ClientResults, t: T): string {
  if (results.total > 0) return t('clientList.count', { count: results.total });
  if (results.query.trim()) return t('clientList.noMatch', { query: results.query });
  return isFiltered(results) ? t('clientList.noneWithFilters') : t('clientList.empty');
}
