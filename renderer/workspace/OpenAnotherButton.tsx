import { useTranslation } from 'react-i18next';
import { chooseFile } from './store';

/** The secondary way out of a start screen: work on a different workspace file. */
export function OpenAnotherButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="button link" onClick={() => chooseFile(true)}>
      {t('workspace.openAnother')}
    </button>
  );
}
