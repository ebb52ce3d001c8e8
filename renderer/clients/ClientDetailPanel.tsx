import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { on } from '../ipc/client';
import { errorText } from '../ui/errorText';
import { lazyNamed, WhenLoaded } from '../ui/lazy';
import { ClientDetailView } from './detail/ClientDetailView';
import { refreshOpened, useOpenedClient } from './detailStore';

const CreateClientForm = lazyNamed(() => import('./form/CreateClientForm'), 'CreateClientForm');
const EditClientForm = lazyNamed(() => import('./form/EditClientForm'), 'EditClientForm');

/** The right-hand panel: the opened client, a client form, or what to do to open one. */
export function ClientDetailPanel() {
  const { t } = useTranslation();
  const opened = useOpenedClient((s) => s.opened);
  const form = useOpenedClient((s) => s.form);
  // Windows opening and closing are in the client's history: it follows them.
  useEffect(() => on('impersonation.changed', () => void refreshOpened()), []);
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
