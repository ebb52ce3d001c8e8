import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../shared/clients';
import type { IpcError } from '../../../shared/ipc/errors';
import { handleFailure } from '../../app/failures';
import { invoke } from '../../ipc/client';
import { FormDialog } from '../../portfolio/FormDialog';
import { useAllowed } from '../../portfolio/useAllowed';
import { errorText } from '../../ui/errorText';
import { Field } from '../../ui/Field';
import { clientsChanged } from '../changes';
import { refreshOpened, startEditing } from '../detailStore';

/** A status change is seen everywhere: the view, its history, the list row. */
function statusChanged(client: ClientDetail): void {
  void refreshOpened(client);
  clientsChanged();
}

/** Edit, suspend or re-enable, archive or restore: what the client's status and the operator's role allow. */
export function DetailActions({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const mayEdit = useAllowed('clients.edit');
  const mayStatus = useAllowed('clients.status');
  const [dialog, setDialog] = useState<'suspend' | 'archive' | 'restore' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const { id, status } = client;

  const run = (channel: 'clients.reenable' | 'clients.restore') => () => {
    setBusy(true);
    setError(null);
    invoke(channel, { id })
      .then(statusChanged, (thrown) => {
        const failure = handleFailure(thrown);
        // Another client took the contact e-mail meanwhile: restore with a new one.
        if (channel === 'clients.restore' && failure?.fields?.some((f) => f.path === 'contactEmail')) setDialog('restore');
        else setError(failure);
      })
      .finally(() => setBusy(false));
  };

  return (
    <div className="detail-actions">
      {mayEdit && status !== 'archived' && (
        <button type="button" className="button" onClick={startEditing}>
          {t('clientDetail.edit')}
        </button>
      )}
      {mayStatus && status === 'active' && (
        <button type="button" className="button" onClick={() => setDialog('suspend')}>
          {t('clientDetail.suspend')}
        </button>
      )}
      {mayStatus && status === 'suspended' && (
        <button type="button" className="button" disabled={busy} onClick={run('clients.reenable')}>
          {t('clientDetail.reenable')}
        </button>
      )}
      {mayStatus && status !== 'archived' && (
        <button type="button" className="button" onClick={() => setDialog('archive')}>
          {t('clientDetail.archive')}
        </button>
      )}
      {mayStatus && status === 'archived' && (
        <button type="button" className="button" disabled={busy} onClick={run('clients.restore')}>
          {t('clientDetail.restore')}
        </button>
      )}
      {error && (
        <div className="alert alert-error detail-actions-error" role="alert">
          <p>{errorText(error)}</p>
        </div>
      )}
      {dialog === 'suspend' && <SuspendDialog client={client} onClosed={() => setDialog(null)} />}
      {dialog === 'restore' && <RestoreDialog client={client} onClosed={() => setDialog(null)} />}
      {dialog === 'archive' && (
        <FormDialog
          title={t('clientDetail.archiveTitle', { name: client.companyName })}
          fields={[]}
          submitLabel={t('clientDetail.archiveSubmit')}
          danger
          onClosed={() => setDialog(null)}
          onSubmit={() => invoke('clients.archive', { id }).then(statusChanged)}
        >
          {() => <p>{t('clientDetail.archiveExplain')}</p>}
        </FormDialog>
      )}
    </div>
  );
}

function SuspendDialog({ client, onClosed }: { client: ClientDetail; onClosed: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={t('clientDetail.suspendTitle', { name: client.companyName })}
      fields={['reason'] as const}
      submitLabel={t('clientDetail.suspendSubmit')}
      danger
      onClosed={onClosed}
      onSubmit={() => invoke('clients.suspend', { id: client.id, reason }).then(statusChanged)}
    >
      {(failure) => (
        <>
          <p>{t('clientDetail.suspendExplain')}</p>
          <Field label={t('clientDetail.suspendReason')} autoFocus aria-required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} error={failure.fieldError('reason')} />
        </>
      )}
    </FormDialog>
  );
}

/** Restoring a client whose contact e-mail another client took while it was archived: it comes back with a new one. */
function RestoreDialog({ client, onClosed }: { client: ClientDetail; onClosed: () => void }) {
  const { t } = useTranslation();
  const [contactEmail, setContactEmail] = useState(client.contactEmail);
  return (
    <FormDialog
      title={t('clientDetail.restoreTitle', { name: client.companyName })}
      fields={['contactEmail'] as const}
      submitLabel={t('clientDetail.restoreSubmit')}
      onClosed={onClosed}
      onSubmit={() => invoke('clients.restore', { id: client.id, contactEmail }).then(statusChanged)}
    >
      {(failure) => (
        <>
          <p>{t('clientDetail.restoreEmailTaken', { email: client.contactEmail })}</p>
          <Field
            label={t('clients.form.contactEmail')}
            type="email"
            autoFocus
            aria-required
            value={contactEmail}
            onChange={(e) => setContactEmail(e.target.value)}
            error={failure.fieldError('contactEmail')}
          />
        </>
      )}
    </FormDialog>
  );
}
