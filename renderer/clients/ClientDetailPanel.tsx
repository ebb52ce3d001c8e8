import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenSessions, windowsOf } from '../impersonation';
import { errorText } from '../ui/errorText';
import { lazyNamed, WhenLoaded } from '../ui/lazy';
import { ClientDetailView } from './detail/ClientDetailView';
import { refreshOpened, useOpenedClient } from './detailStore';

const CreateClientForm = lazyNamed(() => import('./form/CreateClientForm'), 'CreateClientForm');
const EditClientForm = lazyNamed(() => import('./form/EditClientForm'), 'EditClientForm');

/** The opened client's windows opening, ending and extended are in its history: the panel reads it again then, and only then. */
function useFollowWindows(clientId: number | null) {
  const windows = useOpenSessions((s) => (clientId === null ? '' : windowsOf(s.sessions, clientId)));
  const seen = useRef({ clientId, windows });
  useEffect(() => {
    const before = seen.current;
    seen.current = { clientId, windows };
    if (before.clientId === clientId && before.windows !== windows) void refreshOpened();
  }, [clientId, windows]);
}

/** The right-hand panel: the opened client, a client form, or what to do to open one. */
export function ClientDetailPanel() {
  const { t } = useTranslation();
  const opened = useOpenedClient((s) => s.opened);
  const form = useOpenedClient((s) => s.form);
  useFollowWindows(opened.state === 'loaded' ? opened.id : null);
  return (
    <section className="detail-pane" role="region" aria-label={t('clientDetail.region')} aria-busy={opened.state === 'loading'}>
      {form === 'create' ? (
        <WhenLoaded>
          <CreateClientForm />
        </WhenLoaded>
      ) : form === 'edit' && opened.state === 'loaded' ? (
        <WhenLoaded>
          <EditClientForm key={opened.id} client={opened.client} />
        </WhenLoaded>
      ) : (
        <>
          {opened.state === 'none' && (
            <div className="empty-state">
              <p className="empty-title">{t('clientDetail.select')}</p>
              <p>{t('clientDetail.selectHint')}</p>
            </div>
          )}
          {opened.state === 'loading' && <p className="detail-loading">{t('clientDetail.loading')}</p>}
          {opened.state === 'failed' && (
            <div className="alert alert-error" role="alert">
              <p>{opened.error ? errorText(opened.error) : t('clientDetail.failed')}</p>
            </div>
          )}
          {opened.state === 'loaded' && <ClientDetailView client={opened.client} history={opened.history} warnings={opened.warnings} />}
        </>
      )}
    </section>
  );
}
