import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStatus } from '../../shared/workspace';
import { StartPage } from '../app/StartPage';
import { Field } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { formatWait, useCountdown } from '../ui/useCountdown';
import { useFormFailure } from '../ui/useFormFailure';
import { OpenAnotherButton } from '../workspace/OpenAnotherButton';
import { signIn, useSession } from './store';

type Ready = Extract<WorkspaceStatus, { state: 'ready' }>;

/** Sign-in to a workspace that has operators; throttled attempts wait with a visible countdown. */
export function SignInScreen({ status }: { status: Ready }) {
  const { t } = useTranslation();
  const ended = useSession((s) => s.ended);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitMs = useCountdown(retryAt);
  const failure = useFormFailure(['email', 'password'] as const);
  const demo = status.demoSignIn;

  async function submit(event: FormEvent) {
    event.preventDefault();
    failure.reset();
    setBusy(true);
    try {
      await signIn({ email, password });
    } catch (thrown) {
      const error = failure.fail(thrown);
      setRetryAt(error?.retryAfterMs ? Date.now() + error.retryAfterMs : null);
      setBusy(false);
    }
  }

  return (
    <StartPage title={t('signIn.title')}>
      {ended && (
        <div className="alert alert-info" role="status">
          <p>{t('signIn.sessionEnded')}</p>
        </div>
      )}
      <p>{t('signIn.intro')}</p>
      {demo && (
        <div className="hint-box">
          <p>{t('signIn.demoHint', demo)}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setEmail(demo.email);
              setPassword(demo.password);
            }}
          >
            {t('signIn.useDemo')}
          </button>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert failure={failure} />
        <Field
          label={t('signIn.email')}
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={failure.fieldError('email')}
        />
        <Field
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={failure.fieldError('password')}
        />
        {waitMs > 0 && (
          <p className="countdown" aria-live="off">
            {t('signIn.retryIn', { time: formatWait(waitMs) })}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy || waitMs > 0}>
            {t('signIn.submit')}
          </button>
        </div>
      </form>
      <div className="start-secondary">
        <OpenAnotherButton />
      </div>
    </StartPage>
  );
}
