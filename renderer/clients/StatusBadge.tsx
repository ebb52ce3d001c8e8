import { useTranslation } from 'react-i18next';
import type { ClientStatus } from '../../shared/clients';

export function StatusBadge({ status }: { status: ClientStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`clientStatus.${status}`)}</span>;
}
