import { useTranslation } from 'react-i18next';
import { errorText } from '../ui/errorText';
import { dismissProblem, useProblem } from './problem';

/** Internal errors, with the reference the log has them under, until dismissed. */
export function ProblemBanner() {
  const { t } = useTranslation();
  const problem = useProblem((s) => s.problem);
  if (!problem) return null;
  return (
    <div className="problem-banner" role="alert">
      <p>{errorText(problem)}</p>
      <button type="button" className="button" onClick={dismissProblem}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
