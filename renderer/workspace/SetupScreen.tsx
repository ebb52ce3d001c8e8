import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StartPage } from '../app/StartPage';
import { FormAlert } from '../ui/FormAlert';
import { useFormFailure } from '../ui/useFormFailure';
import { CreateAdministratorForm } from './CreateAdministratorForm';
import { OpenAnotherButton } from './OpenAnotherButton';
import { openDemo } from './store';

/** First start of an empty workspace: create its administrator, or open the demo. */
export function SetupScreen() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const failure = useFormFailure([]);
  const createHint = useId();
  const demoHint = useId();

  if (creating) return <CreateAdministratorForm onBack={() => setCreating(false)} />;

  async function demo() {
    failure.reset();
    setBusy(true);
    try {
      await openDemo();
    } catch (thrown) {
      failure.fail(thrown);
      setBusy(false);
    }
  }

  return (
    <StartPage title={t('setup.title')} wide>
      <p>{t('setup.intro')}</p>
      <FormAlert failure={failure} />
      <div className="choices">
        <div className="choice">
          <button type="button" className="button primary" aria-describedby={createHint} disabled={busy} onClick={() => setCreating(true)}>
            {t('setup.createAdministrator')}
          </button>
          <p id={createHint}>{t('setup.createAdministratorHint')}</p>
        </div>
        <div className="choice">
          <button type="button" className="button" aria-describedby={demoHint} disabled={busy} aria-busy={busy} onClick={demo}>
            {t('setup.openDemo')}
          </button>
          <p id={demoHint}>{t('setup.openDemoHint')}</p>
        </div>
      </div>
      <div className="start-secondary">
        <OpenAnotherButton />
      </div>
    </StartPage>
  );
}
