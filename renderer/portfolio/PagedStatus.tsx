import { useTranslation } from 'react-i18next';
import { errorText } from '../ui/errorText';
import type { Paged } from './usePaged';

/** Loading, failed or empty in words; once rows are there, how many of how many, and "Show more". */
export function PagedStatus({ paged, empty }: { paged: Paged<unknown>; empty: string }) {
  const { t } = useTranslation();
  if (paged.state === 'failed') {
    return (
      <div className="alert alert-error" role="alert">
        <p>{paged.error ? errorText(paged.error) : t('portfolio.loadFailed')}</p>
      </div>
    );
  }
  if (paged.state === 'loading' && paged.rows.length === 0) return <p className="muted">{t('portfolio.loading')}</p>;
  if (paged.rows.length === 0) return <p className="muted">{empty}</p>;
  if (paged.rows.length >= paged.total) return null;
  return (
    <div className="paged-more">
      <p className="muted">{t('portfolio.shown', { shown: paged.rows.length, total: paged.total })}</p>
      <button type="button" className="button" onClick={paged.more} disabled={paged.state === 'loading'}>
        {t('portfolio.showMore')}
      </button>
    </div>
  );
}
