import { useTranslation } from 'react-i18next';
import { languages } from '../../../shared/settings';
import { useFormat } from '../../i18n/format';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { Field, SelectField, TextAreaField } from '../../ui/Field';
import type { FormFailure } from '../../ui/useFormFailure';
import type { DetailValues, TextField } from './detailValues';

/** IANA zones as this Chromium knows them; a client's own zone is offered even if it is not among them. */
const zones = Intl.supportedValuesOf('timeZone');

interface DetailFieldsProps {
  values: DetailValues;
  onChange: (patch: Partial<DetailValues>) => void;
  failure: FormFailure<string>;
}

/** Company, contact, address, portal and organisation: what create and edit share, with the same rules. */
export function DetailFields({ values, onChange, failure }: DetailFieldsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = (name: TextField) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => onChange({ [name]: e.target.value }),
    error: failure.fieldError(name),
  });
  const countryName = /^[a-z]{2}$/i.test(values.country.trim()) ? format.country(values.country.trim().toUpperCase()) : null;
  return (
    <>
      <fieldset className="form-section">
        <legend>{t('clients.form.company')}</legend>
        <div className="form-grid">
          <div className="span-2">
            <Field label={t('clients.form.companyName')} autoFocus aria-required maxLength={120} {...text('companyName')} />
          </div>
          <Field label={t('clients.form.contactName')} aria-required maxLength={120} autoComplete="off" {...text('contactName')} />
          <Field label={t('clients.form.contactEmail')} type="email" aria-required autoComplete="off" {...text('contactEmail')} />
          <Field label={t('clients.form.contactPhone')} type="tel" hint={t('clients.form.phoneHint')} {...text('contactPhone')} />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('clients.form.address')}</legend>
        <div className="form-grid">
          <Field label={t('clients.form.street')} {...text('street')} />
          <Field label={t('clients.form.postalCode')} {...text('postalCode')} />
          <Field label={t('clients.form.city')} {...text('city')} />
          <Field label={t('clients.form.country')} maxLength={100} hint={countryName ?? t('clients.form.countryHint')} {...text('country')} />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('clients.form.settings')}</legend>
        <div className="form-grid">
          <SelectField label={t('clients.form.language')} value={values.language} onChange={(e) => onChange({ language: e.target.value as DetailValues['language'] })}>
            {languages.map((language) => (
              <option key={language} value={language}>
                {format.language(language)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('clients.form.timeZone')} value={values.timeZone} onChange={(e) => onChange({ timeZone: e.target.value })} error={failure.fieldError('timeZone')}>
            {!zones.includes(values.timeZone) && <option value={values.timeZone}>{values.timeZone}</option>}
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </SelectField>
        </div>
        <ChoiceGroup
          legend={t('clients.form.portal')}
          options={[
            { value: 'builtin', label: t('clients.form.portalBuiltin') },
            { value: 'external', label: t('clients.form.portalExternal') },
          ]}
          value={values.portal}
          onChange={(portal) => onChange({ portal })}
        />
        {values.portal === 'external' && (
          <Field label={t('clients.form.ssoUrl')} hint={t('clients.form.ssoUrlHint')} spellCheck={false} {...text('portalSsoUrl')} />
        )}
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('clients.form.organisation')}</legend>
        <Field label={t('clients.form.tags')} hint={t('clients.form.tagsHint')} {...text('tags')} />
        <TextAreaField label={t('clients.form.notes')} rows={3} maxLength={5000} {...text('notes')} />
      </fieldset>
    </>
  );
}
