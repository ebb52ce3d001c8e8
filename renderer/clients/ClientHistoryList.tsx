import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Moment } from '../i18n/Moment';
import { translateOr } from '../i18n/i18n';
import type { ClientHistory } from './detailStore';
import { HistoryChanges } from './HistoryChanges';

/** The client's audit trail, newest first; null when the operator's role does not include it. */
export function ClientHistoryList({ history }: { history: ClientHistory | null }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="history" aria-labelledby={id}>
      <h3 id={id}>{t('clientDetail.history')}</h3>
      {!history ? (
        <p className="muted">{t('errors.missingPermission', { permission: 'audit.view' })}</p>
      ) : history.rows.length === 0 ? (
        <p className="muted">{t('clientDetail.historyEmpty')}</p>
      ) : (
        <>
          <ol className="history-list">
            {history.rows.map((entry) => (
              <li key={entry.id}>
                <span className="history-action">{translateOr(`audit.action.${entry.action}`, undefined, entry.summary)}</span>
                <HistoryChanges entry={entry} />
                <span className="history-meta">
                  {t(`audit.by.${entry.actorKind}`, { actor: entry.actor })} ·{' '}
                  <Moment at={entry.at} />
                </span>
              </li>
            ))}
          </ol>
          {history.total > history.rows.length && (
            <p className="muted">{t('clientDetail.historyMore', { shown: history.rows.length, total: history.total })}</p>
          )}
        </>
      )}
    </section>
  );
}
