import './impersonation.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { useFormat } from '../i18n/format';
import { Moment } from '../i18n/Moment';
import { invoke } from '../ipc/client';
import { hasPermission, useSession } from '../session/store';
import { failedWith, LoadFailed, type Failed } from './LoadFailed';
import { useOpenSessions, windowsOf } from './sessionsStore';
import { ViewBadge } from './ViewBadge';

const PAGE_SIZE = 20;

type HistoryPage = ChannelOutput<'impersonation.history'>;
type Entry = HistoryPage['rows'][number];

/**
 * Who opened this client, in which view, why, when and for how long, and how
 * it ended; newest first, a page at a time. The client view's tab names it.
 */
export function AccessHistory({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const allowed = useSession((s) => hasPermission(s.session, 'audit.view'));
  // A window of this client opening, ending or extended adds to the history: the page is asked for again.
  const windows = useOpenSessions((s) => windowsOf(s.sessions, clientId));
  const [at, setAt] = useState({ clientId, offset: 0 });
  const offset = at.clientId === clientId ? at.offset : 0;
  const [page, setPage] = useState<HistoryPage | null>(null);
  const [failed, setFailed] = useState<Failed | null>(null);

  useEffect(() => {
    if (!allowed) return;
    let current = true;
    invoke('impersonation.history', { clientId, offset, limit: PAGE_SIZE }).then(
      (answer) => current && (setPage(answer), setFailed(null)),
      (thrown: unknown) => current && setFailed(failedWith(thrown)),
    );
    return () => void (current = false);
  }, [allowed, clientId, offset, windows]);

  const go = (to: number) => setAt({ clientId, offset: to });

  return (
    <div className="impersonation-section" aria-busy={allowed && !page && !failed}>
      {!allowed ? (
        <p className="muted">{t('errors.missingPermission', { permission: 'audit.view' })}</p>
      ) : failed ? (
        <LoadFailed failed={failed} />
      ) : !page ? (
        <p className="muted">{t('impersonation.history.loading')}</p>
      ) : page.total === 0 ? (
        <p className="muted">{t('impersonation.history.empty')}</p>
      ) : (
        <>
          <ol className="access-history">
            {page.rows.map((entry) => (
              <HistoryEntry key={entry.id} entry={entry} />
            ))}
          </ol>
          {page.total > PAGE_SIZE && (
            <div className="pager">
              <p className="muted">{t('impersonation.history.range', { first: offset + 1, last: offset + page.rows.length, total: page.total })}</p>
              <button type="button" className="button" disabled={offset === 0} onClick={() => go(Math.max(0, offset - PAGE_SIZE))}>
                {t('impersonation.history.newer')}
              </button>
              <button type="button" className="button" disabled={offset + PAGE_SIZE >= page.total} onClick={() => go(offset + PAGE_SIZE)}>
                {t('impersonation.history.older')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function HistoryEntry({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const { duration } = useFormat();
  return (
    <li>
      <div className="session-line">
        <ViewBadge view={entry.view} />
        <span className="session-client">{entry.operatorName}</span>
        {entry.reason && <span className="muted">{t('sessions.reason', { reason: entry.reason })}</span>}
      </div>
      <p className="session-meta">
        {t('impersonation.history.started')} <Moment at={entry.startedAt} />
        {entry.endedAt !== null && (
          <>
            {' · '}
            {t('impersonation.history.ended')} <Moment at={entry.endedAt} /> · {t('impersonation.history.duration', { duration: duration(entry.endedAt - entry.startedAt) })}
          </>
        )}
      </p>
      <p className="history-end">{entry.endReason ? t(`impersonation.endReason.${entry.endReason}`) : t('impersonation.history.stillOpen')}</p>
    </li>
  );
}
