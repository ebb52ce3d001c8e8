import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { firstAdministrator } from '../../shared/workspace';
import { StartPage } from '../app/StartPage';
import { checkBeforeSending } from '../portfolio/forms';
import { Field } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { useFormFailure } from '../ui/useFormFailure';
import { createAdministrator } from './store';

const fields = ['displayName', 'email', 'password', 'repeatPassword'] as const;
type FieldName = (typeof fields)[number];

/** The first administrator of a new workspace; signed in as soon as it exists. */
export function CreateAdministratorForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<FieldName, string>>({ displayName: '', email: '', password: '', repeatPassword: '' });
  const [busy, setBusy] = useState(false);
  const failure = useFormFailure(fields);

  const input = (name: FieldName) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: failure.fieldError(name),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    failure.reset();
    const { repeatPassword, ...administrator } = values;
    try {
      // Every problem at once: the rules of the channel and the repeated password.
      const differ = repeatPassword !== administrator.password;
      checkBeforeSending(firstAdministrator, administrator, differ ? [{ path: 'repeatPassword', key: 'validation.passwordsDiffer', message: 'The two passwords do not match.' }] : []);
    } catch (thrown) {
      failure.fail(thrown);
      return;
    }
    setBusy(true);
    try {
      await createAdministrator(administrator);
    } catch (thrown) {
      failure.fail(thrown);
      setBusy(false);
    }
  }

  return (
    <StartPage title={t('setup.formTitle')}>
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert failure={failure} />
        <Field label={t('setup.displayName')} autoComplete="name" autoFocus aria-required {...input('displayName')} />
        <Field label={t('setup.email')} type="email" autoComplete="username" aria-required {...input('email')} />
        <Field label={t('setup.password')} type="password" autoComplete="new-password" aria-required hint={t('setup.passwordHint')} {...input('password')} />
        <Field label={t('setup.repeatPassword')} type="password" autoComplete="new-password" aria-required {...input('repeatPassword')} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t('setup.submit')}
          </button>
          <button type="button" className="button" onClick={onBack}>
            {t('setup.back')}
          </button>
        </div>
      </form>
    </StartPage>
  );
}
