import { useTranslation } from 'react-i18next';
import type { View } from '../../shared/impersonation';

/** "Client view" in teal, "Partner view" in amber: the colours of the windows themselves. */
export function ViewBadge({ view }: { view: View }) {
  const { t } = useTranslation();
  return <span className={`badge view-badge view-${view}`}>{t(`impersonation.view.${view}`)}</span>;
}
