import './outbox.css';
import { useTranslation } from 'react-i18next';
import { openClient } from '../clients/detailStore';
import { Moment } from '../i18n/Moment';
import { invoke } from '../ipc/client';
import { showScreen } from '../navigation/store';
import { PagedStatus } from '../portfolio/PagedStatus';
import { usePaged } from '../portfolio/usePaged';
import { discardingChanges } from '../ui/unsavedChanges';

/**
 * Mail the workspace has queued (invitations so far), newest first: stored
 * and shown here until sending by e-mail is set up. A client's own, or all.
 */
export function OutboxList({ clientId }: { clientId?: number }) {
  const { t } = useTranslation();
  const mails = usePaged((offset, limit) => invoke('mail.outbox', { ...(clientId !== undefined && { clientId }), offset, limit }), String(clientId ?? 'all'), 25);
  return (
    <div className="outbox">
      <p className="alert alert-info">{t('outbox.stored')}</p>
      {mails.rows.length > 0 && (
        <ul className="mail-list">
          {mails.rows.map((mail) => (
            <li key={mail.id} className="mail">
              <details>
                <summary>
                  <span className="mail-subject">{mail.subject}</span>
                  <span className="mail-meta">
                    {t('outbox.to', { to: mail.to })} · <Moment at={mail.createdAt} />
                  </span>
                </summary>
                <pre className="mail-body">{mail.body.replaceAll('{link}', mail.linkPath ? t('outbox.link', { path: mail.linkPath }) : '')}</pre>
                {clientId === undefined && mail.clientId !== null && mail.clientName !== null && (
                  <OpenClientButton id={mail.clientId} name={mail.clientName} />
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
      <PagedStatus paged={mails} empty={t('outbox.empty')} />
    </div>
  );
}

/** From the whole outbox to the mail's client, named as it is now. */
function OpenClientButton({ id, name }: { id: number; name: string }) {
  const { t } = useTranslation();
  const open = () =>
    discardingChanges(() => {
      showScreen('clients');
      void openClient(id);
    });
  return (
    <button type="button" className="button link" onClick={open}>
      {t('outbox.openClient', { client: name })}
    </button>
  );
}
