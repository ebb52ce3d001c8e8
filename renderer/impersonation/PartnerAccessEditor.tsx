import type { TFunction } from 'i18next';
import './impersonation.css';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../portfolio/useSubmit';
import { hasPermission, useSession } from '../session/store';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { Field } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { SaveActions } from '../ui/SaveActions';
import { useUnsavedChanges } from '../ui/unsavedChanges';
import { loadPartnerAccess, savePartnerAccess, usePartnerAccess, type ClientAccess } from './accessStore';

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of a moment, as a date input holds it ("2026-03-31"). */
function dayOf(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Access is allowed through the whole of the chosen day, in the operator's time zone. */
const endOfDay = (day: string): number | null => (day ? new Date(`${day}T23:59:59.999`).getTime() : null);

/** The client's say on partner access: allowed (perhaps until a day) or refused. Editable with "impersonation.manage". */
export function PartnerAccessEditor({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const id = useId();
  const canEdit = useSession((s) => hasPermission(s.session, 'impersonation.manage'));
  const access = usePartnerAccess((s) => s.byClient.get(clientId));

  useEffect(() => void loadPartnerAccess(clientId), [clientId]);

  return (
    <section className="impersonation-section" aria-labelledby={id} aria-busy={!access}>
      <h3 id={id}>{t('impersonation.access.title')}</h3>
      {!access ? (
        <p className="muted">{t('impersonation.access.loading')}</p>
      ) : (
        <>
          <p>{stateText(access, t)}</p>
          {canEdit ? <AccessForm key={clientId} access={access} /> : <p className="muted">{t('impersonation.access.readOnly')}</p>}
        </>
      )}
    </section>
  );
}

type T = TFunction;

function stateText({ partnerAccess, partnerAccessUntil: until }: ClientAccess, t: T): string {
  if (partnerAccess === 'refused') return t('impersonation.access.stateRefused');
  if (until === null) return t('impersonation.access.stateAllowed');
  return until > Date.now() ? t('impersonation.access.stateAllowedUntil', { until }) : t('impersonation.partnerExpired', { until });
}

function AccessForm({ access }: { access: ClientAccess }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState(access.partnerAccess);
  const [day, setDay] = useState(dayOf(access.partnerAccessUntil));
  const reset = () => {
    setChoice(access.partnerAccess);
    setDay(dayOf(access.partnerAccessUntil));
  };
  // Changed elsewhere (the keyboard's refusal re-reads it, another form saved it): the form follows.
  const [basis, setBasis] = useState(access);
  if (basis.partnerAccess !== access.partnerAccess || basis.partnerAccessUntil !== access.partnerAccessUntil) {
    setBasis(access);
    reset();
  }
  const [saved, setSaved] = useState(false);
  const { failure, busy, submit, formRef } = useSubmit(['partnerAccessUntil'] as const, async () => {
    setSaved(false);
    await savePartnerAccess({ clientId: access.clientId, partnerAccess: choice, partnerAccessUntil: choice === 'allowed' ? endOfDay(day) : null });
    setSaved(true);
  });
  useUnsavedChanges(choice !== access.partnerAccess || day !== dayOf(access.partnerAccessUntil), formRef, reset);

  return (
    <form ref={formRef} className="form" onSubmit={submit} onChange={() => setSaved(false)} noValidate>
      <FormAlert failure={failure} />
      <ChoiceGroup
        legend={t('impersonation.access.choice')}
        options={[
          { value: 'allowed', label: t('impersonation.access.allowed') },
          { value: 'refused', label: t('impersonation.access.refused') },
        ]}
        value={choice}
        onChange={setChoice}
      />
      <Field
        type="date"
        label={t('impersonation.access.until')}
        hint={t('impersonation.access.untilHint')}
        disabled={choice === 'refused'}
        value={choice === 'refused' ? '' : day}
        onChange={(e) => setDay(e.target.value)}
        error={failure.fieldError('partnerAccessUntil')}
      />
      <SaveActions label={t('impersonation.access.save')} busy={busy} saved={saved} />
    </form>
  );
}
