import { useTranslation } from 'react-i18next';
import { StartPage } from '../app/StartPage';
import { OpenWorkspaceForm } from './OpenWorkspaceForm';
import { chooseFile } from './store';

/** "Open another workspace…" from the sign-in or first-start screen. */
export function OpenWorkspaceScreen() {
  const { t } = useTranslation();
  return (
    <StartPage title={t('openWorkspace.title')}>
      <p>{t('openWorkspace.intro')}</p>
      <OpenWorkspaceForm onCancel={() => chooseFile(false)} />
    </StartPage>
  );
}
