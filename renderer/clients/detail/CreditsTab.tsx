import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../shared/clients';
import { creditKinds, entryReasons, type CreditKind, type EntryReason } from '../../../shared/credits';
import { useFormat } from '../../i18n/format';
import { invoke } from '../../ipc/client';
import { PagedStatus } from '../../portfolio/PagedStatus';
import { usePaged } from '../../portfolio/usePaged';
import { useAllowed } from '../../portfolio/useAllowed';
import { useSubmit } from '../../portfolio/useSubmit';
import { Field, SelectField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useUnsavedChanges } from '../../ui/unsavedChanges';
import { refreshOpened } from '../detailStore';
import { creditEntry } from './creditEntry';
import { Section } from './Section';

/** SMS and call credits: balances, a new ledger entry, and the ledger with the balance after each entry. */
export function CreditsTab({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mayCredit = useAllowed('clients.credits');
  const { sms, call } = client.credits;
  const ledger = usePaged((offset, limit) => invoke('clients.credits.history', { id: client.id, offset, limit }), `${client.id}:${sms}:${call}`);
  return (
    <div className="tab-stack">
      <div className="balances">
        {creditKinds.map((kind) => (
          <div key={kind} className="card balance">
            <p className="service-label">{t(`credits.kind.${kind}`)}</p>
            <p className="balance-figure">{t('credits.balance', { count: client.credits[kind] })}</p>
          </div>
        ))}
      </div>
      {mayCredit && client.status !== 'archived' && <CreditEntryForm client={client} />}
      <Section title={t('credits.history')}>
        {ledger.rows.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('credits.when')}</th>
                <th scope="col">{t('credits.kindLabel')}</th>
                <th scope="col">{t('credits.reasonLabel')}</th>
                <th scope="col" className="number">
                  {t('credits.change')}
                </th>
                <th scope="col" className="number">
                  {t('credits.balanceAfter')}
                </th>
                <th scope="col">{t('credits.note')}</th>
                <th scope="col">{t('credits.by')}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.rows.map((entry) => (
                <tr key={entry.id}>
                  <td>{format.dateTime(entry.at)}</td>
                  <td>{t(`credits.kind.${entry.kind}`)}</td>
                  <td>{t(`credits.reason.${entry.reason}`)}</td>
                  <td className="number">{t('credits.signed', { amount: entry.amount, sign: entry.amount > 0 ? '+' : '' })}</td>
                  <td className="number">{t('credits.number', { value: entry.balanceAfter })}</td>
                  <td>{entry.note}</td>
                  <td>{entry.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <PagedStatus paged={ledger} empty={t('credits.none')} />
      </Section>
    </div>
  );
}

/** A top-up or usage takes a number of credits, a correction a signed change and a note (see creditEntry). */
function CreditEntryForm({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CreditKind>('sms');
  const [reason, setReason] = useState<EntryReason>('top_up');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const clear = () => {
    setAmount('');
    setNote('');
  };
  const { failure, busy, submit, formRef } = useSubmit(['kind', 'reason', 'amount', 'note'] as const, async () => {
    await invoke('clients.credits.add', creditEntry({ id: client.id, kind, reason, amount, note }));
    clear();
    await refreshOpened();
  });
  useUnsavedChanges(amount !== '' || note !== '', formRef, clear);
  return (
    <Section title={t('credits.record')}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormAlert failure={failure} />
        <div className="form-grid form-grid-3">
          <SelectField label={t('credits.kindLabel')} value={kind} onChange={(e) => setKind(e.target.value as CreditKind)}>
            {creditKinds.map((k) => (
              <option key={k} value={k}>
                {t(`credits.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('credits.reasonLabel')} value={reason} onChange={(e) => setReason(e.target.value as EntryReason)}>
            {entryReasons.map((r) => (
              <option key={r} value={r}>
                {t(`credits.reason.${r}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t(`credits.amountFor.${reason}`)}
            inputMode="numeric"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={failure.fieldError('amount')}
          />
        </div>
        <Field
          label={t(reason === 'correction' ? 'credits.noteCorrection' : 'credits.note')}
          aria-required={reason === 'correction'}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={failure.fieldError('note')}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
            {t('credits.submit')}
          </button>
        </div>
      </form>
    </Section>
  );
}
