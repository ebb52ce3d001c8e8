import { useTranslation } from 'react-i18next';
import { useClientList } from './listStore';

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

type T = ReturnType<typeof useTranslation>['t'];

function countText({ total, query, status }: { total: number; query: string; status: string }, t: T): string {
  if (total > 0) return t('clientList.count', { count: total });
  if (query.trim()) return t('clientList.noMatch', { query });
  return status === 'all' ? t('clientList.empty') : t('clientList.noneWithStatus');
}
