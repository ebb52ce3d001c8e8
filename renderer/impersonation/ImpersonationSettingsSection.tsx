import './impersonation.css';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { impersonationSettings, reasonPolicies, type ImpersonationSettings } from '../../shared/impersonation';
import { checkBeforeSending, wholeNumbers } from '../portfolio/forms';
import { useSubmit } from '../portfolio/useSubmit';
import { hasPermission, useSession } from '../session/store';
import { Checkbox } from '../ui/Checkbox';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { Field } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { SaveActions } from '../ui/SaveActions';
import { sameValues, useUnsavedChanges } from '../ui/unsavedChanges';
import { PublicKeys } from './PublicKeys';
import { loadImpersonationSettings, saveImpersonationSettings, useImpersonationSettings } from './settingsStore';

const limits = ['absoluteMinutes', 'idleMinutes'] as const;
/** Both limits must be filled in: no default stands in for an empty one. */
const limitFields = limits.map((name) => [name, null] as const);

/**
 * The workspace's log-in-as settings, and the public keys external platforms
 * verify our sign-in links with. The settings screen gives it its heading.
 */
export function ImpersonationSettingsSection() {
  const { t } = useTranslation();
  const settings = useImpersonationSettings((s) => s.settings);
  const canEdit = useSession((s) => hasPermission(s.session, 'impersonation.manage'));

  useEffect(() => void loadImpersonationSettings(), []);

  return (
    <div className="impersonation-settings" aria-busy={!settings}>
      {settings ? <SettingsForm settings={settings} canEdit={canEdit} /> : <p className="muted">{t('impersonation.setup.loading')}</p>}
      <PublicKeys />
    </div>
  );
}

/** The form's values: the limits as typed. */
const draftOf = ({ partnerLogin, reasonPolicy, absoluteMinutes, idleMinutes }: ImpersonationSettings) => ({
  partnerLogin,
  reasonPolicy,
  absoluteMinutes: String(absoluteMinutes),
  idleMinutes: String(idleMinutes),
});

function SettingsForm({ settings, canEdit }: { settings: ImpersonationSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const hintId = useId();
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [saved, setSaved] = useState(false);
  const { failure, busy, submit, formRef } = useSubmit(limits, async () => {
    setSaved(false);
    const { values, wrong } = wholeNumbers(draft, limitFields);
    const input = { ...draft, ...values };
    checkBeforeSending(impersonationSettings, input, wrong);
    await saveImpersonationSettings(input);
    setSaved(true);
  });
  const change = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  useUnsavedChanges(!sameValues(draft, draftOf(settings)), formRef);
  // Read again with other values (changed elsewhere): the form follows.
  const [basis, setBasis] = useState(settings);
  if (JSON.stringify(basis) !== JSON.stringify(settings)) {
    setBasis(settings);
    setDraft(draftOf(settings));
  }

  const limitField = (name: (typeof limits)[number], min: number, max: number) => (
    <Field
      inputMode="numeric"
      label={t(`impersonation.setup.${name}`)}
      hint={t(`impersonation.setup.${name}Hint`, { min, max })}
      value={draft[name]}
      onChange={(e) => change({ [name]: e.target.value })}
      error={failure.fieldError(name)}
    />
  );

  return (
    <form ref={formRef} className="form" onSubmit={submit} onChange={() => setSaved(false)} noValidate>
      <FormAlert failure={failure} />
      <fieldset className="settings-fields" disabled={!canEdit}>
        <div className="field">
          <Checkbox
            label={t('impersonation.setup.partnerLogin')}
            checked={draft.partnerLogin}
            aria-describedby={hintId}
            onChange={(e) => change({ partnerLogin: e.target.checked })}
          />
          <p className="field-hint" id={hintId}>
            {t('impersonation.setup.partnerLoginHint')}
          </p>
        </div>
        <ChoiceGroup
          legend={t('impersonation.setup.reasonPolicy')}
          options={reasonPolicies.map((value) => ({ value, label: t(`impersonation.setup.policy.${value}`) }))}
          value={draft.reasonPolicy}
          onChange={(reasonPolicy) => change({ reasonPolicy })}
        />
        {limitField('absoluteMinutes', 5, 12 * 60)}
        {limitField('idleMinutes', 1, 4 * 60)}
      </fieldset>
      {canEdit ? (
        <SaveActions label={t('impersonation.setup.save')} busy={busy} saved={saved} />
      ) : (
        <p className="muted">{t('impersonation.setup.readOnly')}</p>
      )}
    </form>
  );
}
