import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clientUserRoles, type ClientUser } from '../../../shared/client-users';
import type { ClientDetail } from '../../../shared/clients';
import { useFormat } from '../../i18n/format';
import { invoke } from '../../ipc/client';
import { PagedStatus } from '../../portfolio/PagedStatus';
import { usePaged } from '../../portfolio/usePaged';
import { useAllowed } from '../../portfolio/useAllowed';
import { useSubmit } from '../../portfolio/useSubmit';
import { Field, SelectField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useUnsavedChanges } from '../../ui/unsavedChanges';
import { handleFailure } from '../../app/failures';
import { errorText } from '../../ui/errorText';
import { refreshOpened } from '../detailStore';
import { Section } from './Section';

/** The client's users within the seat limit; new ones are invited (they choose their own password). */
export function UsersTab({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mayEdit = useAllowed('clients.edit');
  // The whole list at once (it is bounded by the seats); read again when a user takes a seat.
  const users = usePaged(
    () => invoke('clientUsers.list', { clientId: client.id }).then((rows) => ({ total: rows.length, rows })),
    `${client.id}:${client.usersUsed}`,
  );

  return (
    <div className="tab-stack">
      <Section title={t('clientUsers.title')}>
        <p>{t('clientDetail.seatsUsed', { used: client.usersUsed, count: client.seatLimit })}</p>
        <SignInAddress key={`${client.id}:${client.portalSsoUrl ?? ''}`} clientId={client.id} />
        <PagedStatus paged={users} empty={t('clientUsers.none')} />
        {users.rows.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('clientUsers.name')}</th>
                <th scope="col">{t('clientUsers.email')}</th>
                <th scope="col">{t('clientUsers.role')}</th>
                <th scope="col">{t('clientUsers.status')}</th>
              </tr>
            </thead>
            <tbody>
              {users.rows.map((user) => (
                <tr key={user.id}>
                  <td>{user.displayName}</td>
                  <td>{user.email}</td>
                  <td>{t(`clientUsers.roles.${user.role}`)}</td>
                  <td>
                    {t(`clientUsers.statuses.${user.status}`)}
                    {user.invitationExpiresAt !== null && (
                      <span className="muted"> · {t('clientUsers.invitedUntil', { date: format.dateTime(user.invitationExpiresAt) })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      {mayEdit && client.status !== 'archived' && <AddUserForm client={client} />}
    </div>
  );
}

/** The built-in portal's sign-in page of the client, for its users (its address is not guessable, so they get it from here or the invitation). */
function SignInAddress({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [said, setSaid] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const shown = useRef<HTMLElement>(null);
  useEffect(() => {
    let current = true;
    invoke('clientUsers.signInAddress', { clientId }).then(
      (answer) => current && setUrl(answer.url),
      (thrown: unknown) => {
        const error = handleFailure(thrown);
        if (current && error) setSaid({ tone: 'error', text: errorText(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [clientId]);

  async function copy(whole: string) {
    try {
      await navigator.clipboard.writeText(whole);
      setSaid({ tone: 'info', text: t('clientUsers.addressCopied') });
    } catch {
      // No clipboard access here: the address is selected for Ctrl/Cmd+C.
      if (shown.current) window.getSelection()?.selectAllChildren(shown.current);
      setSaid({ tone: 'info', text: t('clientUsers.addressSelected') });
    }
  }

  return (
    <>
      {url && (
        <p className="token-line">
          {t('clientUsers.signInAt')}{' '}
          <code ref={shown} className="token">
            {url}
          </code>{' '}
          <button type="button" className="button" onClick={() => void copy(url)}>
            {t('clientUsers.copyAddress')}
          </button>
        </p>
      )}
      {said && (
        <p className={said.tone === 'error' ? 'field-error' : 'field-hint'} role={said.tone === 'error' ? 'alert' : 'status'}>
          {said.text}
        </p>
      )}
    </>
  );
}

function AddUserForm({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ClientUser['role']>('user');
  const [added, setAdded] = useState<string | null>(null);
  const clear = () => {
    setDisplayName('');
    setEmail('');
  };
  const { failure, busy, submit, formRef } = useSubmit(['displayName', 'email', 'role'] as const, async () => {
    setAdded(null);
    const user = await invoke('clientUsers.create', { clientId: client.id, displayName, email, role });
    clear();
    setAdded(user.email);
    await refreshOpened();
  });
  useUnsavedChanges(displayName !== '' || email !== '', formRef, clear);

  return (
    <Section title={t('clientUsers.add')}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <p className="field-hint">{t('clientUsers.addHint')}</p>
        <FormAlert failure={failure} />
        <div className="form-grid form-grid-3">
          <Field label={t('clientUsers.name')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={failure.fieldError('displayName')} />
          <Field label={t('clientUsers.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={failure.fieldError('email')} />
          <SelectField label={t('clientUsers.role')} value={role} onChange={(e) => setRole(e.target.value as ClientUser['role'])}>
            {clientUserRoles.map((r) => (
              <option key={r} value={r}>
                {t(`clientUsers.roles.${r}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
            {t('clientUsers.invite')}
          </button>
        </div>
        {added && (
          <p className="field-hint" role="status">
            {t('clientUsers.invited', { email: added })}
          </p>
        )}
      </form>
    </Section>
  );
}
