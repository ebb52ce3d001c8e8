import { useTranslation } from 'react-i18next';
import type { WorkspaceStatus } from '../../shared/workspace';
import { StartPage } from '../app/StartPage';
import { OpenWorkspaceForm } from './OpenWorkspaceForm';

type Unavailable = Extract<WorkspaceStatus, { state: 'unavailable' }>;

/** Why the workspace file cannot be opened, in words and in detail, and a way to open another. */
export function UnavailableScreen({ status }: { status: Unavailable }) {
  const { t } = useTranslation();
  const { file, problem, detail } = status;
  return (
    <StartPage title={t('unavailable.title')} wide>
      <div className="alert alert-warning">
        <p>{t(`workspace.problem.${problem}`, { file, detail })}</p>
      </div>
      <details className="details">
        <summary>{t('unavailable.technicalDetails')}</summary>
        <pre>{detail}</pre>
      </details>
      <h2>{t('unavailable.openOther')}</h2>
      <OpenWorkspaceForm />
    </StartPage>
  );
}
